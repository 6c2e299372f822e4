package org.yizhan.kit.idempotency;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.yizhan.kit.ops.Job;
import org.yizhan.kit.ops.JobRunner;

import java.time.Duration;
import java.time.Instant;

/**
 * Forgets Idempotency-Keys older than {@code yizhan.idempotency.retention} (default 30 days): a
 * client retries within minutes or hours, and keeping every key forever only grows the table.
 * After the purge, a request with an old key is treated as new. Services that keep more per key
 * (such as a stored answer) observe {@link Purged} to forget it too, in the same transaction. With
 * several instances, one purges at a time ({@link Job#IDEMPOTENCY_KEY_PURGE}) and the others skip.
 */
@ApplicationScoped
public class IdempotencyKeyPurge {

    private static final Logger LOG = Logger.getLogger(IdempotencyKeyPurge.class);

    /** Fired, in the purge's transaction, with the moment before which keys were forgotten. */
    public record Purged(Instant before) {
    }

    private final EntityManager em;
    private final Event<Purged> purged;
    private final Duration retention;
    private final JobRunner runner;

    public IdempotencyKeyPurge(EntityManager em, Event<Purged> purged, JobRunner runner,
                               @ConfigProperty(name = "yizhan.idempotency.retention", defaultValue = "30d")
                               Duration retention) {
        this.em = em;
        this.purged = purged;
        this.retention = retention;
        this.runner = runner;
    }

    @Scheduled(every = "${yizhan.idempotency.purge-every:1h}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        runner.runAlone(Job.IDEMPOTENCY_KEY_PURGE, () -> purge(Instant.now()));
    }

    /** Forgets the keys created before {@code now} minus the retention; returns how many. */
    @Transactional
    public int purge(Instant now) {
        Instant before = now.minus(retention);
        int deleted = em.createNativeQuery("delete from idempotency_key where created_at < :before")
                .setParameter("before", before).executeUpdate();
        purged.fire(new Purged(before));
        if (deleted > 0) {
            LOG.infof("forgot %d Idempotency-Keys older than %s", deleted, retention);
        }
        return deleted;
    }
}
