package org.yizhan.services.service.registration;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import org.jboss.logging.Logger;
import org.yizhan.services.domain.activity.Activity;
import org.yizhan.services.domain.registration.RegistrationStatus;
import org.yizhan.kit.ops.Job;
import org.yizhan.kit.ops.JobRunner;
import org.yizhan.kit.time.AppClock;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Every minute, expires the offers nobody confirmed in time and promotes the next in line, so
 * that a freed place does not wait for the next registration call to move on. One transaction
 * per activity, with the activity locked like any other registration change. With several
 * instances, one sweeps at a time ({@link Job#OFFER_EXPIRY}) and the others skip that minute.
 */
@ApplicationScoped
public class OfferExpiryJob {

    private static final Logger LOG = Logger.getLogger(OfferExpiryJob.class);

    private final EntityManager em;
    private final AppClock clock;
    private final Waitlist waitlist;
    private final JobRunner runner;

    public OfferExpiryJob(EntityManager em, AppClock clock, Waitlist waitlist, JobRunner runner) {
        this.em = em;
        this.clock = clock;
        this.waitlist = waitlist;
        this.runner = runner;
    }

    @Scheduled(every = "${yizhan.registration.expiry-sweep:60s}", delayed = "${yizhan.registration.expiry-sweep:60s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        sweep();
    }

    /**
     * What the schedule runs: settles the overdue offers unless another instance is doing it now;
     * returns how many activities had one, or empty when skipped.
     */
    public Optional<Integer> sweep() {
        Optional<Integer> activities = runner.runAlone(Job.OFFER_EXPIRY, this::expireOverdueOffers);
        if (activities.orElse(0) > 0) {
            LOG.infof("Expired overdue waitlist offers of %d activities", activities.get());
        }
        return activities;
    }

    /** Settles every activity with an overdue offer; returns how many there were. */
    public int expireOverdueOffers() {
        List<UUID> due = QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                        "select distinct r.activityId from Registration r where r.status = :offered and r.confirmBy <= :now",
                        UUID.class)
                .setParameter("offered", RegistrationStatus.OFFERED).setParameter("now", clock.now())
                .getResultList());
        for (UUID activityId : due) {
            QuarkusTransaction.requiringNew().run(() -> {
                Activity activity = em.find(Activity.class, activityId, LockModeType.PESSIMISTIC_WRITE);
                waitlist.settle(activity);
            });
        }
        return due.size();
    }
}
