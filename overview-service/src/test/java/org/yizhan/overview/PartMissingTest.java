package org.yizhan.overview;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/** With legal-aid-service stopped (its URL a port where nothing listens) the views answer without it. */
@QuarkusTest
@TestProfile(PartMissingTest.LegalAidStopped.class)
class PartMissingTest {

    public static class LegalAidStopped implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(StubServices.class,
                    java.util.Map.of(StubServices.DOWN, "legal-aid-service"), true));
        }
    }

    private static final String WORKER = StubServices.keys().mint("rider-8", "worker");
    private static final String ADMIN = StubServices.keys().mint("admin-2", "union-admin");

    @Test
    void theOverviewSaysLegalAidIsMissingAndShowsTheRest() {
        given().auth().oauth2(WORKER).get("/api/v1/me/overview")
                .then().statusCode(200)
                .body("partsOk", equalTo(3)).body("partsMissing", equalTo(2))
                .body("consultations.status", equalTo("UNAVAILABLE"))
                .body("consultations.service", equalTo("legal-aid-service"))
                .body("consultations.upstreamStatus", nullValue())
                .body("consultations.data", nullValue())
                .body("applications.status", equalTo("UNAVAILABLE"))
                .body("registrations.status", equalTo("OK"))
                .body("checkups.status", equalTo("OK"))
                .body("visits.status", equalTo("OK"));
    }

    @Test
    void theDashboardSaysLegalAidIsMissingAndShowsTheRest() {
        given().auth().oauth2(ADMIN).get("/api/v1/districts/{district}/dashboard", "大兴区")
                .then().statusCode(200)
                .body("partsOk", equalTo(4)).body("partsMissing", equalTo(1))
                .body("legalAid.status", equalTo("UNAVAILABLE"))
                .body("legalAid.districtOnly", equalTo(true))
                .body("network.status", equalTo("OK"))
                .body("stations.status", equalTo("OK"));
    }
}
