package org.yizhan.station.visit;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.yizhan.localstack.testing.TestTokens;
import org.yizhan.localstack.testing.YizhanTestResource;
import org.yizhan.station.domain.visit.Occupation;
import org.yizhan.station.service.visit.VisitLedger;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.yizhan.station.visit.VisitStatsTest.beijing;

/** GET /api/v1/stations/visits/mine: a worker's own visits, newest first, paged, the recent ones with from. */
@QuarkusTest
@WithTestResource(value = YizhanTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "yizhan_station"))
class MyVisitsTest {

    @Inject
    VisitFixtures fixtures;

    @Inject
    VisitLedger ledger;

    @Test
    void aWorkerSeesOnlyTheirOwnVisitsNewestFirstAcrossPages() {
        UUID first = fixtures.stationManagedBy("manager-" + UUID.randomUUID());
        UUID second = fixtures.stationManagedBy("manager-" + UUID.randomUUID());
        String courier = "courier-" + UUID.randomUUID();
        String other = "rider-" + UUID.randomUUID();
        ledger.record(first, courier, Occupation.COURIER, beijing("2026-10-01T09:05:00"));
        ledger.record(first, courier, Occupation.COURIER, beijing("2026-10-01T09:45:00"));
        ledger.record(second, courier, Occupation.COURIER, beijing("2026-10-02T12:10:00"));
        ledger.record(first, courier, Occupation.FOOD_DELIVERY, beijing("2026-10-03T18:30:00"));
        ledger.record(second, other, Occupation.FOOD_DELIVERY, beijing("2026-10-04T08:00:00"));

        String token = TestTokens.token(courier, "worker");
        JsonPath page1 = given().auth().oauth2(token).queryParam("limit", 2)
                .get("/api/v1/stations/visits/mine")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(2, page1.getList("items").size());
        assertEquals(first.toString(), page1.getString("items[0].stationId"));
        assertEquals("FOOD_DELIVERY", page1.getString("items[0].occupation"));
        assertEquals("2026-10-03T18:00:00+08:00", page1.getString("items[0].hour"));
        assertEquals("2026-10-03T18:30:00+08:00", page1.getString("items[0].visitedAt"));
        assertEquals(second.toString(), page1.getString("items[1].stationId"));

        JsonPath page2 = given().auth().oauth2(token).queryParam("limit", 2)
                .queryParam("cursor", page1.getString("nextCursor"))
                .get("/api/v1/stations/visits/mine")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(1, page2.getList("items").size());
        // The two scans of 1 October 09:xx are one visit: first scan 09:05, last 09:45.
        assertEquals("2026-10-01T09:05:00+08:00", page2.getString("items[0].visitedAt"));
        assertEquals("2026-10-01T09:45:00+08:00", page2.getString("items[0].lastSeenAt"));
        assertNull(page2.getString("nextCursor"));

        List<String> visits = new ArrayList<>(page1.getList("items.visitId"));
        visits.addAll(page2.getList("items.visitId"));
        assertEquals(3, visits.stream().distinct().count());

        given().auth().oauth2(TestTokens.token(other, "worker")).get("/api/v1/stations/visits/mine")
                .then().statusCode(200)
                .body("items.size()", equalTo(1))
                .body("items[0].stationId", equalTo(second.toString()));
        given().auth().oauth2(TestTokens.token("nobody-" + UUID.randomUUID(), "worker"))
                .get("/api/v1/stations/visits/mine")
                .then().statusCode(200).body("items.size()", equalTo(0));
    }

    @Test
    void fromKeepsTheRecentVisitsFromThatBeijingDayOn() {
        UUID station = fixtures.stationManagedBy("manager-" + UUID.randomUUID());
        String courier = "courier-" + UUID.randomUUID();
        ledger.record(station, courier, Occupation.COURIER, beijing("2026-09-30T23:59:00"));
        ledger.record(station, courier, Occupation.COURIER, beijing("2026-10-01T00:01:00"));
        ledger.record(station, courier, Occupation.COURIER, beijing("2026-10-05T10:00:00"));
        String token = TestTokens.token(courier, "worker");

        JsonPath recent = given().auth().oauth2(token).queryParam("from", "2026-10-01").queryParam("limit", 1)
                .get("/api/v1/stations/visits/mine")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("2026-10-05T10:00:00+08:00"), recent.getList("items.visitedAt"));
        // The next page keeps the filter: the visit of 30 September (Beijing) is not recent.
        given().auth().oauth2(token).queryParam("from", "2026-10-01").queryParam("limit", 1)
                .queryParam("cursor", recent.getString("nextCursor"))
                .get("/api/v1/stations/visits/mine")
                .then().statusCode(200)
                .body("items.visitedAt", contains("2026-10-01T00:01:00+08:00"))
                .body("nextCursor", nullValue());
        given().auth().oauth2(token).get("/api/v1/stations/visits/mine")
                .then().statusCode(200).body("items.size()", equalTo(3));
        given().auth().oauth2(token).queryParam("from", "2026-10-06").get("/api/v1/stations/visits/mine")
                .then().statusCode(200).body("items.size()", equalTo(0));
    }

    @Test
    void aWorkersVisitsAreReadThroughTheVisitorIndex() {
        assertTrue(fixtures.myVisitsPlan().contains("station_visit_visitor"), fixtures::myVisitsPlan);
    }

    @Test
    void onlyWorkersHaveVisitsOfTheirOwn() {
        given().auth().oauth2(TestTokens.token("admin-" + UUID.randomUUID(), "union-admin"))
                .get("/api/v1/stations/visits/mine").then().statusCode(403);
        given().get("/api/v1/stations/visits/mine").then().statusCode(401);
    }

    @Test
    void aBadLimitOrCursorIsA400ThatChangesNothing() {
        long before = fixtures.allVisits();
        String token = TestTokens.token("courier-" + UUID.randomUUID(), "worker");
        for (String limit : new String[] {"0", "101", "x"}) {
            given().auth().oauth2(token).queryParam("limit", limit).get("/api/v1/stations/visits/mine")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors.field", hasItem("limit"));
        }
        for (String from : new String[] {"2026-13-01", "yesterday", "2026-10-01T00:00:00+08:00"}) {
            given().auth().oauth2(token).queryParam("from", from).get("/api/v1/stations/visits/mine")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors.field", contains("from"));
        }
        given().auth().oauth2(token).queryParam("cursor", "not-a-cursor").get("/api/v1/stations/visits/mine")
                .then().statusCode(400).contentType("application/problem+json");
        assertEquals(before, fixtures.allVisits());
    }
}
