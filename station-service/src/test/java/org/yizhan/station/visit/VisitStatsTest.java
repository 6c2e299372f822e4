package org.yizhan.station.visit;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.yizhan.localstack.testing.TestTokens;
import org.yizhan.localstack.testing.YizhanTestResource;
import org.yizhan.station.domain.visit.Occupation;
import org.yizhan.station.service.visit.VisitLedger;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.yizhan.station.visit.VisitFixtures.awayFromEdges;
import static org.yizhan.station.visit.VisitFixtures.checkIn;
import static org.yizhan.station.visit.VisitFixtures.currentCode;
import static org.yizhan.station.visit.VisitFixtures.worker;

@QuarkusTest
@WithTestResource(value = YizhanTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "yizhan_station"))
class VisitStatsTest {

    @AfterEach
    void backToRealTime() {
        VisitFixtures.realTime();
    }

    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    @Inject
    VisitFixtures fixtures;

    @Inject
    VisitLedger ledger;

    static Instant beijing(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(BEIJING).toInstant();
    }

    /**
     * Three workers at one station, recorded at chosen times (Beijing time):
     * a courier at 09:05, 09:40 (same hour: not counted) and 14:10 on 2 November; a rider at 09:20 on
     * 2 November and 00:10 on 3 November (still 2 November in UTC); a truck driver at 23:30 on 3 November.
     */
    UUID stationWithHistory(String manager) {
        UUID station = fixtures.stationManagedBy(manager);
        String courier = "courier-" + UUID.randomUUID();
        String rider = "rider-" + UUID.randomUUID();
        String trucker = "trucker-" + UUID.randomUUID();
        ledger.record(station, courier, Occupation.COURIER, beijing("2026-11-02T09:05:00"));
        ledger.record(station, courier, Occupation.COURIER, beijing("2026-11-02T09:40:00"));
        ledger.record(station, courier, Occupation.COURIER, beijing("2026-11-02T14:10:00"));
        ledger.record(station, rider, Occupation.FOOD_DELIVERY, beijing("2026-11-02T09:20:00"));
        ledger.record(station, rider, Occupation.FOOD_DELIVERY, beijing("2026-11-03T00:10:00"));
        ledger.record(station, trucker, Occupation.TRUCK_DRIVER, beijing("2026-11-03T23:30:00"));
        return station;
    }

    static JsonPath stats(String token, String path, Map<String, ?> query) {
        return given().auth().oauth2(token).queryParams(query)
                .when().get(path)
                .then().log().ifValidationFails().statusCode(200).extract().jsonPath();
    }

    static Map<String, List<Integer>> rows(JsonPath stats) {
        Map<String, List<Integer>> rows = new java.util.LinkedHashMap<>();
        List<Map<String, Object>> list = stats.getList("rows");
        for (Map<String, Object> row : list) {
            rows.put((String) row.get("key"), List.of((Integer) row.get("visits"), (Integer) row.get("distinctVisitors")));
        }
        return rows;
    }

    @Test
    void visitsAndDistinctVisitorsPerDayOccupationAndHourOfDay() {
        String manager = "manager-" + UUID.randomUUID();
        UUID station = stationWithHistory(manager);
        String token = TestTokens.token(manager, "station-manager");
        String path = "/api/v1/stations/" + station + "/visits/stats";

        JsonPath byDay = stats(token, path, Map.of("from", "2026-11-01", "to", "2026-11-04"));
        assertEquals("day", byDay.getString("by"));
        assertEquals(station.toString(), byDay.getString("stationId"));
        assertEquals(5, byDay.getInt("visits"));
        assertEquals(3, byDay.getInt("distinctVisitors"));
        assertEquals(Map.of(
                "2026-11-01", List.of(0, 0),
                "2026-11-02", List.of(3, 2),
                "2026-11-03", List.of(2, 2),
                "2026-11-04", List.of(0, 0)), rows(byDay));
        assertEquals(List.of("2026-11-01", "2026-11-02", "2026-11-03", "2026-11-04"),
                List.copyOf(rows(byDay).keySet()));

        Map<String, List<Integer>> byOccupation = rows(stats(token, path,
                Map.of("from", "2026-11-01", "to", "2026-11-04", "by", "occupation")));
        assertEquals(Map.of(
                "COURIER", List.of(2, 1),
                "FOOD_DELIVERY", List.of(2, 1),
                "RIDE_HAILING", List.of(0, 0),
                "TRUCK_DRIVER", List.of(1, 1),
                "SANITATION", List.of(0, 0),
                "OTHER", List.of(0, 0)), byOccupation);

        Map<String, List<Integer>> byHour = rows(stats(token, path,
                Map.of("from", "2026-11-01", "to", "2026-11-04", "by", "hourOfDay")));
        assertEquals(24, byHour.size());
        assertEquals("00", byHour.keySet().iterator().next());
        assertEquals(List.of(1, 1), byHour.get("00"));
        assertEquals(List.of(2, 2), byHour.get("09"));
        assertEquals(List.of(1, 1), byHour.get("14"));
        assertEquals(List.of(1, 1), byHour.get("23"));
        assertEquals(5, byHour.values().stream().mapToInt(v -> v.get(0)).sum());

        // Days are Beijing days: the rider's 00:10 visit belongs to 3 November.
        JsonPath third = stats(token, path, Map.of("from", "2026-11-03", "to", "2026-11-03"));
        assertEquals(2, third.getInt("visits"));
        assertEquals(Map.of("2026-11-03", List.of(2, 2)), rows(third));
        JsonPath second = stats(token, path, Map.of("from", "2026-11-02", "to", "2026-11-02", "by", "occupation"));
        assertEquals(3, second.getInt("visits"));
        assertEquals(2, second.getInt("distinctVisitors"));
    }

