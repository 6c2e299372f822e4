package org.yizhan.kit.ops;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.yizhan.kit.config.EventsConfig;
import org.yizhan.kit.inbox.DeadLetterStore;
import org.yizhan.kit.inbox.Inbox;
import org.yizhan.kit.outbox.OutboxRows;
import org.yizhan.kit.time.AppClock;

import java.time.Instant;
import java.util.Optional;

/**
 * Forgets what the event tables no longer need (ADR 0011): outbox messages published or
 * discarded longer ago than {@code yizhan.events.retention.outbox}, inbox entries older than
 * {@code ...retention.inbox} (which must outlast the topics' retention) and replayed dead letters
 * older than {@code ...retention.dead-letters}. Deletes in batches, each in a transaction of its
 * own that holds the job's advisory lock ({@link Job#EVENT_RETENTION_PURGE}), so that with several
 * instances one purges at a time and the others skip.
 */
@ApplicationScoped
public class EventRetentionPurge {

    private static final Logger LOG = Logger.getLogger(EventRetentionPurge.class);
    private static final int BATCH = 5_000;

    /** How many rows one run deleted. */
    public record Purged(int outbox, int inbox, int deadLetters) {
    }

    private final OutboxRows outbox;
    private final Inbox inbox;
    private final DeadLetterStore deadLetters;
    private final EventsConfig config;
    private final AppClock clock;
    private final JobRunner runner;

    public EventRetentionPurge(OutboxRows outbox, Inbox inbox, DeadLetterStore deadLetters, EventsConfig config,
                               AppClock clock, JobRunner runner) {
        this.outbox = outbox;
        this.inbox = inbox;
        this.deadLetters = deadLetters;
        this.config = config;
        this.clock = clock;
        this.runner = runner;
    }

    @Scheduled(every = "${yizhan.events.retention.purge-every:1h}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        purge(clock.now());
    }

    /**
     * Deletes what is older than the retention periods, as of {@code now}. When another instance
     * holds the purge's lock at a step, this one leaves the rest to it.
     */
    public Purged purge(Instant now) {
        var retention = config.retention();
        Optional<Integer> outboxRows = runner.inBatches(Job.EVENT_RETENTION_PURGE, BATCH,
                () -> outbox.purge(now.minus(retention.outbox()), BATCH));
        Optional<Integer> inboxRows = outboxRows.flatMap(ignored -> runner.inBatches(Job.EVENT_RETENTION_PURGE,
                BATCH, () -> inbox.purge(now.minus(retention.inbox()), BATCH)));
        Optional<Integer> deadLetterRows = inboxRows.flatMap(ignored -> runner.inBatches(Job.EVENT_RETENTION_PURGE,
                BATCH, () -> deadLetters.purgeReplayed(now.minus(retention.deadLetters()), BATCH)));
        Purged purged = new Purged(outboxRows.orElse(0), inboxRows.orElse(0), deadLetterRows.orElse(0));
        if (purged.outbox() + purged.inbox() + purged.deadLetters() > 0) {
            LOG.infof("Purged %d outbox messages, %d inbox entries and %d replayed dead letters", purged.outbox(),
                    purged.inbox(), purged.deadLetters());
        }
        return purged;
    }
}
