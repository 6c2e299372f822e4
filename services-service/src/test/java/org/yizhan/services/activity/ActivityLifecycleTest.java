package org.yizhan.services.activity;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import org.yizhan.localstack.testing.TestTokens;
import org.yizhan.localstack.testing.TopicProbe;
import org.yizhan.localstack.testing.YizhanTestResource;

import java.time.Duration;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@WithTestResource(value = YizhanTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "yizhan_services"))
class ActivityLifecycleTest {

    static final String ADMIN = TestTokens.token("admin-1", "union-admin");
    static final String YOUTH = TestTokens.partnerToken("youth-system", "youth-league");
    static final String WOMEN = TestTokens.partnerToken("women-system", "womens-federation");
    static final String WORKER = TestTokens.token("rider-9", "worker");

    @Inject
    EntityManager em;

    @Test
    void aPartnerPlansPublishesAndCancelsAnActivityAndEachStepIsAnEvent() {
        UUID station = ActivityFixtures.venue(em, "ACTIVE", 39.72, 116.34);
        try (TopicProbe events = TopicProbe.open("yizhan.activity.v1")) {
            String id = given().auth().oauth2(YOUTH).contentType("application/json")
                    .body(ActivityFixtures.body(station, "爱心义剪", 3, "\"organisers\":[\"womens-federation\"]"))
                    .when().post("/api/v1/activities")
                    .then().statusCode(201)
                    .header("Location", containsString("/api/v1/activities/"))
                    .header("ETag", equalTo("\"0\""))
                    .body("status", equalTo("DRAFT"))
                    .body("organisers", contains("youth-league"))
                    .body("invitedOrganisers", contains("womens-federation"))
                    .body("leadOrganiser", equalTo("youth-league"))
                    .body("stationName", notNullValue())
                    .extract().path("id");

            // A draft is hidden from workers and other partners.
            given().auth().oauth2(WORKER).when().get("/api/v1/activities/" + id).then().statusCode(404);
            given().auth().oauth2(TestTokens.partnerToken("clinic-system", "community-clinic"))
                    .when().get("/api/v1/activities/" + id).then().statusCode(404);
            // The invited partner sees it, accepts, and from then on co-organises it.
            given().auth().oauth2(WOMEN).when().get("/api/v1/activities/" + id).then().statusCode(200);
            given().auth().oauth2(WOMEN).when().post("/api/v1/activities/" + id + "/invitations/accept")
                    .then().statusCode(200).body("organisers", contains("womens-federation", "youth-league"))
                    .body("invitedOrganisers", nullValue()).body("version", equalTo(1));

            given().auth().oauth2(YOUTH).when().post("/api/v1/activities/" + id + "/publish")
                    .then().statusCode(200).body("status", equalTo("PUBLISHED")).body("version", equalTo(2));
            given().auth().oauth2(WORKER).when().get("/api/v1/activities/" + id)
                    .then().statusCode(200).header("ETag", equalTo("\"2\""));

            TopicProbe.Message published = events.await(m -> id.equals(m.key())
                    && m.value().contains("\"activity.published\""), Duration.ofSeconds(20))
                    .orElseThrow(() -> new AssertionError("no activity.published"));
            assertTrue(published.value().contains("\"organisers\":[\"womens-federation\",\"youth-league\"]"), published.value());

            // Publishing twice is a conflict.
            given().auth().oauth2(YOUTH).header("Accept-Language", "en")
                    .when().post("/api/v1/activities/" + id + "/publish")
                    .then().statusCode(409).contentType("application/problem+json")
                    .body("detail", containsString("PUBLISHED"));

            given().auth().oauth2(WOMEN).contentType("application/json").body("{\"reason\":\"暴雨预警\"}")
                    .when().post("/api/v1/activities/" + id + "/cancel")
                    .then().statusCode(200).body("status", equalTo("CANCELLED")).body("cancelReason", equalTo("暴雨预警"));
            TopicProbe.Message cancelled = events.await(m -> id.equals(m.key())
                    && m.value().contains("\"activity.cancelled\""), Duration.ofSeconds(20))
                    .orElseThrow(() -> new AssertionError("no activity.cancelled"));
            assertTrue(cancelled.value().contains("暴雨预警"));
        }
    }