    @Test
    void liveCheckInsAppearInTodaysStatistics() throws Exception {
        String manager = "manager-" + UUID.randomUUID();
        UUID station = fixtures.stationManagedBy(manager);
        awayFromEdges(20);
        String code = currentCode(station);
        String courier = "courier-" + UUID.randomUUID();
        worker(courier).body(checkIn(code, "COURIER")).post("/api/v1/stations/" + station + "/visits")
                .then().statusCode(201);
        worker(courier).body(checkIn(code, "COURIER")).post("/api/v1/stations/" + station + "/visits")
                .then().statusCode(200);
        worker("sweeper-" + UUID.randomUUID()).body(checkIn(code, "SANITATION"))
                .post("/api/v1/stations/" + station + "/visits").then().statusCode(201);

        String today = LocalDate.now(BEIJING).toString();
        JsonPath stats = stats(TestTokens.token(manager, "station-manager"),
                "/api/v1/stations/" + station + "/visits/stats", Map.of("by", "occupation"));
        assertEquals(today, stats.getString("to"));
        assertEquals(LocalDate.now(BEIJING).minusDays(29).toString(), stats.getString("from"));
        assertEquals(2, stats.getInt("visits"));
        assertEquals(List.of(1, 1), rows(stats).get("COURIER"));
        assertEquals(List.of(1, 1), rows(stats).get("SANITATION"));
    }

    @Test
    void theUnionAdminSeesAllStations() {
        String manager = "manager-" + UUID.randomUUID();
        UUID station = stationWithHistory(manager);
        JsonPath byStation = stats(TestTokens.token("admin-1", "union-admin"), "/api/v1/stations/visits/stats",
                Map.of("from", "2026-11-02", "to", "2026-11-03"));
        assertEquals("station", byStation.getString("by"));
        List<Map<String, Object>> list = byStation.getList("rows");
        Map<String, Object> row = list.stream().filter(r -> station.toString().equals(r.get("key")))
                .findFirst().orElseThrow();
        assertEquals(5, row.get("visits"));
        assertEquals(3, row.get("distinctVisitors"));
        assertEquals(true, ((String) row.get("name")).startsWith("签到测试驿站"));
        // Most visited first.
        List<Integer> visits = list.stream().map(r -> (Integer) r.get("visits")).toList();
        assertEquals(visits.stream().sorted(java.util.Comparator.reverseOrder()).toList(), visits);

        JsonPath byDay = stats(TestTokens.token("admin-1", "union-admin"), "/api/v1/stations/visits/stats",
                Map.of("from", "2026-11-02", "to", "2026-11-03", "by", "day"));
        assertEquals(byStation.getInt("visits"), byDay.getInt("visits"));
        assertEquals(byDay.getInt("visits"), rows(byDay).values().stream().mapToInt(v -> v.get(0)).sum());
    }

