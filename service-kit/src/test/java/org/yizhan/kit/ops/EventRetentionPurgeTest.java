package org.yizhan.kit.ops;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.yizhan.kit.testapp.TestNotes;
import org.yizhan.kit.testapp.TestQueries;
import org.yizhan.kit.time.AppClock;
import org.yizhan.localstack.testing.YizhanTestResource;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Published outbox messages, old inbox entries and replayed dead letters are forgotten after their retention. */
@QuarkusTest
@WithTestResource(value = YizhanTestResource.class, scope = TestResourceScope.GLOBAL, initArgs = {
        @ResourceArg(name = "database", value = "yizhan_kit"),
        @ResourceArg(name = YizhanTestResource.POSTGRES_SWITCH, value = "true")})
class EventRetentionPurgeTest {

    @Inject
    EventRetentionPurge purge;

    @Inject
    TestQueries db;

    @Inject
    AppClock clock;

    /** Adds an outbox message with the given extra columns and values; returns its event id. */
    String outbox(String columns, String values) {
        String id = TestNotes.newId();
        db.execute("insert into outbox_message (event_id, topic, message_key, event_type, payload" + columns
                + ") values ('" + id + "', 'yizhan.kittest.purge.v1', 'k', 'kittest.noted', '{}'" + values + ")");
        return id;
    }

    String inbox(int daysAgo) {
        String id = TestNotes.newId();
        db.execute("insert into inbox_processed_event (consumer, event_id, event_type, processed_at) values"
                + " ('kit-test', '" + id + "', 'kittest.noted', now() - interval '" + daysAgo + " days')");
        return id;
    }

    String deadLetter(String replayedAt) {
        String id = TestNotes.newId();
        db.execute("insert into dead_letter (id, consumer, source_topic, source_partition, source_offset, event_id,"
                + " reason, payload, dead_lettered_at, replayed_at) values (gen_random_uuid(), 'kit-test', 't', 0,"
                + " (random() * 1e9)::bigint, '" + id + "', 'r', ''::bytea, now() - interval '200 days', "
                + replayedAt + ")");
        return id;
    }

    long outboxRows(String eventId) {
        return db.count("select count(*) from outbox_message where event_id = :id", eventId);
    }

    @Test
    void whatIsPastItsRetentionIsDeletedAndNothingElse() {
        String publishedLongAgo = outbox(", created_at, published_at", ", now() - interval '9 days', now() - interval '8 days'");
        String publishedRecently = outbox(", published_at", ", now() - interval '1 day'");
        String pendingLongAgo = outbox(", created_at", ", now() - interval '60 days'");
        String parkedLongAgo = outbox(", created_at, parked_at", ", now() - interval '60 days', now() - interval '59 days'");
        String discardedLongAgo = outbox(", parked_at, discarded_at", ", now() - interval '9 days', now() - interval '8 days'");
        String oldInbox = inbox(31);
        String recentInbox = inbox(1);
        String replayedLongAgo = deadLetter("now() - interval '91 days'");
        String replayedRecently = deadLetter("now() - interval '1 day'");
        String waiting = deadLetter("null");

        purge.purge(clock.now());

        assertEquals(0, outboxRows(publishedLongAgo));
        assertEquals(1, outboxRows(publishedRecently));
        assertEquals(1, outboxRows(pendingLongAgo), "never published: kept");
        assertEquals(1, outboxRows(parkedLongAgo), "parked: kept until republished or discarded");
        assertEquals(0, outboxRows(discardedLongAgo));
        assertEquals(0, db.inbox(oldInbox));
        assertEquals(1, db.inbox(recentInbox));
        assertEquals(0, db.deadLetters(replayedLongAgo));
        assertEquals(1, db.deadLetters(replayedRecently));
        assertEquals(1, db.deadLetters(waiting), "not replayed: kept");
        db.execute("delete from outbox_message where event_id in ('" + pendingLongAgo + "', '" + parkedLongAgo + "')");
    }

    @Test
    void twoInstancesPurgingAtOnceDeleteEachRowOnce() {
        List<String> old = List.of(inbox(40), inbox(40), inbox(40));
        Instant now = clock.now().plus(1, ChronoUnit.SECONDS);
        var first = CompletableFuture.supplyAsync(() -> purge.purge(now));
        var second = CompletableFuture.supplyAsync(() -> purge.purge(now));
        int deleted = first.join().inbox() + second.join().inbox();
        assertEquals(old.size(), deleted);
        old.forEach(id -> assertEquals(0, db.inbox(id)));
    }
}
