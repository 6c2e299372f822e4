package org.yizhan.services.service.registration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.yizhan.kit.paging.Cursor;
import org.yizhan.kit.paging.Keyset;
import org.yizhan.kit.paging.Page;
import org.yizhan.kit.privacy.Pseudonyms;
import org.yizhan.kit.problem.ProblemException;
import org.yizhan.kit.problem.ProblemType;
import org.yizhan.services.domain.activity.Activity;
import org.yizhan.services.domain.activity.ActivityStatus;
import org.yizhan.events.Occupation;
import org.yizhan.services.domain.registration.Registration;
import org.yizhan.services.domain.registration.RegistrationStatus;
import org.yizhan.services.events.registration.RegistrationEvents;
import org.yizhan.services.events.registration.RegistrationEvents.CancelReason;
import org.yizhan.services.service.activity.ActivityAccess;
import org.yizhan.kit.time.AppClock;
import org.yizhan.services.service.activity.ActivityService;
import org.yizhan.services.service.activity.Caller;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Workers register for activities, cancel, and confirm places offered from the waitlist; organisers
 * see who registered. Every change locks the activity row first, so that concurrent sign-ups are
 * counted one at a time and capacity is never exceeded; overdue offers are expired lazily before
 * each change (and every minute by {@link OfferExpiryJob}).
 */
@ApplicationScoped
public class RegistrationService {

    private final EntityManager em;
    private final ActivityAccess access;
    private final ActivityService activities;
    private final AppClock clock;
    private final Waitlist waitlist;
    private final RegistrationEvents events;
    private final Pseudonyms pseudonyms;

    public RegistrationService(EntityManager em, ActivityAccess access, ActivityService activities, AppClock clock,
                               Waitlist waitlist, RegistrationEvents events, Pseudonyms pseudonyms) {
        this.em = em;
        this.access = access;
        this.activities = activities;
        this.clock = clock;
        this.waitlist = waitlist;
        this.events = events;
        this.pseudonyms = pseudonyms;
    }

    /** A registration with its place in the waitlist (when waiting) and whether this call created it. */
    public record Outcome(Registration registration, Integer waitlistPosition, boolean created) {
    }

    /**
     * Registers the calling worker: a place if one is free, else the end of the waitlist. A worker
     * who already has a live registration gets it back unchanged ({@code created} false).
     */
    @Transactional
    public Outcome register(UUID activityId, Occupation occupation, Caller caller) {
        String participant = pseudonyms.of(caller.subject());
        Activity activity = lockVisible(activityId, caller);
        waitlist.settle(activity);
        Optional<Registration> existing = liveOf(activityId, participant);
        if (existing.isPresent()) {
            return new Outcome(existing.get(), waitlist.position(existing.get()), false);
        }
        Instant now = clock.now();
        requireOpen(activity, now);
        if (!activity.isOpenTo(occupation)) {
            throw ProblemException.invalidField("occupation",
                    "该活动不面向此职业 / the activity is not open to this occupation");
        }
        Registration r = new Registration();
        r.id = UUID.randomUUID();
        r.activityId = activityId;
        r.participant = participant;
        r.occupation = occupation;
        r.createdAt = now;
        r.status = waitlist.hasFreePlace(activity) ? RegistrationStatus.REGISTERED : RegistrationStatus.WAITLISTED;
        em.persist(r);
        events.created(r);
        return new Outcome(r, waitlist.position(r), true);
    }

    /** Cancels the calling worker's live registration; a place it held goes to the next in line. */
    @Transactional
    public Outcome cancelMine(UUID activityId, Caller caller) {
        String participant = pseudonyms.of(caller.subject());
        Activity activity = lockVisible(activityId, caller);
        waitlist.settle(activity);
        Registration r = liveOf(activityId, participant).orElseThrow(RegistrationService::noLiveRegistration);
        Instant now = clock.now();
        if (!now.isBefore(activity.startsAt)) {
            throw new ProblemException(ProblemType.CONFLICT, "活动已开始，不能再取消报名",
                    "The activity has started; registrations can no longer be cancelled");
        }
        boolean heldPlace = r.status.holdsPlace();
        r.status = RegistrationStatus.CANCELLED;
        r.endedAt = now;
        events.cancelled(r, CancelReason.CANCELLED_BY_WORKER, now);
        if (heldPlace) {
            waitlist.promote(activity);
        }
        return new Outcome(r, null, false);
    }

    /**
     * Accepts a place offered from the waitlist: OFFERED becomes REGISTERED. An overdue offer is
     * expired in a transaction of its own first, so that the 409 this call then answers does not
     * undo the expiry and the promotion of the next in line.
     */
    @Transactional
    public Outcome confirmMine(UUID activityId, Caller caller) {
        String participant = pseudonyms.of(caller.subject());
        waitlist.settleInOwnTransaction(activityId);
        Activity activity = lockVisible(activityId, caller);
        waitlist.settle(activity);
        Registration r = liveOf(activityId, participant).orElseThrow(() -> {
            // The offer may have just expired: say so rather than "no registration".
            Registration last = latestOf(activityId, participant).orElse(null);
            if (last != null && last.status == RegistrationStatus.EXPIRED) {
                return new ProblemException(ProblemType.CONFLICT, "名额保留已过期", "The offered place has expired");
            }
            return noLiveRegistration();
        });
        if (r.status == RegistrationStatus.REGISTERED) {
            return new Outcome(r, null, false);
        }
        if (r.status != RegistrationStatus.OFFERED) {
            throw new ProblemException(ProblemType.CONFLICT, "仍在候补中，尚无名额可确认",
                    "You are still on the waitlist; there is no place to confirm yet");
        }
        r.status = RegistrationStatus.REGISTERED;
        return new Outcome(r, null, false);
    }