    @Test
    void aDistrictKeepsItsStationsOnly() {
        UUID daxing = stationWithHistory("manager-" + UUID.randomUUID());
        UUID elsewhere = fixtures.stationManagedBy("manager-" + UUID.randomUUID());
        String district = "测试区" + UUID.randomUUID().toString().substring(0, 6);
        fixtures.setDistrict(elsewhere, district);
        ledger.record(elsewhere, "rider-" + UUID.randomUUID(), Occupation.FOOD_DELIVERY, beijing("2026-11-02T10:00:00"));
        String admin = TestTokens.token("admin-1", "union-admin");

        JsonPath only = stats(admin, "/api/v1/stations/visits/stats",
                Map.of("from", "2026-11-02", "to", "2026-11-03", "district", district));
        assertEquals(1, only.getInt("visits"));
        assertEquals(List.of(elsewhere.toString()), only.getList("rows.key"));

        JsonPath inDaxing = stats(admin, "/api/v1/stations/visits/stats",
                Map.of("from", "2026-11-02", "to", "2026-11-03", "district", "大兴区"));
        List<String> keys = inDaxing.getList("rows.key");
        assertEquals(true, keys.contains(daxing.toString()));
        assertEquals(false, keys.contains(elsewhere.toString()));

        given().auth().oauth2(admin).queryParam("district", "区".repeat(61)).get("/api/v1/stations/visits/stats")
                .then().statusCode(400).body("errors.field", hasItem("district"));

        JsonPath staff = stats(TestTokens.token("staff-1", "union-staff"), "/api/v1/stations/visits/stats",
                Map.of("from", "2026-11-02", "to", "2026-11-03", "district", district));
        assertEquals(1, staff.getInt("visits"));
    }

    @Test
    void onlyAUnionAdminOrTheStationsManagerSeesStatistics() {
        UUID station = fixtures.stationManagedBy("manager-" + UUID.randomUUID());
        String otherManager = "manager-" + UUID.randomUUID();
        fixtures.stationManagedBy(otherManager);
        String path = "/api/v1/stations/" + station + "/visits/stats";
        given().when().get(path).then().statusCode(401).contentType("application/problem+json")
                .body("type", equalTo("urn:yizhan:problem:unauthorized"));
        given().auth().oauth2(TestTokens.token(otherManager, "station-manager"))
                .queryParam("from", "not-a-date")
                .when().get(path).then().statusCode(403).contentType("application/problem+json")
                .body("type", equalTo("urn:yizhan:problem:forbidden"));
        given().auth().oauth2(TestTokens.token("rider-1", "worker"))
                .when().get(path).then().statusCode(403);
        given().auth().oauth2(TestTokens.token("admin-1", "union-admin"))
                .when().get(path).then().statusCode(200);
        given().auth().oauth2(TestTokens.token("admin-1", "union-admin"))
                .when().get("/api/v1/stations/" + UUID.randomUUID() + "/visits/stats").then().statusCode(404);

        given().when().get("/api/v1/stations/visits/stats").then().statusCode(401);
        given().auth().oauth2(TestTokens.token(otherManager, "station-manager"))
                .when().get("/api/v1/stations/visits/stats").then().statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    void badParametersAreListedFieldByField() {
        String manager = "manager-" + UUID.randomUUID();
        UUID station = fixtures.stationManagedBy(manager);
        String path = "/api/v1/stations/" + station + "/visits/stats";
        var asManager = given().auth().oauth2(TestTokens.token(manager, "station-manager"));

        asManager.queryParams(Map.of("from", "2026-13-01", "to", "yesterday", "by", "week"))
                .when().get(path)
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:yizhan:problem:validation"))
                .body("errors.field", equalTo(List.of("by", "from", "to")))
                .body("errors[0].message", containsString("hourOfDay"));
        given().auth().oauth2(TestTokens.token(manager, "station-manager"))
                .queryParams(Map.of("from", "2026-11-30", "to", "2026-11-01"))
                .when().get(path)
                .then().statusCode(400).body("errors.field", equalTo(List.of("to")));
        given().auth().oauth2(TestTokens.token(manager, "station-manager"))
                .queryParams(Map.of("from", "2025-01-01", "to", "2026-01-02"))
                .when().get(path)
                .then().statusCode(400).body("errors[0].field", equalTo("to"))
                .body("errors[0].message", containsString("366"));
        // 366 days, both ends included, is the longest range.
        given().auth().oauth2(TestTokens.token(manager, "station-manager"))
                .queryParams(Map.of("from", "2024-01-01", "to", "2024-12-31"))
                .when().get(path)
                .then().statusCode(200);
        // Per station there is no grouping by station.
        given().auth().oauth2(TestTokens.token(manager, "station-manager"))
                .queryParam("by", "station")
                .when().get(path)
                .then().statusCode(400).body("errors.field", hasItem("by"));
        given().auth().oauth2(TestTokens.token("admin-1", "union-admin"))
                .queryParams(Map.of("by", "week"))
                .when().get("/api/v1/stations/visits/stats")
                .then().statusCode(400).body("errors[0].field", equalTo("by"))
                .body("errors[0].message", containsString("station"));
    }
}
