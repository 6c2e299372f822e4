package org.yizhan.station;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import org.yizhan.localstack.testing.TestKafka;
import org.yizhan.localstack.testing.TestTokens;
import org.yizhan.localstack.testing.TopicProbe;
import org.yizhan.localstack.testing.YizhanTestResource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Stations registered while Kafka is away are published, nothing lost, once it is back. */
@QuarkusTest
@WithTestResource(value = YizhanTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "yizhan_station"))
class KafkaOutageTest {

    @Inject
    EntityManager em;

    @Test
    void registrationsDuringAnOutageArePublishedAfterKafkaReturns() {
        List<String> ids = new ArrayList<>();
        try (TopicProbe topic = TopicProbe.open(StationRegistrationTest.TOPIC)) {
            TestKafka.stop();
            try {
                for (int i = 0; i < 3; i++) {
                    ids.add(given().auth().oauth2(TestTokens.token("admin-1", "union-admin"))
                            .contentType(ContentType.JSON)
                            .body(StationRegistrationTest.body("断网驿站 " + i + " " + UUID.randomUUID()))
                            .when().post("/api/v1/stations")
                            .then().statusCode(201).extract().path("id"));
                }
                // The relay keeps trying; nothing is marked published while Kafka is away.
                await().atMost(Duration.ofSeconds(20)).until(() -> attempts(ids.get(0)) > 0);
                assertEquals(ids.size(), unpublished(ids));
            } finally {
                TestKafka.start();
            }

            List<String> arrived = new ArrayList<>();
            topic.await(m -> {
                if (ids.contains(m.key()) && !arrived.contains(m.key())) {
                    arrived.add(m.key());
                }
                return arrived.size() == ids.size();
            }, Duration.ofSeconds(60));
            // Order holds per station (the record key); different stations may land on different partitions.
            assertEquals(java.util.Set.copyOf(ids), java.util.Set.copyOf(arrived),
                    "every station registered during the outage is published once Kafka is back");
            await().atMost(Duration.ofSeconds(10)).until(() -> unpublished(ids) == 0);
        }
    }

    long unpublished(List<String> keys) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                        "select count(*) from outbox_message where published_at is null and message_key in (:keys)")
                .setParameter("keys", keys).getSingleResult()).longValue());
    }

    int attempts(String key) {
        List<?> rows = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                        "select attempts from outbox_message where message_key = :key")
                .setParameter("key", key).getResultList());
        assertTrue(rows.size() <= 1);
        return rows.isEmpty() ? 0 : ((Number) rows.get(0)).intValue();
    }
}
