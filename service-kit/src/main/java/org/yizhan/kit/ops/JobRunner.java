package org.yizhan.kit.ops;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.yizhan.kit.outbox.OutboxRows;

import java.util.Optional;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * Runs a {@link Job} on one instance at a time across every instance of a service (ADR 0025): the
 * work runs in a transaction of its own that first takes the job's advisory lock with
 * {@code pg_try_advisory_xact_lock}; an instance that does not get it skips this run instead of
 * waiting, and the next run of its schedule tries again. The lock ends with the transaction, so
 * a crashed instance never keeps it. Work that opens transactions of its own (REQUIRES_NEW) still
 * runs under the lock: the locking transaction stays open, suspended, until the work returns.
 */
@ApplicationScoped
public class JobRunner {

    private static final Logger LOG = Logger.getLogger(JobRunner.class);

    private final OutboxRows rows;

    public JobRunner(OutboxRows rows) {
        this.rows = rows;
    }

    /**
     * Runs {@code work} under the job's lock and returns its result, or empty, without running it,
     * when another instance holds the lock.
     */
    public <T> Optional<T> runAlone(Job job, Supplier<T> work) {
        return QuarkusTransaction.requiringNew().call(() -> {
            if (!rows.tryLock(job.lockId())) {
                LOG.debugf("%s skipped: another instance is running it", job);
                return Optional.empty();
            }
            return Optional.of(work.get());
        });
    }

    /**
     * Runs {@code batch} again and again, each time in a transaction of its own under the job's
     * lock, until it does less than {@code full} or another instance holds the lock; returns how
     * much the batches did in all, or empty when the first batch was skipped (another instance is
     * running the job).
     */
    public Optional<Integer> inBatches(Job job, int full, IntSupplier batch) {
        int total = 0;
        for (boolean first = true; ; first = false) {
            Optional<Integer> done = runAlone(job, batch::getAsInt);
            if (done.isEmpty()) {
                return first ? Optional.empty() : Optional.of(total);
            }
            total += done.get();
            if (done.get() < full) {
                return Optional.of(total);
            }
        }
    }
}
