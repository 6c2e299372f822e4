package org.yizhan.checkup.service.booking;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.yizhan.checkup.domain.booking.Appointment;
import org.yizhan.checkup.domain.booking.AppointmentStatus;
import org.yizhan.checkup.repository.AppointmentRepository;
import org.yizhan.checkup.repository.QuotaRepository;
import org.yizhan.checkup.repository.SlotRepository;
import org.yizhan.checkup.domain.site.Slot;
import org.yizhan.kit.figures.FiguresPeriod;
import org.yizhan.kit.time.AppClock;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The waitlist of each site and day (appointments in FHIR status {@code waitlist}). A place given
 * back there is offered to the first waiting worker, who then has until a confirm-by time
 * ({@code holdExpiresAt}) to consent and confirm as after any hold; an unconfirmed offer expires
 * like a hold and goes to the next. Order: first come, first served, except that workers with
 * {@code yizhan.checkup.noshow-threshold} or more no-shows queue behind the others (never blocked).
 *
 * <p>A place is offered in a transaction of its own after the one that gave it back has committed
 * ({@link PlaceGivenBack}), so that an offer never makes a cancellation fail; the sweep of
 * {@link HoldExpiry} offers whatever is still free.
 */
@ApplicationScoped
public class Waitlist {

    private static final Logger LOG = Logger.getLogger(Waitlist.class);
    /** A place is offered only in slots starting at least this long from now, and confirm-by ends this long before the start. */
    static final Duration MIN_LEAD = Duration.ofMinutes(30);
    static final Duration CONFIRM_BEFORE_START = Duration.ofMinutes(15);
    private static final int MAX_OFFERS_PER_QUEUE = 200;

    /** Fired in a transaction that gave a place back at a site on a day. */
    public record PlaceGivenBack(UUID siteId, LocalDate day) {
    }

    private final AppointmentRepository appointments;
    private final QuotaRepository quotas;
    private final SlotRepository slots;
    private final AppClock clock;
    private final Duration offerFor;
    private final int noShowThreshold;

    public Waitlist(AppointmentRepository appointments, QuotaRepository quotas, SlotRepository slots, AppClock clock,
                    @ConfigProperty(name = "yizhan.checkup.offer-for", defaultValue = "2h") Duration offerFor,
                    @ConfigProperty(name = "yizhan.checkup.noshow-threshold", defaultValue = "2") int noShowThreshold) {
        this.appointments = appointments;
        this.quotas = quotas;
        this.slots = slots;
        this.clock = clock;
        this.offerFor = offerFor;
        this.noShowThreshold = noShowThreshold;
    }

    void placeGivenBack(@Observes(during = TransactionPhase.AFTER_SUCCESS) PlaceGivenBack freed) {
        try {
            offer(freed.siteId(), freed.day());
        } catch (RuntimeException e) {
            // The sweep offers the place later; the cancellation itself has committed.
            LOG.warnf("offering a freed checkup place from the waitlist failed (%s); the sweep will retry",
                    e.getClass().getSimpleName());
        }
    }

    /** Offers the free places of the site on the day to waiting workers; returns how many were offered. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int offer(UUID siteId, LocalDate day) {
        Instant now = clock.now();
        Instant dayStart = day.atStartOfDay(FiguresPeriod.BEIJING).toInstant();
        Instant dayEnd = day.plusDays(1).atStartOfDay(FiguresPeriod.BEIJING).toInstant();
        Set<UUID> skipped = new HashSet<>();
        int offered = 0;
        while (offered < MAX_OFFERS_PER_QUEUE) {
            Appointment waiting = appointments.firstWaiting(siteId, day, noShowThreshold, skipped);
            if (waiting == null) {
                return offered;
            }
            Slot slot = slots.firstWithRoom(siteId, dayStart, dayEnd, now.plus(MIN_LEAD));
            if (slot == null) {
                return offered;
            }
            if (!appointments.holdPlace(slot.id)) {
                continue; // taken meanwhile: look again
            }
            if (!quotas.take(waiting.campaignId, waiting.occupation, siteId, day)) {
                appointments.freeHeldPlace(slot.id);
                skipped.add(waiting.id); // no place left for this occupation; the next may have one
                continue;
            }
            Instant confirmBy = now.plus(offerFor);
            Instant latest = slot.startsAt.minus(CONFIRM_BEFORE_START);
            waiting.status = AppointmentStatus.PENDING;
            waiting.slotId = slot.id;
            waiting.holdExpiresAt = confirmBy.isBefore(latest) ? confirmBy : latest;
            waiting.offeredAt = now;
            waiting.updatedAt = now;
            offered++;
        }
        return offered;
    }

    /**
     * Offers every free place to the waiting, and ends the waiting of days that have passed; returns
     * how many places were offered.
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public int sweep() {
        endPastDays();
        int offered = 0;
        List<Object[]> queues = appointments.waitingQueues();
        for (Object[] queue : queues) {
            offered += offer((UUID) queue[0], (LocalDate) queue[1]);
        }
        return offered;
    }

    /** Ends the waiting of days that have passed. */
    @Transactional
    int endPastDays() {
        return appointments.endWaitingBefore(clock.today(FiguresPeriod.BEIJING), clock.now());
    }
}
