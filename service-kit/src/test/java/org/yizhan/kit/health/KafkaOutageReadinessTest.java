package org.yizhan.kit.health;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.yizhan.kit.testapp.KitHealth;
import org.yizhan.kit.testapp.TestNoteResource;
import org.yizhan.localstack.testing.TestKafka;
import org.yizhan.localstack.testing.TopicProbe;
import org.yizhan.localstack.testing.YizhanTestResource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Kafka being away takes nothing out of rotation: writes go on, and their events follow once it is back. */
@QuarkusTest
@WithTestResource(value = YizhanTestResource.class, scope = TestResourceScope.GLOBAL, initArgs = {
        @ResourceArg(name = "database", value = "yizhan_kit"),
        @ResourceArg(name = YizhanTestResource.POSTGRES_SWITCH, value = "true")})
class KafkaOutageReadinessTest {

    @Test
    void readinessStaysUpWhileKafkaIsStoppedAndEveryEventWrittenMeanwhileArrivesAfterwards() {
        List<String> keys = new ArrayList<>();
        try (TopicProbe topic = TopicProbe.open(TestNoteResource.TOPIC)) {
            TestKafka.stop();
            try {
                for (int i = 0; i < 5; i++) {
                    String key = UUID.randomUUID().toString();
                    keys.add(key);
                    given().contentType(ContentType.TEXT).body("written while Kafka is away " + i)
                            .when().post("/test/notes/" + key).then().statusCode(201);
                }
                var readiness = given().when().get("/q/health/ready").then().statusCode(200)
                        .body("status", equalTo("UP")).extract().jsonPath();
                assertTrue(((Number) KitHealth.eventsData(readiness, "relayPending")).intValue() >= keys.size(),
                        "the backlog shows in readiness");
            } finally {
                TestKafka.start();
            }
            Set<String> arrived = new HashSet<>();
            topic.await(m -> {
                if (keys.contains(m.key())) {
                    arrived.add(m.key());
                }
                return arrived.size() == keys.size();
            }, Duration.ofSeconds(60));
            assertEquals(Set.copyOf(keys), arrived, "every event written during the outage is published");
            await().atMost(Duration.ofSeconds(20)).until(() ->
                    ((Number) KitHealth.eventsData(KitHealth.readiness(), "relayPending")).intValue() == 0);
        }
    }

    @Test
    void healthShowsTheEventThreadsAndTheRelayBacklog() {
        given().when().get("/q/health/live").then().statusCode(200)
                .body("checks.find { it.name == 'Kafka event threads' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'Kafka event threads' }.data.relay", equalTo("running"))
                .body("checks.find { it.name == 'Kafka event threads' }.data.consumer", equalTo("running"));
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("checks.name", hasItem(EventsReadiness.NAME))
                .body("checks.find { it.name == '" + EventsReadiness.NAME + "' }.data.relay", equalTo("running"))
                .body("checks.find { it.name == '" + EventsReadiness.NAME + "' }.data.consumer", equalTo("running"))
                .body("checks.find { it.name == '" + EventsReadiness.NAME + "' }.data.relayParked",
                        org.hamcrest.Matchers.greaterThanOrEqualTo(0))
                .body("checks.find { it.name == '" + EventsReadiness.NAME + "' }.data.consumerLastPollAt",
                        org.hamcrest.Matchers.notNullValue());
    }
}
