package org.yizhan.overview;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The overview and the dashboard with every service up, and some of them failing or slow. */
@QuarkusTest
@WithTestResource(StubServices.class)
class ComposedViewsTest {

    private static final String WORKER = StubServices.keys().mint("rider-7", "worker");
    private static final String ADMIN = StubServices.keys().mint("admin-1", "union-admin");
    private static final String STAFF = StubServices.keys().mint("staff-1", "union-staff");

    @Test
    void theOverviewAsksEachServiceForWhatIsCurrent() {
        String recentFrom = LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(30).toString();
        given().auth().oauth2(WORKER).get("/api/v1/me/overview")
                .then().statusCode(200)
                .body("registrations.data.query", equalTo(Map.of("upcoming", "true", "limit", "5")))
                .body("checkups.data.query", equalTo(Map.of("upcoming", "true", "limit", "5")))
                .body("consultations.data.query", equalTo(Map.of("status", "OPEN", "limit", "5")))
                .body("applications.data.query", equalTo(Map.of("open", "true", "limit", "5")))
                .body("visits.data.query", equalTo(Map.of("from", recentFrom, "limit", "5")));
    }

    @Test
    void theOverviewHasEveryPartWithTheCallersTokenAndLimit() {
        given().auth().oauth2(WORKER).header("Accept-Language", "en").header("X-Request-Id", "r-1")
                .queryParam("limit", 3)
                .get("/api/v1/me/overview")
                .then().statusCode(200)
                .body("partsOk", equalTo(5)).body("partsMissing", equalTo(0))
                .body("registrations.status", equalTo("OK"))
                .body("registrations.service", equalTo("services-service"))
                .body("registrations.data.path", equalTo("/api/v1/activities/registrations/mine"))
                .body("registrations.data.query.limit", equalTo("3"))
                .body("registrations.data.authorization", equalTo("Bearer " + WORKER))
                .body("registrations.data.acceptLanguage", equalTo("en"))
                .body("registrations.data.requestId", equalTo("r-1"))
                .body("checkups.data.path", equalTo("/api/v1/checkups/appointments/mine"))
                .body("consultations.data.path", equalTo("/api/v1/legal-aid/consultations/mine"))
                .body("applications.data.path", equalTo("/api/v1/legal-aid/applications/mine"))
                .body("visits.data.path", equalTo("/api/v1/stations/visits/mine"))
                .body("visits.data.query.limit", equalTo("3"))
                .body("visits.districtOnly", nullValue());
    }

    @Test
    void aFailingPartIsUnavailableAndASlowOneTimesOutWhileTheOthersAnswer() {
        long started = System.nanoTime();
        given().auth().oauth2(WORKER)
                .header("X-Request-Id", "fail:health-checkup-service,slow:station-service,text:services-service")
                .get("/api/v1/me/overview")
                .then().statusCode(200)
                .body("partsOk", equalTo(2)).body("partsMissing", equalTo(3))
                .body("checkups.status", equalTo("UNAVAILABLE"))
                .body("checkups.upstreamStatus", equalTo(500))
                .body("checkups.data", nullValue())
                .body("visits.status", equalTo("TIMEOUT"))
                .body("visits.data", nullValue())
                .body("registrations.status", equalTo("UNAVAILABLE"))
                .body("registrations.upstreamStatus", nullValue())
                .body("consultations.status", equalTo("OK"))
                .body("applications.status", equalTo("OK"));
        long millis = (System.nanoTime() - started) / 1_000_000;
        // The parts run at once: the slow one costs its timeout (1 s in tests), not the stand-in's 3 s.
        assertTrue(millis < 2_900, "took " + millis + " ms");
    }

    @Test
    void noPartAtAllIsA503Problem() {
        given().auth().oauth2(WORKER)
                .header("X-Request-Id", "fail:health-checkup-service,fail:station-service,fail:services-service,"
                        + "fail:legal-aid-service")
                .get("/api/v1/me/overview")
                .then().statusCode(503)
                .contentType("application/problem+json")
                .body("status", equalTo(503));
    }

    @Test
    void theOverviewIsForWorkersOnly() {
        given().auth().oauth2(ADMIN).get("/api/v1/me/overview").then().statusCode(403);
        given().get("/api/v1/me/overview").then().statusCode(401);
    }

    @Test
    void aBadLimitIsA400NamingIt() {
        for (String limit : new String[] {"0", "21", "abc"}) {
            given().auth().oauth2(WORKER).queryParam("limit", limit).get("/api/v1/me/overview")
                    .then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors.field", hasItem("limit"));
        }
    }

