package org.yizhan.checkup.service.retention;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.yizhan.kit.ops.Job;
import org.yizhan.kit.ops.JobRunner;
import org.yizhan.kit.time.AppClock;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Erases the personal data of a campaign's appointments {@code yizhan.checkup.retention-days}
 * after the campaign is over (its booking window closed and its last slot ended), as the consent
 * terms promise (PIPL Art. 19, 47): name and phone are deleted, and the worker's pseudonym and
 * rider-id hash are replaced by a value that joins nothing. What stays is what the figures count:
 * site, slot, occupation and status. With several instances, one erases at a time
 * ({@link Job#PERSONAL_DATA_RETENTION}) and the others skip.
 */
@ApplicationScoped
public class PersonalDataRetention {

    private static final Logger LOG = Logger.getLogger(PersonalDataRetention.class);
    /** The retention period's property (also stated in the consent terms), and its default. */
    public static final String DAYS = "yizhan.checkup.retention-days";
    public static final String DEFAULT_DAYS = "180";
    /** What an erased name or phone holds. */
    public static final String ERASED = "-";

    private final EntityManager em;
    private final AppClock clock;
    private final int retentionDays;
    private final JobRunner runner;

    public PersonalDataRetention(EntityManager em, AppClock clock, JobRunner runner,
                                 @ConfigProperty(name = DAYS, defaultValue = DEFAULT_DAYS)
                                 int retentionDays) {
        this.em = em;
        this.clock = clock;
        this.retentionDays = retentionDays;
        this.runner = runner;
    }

    @Scheduled(every = "${yizhan.checkup.retention-every:1h}", delayed = "60s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        runner.runAlone(Job.PERSONAL_DATA_RETENTION, this::eraseDue);
    }

    /** Erases the personal data of every campaign over for longer than the retention period; returns the campaigns. */
    @Transactional
    public List<UUID> eraseDue() {
        Instant now = clock.now();
        Instant overBefore = now.minus(Duration.ofDays(retentionDays));
        @SuppressWarnings("unchecked")
        List<UUID> due = em.createNativeQuery("update campaign c set personal_data_erased_at = :now"
                        + " where c.personal_data_erased_at is null and c.status <> 'DRAFT' and c.booking_closes_at < :before"
                        + " and not exists (select 1 from slot s where s.campaign_id = c.id and s.ends_at >= :before)"
                        + " returning c.id")
                .setParameter("now", Timestamp.from(now)).setParameter("before", Timestamp.from(overBefore))
                .getResultList();
        if (due.isEmpty()) {
            return due;
        }
        int erased = em.createNativeQuery("update appointment set name_enc = :erased, phone_enc = :erased,"
                        + " person = 'erased:' || id, proof = 'erased:' || id, updated_at = :now, version = version + 1"
                        + " where campaign_id = any(cast(:campaigns as uuid[]))")
                .setParameter("erased", ERASED).setParameter("now", Timestamp.from(now))
                .setParameter("campaigns", due.stream().map(UUID::toString)
                        .collect(java.util.stream.Collectors.joining(",", "{", "}")))
                .executeUpdate();
        LOG.infof("personal data of %d appointment(s) in %d campaign(s) erased after the retention period",
                erased, due.size());
        return due;
    }
}
