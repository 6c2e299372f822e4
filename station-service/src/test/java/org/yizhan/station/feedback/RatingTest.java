package org.yizhan.station.feedback;

import org.yizhan.kit.privacy.Pseudonyms;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import org.yizhan.localstack.testing.YizhanTestResource;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.yizhan.station.feedback.FeedbackFixtures.as;
import static org.yizhan.station.feedback.FeedbackFixtures.count;
import static org.yizhan.station.feedback.FeedbackFixtures.newWorker;
import static org.yizhan.station.feedback.FeedbackFixtures.station;
import static org.yizhan.station.feedback.FeedbackFixtures.visit;
import static org.yizhan.station.feedback.FeedbackFixtures.worker;

@QuarkusTest
@WithTestResource(value = YizhanTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "yizhan_station"))
class RatingTest {

    @Inject
    EntityManager em;

    @Inject
    Pseudonyms pseudonyms;

    static io.restassured.response.Response rate(String station, String worker, String body) {
        return worker(worker).body(body).when().post("/api/v1/stations/" + station + "/ratings");
    }

    @Test
    void withoutARecentVisitARatingIsRefusedAndNothingIsStored() {
        String station = station();
        String rider = newWorker();
        // A visit to another station does not count.
        String elsewhere = station();
        visit(elsewhere, rider);
        long before = count(em, "station_rating");

        rate(station, rider, "{\"stars\": 5, \"comment\": \"很好\"}")
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("urn:yizhan:problem:unprocessable"))
                .body("detail", equalTo("只有最近 7 天内到访过本站点的劳动者才能评价"));

