package org.yizhan.station.award;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.yizhan.localstack.testing.YizhanTestResource;

import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.yizhan.station.award.AwardFixtures.addManager;
import static org.yizhan.station.award.AwardFixtures.admin;
import static org.yizhan.station.award.AwardFixtures.as;
import static org.yizhan.station.award.AwardFixtures.district;
import static org.yizhan.station.award.AwardFixtures.station;
import static org.yizhan.station.award.AwardFixtures.thisYear;

/** Bad input on every award endpoint answers problem+json and changes nothing; callers without the role get 401/403. */
@QuarkusTest
@WithTestResource(value = YizhanTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "yizhan_station"))
class AwardBadInputTest {

    static final String PROBLEM = "application/problem+json";

    @Inject
    AwardFixtures fixtures;

    static int nextYear() {
        return thisYear() + 1;
    }

    @Test
    void theRankingRefusesBadYearsSnapshotsAndPaging() {
        for (String year : new String[]{"abc", "2019", String.valueOf(nextYear()), "20261"}) {
            admin().header("Accept-Language", "en").when().get("/api/v1/stations/awards/" + year + "/ranking")
                    .then().statusCode(400).contentType(PROBLEM)
                    .body("type", equalTo("urn:yizhan:problem:validation"))
                    .body("errors.field", contains("year"));
        }
        String base = "/api/v1/stations/awards/" + thisYear() + "/ranking";
        admin().when().get(base + "?limit=0").then().statusCode(400).contentType(PROBLEM).body("errors.field", contains("limit"));
        admin().when().get(base + "?limit=101").then().statusCode(400).contentType(PROBLEM);
        admin().when().get(base + "?cursor=bm90LWEtY3Vyc29y").then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", contains("cursor"));
        admin().when().get(base + "?snapshot=yesterday").then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", contains("snapshot"));
        admin().when().get(base + "?district=" + "区".repeat(61)).then().statusCode(400).contentType(PROBLEM);
        admin().when().get(base + "?snapshot=" + UUID.randomUUID()).then().statusCode(404).contentType(PROBLEM);
        // No snapshot of 2020 exists: latest is not found rather than an empty ranking.
        admin().when().get("/api/v1/stations/awards/2020/ranking?snapshot=latest").then().statusCode(404).contentType(PROBLEM);

        given().when().get(base).then().statusCode(401).contentType(PROBLEM);
        as("rider-1", "worker").when().get(base).then().statusCode(403).contentType(PROBLEM);
        as("manager-1", "station-manager").when().get(base).then().statusCode(403).contentType(PROBLEM);
    }

    @Test
    void snapshotsRefuseBadYearsKeysAndStrangers() {
        long before = fixtures.count("award_snapshot");
        admin().when().post("/api/v1/stations/awards/1999/snapshots").then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", contains("year"));
        admin().when().post("/api/v1/stations/awards/" + nextYear() + "/snapshots").then().statusCode(400);
        admin().header("Idempotency-Key", "not a valid key!").when().post("/api/v1/stations/awards/" + thisYear() + "/snapshots")
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", contains("Idempotency-Key"));
        given().when().post("/api/v1/stations/awards/" + thisYear() + "/snapshots").then().statusCode(401).contentType(PROBLEM);
        as("manager-1", "station-manager").when().post("/api/v1/stations/awards/" + thisYear() + "/snapshots")
                .then().statusCode(403).contentType(PROBLEM);
        assertEquals(before, fixtures.count("award_snapshot"));

        admin().when().get("/api/v1/stations/awards/x/snapshots").then().statusCode(400).contentType(PROBLEM);
        admin().when().get("/api/v1/stations/awards/" + thisYear() + "/snapshots?cursor=%%%").then().statusCode(400)
                .contentType(PROBLEM);
        admin().when().get("/api/v1/stations/awards/" + thisYear() + "/snapshots?limit=0").then().statusCode(400);
        as("rider-1", "worker").when().get("/api/v1/stations/awards/" + thisYear() + "/snapshots").then().statusCode(403);

        String snapshot = admin().when().post("/api/v1/stations/awards/2021/snapshots").then().statusCode(201)
                .extract().path("id");
        // A snapshot is read under its own year only; unknown ids and non-ids are not found.
        admin().when().get("/api/v1/stations/awards/2022/snapshots/" + snapshot).then().statusCode(404).contentType(PROBLEM);
        admin().when().get("/api/v1/stations/awards/2021/snapshots/" + UUID.randomUUID()).then().statusCode(404);
        admin().when().get("/api/v1/stations/awards/2021/snapshots/latest").then().statusCode(404);
        admin().when().get("/api/v1/stations/awards/2019/snapshots/" + snapshot).then().statusCode(400);
        admin().when().get("/api/v1/stations/awards/2021/snapshots/" + snapshot + "?cursor=x").then().statusCode(400);
        as("manager-1", "station-manager").when().get("/api/v1/stations/awards/2021/snapshots/" + snapshot)
                .then().statusCode(403);
        admin().when().get("/api/v1/stations/awards/2021/snapshots/" + snapshot).then().statusCode(200)
                .body("snapshotId", equalTo(snapshot));
    }

