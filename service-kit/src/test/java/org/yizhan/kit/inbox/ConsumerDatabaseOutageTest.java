package org.yizhan.kit.inbox;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.yizhan.kit.testapp.KitHealth;
import org.yizhan.kit.testapp.TestNoteHandler;
import org.yizhan.kit.testapp.TestNotes;
import org.yizhan.kit.testapp.TestQueries;
import org.yizhan.localstack.testing.TestPostgres;
import org.yizhan.localstack.testing.TopicProbe;
import org.yizhan.localstack.testing.YizhanTestResource;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A consumer whose database is away for 30 s applies every event that arrived meanwhile, once. */
@QuarkusTest
@WithTestResource(value = YizhanTestResource.class, scope = TestResourceScope.GLOBAL, initArgs = {
        @ResourceArg(name = "database", value = "yizhan_kit"),
        @ResourceArg(name = YizhanTestResource.POSTGRES_SWITCH, value = "true")})
class ConsumerDatabaseOutageTest {

    static final Duration OUTAGE = Duration.ofSeconds(30);

    @Inject
    TestQueries db;

    @Test
    void eventsArrivingWhileTheDatabaseIsAwayAreAppliedOnceWhenItReturnsAndNothingIsDeadLettered() {
        List<String> ids = new ArrayList<>();
        try (TopicProbe deadLetters = TopicProbe.open(TestNotes.DEAD_LETTERS)) {
            Instant cutAt = Instant.now();
            TestPostgres.cut();
            try {
                publishOnEveryPartition(ids, "first");
                // The consumer pauses the partitions it cannot apply, says so, and stays alive.
                await().atMost(Duration.ofSeconds(20)).until(() -> KitHealth.stalledPartitions() > 0);
                publishOnEveryPartition(ids, "during");
                await().atMost(OUTAGE.plusSeconds(15)).pollInterval(Duration.ofSeconds(2)).until(() -> {
                    assertEquals(200, KitHealth.livenessStatus(), "the consumer thread stays alive");
                    return Duration.between(cutAt, Instant.now()).compareTo(OUTAGE) >= 0;
                });
                publishOnEveryPartition(ids, "last");
            } finally {
                TestPostgres.restore();
            }

            await().atMost(Duration.ofSeconds(30)).until(() -> ids.stream().allMatch(id -> db.effects(id) > 0));
            for (String id : ids) {
                assertEquals(1, db.effects(id), "applied exactly once: " + id);
                assertEquals(1, db.inbox(id));
                assertEquals(0, db.deadLetters(id), "not dead-lettered: " + id);
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> KitHealth.stalledPartitions() == 0);
            Set<String> keys = ids.stream().collect(Collectors.toSet());
            assertTrue(deadLetters.drain(Duration.ofSeconds(1)).stream().noneMatch(m -> keys.contains(m.key())),
                    "the dead-letter topic stays empty");
        }
    }

    /** Two events on each of the topic's three partitions. */
    private static void publishOnEveryPartition(List<String> ids, String text) {
        List<TopicProbe.Outgoing> records = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String id = TestNotes.newId();
            ids.add(id);
            records.add(new TopicProbe.Outgoing(i % 3, id, TestNotes.note(id, text + "-" + i)));
        }
        TopicProbe.publishAll(TestNoteHandler.TOPIC, records);
    }
}
