package org.yizhan.checkup.service.booking;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;
import org.yizhan.checkup.repository.AppointmentRepository;
import org.yizhan.kit.ops.Job;
import org.yizhan.kit.ops.JobRunner;
import org.yizhan.kit.time.AppClock;

/**
 * Gives back the places of holds (and waitlist offers) that were never confirmed, then offers what
 * is free to the waitlists. A hold on a slot also expires when somebody next asks for that slot;
 * this sweep frees the places of slots nobody asks for. With several instances, one sweeps at a
 * time ({@link Job#HOLD_EXPIRY}) and the others skip.
 */
@ApplicationScoped
public class HoldExpiry {

    private static final Logger LOG = Logger.getLogger(HoldExpiry.class);

    private final AppointmentRepository appointments;
    private final Waitlist waitlist;
    private final AppClock clock;
    private final JobRunner runner;

    public HoldExpiry(AppointmentRepository appointments, Waitlist waitlist, AppClock clock, JobRunner runner) {
        this.appointments = appointments;
        this.waitlist = waitlist;
        this.clock = clock;
        this.runner = runner;
    }

    @Scheduled(every = "${yizhan.checkup.hold-expiry-every:30s}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        runner.runAlone(Job.HOLD_EXPIRY, () -> {
            scheduledSweep();
            return true;
        });
    }

    /** Expires the holds that ran out, then offers the free places to the waitlists. */
    public void scheduledSweep() {
        sweep();
        waitlist.sweep();
    }

    /** Expires the holds that ran out by now; returns how many. */
    @Transactional
    public int sweep() {
        int expired = appointments.expireHolds(clock.now(), null);
        if (expired > 0) {
            LOG.infof("%d checkup hold(s) expired; their places are free again", expired);
        }
        return expired;
    }
}
