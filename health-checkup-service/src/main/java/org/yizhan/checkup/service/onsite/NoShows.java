package org.yizhan.checkup.service.onsite;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.yizhan.checkup.domain.booking.Appointment;
import org.yizhan.checkup.domain.booking.AppointmentStatus;
import org.yizhan.checkup.events.CheckupEvents;
import org.yizhan.checkup.repository.AppointmentRepository;
import org.yizhan.kit.ops.Job;
import org.yizhan.kit.ops.JobRunner;
import org.yizhan.kit.time.AppClock;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Marks booked appointments whose slot ended (plus a grace period) without a scan as no-shows,
 * publishes appointment.noshow and counts them in the worker's standing, which puts a worker with
 * repeated no-shows behind others on waitlists. A scan uploaded later forgives it. With several
 * instances, one marks at a time ({@link Job#NO_SHOWS}) and the others skip, so a no-show is
 * counted and published once.
 */
@ApplicationScoped
public class NoShows {

    private static final Logger LOG = Logger.getLogger(NoShows.class);
    private static final int BATCH = 500;

    private final AppointmentRepository appointments;
    private final CheckupEvents events;
    private final AppClock clock;
    private final Duration grace;
    private final JobRunner runner;

    public NoShows(AppointmentRepository appointments, CheckupEvents events, AppClock clock, JobRunner runner,
                   @ConfigProperty(name = "yizhan.checkup.noshow-after", defaultValue = "2h") Duration grace) {
        this.appointments = appointments;
        this.events = events;
        this.clock = clock;
        this.grace = grace;
        this.runner = runner;
    }

    @Scheduled(every = "${yizhan.checkup.noshow-every:5m}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        runner.inBatches(Job.NO_SHOWS, BATCH, this::mark);
    }

    /** Marks one batch of no-shows; returns how many. */
    @Transactional
    public int mark() {
        Instant now = clock.now();
        List<Appointment> missed = appointments.bookedEndedBefore(now.minus(grace), BATCH);
        for (Appointment a : missed) {
            a.status = AppointmentStatus.NOSHOW;
            a.updatedAt = now;
            appointments.countNoShow(a.person, now);
            events.noShow(a, appointments.slotEnd(a.slotId));
        }
        if (!missed.isEmpty()) {
            LOG.infof("%d checkup appointment(s) marked as no-show", missed.size());
        }
        return missed.size();
    }

    /** Takes back one no-show of the person (a late scan showed they came). */
    void forgive(String person, Instant now) {
        appointments.forgiveNoShow(person, now);
    }
}
