package org.yizhan.services;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.yizhan.kit.health.EventsReadiness;
import org.yizhan.localstack.testing.TestTokens;
import org.yizhan.localstack.testing.YizhanTestResource;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

@QuarkusTest
@WithTestResource(value = YizhanTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "yizhan_services"))
class VenueApiTest {

    @Test
    void venuesNeedAToken() {
        given().when().get("/api/v1/activities/venues")
                .then().statusCode(401).contentType("application/problem+json")
                .body("type", equalTo("urn:yizhan:problem:unauthorized"));
        given().auth().oauth2(TestTokens.expiredToken("rider-7", "worker"))
                .when().get("/api/v1/activities/venues")
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void unknownVenueAndBadParametersAreProblems() {
        String token = TestTokens.token("rider-7", "worker");
        given().auth().oauth2(token).header("Accept-Language", "en")
                .when().get("/api/v1/activities/venues/" + UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json")
                .body("detail", equalTo("The station does not exist"));
        given().auth().oauth2(token).queryParam("limit", 500)
                .when().get("/api/v1/activities/venues")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("limit"));
        given().auth().oauth2(token).queryParam("cursor", "%%%")
                .when().get("/api/v1/activities/venues")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void readinessShowsTheEventFlow() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem(EventsReadiness.NAME));
    }
}