    @Test
    void anUpdateNeedsTheCurrentVersionAndRepublishes() {
        UUID station = ActivityFixtures.venue(em, "ACTIVE", 39.72, 116.34);
        String id = ActivityFixtures.published(ADMIN, ActivityFixtures.body(station, "集体生日会", 5, null));
        String changed = ActivityFixtures.body(station, "十二月集体生日会", 5, null);

        given().auth().oauth2(ADMIN).contentType("application/json").body(changed)
                .when().put("/api/v1/activities/" + id)
                .then().statusCode(428).contentType("application/problem+json");
        given().auth().oauth2(ADMIN).contentType("application/json").body(changed).header("If-Match", "\"0\"")
                .when().put("/api/v1/activities/" + id)
                .then().statusCode(412).contentType("application/problem+json");
        given().auth().oauth2(ADMIN).contentType("application/json").body(changed).header("If-Match", "\"1\"")
                .when().put("/api/v1/activities/" + id)
                .then().statusCode(200).header("ETag", equalTo("\"2\""))
                .body("title", equalTo("十二月集体生日会"))
                .body("organisers", contains("union"));
        // A partner that does not organise it may not change it.
        given().auth().oauth2(YOUTH).contentType("application/json").body(changed).header("If-Match", "\"2\"")
                .when().put("/api/v1/activities/" + id)
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void workersFindUpcomingActivitiesNearThemOrAtAStation() {
        UUID near = ActivityFixtures.venue(em, "ACTIVE", 30.001, 120.001);
        UUID far = ActivityFixtures.venue(em, "ACTIVE", 30.2, 120.2);
        String truckOnly = ActivityFixtures.published(ADMIN, ActivityFixtures.body(near, "货车司机安全培训", 2,
                "\"occupations\":[\"TRUCK_DRIVER\"]"));
        String later = ActivityFixtures.published(ADMIN, ActivityFixtures.body(near, "免费洗衣", 4, null));
        String farAway = ActivityFixtures.published(ADMIN, ActivityFixtures.body(far, "远处的活动", 1, null));

        given().auth().oauth2(WORKER).queryParam("lat", 30.0).queryParam("lon", 120.0).queryParam("radiusKm", 2)
                .when().get("/api/v1/activities")
                .then().statusCode(200)
                .body("items.id", contains(truckOnly, later))
                .body("items[0].distanceM", equalTo(147));
        given().auth().oauth2(WORKER).queryParam("lat", 30.0).queryParam("lon", 120.0).queryParam("radiusKm", 2)
                .queryParam("occupation", "COURIER")
                .when().get("/api/v1/activities")
                .then().statusCode(200).body("items.id", contains(later));
        given().auth().oauth2(WORKER).queryParam("stationId", far.toString())
                .when().get("/api/v1/activities")
                .then().statusCode(200).body("items.id", contains(farAway));

        // Paging: one at a time, in start order.
        String cursor = given().auth().oauth2(WORKER).queryParam("stationId", near.toString()).queryParam("limit", 1)
                .when().get("/api/v1/activities")
                .then().statusCode(200).body("items.id", contains(truckOnly)).extract().path("nextCursor");
        given().auth().oauth2(WORKER).queryParam("stationId", near.toString()).queryParam("limit", 1)
                .queryParam("cursor", cursor)
                .when().get("/api/v1/activities")
                .then().statusCode(200).body("items.id", contains(later)).body("nextCursor", nullValue());
    }

    @Test
    void aClosingStationFlagsItsUpcomingActivitiesAndReopeningClearsTheFlag() {
        UUID station = UUID.randomUUID();
        TopicProbe.publish("yizhan.station.v1", station.toString(), registered(station));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                given().auth().oauth2(WORKER).when().get("/api/v1/activities/venues/" + station).then().statusCode(200));
        String id = ActivityFixtures.published(ADMIN, ActivityFixtures.body(station, "安全知识讲座", 6, null));

        TopicProbe.publish("yizhan.station.v1", station.toString(), statusChanged(station, 1, "TEMPORARILY_CLOSED", "装修"));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                given().auth().oauth2(ADMIN).when().get("/api/v1/activities/" + id)
                        .then().statusCode(200).body("venueWarning", containsString("装修")));
        // A new activity cannot be planned there meanwhile.
        given().auth().oauth2(ADMIN).contentType("application/json")
                .body(ActivityFixtures.body(station, "不能安排", 6, null))
                .when().post("/api/v1/activities")
                .then().statusCode(400).body("errors.field", hasItem("stationId"));

