package org.yizhan.kit.outbox;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.yizhan.kit.testapp.TestNoteHandler;
import org.yizhan.kit.testapp.TestQueries;
import org.yizhan.localstack.testing.YizhanTestResource;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** /q/metrics shows the outbox backlog, dead letters, what the consumer handled and its lag per partition. */
@QuarkusTest
@WithTestResource(value = YizhanTestResource.class, scope = TestResourceScope.GLOBAL, initArgs = {
        @ResourceArg(name = "database", value = "yizhan_kit"),
        @ResourceArg(name = YizhanTestResource.POSTGRES_SWITCH, value = "true")})
class EventFlowMetricsTest {

    private static final String TOPIC = "yizhan.kittest.metrics.v1";

    @Inject
    EventFlowMetrics metrics;

    @Inject
    TestQueries db;

    @Test
    void theGaugesFollowTheOutboxAndTheDeadLetters() {
        String key = "metrics-" + UUID.randomUUID();
        String parked = UUID.randomUUID().toString();
        String waiting = UUID.randomUUID().toString();
        UUID deadLetter = UUID.randomUUID();
        metrics.refresh();
        Scrape before = Scrape.now();
        try {
            // A parked message and, behind it on the same key, one written two minutes ago.
            db.execute("insert into outbox_message (event_id, topic, message_key, event_type, payload, created_at,"
                    + " parked_at, refusals) values ('" + parked + "', '" + TOPIC + "', '" + key + "', 'kittest.noted',"
                    + " '{}', now() - interval '130 seconds', now() - interval '100 seconds', 2)");
            db.execute("insert into outbox_message (event_id, topic, message_key, event_type, payload, created_at)"
                    + " values ('" + waiting + "', '" + TOPIC + "', '" + key + "', 'kittest.noted', '{}',"
                    + " now() - interval '120 seconds')");
            db.execute("insert into dead_letter (id, consumer, source_topic, source_partition, source_offset, reason,"
                    + " dead_lettered_at) values ('" + deadLetter + "', 'kit-test', '" + TOPIC + "', 0, "
                    + (Long.MAX_VALUE - (deadLetter.getLeastSignificantBits() >>> 1)) + ", 'test', now())");
            assertNotNull(metrics.refresh(), "the figures were read");

            Scrape after = Scrape.now();
            assertEquals(before.value("yizhan_outbox_parked") + 1, after.value("yizhan_outbox_parked"));
            assertEquals(before.value("yizhan_outbox_waiting_behind_parked") + 1,
                    after.value("yizhan_outbox_waiting_behind_parked"));
            assertEquals(before.value("yizhan_events_dead_letters") + 1, after.value("yizhan_events_dead_letters"));
            assertTrue(after.value("yizhan_outbox_pending") >= 1, "the message behind the parked one is pending");
            assertTrue(after.value("yizhan_outbox_oldest_pending_age_seconds") >= 120,
                    "the oldest pending message is at least two minutes old");
        } finally {
            db.execute("delete from outbox_message where event_id in ('" + parked + "', '" + waiting + "')");
            db.execute("delete from dead_letter where id = '" + deadLetter + "'");
        }
        metrics.refresh();
        assertEquals(before.value("yizhan_outbox_parked"), Scrape.now().value("yizhan_outbox_parked"));
    }

    @Test
    void publishedAndConsumedEventsAreCountedAndTheConsumerLagIsShownPerPartition() {
        String eventId = given().contentType(ContentType.TEXT).body("counted")
                .when().post("/test/notes/{key}/handled", "counted-" + UUID.randomUUID())
                .then().statusCode(201).extract().asString();
        await().atMost(Duration.ofSeconds(30)).until(() -> db.effects(eventId) == 1);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            Scrape scrape = Scrape.now();
            assertTrue(scrape.value("yizhan_outbox_published_total", Map.of("topic", TestNoteHandler.TOPIC)) >= 1);
            assertTrue(scrape.value("yizhan_events_consumed_total", Map.of("group", "kit-test",
                    "topic", TestNoteHandler.TOPIC, "outcome", "applied")) >= 1);
            // Caught up: every partition of the topic that this consumer holds shows a lag, and it is 0 here.
            assertEquals(0.0, scrape.sum("yizhan_events_consumer_lag", Map.of("group", "kit-test",
                    "topic", TestNoteHandler.TOPIC)));
            assertTrue(scrape.count("yizhan_events_consumer_lag", Map.of("group", "kit-test",
                    "topic", TestNoteHandler.TOPIC)) >= 1, "a lag per assigned partition");
        });
    }

    /** One scrape of /q/metrics in the Prometheus text format. */
    private record Scrape(String text) {

        static Scrape now() {
            return new Scrape(given().when().get("/q/metrics").then().statusCode(200).extract().asString());
        }

        double value(String name) {
            return value(name, Map.of());
        }

        /** The value of the one series of {@code name} with these labels (and maybe others). */
        double value(String name, Map<String, String> labels) {
            assertEquals(1, count(name, labels), name + " " + labels + " in\n" + text);
            return sum(name, labels);
        }

        double sum(String name, Map<String, String> labels) {
            // A sample line: name{labels} value [# {exemplar} value timestamp]
            return text.lines().filter(l -> matches(l, name, labels))
                    .map(l -> l.contains(" # ") ? l.substring(0, l.indexOf(" # ")) : l)
                    .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
        }

        long count(String name, Map<String, String> labels) {
            return text.lines().filter(l -> matches(l, name, labels)).count();
        }

        private static boolean matches(String line, String name, Map<String, String> labels) {
            if (!line.startsWith(name + "{") && !line.startsWith(name + " ")) {
                return false;
            }
            return labels.entrySet().stream().allMatch(e -> line.contains(e.getKey() + "=\"" + e.getValue() + "\""));
        }
    }
}