    @Test
    void theDashboardAsksEachServiceForThePeriodAndTheDistrict() {
        given().auth().oauth2(STAFF).queryParam("from", "2026-03-01").queryParam("to", "2026-03-31")
                .get("/api/v1/districts/{district}/dashboard", "大兴区")
                .then().statusCode(200)
                .body("district", equalTo("大兴区"))
                .body("from", equalTo("2026-03-01")).body("to", equalTo("2026-03-31"))
                .body("partsOk", equalTo(5))
                .body("network.service", equalTo("station-service"))
                .body("network.data.path", equalTo("/api/v1/stations/figures"))
                .body("network.data.query", equalTo(Map.of("district", "大兴区")))
                .body("network.data.authorization", equalTo("Bearer " + STAFF))
                .body("network.districtOnly", equalTo(true))
                .body("stations.data.path", equalTo("/api/v1/stations/visits/stats"))
                .body("stations.data.query.by", equalTo("station"))
                .body("stations.data.query.from", equalTo("2026-03-01"))
                .body("stations.data.query.to", equalTo("2026-03-31"))
                .body("stations.data.query.district", equalTo("大兴区"))
                .body("stations.districtOnly", equalTo(true))
                .body("activities.data.path", equalTo("/api/v1/activities/figures"))
                .body("activities.data.query.district", equalTo("大兴区"))
                .body("activities.districtOnly", equalTo(true))
                .body("checkups.data.path", equalTo("/api/v1/checkups/figures"))
                .body("checkups.data.query.district", equalTo("大兴区"))
                .body("checkups.districtOnly", equalTo(true))
                .body("legalAid.data.path", equalTo("/api/v1/legal-aid/figures"))
                .body("legalAid.data.query.district", equalTo("大兴区"))
                .body("legalAid.data.query.to", equalTo("2026-03-31"))
                .body("legalAid.data.authorization", equalTo("Bearer " + STAFF))
                .body("legalAid.districtOnly", equalTo(true));
    }

    @Test
    void theDashboardWithoutAPeriodIsTheCurrentYear() {
        int year = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();
        given().auth().oauth2(ADMIN).get("/api/v1/districts/{district}/dashboard", "大兴区")
                .then().statusCode(200)
                .body("from", equalTo(year + "-01-01")).body("to", equalTo(year + "-12-31"));
        given().auth().oauth2(ADMIN).queryParam("year", 2025).get("/api/v1/districts/{district}/dashboard", "大兴区")
                .then().statusCode(200)
                .body("from", equalTo("2025-01-01"))
                .body("legalAid.data.query.from", equalTo("2025-01-01"));
    }

    @Test
    void theDashboardCsvIsOneTableOfPartFigureValue() {
        Response response = given().auth().oauth2(ADMIN).accept("text/csv")
                .header("X-Request-Id", "fail:health-checkup-service")
                .queryParam("year", 2026)
                .get("/api/v1/districts/{district}/dashboard", "大兴区");
        response.then().statusCode(200).contentType(containsString("text/csv"));
        String csv = new String(response.asByteArray(), StandardCharsets.UTF_8).replace("\uFEFF", "");
        String[] lines = csv.strip().split("\r?\n");
        assertEquals("part,figure,value", lines[0]);
        assertEquals("network,status,OK", lines[1]);
        assertTrue(csv.contains("network,byHostType[PARK].stations,2"), csv);
        assertTrue(csv.contains("network,byTier[DEMONSTRATION].stations,1"), csv);
        assertTrue(csv.contains("stations,status,OK"), csv);
        assertTrue(csv.contains("stations,visits,12"), csv);
        assertTrue(csv.contains("stations,rows[s-1].visits,7"), csv);
        assertTrue(csv.contains("stations,rows[1].visits,5"), csv);
        assertTrue(csv.contains("checkups,status,UNAVAILABLE"), csv);
        assertTrue(!csv.contains("checkups,visits"), csv);
        assertTrue(csv.contains("legalAid,visits,12"), csv);
    }

    @Test
    void theDashboardIsForUnionAdminsAndStaff() {
        given().auth().oauth2(WORKER).get("/api/v1/districts/{district}/dashboard", "大兴区")
                .then().statusCode(403);
        given().auth().oauth2(StubServices.keys().mint("lawyer-1", "lawyer"))
                .get("/api/v1/districts/{district}/dashboard", "大兴区").then().statusCode(403);
    }

    @Test
    void badDashboardParametersAreOne400NamingEach() {
        given().auth().oauth2(ADMIN).queryParam("year", "1999").queryParam("from", "2026-13-01")
                .queryParam("to", "x")
                .get("/api/v1/districts/{district}/dashboard", "区".repeat(61))
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("district"))
                .body("errors.field", hasItem("year"))
                .body("errors.field", hasItem("from"))
                .body("errors.field", hasItem("to"))
                .body("errors.size()", equalTo(4));
        given().auth().oauth2(ADMIN).queryParam("year", "2026").queryParam("from", "2026-01-01")
                .queryParam("to", "2026-02-01")
                .get("/api/v1/districts/{district}/dashboard", "大兴区")
                .then().statusCode(400).body("errors.field", hasItem("year"));
        given().auth().oauth2(ADMIN).get("/api/v1/districts/{district}/dashboard", " ")
                .then().statusCode(400).body("errors.field", hasItem("district"));
    }

    @Test
    void theKitsOperationsEndpointsAreNotPartOfThisService() {
        given().auth().oauth2(ADMIN).get("/api/v1/ops/overview-service/dead-letters")
                .then().statusCode(not(equalTo(200))).statusCode(lessThan(500));
        String document = given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .extract().asString();
        assertTrue(document.contains("/api/v1/me/overview"), "the overview is documented");
        assertTrue(document.contains("/api/v1/districts/{district}/dashboard"), "the dashboard is documented");
        assertTrue(!document.contains("/api/v1/ops/"), "no operations endpoints in the document");
    }

    @Test
    void isLiveAndReadyWithoutADatabase() {
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }
}
