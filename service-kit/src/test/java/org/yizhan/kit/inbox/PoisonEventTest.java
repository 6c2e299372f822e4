package org.yizhan.kit.inbox;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.yizhan.kit.testapp.TestNoteHandler;
import org.yizhan.kit.testapp.TestNotes;
import org.yizhan.kit.testapp.TestQueries;
import org.yizhan.localstack.testing.TopicProbe;
import org.yizhan.localstack.testing.YizhanTestResource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A poison event is set aside with its reason, and nothing behind it, on any partition, is held up or lost. */
@QuarkusTest
@WithTestResource(value = YizhanTestResource.class, scope = TestResourceScope.GLOBAL, initArgs = {
        @ResourceArg(name = "database", value = "yizhan_kit"),
        @ResourceArg(name = YizhanTestResource.POSTGRES_SWITCH, value = "true")})
class PoisonEventTest {

    @Inject
    TestQueries db;

    @Test
    void aPoisonEventIsDeadLetteredAndTheRecordsBehindItOnEveryPartitionAreApplied() {
        try (TopicProbe deadLetters = TopicProbe.open(TestNotes.DEAD_LETTERS)) {
            String poison = TestNotes.newId();
            List<String> good = new ArrayList<>();
            List<TopicProbe.Outgoing> records = new ArrayList<>();
            records.add(new TopicProbe.Outgoing(0, poison, TestNotes.poison(poison, "poison")));
            for (int i = 0; i < 9; i++) {
                String id = TestNotes.newId();
                good.add(id);
                records.add(new TopicProbe.Outgoing(i % 3, id, TestNotes.note(id, "behind-" + i)));
            }
            // One flush: the poison and the records behind it reach the consumer in the same poll.
            TopicProbe.publishAll(TestNoteHandler.TOPIC, records);

            TopicProbe.Message dead = deadLetters.await(m -> poison.equals(m.key()), Duration.ofSeconds(30))
                    .orElseThrow(() -> new AssertionError("no dead letter"));
            assertEquals("rejected by TestNoteHandler: IllegalArgumentException: kittest.noted is poison",
                    dead.headers().get(DeadLetterWriter.REASON_HEADER));
            assertTrue(dead.headers().get(DeadLetterWriter.SOURCE_HEADER).startsWith(TestNoteHandler.TOPIC + "/0@"));
            await().atMost(Duration.ofSeconds(30)).until(() -> good.stream().allMatch(id -> db.effects(id) == 1));
            assertEquals(0, db.effects(poison));
            assertEquals(1, db.deadLetters(poison), "listed for the operators");
        }
    }

    @Test
    void anEventFailingWithAnUnknownErrorIsTriedAFewTimesThenDeadLetteredAndThePartitionGoesOn() {
        try (TopicProbe deadLetters = TopicProbe.open(TestNotes.DEAD_LETTERS)) {
            String failing = TestNotes.newId();
            String behind = TestNotes.newId();
            TopicProbe.publishAll(TestNoteHandler.TOPIC, List.of(
                    new TopicProbe.Outgoing(1, failing, TestNotes.failingUnknown(failing, "bug")),
                    new TopicProbe.Outgoing(1, behind, TestNotes.note(behind, "after the bug"))));

            TopicProbe.Message dead = deadLetters.await(m -> failing.equals(m.key()), Duration.ofSeconds(30))
                    .orElseThrow(() -> new AssertionError("no dead letter"));
            assertEquals("failed 3 times in TestNoteHandler: IllegalStateException",
                    dead.headers().get(DeadLetterWriter.REASON_HEADER));
            await().atMost(Duration.ofSeconds(30)).until(() -> db.effects(behind) == 1);
            assertEquals(0, db.inbox(failing), "rolled back each time");
        }
    }

    @Test
    void anUnreadableRecordIsDeadLetteredWithoutAnEventId() {
        try (TopicProbe deadLetters = TopicProbe.open(TestNotes.DEAD_LETTERS)) {
            String key = TestNotes.newId();
            String behind = TestNotes.newId();
            TopicProbe.publishAll(TestNoteHandler.TOPIC, List.of(
                    new TopicProbe.Outgoing(2, key, "{ not a CloudEvent"),
                    new TopicProbe.Outgoing(2, behind, TestNotes.note(behind, "after garbage"))));
            TopicProbe.Message dead = deadLetters.await(m -> key.equals(m.key()), Duration.ofSeconds(30))
                    .orElseThrow(() -> new AssertionError("no dead letter"));
            assertEquals("unreadable: not a structured JSON CloudEvent", dead.headers().get(DeadLetterWriter.REASON_HEADER));
            await().atMost(Duration.ofSeconds(30)).until(() -> db.effects(behind) == 1);
        }
    }
}