    @Test
    void aStationsScoreRefusesBadYearsAndStrangers() {
        String id = station(district(), 10);
        String manager = "manager-" + UUID.randomUUID();
        addManager(id, manager);
        for (String year : new String[]{"soon", "2019", String.valueOf(nextYear()), "2026.5"}) {
            admin().when().get("/api/v1/stations/" + id + "/score?year=" + year).then().statusCode(400)
                    .contentType(PROBLEM).body("errors.field", contains("year"));
        }
        admin().when().get("/api/v1/stations/" + UUID.randomUUID() + "/score").then().statusCode(404).contentType(PROBLEM);
        admin().when().get("/api/v1/stations/not-a-station/score").then().statusCode(404);
        given().when().get("/api/v1/stations/" + id + "/score").then().statusCode(401).contentType(PROBLEM);
        as("rider-1", "worker").when().get("/api/v1/stations/" + id + "/score").then().statusCode(403);
        as("manager-" + UUID.randomUUID(), "station-manager").when().get("/api/v1/stations/" + id + "/score?year=nope")
                .then().statusCode(403);
        as(manager, "station-manager").when().get("/api/v1/stations/" + id + "/score").then().statusCode(200);
    }

    @Test
    void recordingAnAwardListsEveryInvalidFieldAndStoresNothing() {
        String id = station(district(), 10);
        String path = "/api/v1/stations/" + id + "/awards";
        long awards = fixtures.count("station_award");
        long outbox = fixtures.count("outbox_message");

        admin().header("Accept-Language", "en").body("{}").when().post(path)
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", contains("level", "title", "year"));
        admin().body(Map.of("year", 2019, "level", "CITY", "title", "   ")).when().post(path)
                .then().statusCode(400).body("errors.field", contains("title", "year"));
        admin().body(Map.of("year", nextYear(), "level", "CITY", "title", "x".repeat(101))).when().post(path)
                .then().statusCode(400).body("errors.field", contains("title", "year"));
        admin().body(Map.of("year", thisYear(), "level", "GALACTIC", "title", "最美")).when().post(path)
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", contains("level"));
        admin().body(Map.of("year", "this year", "level", "CITY", "title", "最美")).when().post(path)
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", contains("year"));
        admin().body("{\"year\": 2025, ").when().post(path).then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("urn:yizhan:problem:malformed-json"));
        admin().when().post(path).then().statusCode(400).contentType(PROBLEM);
        admin().header("Idempotency-Key", "bad key").body(Map.of("year", 2025, "level", "CITY", "title", "最美"))
                .when().post(path).then().statusCode(400).body("errors.field", contains("Idempotency-Key"));

        var good = Map.of("year", 2025, "level", "CITY", "title", "最美");
        as("manager-1", "station-manager").body(good).when().post(path).then().statusCode(403).contentType(PROBLEM);
        as("rider-1", "worker").body(good).when().post(path).then().statusCode(403);
        given().contentType("application/json").body(good).when().post(path).then().statusCode(401).contentType(PROBLEM);
        admin().body(good).when().post("/api/v1/stations/" + UUID.randomUUID() + "/awards")
                .then().statusCode(404).contentType(PROBLEM);

        assertEquals(awards, fixtures.count("station_award"));
        assertEquals(outbox, fixtures.count("outbox_message"));
    }

    @Test
    void theAwardListsRefuseBadFilters() {
        given().when().get("/api/v1/stations/awards?year=abc&level=GALACTIC").then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", contains("level", "year"));
        given().when().get("/api/v1/stations/awards?year=2019").then().statusCode(400).body("errors.field", contains("year"));
        given().when().get("/api/v1/stations/awards?limit=0").then().statusCode(400).contentType(PROBLEM);
        given().when().get("/api/v1/stations/awards?cursor=garbage").then().statusCode(400)
                .body("errors.field", contains("cursor"));
        given().when().get("/api/v1/stations/" + UUID.randomUUID() + "/awards").then().statusCode(404).contentType(PROBLEM);
        given().when().get("/api/v1/stations/not-a-station/awards").then().statusCode(404);
    }
}
