package org.yizhan.checkup.service.reminder;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.yizhan.checkup.domain.booking.Appointment;
import org.yizhan.checkup.domain.site.Slot;
import org.yizhan.checkup.events.CheckupEvents;
import org.yizhan.checkup.repository.SiteRepository;
import org.yizhan.kit.ops.Job;
import org.yizhan.kit.ops.JobRunner;
import org.yizhan.kit.time.AppClock;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Publishes {@code appointment.reminder_due} 48 hours and 2 hours before each booked appointment,
 * for a notification sender. Each (appointment, lead) is claimed by inserting a row into
 * {@code reminder_sent} in the same transaction that writes the event to the outbox, so a reminder
 * is sent exactly once, whichever instance sweeps, however often, and across restarts. The 48-hour
 * reminder is sent while the start is between 48 and 2 hours away; the 2-hour one in the last two
 * hours (a booking made late gets only the reminders still ahead of it). With several instances,
 * one sweeps at a time ({@link Job#REMINDERS}) and the others skip; the claim keeps each reminder
 * single even without the lock.
 */
@ApplicationScoped
public class Reminders {

    /** The leads, each with the end of its window (the next lead). */
    static final List<Duration> LEADS = List.of(Duration.ofHours(48), Duration.ofHours(2));
    private static final int BATCH = 500;

    private final EntityManager em;
    private final SiteRepository sites;
    private final CheckupEvents events;
    private final AppClock clock;
    private final JobRunner runner;

    public Reminders(EntityManager em, SiteRepository sites, CheckupEvents events, AppClock clock,
                     JobRunner runner) {
        this.em = em;
        this.sites = sites;
        this.events = events;
        this.clock = clock;
        this.runner = runner;
    }

    @Scheduled(every = "${yizhan.checkup.reminders-every:1m}", delayed = "20s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        sweep();
    }

    /**
     * What the schedule runs: sends every reminder due now, batch by batch, unless another
     * instance is sending them; returns how many this call sent.
     */
    public int sweep() {
        return runner.inBatches(Job.REMINDERS, BATCH, this::sendDue).orElse(0);
    }

    /** Sends one batch of the reminders due now; returns how many were sent. */
    @Transactional
    public int sendDue() {
        Instant now = clock.now();
        int sent = 0;
        for (int i = 0; i < LEADS.size(); i++) {
            Duration lead = LEADS.get(i);
            Duration windowEnd = i + 1 < LEADS.size() ? LEADS.get(i + 1) : Duration.ZERO;
            @SuppressWarnings("unchecked")
            List<UUID> claimed = em.createNativeQuery("insert into reminder_sent (appointment_id, lead, sent_at)"
                            + " select a.id, :lead, :now from appointment a join slot s on s.id = a.slot_id"
                            + " where a.status = 'booked' and s.starts_at <= :due and s.starts_at > :windowEnd"
                            + " and not exists (select 1 from reminder_sent r where r.appointment_id = a.id and r.lead = :lead)"
                            + " order by s.starts_at limit :max"
                            + " on conflict do nothing returning appointment_id")
                    .setParameter("lead", lead.toString()).setParameter("now", Timestamp.from(now))
                    .setParameter("due", Timestamp.from(now.plus(lead)))
                    .setParameter("windowEnd", Timestamp.from(now.plus(windowEnd)))
                    .setParameter("max", BATCH - sent)
                    .getResultList();
            for (UUID id : claimed) {
                Appointment a = em.find(Appointment.class, id);
                Slot slot = em.find(Slot.class, a.slotId);
                events.reminderDue(a, slot, sites.findById(a.siteId).name, lead, now);
            }
            sent += claimed.size();
        }
        return sent;
    }
}