        TopicProbe.publish("yizhan.station.v1", station.toString(), statusChanged(station, 2, "ACTIVE", ""));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                given().auth().oauth2(ADMIN).when().get("/api/v1/activities/" + id)
                        .then().statusCode(200).body("venueWarning", nullValue()));
    }

    @Test
    void organisersListTheirOwnActivitiesAndAdminsAnyPartners() {
        UUID station = ActivityFixtures.venue(em, "ACTIVE", 39.72, 116.34);
        String mine = given().auth().oauth2(WOMEN).contentType("application/json")
                .body(ActivityFixtures.body(station, "母婴关爱讲座", 8, null))
                .when().post("/api/v1/activities").then().statusCode(201).extract().path("id");
        String others = given().auth().oauth2(YOUTH).contentType("application/json")
                .body(ActivityFixtures.body(station, "青年联谊", 8, null))
                .when().post("/api/v1/activities").then().statusCode(201).extract().path("id");

        given().auth().oauth2(WOMEN).queryParam("limit", 100).when().get("/api/v1/activities/organised")
                .then().statusCode(200).body("items.id", hasItem(mine)).body("items.id", not(hasItem(others)));
        given().auth().oauth2(ADMIN).queryParam("partner", "youth-league").queryParam("status", "DRAFT")
                .queryParam("limit", 100).when().get("/api/v1/activities/organised")
                .then().statusCode(200).body("items.id", hasItem(others)).body("items.id", not(hasItem(mine)));
        given().auth().oauth2(WORKER).when().get("/api/v1/activities/organised").then().statusCode(403);
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyReturnsTheFirstDraft() {
        UUID station = ActivityFixtures.venue(em, "ACTIVE", 39.72, 116.34);
        String body = ActivityFixtures.body(station, "政策宣讲", 9, null);
        String first = given().auth().oauth2(ADMIN).header("Idempotency-Key", "plan-" + station)
                .contentType("application/json").body(body)
                .when().post("/api/v1/activities").then().statusCode(201).extract().path("id");
        String again = given().auth().oauth2(ADMIN).header("Idempotency-Key", "plan-" + station)
                .contentType("application/json").body(body)
                .when().post("/api/v1/activities").then().statusCode(200).extract().path("id");
        assertEquals(first, again);
        given().auth().oauth2(ADMIN).header("Idempotency-Key", "plan-" + station)
                .contentType("application/json").body(ActivityFixtures.body(station, "另一个", 9, null))
                .when().post("/api/v1/activities").then().statusCode(422).contentType("application/problem+json");
    }

    static String registered(UUID stationId) {
        return """
                {"specversion":"1.0","id":"%s","source":"/yizhan/station-service","type":"station.registered",
                 "subject":"%s","time":"2026-11-29T08:00:00Z","datacontenttype":"application/json",
                 "data":{"stationId":"%s","name":"狼垡驿站","hostType":"RESTAURANT","hostOrganisation":"狼垡",
                         "address":"北京市大兴区黄村镇","district":"大兴区","latitude":39.73,"longitude":116.31,
                         "status":"ACTIVE","registeredAt":"2026-11-29T08:00:00Z"}}
                """.formatted(UUID.randomUUID(), stationId, stationId);
    }

    static String statusChanged(UUID stationId, int version, String status, String reason) {
        return """
                {"specversion":"1.0","id":"%s","source":"/yizhan/station-service","type":"station.status_changed",
                 "subject":"%s","time":"2026-11-29T10:00:00Z","datacontenttype":"application/json",
                 "data":{"stationId":"%s","version":%d,"previousStatus":"ACTIVE","status":"%s","reason":"%s",
                         "changedAt":"2026-11-29T10:00:00Z"}}
                """.formatted(UUID.randomUUID(), stationId, stationId, version, status, reason);
    }
}