        assertEquals(before, count(em, "station_rating"));
        given().when().get("/api/v1/stations/" + station + "/ratings")
                .then().statusCode(200).body("count", equalTo(0)).body("average", nullValue());
    }

    @Test
    void averageAndHistogramFollowTheRatingsAndASecondRatingTheSameDayReplacesTheFirst() {
        String station = station();
        String a = newWorker();
        String b = newWorker();
        String c = newWorker();
        for (String w : List.of(a, b, c)) {
            visit(station, w);
        }

        rate(station, a, "{\"stars\": 5, \"comment\": \"热水充足\"}").then().statusCode(201)
                .body("stars", equalTo(5)).body("comment", equalTo("热水充足"));
        rate(station, b, "{\"stars\": 4}").then().statusCode(201);
        rate(station, c, "{\"stars\": 2, \"comment\": \"人太多\"}").then().statusCode(201);

        given().when().get("/api/v1/stations/" + station + "/ratings")
                .then().statusCode(200)
                .body("stationId", equalTo(station))
                .body("count", equalTo(3))
                .body("average", equalTo(3.67f))               // 11 / 3
                .body("histogram.'1'", equalTo(0))
                .body("histogram.'2'", equalTo(1))
                .body("histogram.'3'", equalTo(0))
                .body("histogram.'4'", equalTo(1))
                .body("histogram.'5'", equalTo(1))
                .body("comments.items.comment", contains("人太多", "热水充足"));

        // a changes their mind the same day: replaced, not added.
        rate(station, a, "{\"stars\": 1, \"comment\": \"微波炉坏了\"}").then().statusCode(200)
                .body("stars", equalTo(1));

        given().when().get("/api/v1/stations/" + station + "/ratings")
                .then().statusCode(200)
                .body("count", equalTo(3))
                .body("average", equalTo(2.33f))               // (1 + 4 + 2) / 3
                .body("histogram.'1'", equalTo(1))
                .body("histogram.'5'", equalTo(0))
                .body("comments.items.comment", contains("微波炉坏了", "人太多"));
        assertEquals(3L, ((Number) em.createNativeQuery("select count(*) from station_rating where station_id = :s")
                .setParameter("s", UUID.fromString(station)).getSingleResult()).longValue());
    }

    @Test
    void commentsAreCleanedAndShownWithoutTheirAuthor() {
        String station = station();
        String rider = newWorker();
        visit(station, rider);

        rate(station, rider, "{\"stars\": 4, \"comment\": \"  \\u202e好\\u0007地方\\u200b\\r\\n\\n\\n\\n有充电桩\\t \"}")
                .then().statusCode(201).body("comment", equalTo("好地方\n\n有充电桩"));

        var comments = given().when().get("/api/v1/stations/" + station + "/ratings")
                .then().statusCode(200)
                .body("comments.items[0].comment", equalTo("好地方\n\n有充电桩"))
                .body("comments.items[0].stars", equalTo(4))
                .body("comments.items[0]", not(hasKey("rater")))
                .body("comments.items[0]", not(hasKey("ratedAt")))
                .extract().asString();
        String rater = pseudonyms.of(rider);
        assertEquals(false, comments.contains(rater));
        assertEquals(false, comments.contains(rider));

        // Stored under the pseudonym only.
        assertEquals(0L, rowsMentioning("station_rating", rider));
        assertEquals(1L, ((Number) em.createNativeQuery("select count(*) from station_rating where rater = :r")
                .setParameter("r", rater).getSingleResult()).longValue());
    }

    @Test
    void aWhitespaceOnlyCommentCountsAsNone() {
        String station = station();
        String rider = newWorker();
        visit(station, rider);
        // The NUL character is refused outright (PostgreSQL cannot store it); nothing is stored.
        rate(station, rider, "{\"stars\": 3, \"comment\": \"好 \\u0000\"}")
                .then().statusCode(400).body("errors.field", equalTo(java.util.List.of("comment")));
        rate(station, rider, "{\"stars\": 3, \"comment\": \" \\u200b\\t \\n \\u0007 \"}")
                .then().statusCode(201).body("comment", nullValue());
        given().when().get("/api/v1/stations/" + station + "/ratings")
                .then().statusCode(200).body("count", equalTo(1)).body("comments.items.size()", equalTo(0));
    }

    @Test
    void badRatingsAreRejectedWithTheFieldsAndStoreNothing() {
        String station = station();
        String rider = newWorker();
        visit(station, rider);
        long before = count(em, "station_rating");

        rate(station, rider, "{\"stars\": 6, \"comment\": \"%s\"}".formatted("好".repeat(501)))
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:yizhan:problem:validation"))
                .body("errors.field", hasItems("stars", "comment"));
        rate(station, rider, "{\"stars\": 0}").then().statusCode(400).body("errors.field", contains("stars"));
        rate(station, rider, "{\"comment\": \"没有星\"}").then().statusCode(400).body("errors.field", contains("stars"));
        rate(station, rider, "{\"stars\": \"five\"}").then().statusCode(400).body("errors[0].field", equalTo("stars"));

        assertEquals(before, count(em, "station_rating"));
    }

    @Test
    void onlyWorkersRateAndUnknownStationsAre404() {
        String station = station();
        given().contentType("application/json").body("{\"stars\": 5}")
                .when().post("/api/v1/stations/" + station + "/ratings")
                .then().statusCode(401).contentType("application/problem+json");
        as("manager-x", "station-manager").body("{\"stars\": 5}")
                .when().post("/api/v1/stations/" + station + "/ratings")
                .then().statusCode(403).contentType("application/problem+json");
        rate(UUID.randomUUID().toString(), newWorker(), "{\"stars\": 5}")
                .then().statusCode(404).contentType("application/problem+json");
        given().when().get("/api/v1/stations/" + UUID.randomUUID() + "/ratings")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void commentsPageWithACursor() {
        String station = station();
        List<String> written = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String rider = newWorker();
            visit(station, rider);
            rate(station, rider, "{\"stars\": 5, \"comment\": \"评论 " + i + "\"}").then().statusCode(201);
            written.add(0, "评论 " + i);
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            var request = given().queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            var page = request.when().get("/api/v1/stations/" + station + "/ratings")
                    .then().statusCode(200).body("count", equalTo(5)).extract();
            seen.addAll(page.path("comments.items.comment"));
            cursor = page.path("comments.nextCursor");
        } while (cursor != null && seen.size() < 10);
        assertEquals(written, seen);

        given().queryParam("cursor", "bm9wZQ").when().get("/api/v1/stations/" + station + "/ratings")
                .then().statusCode(400).body("errors[0].field", equalTo("cursor"));
        given().queryParam("limit", 0).when().get("/api/v1/stations/" + station + "/ratings")
                .then().statusCode(400).body("errors[0].field", equalTo("limit"));
    }

    long rowsMentioning(String table, String text) {
        return ((Number) em.createNativeQuery("select count(*) from " + table + " t where t::text like :p")
                .setParameter("p", "%" + text + "%").getSingleResult()).longValue();
    }
}
