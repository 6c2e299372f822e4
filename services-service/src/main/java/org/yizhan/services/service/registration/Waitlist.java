package org.yizhan.services.service.registration;

import jakarta.enterprise.context.ApplicationScoped;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.yizhan.services.domain.activity.Activity;
import org.yizhan.services.domain.activity.ActivityStatus;
import org.yizhan.services.domain.registration.Registration;
import org.yizhan.services.domain.registration.RegistrationStatus;
import org.yizhan.services.events.registration.RegistrationEvents;
import org.yizhan.services.events.registration.RegistrationEvents.CancelReason;
import org.yizhan.kit.time.AppClock;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The places of an activity and its waitlist. Every method runs in the caller's transaction with
 * the activity row locked, so that places are counted and handed out one operation at a time.
 *
 * <p>Places taken are REGISTERED plus OFFERED registrations. The waitlist is first come, first
 * served, except that workers with {@link RegistrationSettings#noShowThreshold()} or more recorded
 * no-shows wait behind everybody else (lower priority, never blocked).
 */
@ApplicationScoped
public class Waitlist {

    private final EntityManager em;
    private final AppClock clock;
    private final RegistrationSettings settings;
    private final RegistrationEvents events;

    public Waitlist(EntityManager em, AppClock clock, RegistrationSettings settings, RegistrationEvents events) {
        this.em = em;
        this.clock = clock;
        this.settings = settings;
        this.events = events;
    }

    /** REGISTERED and OFFERED registrations of the activity. */
    @Transactional(Transactional.TxType.MANDATORY)
    public long placesTaken(UUID activityId) {
        return em.createQuery("select count(r) from Registration r where r.activityId = :a and r.status in :held",
                        Long.class)
                .setParameter("a", activityId)
                .setParameter("held", List.of(RegistrationStatus.REGISTERED, RegistrationStatus.OFFERED))
                .getSingleResult();
    }

    /** Whether a new registration gets a place now (else it waits). */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean hasFreePlace(Activity activity) {
        return activity.capacity == null || placesTaken(activity.id) < activity.capacity;
    }

    /**
     * Expires the activity's overdue offers in a transaction of its own, so that they stay expired
     * even when the request that noticed them then fails (a late confirmation, say). Cheap when
     * nothing is overdue: one indexed query and no lock.
     */
    public void settleInOwnTransaction(UUID activityId) {
        boolean due = QuarkusTransaction.requiringNew().call(() -> !em.createQuery("select r.id from Registration r"
                        + " where r.activityId = :a and r.status = :offered and r.confirmBy <= :now", UUID.class)
                .setParameter("a", activityId).setParameter("offered", RegistrationStatus.OFFERED)
                .setParameter("now", clock.now()).setMaxResults(1).getResultList().isEmpty());
        if (due) {
            QuarkusTransaction.requiringNew().run(() ->
                    settle(em.find(Activity.class, activityId, LockModeType.PESSIMISTIC_WRITE)));
        }
    }

    /** Ends offers that were not confirmed in time and hands their places on. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void settle(Activity activity) {
        Instant now = clock.now();
        List<Registration> overdue = em.createQuery("from Registration r where r.activityId = :a and r.status = :offered"
                        + " and r.confirmBy <= :now order by r.confirmBy, r.id", Registration.class)
                .setParameter("a", activity.id).setParameter("offered", RegistrationStatus.OFFERED)
                .setParameter("now", now).getResultList();
        for (Registration r : overdue) {
            r.status = RegistrationStatus.EXPIRED;
            r.endedAt = r.confirmBy;
            events.cancelled(r, CancelReason.CONFIRMATION_EXPIRED, now);
        }
        promote(activity);
    }

    /**
     * Offers free places to the first in line, each with {@code confirmBy} = now + the offer
     * window, but no later than the start. Nobody is promoted once the activity has started.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void promote(Activity activity) {
        Instant now = clock.now();
        if (activity.status != ActivityStatus.PUBLISHED || !now.isBefore(activity.startsAt)) {
            return;
        }
        long free = activity.capacity == null ? Long.MAX_VALUE : activity.capacity - placesTaken(activity.id);
        if (free <= 0) {
            return;
        }
        Instant confirmBy = now.plus(settings.offerWindow());
        if (confirmBy.isAfter(activity.startsAt)) {
            confirmBy = activity.startsAt;
        }
        for (UUID id : queue(activity.id, free)) {
            Registration r = em.find(Registration.class, id);
            r.status = RegistrationStatus.OFFERED;
            r.offeredAt = now;
            r.confirmBy = confirmBy;
            events.promoted(r);
        }
    }

    /** 1-based place of a waitlisted registration in the queue, or null if it is not waiting. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Integer position(Registration registration) {
        if (registration.status != RegistrationStatus.WAITLISTED) {
            return null;
        }
        int index = queue(registration.activityId, Long.MAX_VALUE).indexOf(registration.id);
        return index < 0 ? null : index + 1;
    }

    /** Ids of the waitlisted registrations of an activity in the order they will be offered a place. */
    @SuppressWarnings("unchecked")
    private List<UUID> queue(UUID activityId, long limit) {
        if (em.isJoinedToTransaction()) {
            em.flush(); // the native query must see this transaction's changes
        }
        return em.createNativeQuery("select r.id from registration r"
                        + " left join participant_standing s on s.participant = r.participant"
                        + " where r.activity_id = :a and r.status = 'WAITLISTED'"
                        + " order by (coalesce(s.no_shows, 0) >= :threshold), r.created_at, r.id"
                        + " limit :limit", UUID.class)
                .setParameter("a", activityId).setParameter("threshold", settings.noShowThreshold())
                .setParameter("limit", Math.min(limit, Integer.MAX_VALUE))
                .getResultList();
    }

    /**
     * Ends every live registration of an activity that is being cancelled (status CANCELLED).
     * No registration.cancelled events: activity.cancelled already tells every consumer.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int endAllForCancelledActivity(Activity activity) {
        Instant now = clock.now();
        List<Registration> live = live(activity.id);
        for (Registration r : live) {
            r.status = RegistrationStatus.CANCELLED;
            r.endedAt = now;
        }
        return live.size();
    }

    /** The live registrations of an activity. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Registration> live(UUID activityId) {
        return em.createQuery("from Registration r where r.activityId = :a and r.status in :live", Registration.class)
                .setParameter("a", activityId)
                .setParameter("live", List.of(RegistrationStatus.REGISTERED, RegistrationStatus.WAITLISTED,
                        RegistrationStatus.OFFERED))
                .getResultList();
    }
}
