package org.yizhan.station.award;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import org.junit.jupiter.api.Test;
import org.yizhan.localstack.testing.TopicProbe;
import org.yizhan.localstack.testing.YizhanTestResource;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.yizhan.station.award.AwardFixtures.admin;
import static org.yizhan.station.award.AwardFixtures.district;
import static org.yizhan.station.award.AwardFixtures.inspect;
import static org.yizhan.station.award.AwardFixtures.station;
import static org.yizhan.station.award.AwardFixtures.thisYear;

/** Recording official titles: history, the station.award_granted event, one per level and year, public lists. */
@QuarkusTest
@WithTestResource(value = YizhanTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "yizhan_station"))
class AwardGrantTest {

    static final JsonPathConfig EXACT = JsonPathConfig.jsonPathConfig()
            .numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL);

    static Map<String, Object> body(int year, String level, String title) {
        return Map.of("year", year, "level", level, "title", title);
    }

    static String awards(String stationId) {
        return "/api/v1/stations/" + stationId + "/awards";
    }

    @Test
    void anAwardIsRecordedWithTheLatestSnapshotTotalKeptInHistoryAndPublished() {
        String id = station(district(), 12);
        inspect(id, List.of(), AwardFixtures.FOUR_OPTIONAL);
        int year = thisYear();
        String snapshot = admin().when().post("/api/v1/stations/awards/" + year + "/snapshots")
                .then().statusCode(201).extract().path("id");
        BigDecimal frozen = admin().when().get("/api/v1/stations/awards/" + year + "/snapshots/" + snapshot + "?limit=100")
                .then().statusCode(200).extract().jsonPath(EXACT)
                .getObject("items.find { it.stationId == '" + id + "' }.total", BigDecimal.class);

        try (TopicProbe events = TopicProbe.open("yizhan.station.v1")) {
            JsonPath award = admin().body(body(year, "CITY", "  " + year + "年度北京市最美户外劳动者服务站点 "))
                    .when().post(awards(id))
                    .then().statusCode(201).header("Location", notNullValue())
                    .body("level", equalTo("CITY")).body("levelNameZh", equalTo("市级"))
                    .extract().jsonPath(EXACT);
            String awardId = award.getString("id");
            assertEquals(year + "年度北京市最美户外劳动者服务站点", award.getString("title"));
            assertEquals(frozen, award.getObject("score", BigDecimal.class));
            assertEquals(snapshot, award.getString("snapshotId"));

            TopicProbe.Message message = events.await(m -> m.value().contains("station.award_granted")
                    && m.value().contains(awardId), Duration.ofSeconds(20))
                    .orElseThrow(() -> new AssertionError("no station.award_granted"));
            assertEquals(id, message.key());
            JsonPath event = new JsonPath(message.value()).using(EXACT);
            assertEquals("station.award_granted", event.getString("type"));
            assertEquals(id, event.getString("data.stationId"));
            assertEquals(year, event.getInt("data.year"));
            assertEquals("CITY", event.getString("data.level"));
            assertEquals(frozen, event.getObject("data.score", BigDecimal.class));

            JsonPath history = admin().when().get("/api/v1/stations/" + id + "/history")
                    .then().statusCode(200).extract().jsonPath();
            assertEquals("AWARD_GRANTED", history.getString("[0].change"));
            assertEquals(awardId, history.getString("[0].detail.awardId"));
            assertEquals("CITY", history.getString("[0].detail.level"));
        }

        // The same level again for the year is a conflict; another level is not.
        admin().body(body(year, "CITY", "再次")).when().post(awards(id))
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("urn:yizhan:problem:conflict"));
        admin().body(body(year, "DISTRICT", "大兴区最美驿站")).when().post(awards(id)).then().statusCode(201);
        // No snapshot of that year: no score.
        admin().body(body(2021, "NATIONAL", "全国最美驿站")).when().post(awards(id))
                .then().statusCode(201).body("score", nullValue()).body("snapshotId", nullValue());

        // Public list of the station, newest year first.
        List<String> levels = given().when().get(awards(id)).then().statusCode(200).extract().path("level");
        assertEquals(3, levels.size());
        assertEquals("NATIONAL", levels.get(2));
        assertEquals(List.of(year, year, 2021), given().when().get(awards(id)).then().extract().path("year"));
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyRecordsOnce() {
        String id = station(district(), 8);
        String key = "award-" + UUID.randomUUID().toString().substring(0, 8);
        String first = admin().header("Idempotency-Key", key).body(body(2025, "DISTRICT", "最美驿站"))
                .when().post(awards(id)).then().statusCode(201).extract().path("id");
        String again = admin().header("Idempotency-Key", key).body(body(2025, "DISTRICT", "最美驿站"))
                .when().post(awards(id)).then().statusCode(200).extract().path("id");
        assertEquals(first, again);
        admin().header("Idempotency-Key", key).body(body(2025, "CITY", "最美驿站"))
                .when().post(awards(id)).then().statusCode(422).contentType("application/problem+json");
        assertEquals(1, given().when().get(awards(id)).then().statusCode(200).extract().jsonPath().getList("$").size());
    }

    @Test
    void everyAwardIsListedPubliclyByYearAndLevelAndTheAwardsPathIsNotAStationId() {
        String a = station(district(), 8);
        String b = station(district(), 8);
        admin().body(body(2022, "NATIONAL", "全国最美驿站 A")).when().post(awards(a)).then().statusCode(201);
        admin().body(body(2022, "NATIONAL", "全国最美驿站 B")).when().post(awards(b)).then().statusCode(201);
        admin().body(body(2022, "CITY", "市级最美驿站 B")).when().post(awards(b)).then().statusCode(201);

        JsonPath page = given().when().get("/api/v1/stations/awards?year=2022&level=NATIONAL&limit=100")
                .then().statusCode(200).extract().jsonPath();
        assertTrue(page.getList("items.stationId").containsAll(List.of(a, b)));
        assertTrue(page.getList("items.level").stream().allMatch("NATIONAL"::equals));
        assertTrue(page.getList("items.year").stream().allMatch(y -> ((Integer) y) == 2022));
        assertEquals(true, page.getString("items.find { it.stationId == '" + a + "' }.stationName").startsWith("最美驿站"));

        // Paging one at a time: the newest first, and a cursor to the next.
        JsonPath first = given().when().get("/api/v1/stations/awards?year=2022&limit=1").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(1, first.getList("items").size());
        JsonPath second = given().when().get("/api/v1/stations/awards?year=2022&limit=1&cursor=" + first.getString("nextCursor"))
                .then().statusCode(200).extract().jsonPath();
        assertTrue(!first.getString("items[0].id").equals(second.getString("items[0].id")));

        // "awards" is not taken for a station id, and station reads still work.
        given().when().get("/api/v1/stations/" + a).then().statusCode(200).body("id", equalTo(a));
        given().when().get("/api/v1/stations/awards").then().statusCode(200).body("items", notNullValue());
    }
}