    /** The calling worker's registration for one activity: the live one, else the latest. */
    @Transactional
    public Outcome mine(UUID activityId, Caller caller) {
        String participant = pseudonyms.of(caller.subject());
        Activity activity = lockVisible(activityId, caller);
        waitlist.settle(activity);
        Registration r = latestOf(activityId, participant)
                .orElseThrow(() -> ProblemException.notFound("报名", "Registration"));
        return new Outcome(r, waitlist.position(r), false);
    }

    /**
     * The calling worker's registrations, newest first; with {@code upcoming}, only the live ones
     * (registered, waitlisted, offered) of activities that have not ended yet.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<Registration> allMine(Caller caller, boolean upcoming, Cursor after, int limit) {
        String participant = pseudonyms.of(caller.subject());
        String jpql = "from Registration r where r.participant = :p"
                + (upcoming ? " and r.status in :live and r.activityId in (select a.id from Activity a"
                        + " where a.endsAt > :now)" : "")
                + (after == null ? "" : " and (r.createdAt < :at or (r.createdAt = :at and r.id < :id))")
                + " order by r.createdAt desc, r.id desc";
        var query = em.createQuery(jpql, Registration.class).setParameter("p", participant)
                .setMaxResults(Keyset.fetchSize(limit));
        if (upcoming) {
            query.setParameter("live", Arrays.stream(RegistrationStatus.values()).filter(RegistrationStatus::isLive)
                    .toList()).setParameter("now", clock.now());
        }
        if (after != null) {
            query.setParameter("at", after.at()).setParameter("id", after.id());
        }
        return page(query.getResultList(), limit);
    }

    /** What organisers see: counts per status and a page of registrations (pseudonyms only), first come first. */
    public record Roster(Activity activity, Map<RegistrationStatus, Long> counts, long placesTaken,
                         Page<Registration> registrations) {
    }

    @Transactional
    public Roster roster(UUID activityId, RegistrationStatus status, Caller caller, Cursor after, int limit) {
        Activity activity = activities.manageable(activityId, caller);
        waitlist.settle(activity);
        Map<RegistrationStatus, Long> counts = new EnumMap<>(RegistrationStatus.class);
        for (RegistrationStatus s : RegistrationStatus.values()) {
            counts.put(s, 0L);
        }
        for (Object[] row : em.createQuery("select r.status, count(r) from Registration r where r.activityId = :a"
                + " group by r.status", Object[].class).setParameter("a", activityId).getResultList()) {
            counts.put((RegistrationStatus) row[0], (Long) row[1]);
        }
        String jpql = "from Registration r where r.activityId = :a" + (status == null ? "" : " and r.status = :s")
                + (after == null ? "" : " and (r.createdAt > :at or (r.createdAt = :at and r.id > :id))")
                + " order by r.createdAt, r.id";
        var query = em.createQuery(jpql, Registration.class).setParameter("a", activityId)
                .setMaxResults(Keyset.fetchSize(limit));
        if (status != null) {
            query.setParameter("s", status);
        }
        if (after != null) {
            query.setParameter("at", after.at()).setParameter("id", after.id());
        }
        long taken = counts.get(RegistrationStatus.REGISTERED) + counts.get(RegistrationStatus.OFFERED);
        return new Roster(activity, counts, taken, page(query.getResultList(), limit));
    }

    /** 1-based waitlist place of a registration, or null when it is not waiting. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Integer position(Registration r) {
        return waitlist.position(r);
    }

    private static Page<Registration> page(List<Registration> rows, int limit) {
        return Keyset.page(rows, limit, r -> new Cursor(r.createdAt, r.id).keyset());
    }

    private Activity lockVisible(UUID activityId, Caller caller) {
        Activity activity = em.find(Activity.class, activityId, LockModeType.PESSIMISTIC_WRITE);
        if (activity == null || !access.maySee(caller, activity)) {
            throw ProblemException.notFound("活动", "Activity");
        }
        return activity;
    }

    private static void requireOpen(Activity activity, Instant now) {
        if (activity.status != ActivityStatus.PUBLISHED) {
            throw new ProblemException(ProblemType.CONFLICT, "活动当前状态为 " + activity.status + "，不能报名",
                    "The activity is " + activity.status + "; registration is closed");
        }
        if (!now.isBefore(activity.startsAt)) {
            throw new ProblemException(ProblemType.CONFLICT, "活动已开始，报名已截止",
                    "The activity has started; registration is closed");
        }
    }

    private Optional<Registration> liveOf(UUID activityId, String participant) {
        return em.createQuery("from Registration r where r.activityId = :a and r.participant = :p and r.status in :live",
                        Registration.class)
                .setParameter("a", activityId).setParameter("p", participant)
                .setParameter("live", List.of(RegistrationStatus.REGISTERED, RegistrationStatus.WAITLISTED,
                        RegistrationStatus.OFFERED))
                .getResultStream().findFirst();
    }

    private Optional<Registration> latestOf(UUID activityId, String participant) {
        Optional<Registration> live = liveOf(activityId, participant);
        if (live.isPresent()) {
            return live;
        }
        return em.createQuery("from Registration r where r.activityId = :a and r.participant = :p"
                        + " order by r.createdAt desc, r.id desc", Registration.class)
                .setParameter("a", activityId).setParameter("p", participant).setMaxResults(1)
                .getResultStream().findFirst();
    }

    private static ProblemException noLiveRegistration() {
        return new ProblemException(ProblemType.NOT_FOUND, "你没有该活动的有效报名",
                "You have no live registration for this activity");
    }
}
