package org.yizhan.station.award;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.yizhan.localstack.testing.YizhanTestResource;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.yizhan.station.award.AwardFixtures.FOUR_OPTIONAL;
import static org.yizhan.station.award.AwardFixtures.ZONE;
import static org.yizhan.station.award.AwardFixtures.addManager;
import static org.yizhan.station.award.AwardFixtures.admin;
import static org.yizhan.station.award.AwardFixtures.amenities;
import static org.yizhan.station.award.AwardFixtures.as;
import static org.yizhan.station.award.AwardFixtures.district;
import static org.yizhan.station.award.AwardFixtures.inspect;
import static org.yizhan.station.award.AwardFixtures.station;
import static org.yizhan.station.award.AwardFixtures.thisYear;

/** Live scores from real evidence, the ranking, snapshots, and the activity events reaching the score. */
@QuarkusTest
@WithTestResource(value = YizhanTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "yizhan_station"))
class AwardScoreEndpointTest {

    static final JsonPathConfig EXACT = JsonPathConfig.jsonPathConfig()
            .numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL);

    @Inject
    AwardFixtures fixtures;

    static JsonPath score(String stationId) {
        return admin().when().get("/api/v1/stations/" + stationId + "/score")
                .then().statusCode(200).extract().jsonPath(EXACT);
    }

    static JsonPath ranking(int year, String query) {
        return admin().when().get("/api/v1/stations/awards/" + year + "/ranking?" + query)
                .then().statusCode(200).extract().jsonPath(EXACT);
    }

    static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    static BigDecimal points(JsonPath card, String criterion) {
        return card.getObject("criteria.find { it.criterion == '" + criterion + "' }.points", BigDecimal.class);
    }

    @Test
    void aStationsScoreIsComputedFromWhatTheSystemHoldsAndMovesWithActivityEvents() {
        String district = district();
        String id = station(district, 10);
        inspect(id, List.of(), FOUR_OPTIONAL);                                   // DEMONSTRATION, 1 of 1 passed
        amenities(id, List.of("MICROWAVE", "WIFI", "DRINKING_WATER"), List.of("PHONE_CHARGING"));
        fixtures.visits(id, 5);                                                   // 5 / (10 seats × 1 day)
        fixtures.ratings(id, 5, 4);
        // Answered in time and upheld; answered late; unanswered past its deadline; not yet due.
        fixtures.complaint(id, "CLOSED_DURING_HOURS", Duration.ofHours(5), Duration.ofHours(72), Duration.ofHours(1), "RESOLVED");
        fixtures.complaint(id, "DIRTY", Duration.ofHours(5), Duration.ofHours(2), Duration.ofHours(3), "IN_PROGRESS");
        fixtures.complaint(id, "SAFETY", Duration.ofHours(5), Duration.ofHours(4), null, "OPEN");
        fixtures.complaint(id, "OTHER", Duration.ofHours(1), Duration.ofHours(72), null, "OPEN");

        JsonPath card = score(id);
        assertEquals(id, card.getString("stationId"));
        assertEquals(true, card.getBoolean("eligible"));
        assertEquals(LocalDate.now(ZONE).toString(), card.getString("periodFrom"));   // registered today
        assertEquals(d("20.00"), points(card, "COMPLIANCE"));           // (1 + 1/1) / 2
        assertEquals(d("10.00"), points(card, "USAGE"));                // 0.5 visits per seat and open day
        assertEquals(d("11.25"), points(card, "AMENITIES"));            // 1 − 1 amenity-day / (4 × 1)
        assertEquals(d("0.00"), points(card, "ACTIVITIES"));
        assertEquals(d("6.67"), points(card, "RATINGS"));               // ((35 + 9) / 12 − 1) / 4
        assertEquals(d("3.33"), points(card, "COMPLAINT_HANDLING"));    // 1 of 3 due answered in time
        assertEquals(d("7.50"), points(card, "HOURS_KEPT"));            // 1 upheld
        assertEquals(d("58.75"), card.getObject("total", BigDecimal.class));
        assertEquals(4, card.getInt("criteria.find { it.criterion == 'COMPLAINT_HANDLING' }.inputs.complaintsReceived"));
        assertEquals(3, card.getInt("criteria.find { it.criterion == 'COMPLAINT_HANDLING' }.inputs.complaintsDue"));
        assertEquals(20, card.getInt("criteria.find { it.criterion == 'USAGE' }.weight"));

        // Activities completed at the station this year arrive on yizhan.activity.v1 (one of them twice,
        // once in an older version): three activities, 3 / 12 → 3.75 points.
        UUID station = UUID.fromString(id);
        Instant start = LocalDate.now(ZONE).atTime(9, 0).atZone(ZONE).toInstant();
        List<UUID> held = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        for (UUID activity : held) {
            ActivityEvents.publish(activity, ActivityEvents.completed(ActivityEvents.newId(), activity, 2, station, start, 12));
        }
        String again = ActivityEvents.newId();
        ActivityEvents.publish(held.get(0), ActivityEvents.completed(again, held.get(0), 3, station, start, 20));
        ActivityEvents.publish(held.get(0), ActivityEvents.completed(again, held.get(0), 3, station, start, 20));
        ActivityEvents.publish(held.get(1), ActivityEvents.completed(ActivityEvents.newId(), held.get(1), 1, station, start, 1));
        await().atMost(Duration.ofSeconds(30)).until(() -> d("3.75").equals(points(score(id), "ACTIVITIES")));
        JsonPath after = score(id);
        assertEquals(d("62.50"), after.getObject("total", BigDecimal.class));
        assertEquals(20 + 12 + 12,
                after.getInt("criteria.find { it.criterion == 'ACTIVITIES' }.inputs.personTimes"));

        // A cancellation takes one out again.
        ActivityEvents.publish(held.get(2), ActivityEvents.cancelled(ActivityEvents.newId(), held.get(2), 3, station));
        await().atMost(Duration.ofSeconds(30)).until(() -> d("2.50").equals(points(score(id), "ACTIVITIES")));
    }

    @Test
    void theRankingPutsEligibleStationsFirstByTotalAndShowsWhyOthersAreOut() {
        String district = district();
        String best = station(district, 10);
        inspect(best, List.of(), FOUR_OPTIONAL);
        fixtures.visits(best, 10);
        String second = station(district, 10);
        inspect(second, List.of(), List.of());
        String failed = station(district, 10);
        inspect(failed, List.of("TOILET"), FOUR_OPTIONAL);
        fixtures.visits(failed, 50);
        String never = station(district, null);

        int year = thisYear();
        JsonPath all = ranking(year, "district=" + district);
        assertEquals("LIVE", all.getString("source"));
        assertEquals(List.of(best, second), all.getList("items.stationId").subList(0, 2));
        assertEquals(List.of(1, 2), all.getList("items.rank").subList(0, 2));
        assertEquals(4, all.getList("items").size());
        // The failed station loses its tier and its place; it is listed with the reason.
        JsonPath out = new JsonPath(all.prettify()).using(EXACT);
        String failedPath = "items.find { it.stationId == '" + failed + "' }";
        assertEquals(false, out.getBoolean(failedPath + ".eligible"));
        assertNull(out.get(failedPath + ".rank"));
        assertEquals("BASIC", out.getString(failedPath + ".tier"));
        assertEquals(List.of("NON_COMPLIANT"), out.getList(failedPath + ".ineligibleReasons.code"));
        assertEquals(List.of("NOT_INSPECTED"), out.getList("items.find { it.stationId == '" + never + "' }.ineligibleReasons.code"));

        // Paging one at a time gives the same order.
        List<String> paged = new ArrayList<>();
        String cursor = "";
        do {
            JsonPath page = ranking(year, "district=" + district + "&limit=1&cursor=" + cursor);
            paged.addAll(page.getList("items.stationId"));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        assertEquals(all.getList("items.stationId"), paged);

        // A snapshot of the same moment ranks and pages the same way.
        String snapshot = admin().when().post("/api/v1/stations/awards/" + year + "/snapshots")
                .then().statusCode(201).extract().path("id");
        List<String> frozen = new ArrayList<>();
        List<Object> ranks = new ArrayList<>();
        cursor = "";
        do {
            JsonPath page = ranking(year, "district=" + district + "&snapshot=" + snapshot + "&limit=1&cursor=" + cursor);
            frozen.addAll(page.getList("items.stationId"));
            ranks.addAll(page.getList("items.rank"));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        assertEquals(all.getList("items.stationId"), frozen);
        assertEquals(all.getList("items.rank"), ranks);
    }

    @Test
    void snapshotsFreezeTheScoresAndAreNeverOverwritten() {
        String district = district();
        String id = station(district, 10);
        inspect(id, List.of(), List.of());
        int year = thisYear();

        String first = admin().when().post("/api/v1/stations/awards/" + year + "/snapshots")
                .then().statusCode(201).extract().path("id");
        BigDecimal frozen = ranking(year, "district=" + district + "&snapshot=" + first)
                .getObject("items[0].total", BigDecimal.class);
        assertEquals(score(id).getObject("total", BigDecimal.class), frozen);

        fixtures.ratings(id, 5, 5, 5, 5, 5);
        BigDecimal live = score(id).getObject("total", BigDecimal.class);
        assertNotEquals(frozen, live);
        JsonPath stillFrozen = admin().when().get("/api/v1/stations/awards/" + year + "/snapshots/" + first + "?district=" + district)
                .then().statusCode(200).extract().jsonPath(EXACT);
        assertEquals("SNAPSHOT", stillFrozen.getString("source"));
        assertEquals(first, stillFrozen.getString("snapshotId"));
        assertEquals(frozen, stillFrozen.getObject("items[0].total", BigDecimal.class));
        assertEquals(1, stillFrozen.getInt("items[0].rank"));

        String key = "snap-" + UUID.randomUUID().toString().substring(0, 8);
        String secondId = admin().header("Idempotency-Key", key).when().post("/api/v1/stations/awards/" + year + "/snapshots")
                .then().statusCode(201).extract().path("id");
        assertNotEquals(first, secondId);
        // A retry with the same key answers with the same snapshot instead of taking a third.
        assertEquals(secondId, admin().header("Idempotency-Key", key).when()
                .post("/api/v1/stations/awards/" + year + "/snapshots").then().statusCode(200).extract().path("id"));
        assertEquals(live, ranking(year, "district=" + district + "&snapshot=latest").getObject("items[0].total", BigDecimal.class));
        assertEquals(frozen, ranking(year, "district=" + district + "&snapshot=" + first).getObject("items[0].total", BigDecimal.class));

        List<String> listed = admin().when().get("/api/v1/stations/awards/" + year + "/snapshots?limit=100")
                .then().statusCode(200).extract().path("items.id");
        assertEquals(secondId, listed.get(0));
        assertEquals(true, listed.contains(first));
        assertEquals(listed.size(), listed.stream().distinct().count());
        // The snapshot keeps the parameters it was computed with.
        admin().when().get("/api/v1/stations/awards/" + year + "/snapshots?limit=1")
                .then().statusCode(200)
                .body("items[0].parameters.weights.COMPLIANCE", org.hamcrest.Matchers.equalTo(20))
                .body("items[0].parameters.activitiesTarget", org.hamcrest.Matchers.equalTo(12))
                .body("nextCursor", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void aStationManagerSeesTheirOwnStationsScoreOnly() {
        String id = station(district(), 5);
        String other = station(district(), 5);
        String manager = "manager-" + UUID.randomUUID();
        addManager(id, manager);
        as(manager, "station-manager").when().get("/api/v1/stations/" + id + "/score?year=" + thisYear())
                .then().statusCode(200).body("stationId", org.hamcrest.Matchers.equalTo(id))
                .body("criteria.size()", org.hamcrest.Matchers.equalTo(7));
        as(manager, "station-manager").when().get("/api/v1/stations/" + other + "/score")
                .then().statusCode(403).contentType("application/problem+json");
        // A year before the station was registered has no score.
        admin().when().get("/api/v1/stations/" + id + "/score?year=2020").then().statusCode(404)
                .contentType("application/problem+json");
    }
}
