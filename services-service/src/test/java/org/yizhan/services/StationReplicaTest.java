package org.yizhan.services;

import io.quarkus.narayana.jta.QuarkusTransaction;
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
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** services-service keeps a replica of the stations from yizhan.station.v1, applying each event once. */
@QuarkusTest
@WithTestResource(value = YizhanTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "yizhan_services"))
class StationReplicaTest {

    static final String TOPIC = "yizhan.station.v1";

    @Inject
    EntityManager em;

    static String event(String eventId, UUID stationId, String name) {
        return """
                {"specversion":"1.0","id":"%s","source":"/yizhan/station-service","type":"station.registered",
                 "subject":"%s","time":"2026-11-29T08:00:00Z","datacontenttype":"application/json",
                 "data":{"stationId":"%s","name":"%s","hostType":"SHOPPING_MALL","hostOrganisation":"鸿坤广场",
                         "address":"北京市大兴区鸿坤广场","district":"大兴区","latitude":39.7896,"longitude":116.3352,
                         "status":"ACTIVE","registeredAt":"2026-11-29T08:00:00Z","aFieldFromTheFuture":1}}
                """.formatted(eventId, stationId, stationId, name);
    }

    static String token() {
        return TestTokens.token("rider-7", "worker");
    }

    @Test
    void aRegisteredStationAppearsInTheReplica() {
        UUID stationId = UUID.randomUUID();
        TopicProbe.publish(TOPIC, stationId.toString(), event(UUID.randomUUID().toString(), stationId, "鸿坤广场驿站"));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                given().auth().oauth2(token()).when().get("/api/v1/activities/venues/" + stationId)
                        .then().statusCode(200)
                        .body("name", equalTo("鸿坤广场驿站"))
                        .body("hostType", equalTo("SHOPPING_MALL"))
                        .body("latitude", equalTo(39.7896f)));
    }

    @Test
    void aRedeliveredEventIsAppliedOnce() {
        UUID stationId = UUID.randomUUID();
        String eventId = UUID.randomUUID().toString();
        TopicProbe.publish(TOPIC, stationId.toString(), event(eventId, stationId, "第一次"));
        // Same event id again, as a redelivery would bring it (its content must not be applied twice).
        TopicProbe.publish(TOPIC, stationId.toString(), event(eventId, stationId, "第二次"));
        UUID marker = UUID.randomUUID();
        TopicProbe.publish(TOPIC, marker.toString(), event(UUID.randomUUID().toString(), marker, "标记"));

        // The marker comes after both copies on the same consumer, so once it is in, both were seen.
        await().atMost(Duration.ofSeconds(20)).until(() -> venueName(marker) != null);
        await().atMost(Duration.ofSeconds(20)).until(() -> inboxCount(eventId) == 1);
        assertEquals("第一次", venueName(stationId));
        assertEquals(1, inboxCount(eventId));
    }

    @Test
    void anUnreadableMessageGoesToTheDeadLetterTopicAndConsumptionGoesOn() {
        try (TopicProbe deadLetters = TopicProbe.open("yizhan.dlq.services-service")) {
            String key = UUID.randomUUID().toString();
            TopicProbe.publish(TOPIC, key, "{ this is not a CloudEvent");
            UUID stationId = UUID.randomUUID();
            TopicProbe.publish(TOPIC, stationId.toString(), event(UUID.randomUUID().toString(), stationId, "之后"));

            TopicProbe.Message dead = deadLetters.await(m -> key.equals(m.key()), Duration.ofSeconds(20))
                    .orElseThrow(() -> new AssertionError("no dead letter"));
            assertTrue(dead.headers().get("yizhan-dlq-reason").startsWith("unreadable"));
            assertTrue(dead.headers().get("yizhan-dlq-source").startsWith(TOPIC + "/"));
            await().atMost(Duration.ofSeconds(20)).until(() -> "之后".equals(venueName(stationId)));
        }
    }

    @Test
    void anEventWithoutRequiredDataIsDeadLetteredWithTheReason() {
        try (TopicProbe deadLetters = TopicProbe.open("yizhan.dlq.services-service")) {
            UUID stationId = UUID.randomUUID();
            String broken = event(UUID.randomUUID().toString(), stationId, "x").replace("\"name\":\"x\",", "");
            TopicProbe.publish(TOPIC, stationId.toString(), broken);
            TopicProbe.Message dead = deadLetters.await(m -> stationId.toString().equals(m.key()),
                    Duration.ofSeconds(30)).orElseThrow(() -> new AssertionError("no dead letter"));
            assertTrue(dead.headers().get("yizhan-dlq-reason").contains("lacks required fields"),
                    dead.headers().get("yizhan-dlq-reason"));
            assertEquals(null, venueName(stationId));
        }
    }

    static String updated(String eventId, UUID stationId, int version, String name, String status) {
        return """
                {"specversion":"1.0","id":"%s","source":"/yizhan/station-service","type":"station.updated",
                 "subject":"%s","time":"2026-11-29T09:00:00Z","datacontenttype":"application/json",
                 "data":{"stationId":"%s","version":%d,"change":"UPDATED","name":"%s","hostType":"PARK",
                         "address":"北京市大兴区","district":"大兴区","latitude":39.7,"longitude":116.3,
                         "photos":[],"listedIn":[],"status":"%s","registeredAt":"2026-11-29T08:00:00Z",
                         "updatedAt":"2026-11-29T09:00:00Z"}}
                """.formatted(eventId, stationId, stationId, version, name, status);
    }

    static String statusChanged(UUID stationId, int version, String status, String reason) {
        return """
                {"specversion":"1.0","id":"%s","source":"/yizhan/station-service","type":"station.status_changed",
                 "subject":"%s","time":"2026-11-29T10:00:00Z","datacontenttype":"application/json",
                 "data":{"stationId":"%s","version":%d,"previousStatus":"ACTIVE","status":"%s","reason":"%s",
                         "changedAt":"2026-11-29T10:00:00Z"}}
                """.formatted(UUID.randomUUID(), stationId, stationId, version, status, reason);
    }

    @Test
    void updatesAndStatusChangesFollowTheStationAndOlderVersionsAreIgnored() {
        UUID stationId = UUID.randomUUID();
        TopicProbe.publish(TOPIC, stationId.toString(), event(UUID.randomUUID().toString(), stationId, "原名"));
        TopicProbe.publish(TOPIC, stationId.toString(), updated(UUID.randomUUID().toString(), stationId, 2, "新名", "ACTIVE"));
        // A late, older snapshot must not win.
        TopicProbe.publish(TOPIC, stationId.toString(), updated(UUID.randomUUID().toString(), stationId, 1, "旧快照", "ACTIVE"));
        TopicProbe.publish(TOPIC, stationId.toString(), statusChanged(stationId, 3, "TEMPORARILY_CLOSED", "装修"));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                given().auth().oauth2(token()).when().get("/api/v1/activities/venues/" + stationId)
                        .then().statusCode(200)
                        .body("name", equalTo("新名"))
                        .body("status", equalTo("TEMPORARILY_CLOSED"))
                        .body("statusReason", equalTo("装修"))
                        .body("version", equalTo(3)));
    }

    @Test
    void aLateRegistrationDoesNotUndoANewerUpdate() {
        UUID stationId = UUID.randomUUID();
        TopicProbe.publish(TOPIC, stationId.toString(), updated(UUID.randomUUID().toString(), stationId, 4, "第四版", "ACTIVE"));
        String registration = UUID.randomUUID().toString();
        TopicProbe.publish(TOPIC, stationId.toString(), event(registration, stationId, "注册时的名字"));
        // Same key, same partition: once the registration is in the inbox, the update was applied before it.
        await().atMost(Duration.ofSeconds(20)).until(() -> inboxCount(registration) == 1);
        assertEquals("第四版", venueName(stationId));
    }

    String venueName(UUID stationId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            java.util.List<?> names = em.createNativeQuery("select name from station_replica where station_id = :id")
                    .setParameter("id", stationId).getResultList();
            return names.isEmpty() ? null : (String) names.get(0);
        });
    }

    long inboxCount(String eventId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                        "select count(*) from inbox_processed_event where event_id = :id")
                .setParameter("id", eventId).getSingleResult()).longValue());
    }
}
