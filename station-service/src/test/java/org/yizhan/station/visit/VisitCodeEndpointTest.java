package org.yizhan.station.visit;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.yizhan.localstack.testing.TestTokens;
import org.yizhan.localstack.testing.YizhanTestResource;
import org.yizhan.station.domain.visit.VisitCode;

import java.time.Instant;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.yizhan.station.visit.VisitFixtures.awayFromEdges;

@QuarkusTest
@WithTestResource(value = YizhanTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "yizhan_station"))
class VisitCodeEndpointTest {

    @AfterEach
    void backToRealTime() {
        VisitFixtures.realTime();
    }

    @Inject
    VisitFixtures fixtures;

    static String path(UUID station) {
        return "/api/v1/stations/" + station + "/visit-code";
    }

    @Test
    void theStationsManagerGetsTheCurrentCodeAndWhenToRefresh() throws Exception {
        String manager = "manager-" + UUID.randomUUID();
        UUID station = fixtures.stationManagedBy(manager);
        awayFromEdges(5);
        Instant asked = VisitFixtures.now();
        var answer = given().auth().oauth2(TestTokens.token(manager, "station-manager"))
                .when().get(path(station))
                .then().statusCode(200)
                .body("stationId", equalTo(station.toString()))
                .extract();
        String code = answer.path("code");
        Instant from = Instant.parse(answer.path("validFrom"));
        Instant until = Instant.parse(answer.path("validUntil"));
        int refresh = answer.path("refreshAfterSeconds");
        assertEquals(VisitCode.startOf(VisitCode.windowOf(asked)), from);
        assertEquals(from.plusSeconds(120), until);
        assertTrue(refresh >= 1 && refresh <= 60, "refreshAfterSeconds " + refresh);
        assertEquals("yizhan://visit?station=" + station + "&code=" + code, answer.path("qrText"));
        // It is the code of this window, made with the station's stored secret.
        assertEquals(VisitCode.compute(fixtures.secret(station), station, VisitCode.windowOf(asked)), code);
        // Everyone who asks in the same window gets the same code; the secret is made once.
        assertEquals(code, VisitFixtures.currentCode(station));
    }

    @Test
    void stationsHaveTheirOwnSecrets() {
        UUID one = fixtures.stationManagedBy("manager-" + UUID.randomUUID());
        UUID two = fixtures.stationManagedBy("manager-" + UUID.randomUUID());
        VisitFixtures.currentCode(one);
        VisitFixtures.currentCode(two);
        assertEquals(VisitCode.SECRET_BYTES, fixtures.secret(one).length);
        assertNotEquals(java.util.Arrays.toString(fixtures.secret(one)), java.util.Arrays.toString(fixtures.secret(two)));
    }

    @Test
    void onlyAUnionAdminOrTheStationsManagerGetsTheCode() {
        UUID station = fixtures.stationManagedBy("manager-" + UUID.randomUUID());
        String otherManager = "manager-" + UUID.randomUUID();
        fixtures.stationManagedBy(otherManager);

        given().when().get(path(station))
                .then().statusCode(401).contentType("application/problem+json")
                .body("type", equalTo("urn:yizhan:problem:unauthorized"));
        given().auth().oauth2(TestTokens.token(otherManager, "station-manager"))
                .when().get(path(station))
                .then().statusCode(403).contentType("application/problem+json")
                .body("type", equalTo("urn:yizhan:problem:forbidden"));
        given().auth().oauth2(TestTokens.token("rider-1", "worker"))
                .when().get(path(station))
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.token("admin-1", "union-admin"))
                .when().get(path(UUID.randomUUID()))
                .then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("urn:yizhan:problem:not-found"));
    }

    @Test
    void aStationThatIsNotOpenShowsNoCode() {
        UUID station = fixtures.stationManagedBy("manager-" + UUID.randomUUID());
        fixtures.setStatus(station, "CLOSED");
        given().auth().oauth2(TestTokens.token("admin-1", "union-admin"))
                .when().get(path(station))
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("urn:yizhan:problem:conflict"));
    }
}
