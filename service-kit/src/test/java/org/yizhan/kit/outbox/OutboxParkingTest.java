package org.yizhan.kit.outbox;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yizhan.kit.testapp.KitHealth;
import org.yizhan.kit.testapp.TestNoteHandler;
import org.yizhan.kit.testapp.TestQueries;
import org.yizhan.localstack.testing.TestKafka;
import org.yizhan.localstack.testing.TestTokens;
import org.yizhan.localstack.testing.TopicProbe;
import org.yizhan.localstack.testing.YizhanTestResource;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A message Kafka refuses for good (larger than the topic's max.message.bytes) is parked: the
 * other keys flow, the later messages of its key wait behind it, and an operator republishes it
 * after the fix or discards it.
 */
@QuarkusTest
@WithTestResource(value = YizhanTestResource.class, scope = TestResourceScope.GLOBAL, initArgs = {
        @ResourceArg(name = "database", value = "yizhan_kit"),
        @ResourceArg(name = YizhanTestResource.POSTGRES_SWITCH, value = "true")})
class OutboxParkingTest {

    static final String TOPIC = "yizhan.kittest.parking.v1";
    /** A topic whose limit stays small. */
    static final String STRICT_TOPIC = "yizhan.kittest.strict.v1";
    static final String PARKED = "/api/v1/ops/kit-test/outbox/parked";
    static final int SMALL_LIMIT = 4_000;

    @Inject
    Outbox outbox;

    @Inject
    TestQueries db;

    @BeforeAll
    static void createTopicsThatTakeOnlySmallMessages() throws Exception {
        try (Admin admin = admin()) {
            var existing = admin.listTopics().names().get();
            for (String topic : List.of(TOPIC, STRICT_TOPIC)) {
                if (!existing.contains(topic)) {
                    admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1).configs(
                            Map.of(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, String.valueOf(SMALL_LIMIT))))).all().get();
                }
            }
        }
    }

    static Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers()));
    }

    static void allowLargeMessages() throws Exception {
        try (Admin admin = admin()) {
            ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, TOPIC);
            admin.incrementalAlterConfigs(Map.of(topic, List.of(new AlterConfigOp(
                    new ConfigEntry(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, "1048588"), AlterConfigOp.OpType.SET))))
                    .all().get();
        }
    }

    String write(String key, String text) {
        return write(TOPIC, key, text);
    }

    String write(String topic, String key, String text) {
        return QuarkusTransaction.requiringNew().call(() -> outbox.add(topic, key, URI.create("/yizhan/kit-test"),
                TestNoteHandler.TYPE, new TestNoteHandler.Note(text, false, false, false)).getId());
    }

    static String operator() {
        return TestTokens.token("ops-1", "union-admin");
    }

    @Test
    void aParkedMessageHoldsUpOnlyItsKeyAndIsPublishedInOrderWhenRepublishedAfterTheFix() throws Exception {
        try (TopicProbe topic = TopicProbe.open(TOPIC)) {
            String keyA = UUID.randomUUID().toString();
            String keyB = UUID.randomUUID().toString();
            String large = write(keyA, "x".repeat(3 * SMALL_LIMIT));
            String behind = write(keyA, "after the large one");
            String other = write(keyB, "another key");

            await().atMost(Duration.ofSeconds(30)).until(() -> db.published(other) == 1);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(operator())
                    .when().get(PARKED).then().statusCode(200)
                    .body("items.find { it.eventId == '" + large + "' }.refusals", equalTo(2))
                    .body("items.find { it.eventId == '" + large + "' }.lastError", equalTo("RecordTooLargeException"))
                    .body("items.find { it.eventId == '" + large + "' }.waitingBehind", equalTo(1)));
            assertEquals(0, db.published(behind), "waits behind the parked message of its key");
            var readiness = KitHealth.readiness();
            assertTrue(((Number) KitHealth.eventsData(readiness, "relayParked")).intValue() >= 1);
            assertTrue(((Number) KitHealth.eventsData(readiness, "relayWaitingBehindParked")).intValue() >= 1);

            allowLargeMessages();
            given().auth().oauth2(operator()).when().post(PARKED + "/" + large + "/republish")
                    .then().statusCode(200).body("eventId", equalTo(large));
            List<String> arrivedForA = new ArrayList<>();
            topic.await(m -> {
                if (keyA.equals(m.key())) {
                    arrivedForA.add(m.value().contains("after the large one") ? behind : large);
                }
                return arrivedForA.size() >= 2;
            }, Duration.ofSeconds(30));
            assertEquals(List.of(large, behind), arrivedForA, "per-key order holds");
            given().auth().oauth2(operator()).when().get(PARKED)
                    .then().statusCode(200).body("items.eventId", not(hasItem(large)));
            given().auth().oauth2(operator()).when().post(PARKED + "/" + large + "/republish")
                    .then().statusCode(409).contentType("application/problem+json");
        }
    }

    @Test
    void aDiscardedMessageIsNeverPublishedAndTheMessagesBehindItGoOn() {
        try (TopicProbe topic = TopicProbe.open(STRICT_TOPIC)) {
            String key = UUID.randomUUID().toString();
            String large = write(STRICT_TOPIC, key, "y".repeat(3 * SMALL_LIMIT));
            String behind = write(STRICT_TOPIC, key, "after the discarded one");
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(operator())
                    .when().get(PARKED).then().statusCode(200).body("items.eventId", hasItem(large)));

            given().auth().oauth2(operator()).contentType(ContentType.JSON).body("{\"reason\":\" \"}")
                    .when().post(PARKED + "/" + large + "/discard")
                    .then().statusCode(400).contentType("application/problem+json");
            given().auth().oauth2(operator()).contentType(ContentType.JSON).body("{\"reason\":\"too large\"}")
                    .when().post(PARKED + "/" + UUID.randomUUID() + "/discard")
                    .then().statusCode(404).contentType("application/problem+json");
            given().auth().oauth2(TestTokens.token("manager-1", "station-manager")).contentType(ContentType.JSON)
                    .body("{\"reason\":\"too large\"}").when().post(PARKED + "/" + large + "/discard")
                    .then().statusCode(403);
            given().auth().oauth2(operator()).contentType(ContentType.JSON).body("{\"reason\":\"too large\"}")
                    .when().post(PARKED + "/" + large + "/discard")
                    .then().statusCode(200).body("eventId", equalTo(large));

            TopicProbe.Message next = topic.await(m -> key.equals(m.key()), Duration.ofSeconds(30))
                    .orElseThrow(() -> new AssertionError("the message behind the discarded one was not published"));
            assertTrue(next.value().contains("after the discarded one"));
            // Marked published when the relay's round commits, just after Kafka took it.
            await().atMost(Duration.ofSeconds(10)).until(() -> db.published(behind) == 1);
            assertEquals(0, db.published(large));
            given().auth().oauth2(operator()).contentType(ContentType.JSON).body("{\"reason\":\"again\"}")
                    .when().post(PARKED + "/" + large + "/discard")
                    .then().statusCode(409).contentType("application/problem+json");
        }
    }
}
