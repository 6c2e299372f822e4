package org.yizhan.kit.ops;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.yizhan.localstack.testing.ServiceDatabase;
import org.yizhan.localstack.testing.YizhanTestResource;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A job runs on one instance at a time: two runners on one database, and a lock held by another
 * session. (The locks of jobs this test application does not schedule, so that no scheduled run
 * interferes.)
 */
@QuarkusTest
@WithTestResource(value = YizhanTestResource.class, scope = TestResourceScope.GLOBAL, initArgs = {
        @ResourceArg(name = "database", value = "yizhan_kit"),
        @ResourceArg(name = YizhanTestResource.POSTGRES_SWITCH, value = "true")})
class JobRunnerTest {

    /** The outbox relay's lock ("outbox" in ASCII), which no job may share. */
    private static final long RELAY_LOCK = 0x6f7574626f78L;

    @Inject
    JobRunner runner;

    @Test
    void whileOneRunnerWorksTheOtherSkipsAndTheWorkHappensOnce() throws Exception {
        AtomicInteger effects = new AtomicInteger();
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        var first = CompletableFuture.supplyAsync(() -> runner.runAlone(Job.NO_SHOWS, () -> {
            inside.countDown();
            await(release);
            return effects.incrementAndGet();
        }));
        assertTrue(inside.await(10, TimeUnit.SECONDS), "the first runner started");

        Optional<Integer> second = CompletableFuture.supplyAsync(
                () -> runner.runAlone(Job.NO_SHOWS, effects::incrementAndGet)).get(10, TimeUnit.SECONDS);
        assertEquals(Optional.empty(), second, "skipped, not waiting, while the first holds the lock");
        assertEquals(Optional.of(1), runner.runAlone(Job.REMINDERS, () -> 1), "another job's lock is free");

        release.countDown();
        assertEquals(Optional.of(1), first.get(10, TimeUnit.SECONDS));
        assertEquals(1, effects.get(), "the work happened once");
        assertEquals(Optional.of(2), runner.runAlone(Job.NO_SHOWS, effects::incrementAndGet),
                "the lock ends with the first runner's transaction");
    }

    @Test
    void aLockHeldByAnotherSessionSkipsEveryBatchUntilReleased() throws SQLException {
        AtomicInteger batches = new AtomicInteger();
        try (Connection other = ServiceDatabase.open()) {
            other.setAutoCommit(false);
            try (Statement s = other.createStatement()) {
                s.execute("select pg_advisory_xact_lock(" + Job.OPEN_WEEK_BACKFILL.lockId() + ")");
            }
            assertEquals(Optional.empty(), runner.inBatches(Job.OPEN_WEEK_BACKFILL, 10, () -> {
                batches.incrementAndGet();
                return 10;
            }));
            assertEquals(0, batches.get(), "no batch ran while another instance held the lock");
            other.rollback();
        }
        int[] sizes = {10, 10, 3, 10};
        assertEquals(Optional.of(23), runner.inBatches(Job.OPEN_WEEK_BACKFILL, 10, () -> sizes[batches.getAndIncrement()]));
        assertEquals(3, batches.get(), "batches run until one is not full");
    }

    @Test
    void everyJobHasALockOfItsOwn() {
        List<Long> ids = Arrays.stream(Job.values()).map(Job::lockId).toList();
        assertEquals(ids.size(), ids.stream().distinct().count(), ids.toString());
        assertFalse(ids.contains(RELAY_LOCK), "no job shares the outbox relay's lock");
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("not released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
