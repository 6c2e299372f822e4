package org.yizhan.services.service.attendance;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.yizhan.kit.jdbc.SqlValues;
import org.yizhan.kit.privacy.OneTimePasses;
import org.yizhan.kit.privacy.Pseudonyms;
import org.yizhan.kit.problem.ProblemException;
import org.yizhan.kit.problem.ProblemType;
import org.yizhan.services.domain.activity.Activity;
import org.yizhan.services.domain.activity.ActivityStatus;
import org.yizhan.services.domain.registration.AttendanceKind;
import org.yizhan.services.domain.registration.Registration;
import org.yizhan.services.domain.registration.RegistrationStatus;
import org.yizhan.services.events.activity.ActivityEvents;
import org.yizhan.services.events.activity.ActivityEvents.Attendance;
import org.yizhan.services.service.activity.ActivityAccess;
import org.yizhan.kit.time.AppClock;
import org.yizhan.services.service.activity.ActivityService;
import org.yizhan.services.service.activity.Caller;
import org.yizhan.services.service.attendance.CheckInOutcome.RejectReason;
import org.yizhan.services.service.attendance.CheckInOutcome.Result;
import org.yizhan.services.service.registration.Waitlist;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Who came: check-in passes, uploads of scanned passes (also long after the scan, from devices
 * that were offline) and completing an activity with its attendance. One person is counted once
 * per activity, however often a scan is uploaded.
 */
@ApplicationScoped
public class AttendanceService {

    /** Check-ins count from this long before the start until this long after the end. */
    static final Duration WINDOW_MARGIN = Duration.ofHours(1);
    /** How far a device's clock may run ahead of ours. */
    static final Duration CLOCK_ALLOWANCE = Duration.ofMinutes(2);

    private final EntityManager em;
    private final ActivityAccess access;
    private final ActivityService activities;
    private final AppClock clock;
    private final Waitlist waitlist;
    private final ActivityEvents events;
    private final CheckInPasses passes;
    private final Pseudonyms pseudonyms;

    public AttendanceService(EntityManager em, ActivityAccess access, ActivityService activities, AppClock clock,
                             Waitlist waitlist, ActivityEvents events, CheckInPasses passes, Pseudonyms pseudonyms) {
        this.em = em;
        this.access = access;
        this.activities = activities;
        this.clock = clock;
        this.waitlist = waitlist;
        this.events = events;
        this.passes = passes;
        this.pseudonyms = pseudonyms;
    }

    /**
     * A new one-time pass for the calling worker, valid until an hour after the end. Anyone may
     * have one: a worker without a place who comes anyway is counted as a walk-in.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public OneTimePasses.Pass issuePass(UUID activityId, Caller caller) {
        String participant = pseudonyms.of(caller.subject());
        Activity activity = em.find(Activity.class, activityId);
        if (activity == null || !access.maySee(caller, activity)) {
            throw ProblemException.notFound("活动", "Activity");
        }
        Instant now = clock.now();
        Instant expiry = activity.endsAt.plus(WINDOW_MARGIN);
        if (activity.status == ActivityStatus.CANCELLED || activity.status == ActivityStatus.DRAFT
                || !now.isBefore(expiry)) {
            throw new ProblemException(ProblemType.CONFLICT, "该活动已不能签到", "Check-in for this activity is closed");
        }
        return passes.issue(activityId, participant, now, expiry);
    }

    /** One scanned pass as a device uploads it. */
    public record Scan(String pass, Instant scannedAt) {
    }

    /** The outcome of an upload: one entry per scan, in order, and the activity's attendance after it. */
    public record Upload(List<CheckInOutcome> outcomes, Attendance attendance) {
    }

    /**
     * Records the scans of an organiser's device. A bad scan is rejected on its own; the others
     * count. After completion a late scan still counts: it turns a no-show into attended and
     * publishes activity.completed again with the new counts.
     */
    @Transactional
    public Upload upload(UUID activityId, List<Scan> scans, Caller caller) {
        Activity activity = activities.manageable(activityId, caller);
        if (activity.status != ActivityStatus.PUBLISHED && activity.status != ActivityStatus.COMPLETED) {
            throw new ProblemException(ProblemType.CONFLICT, "活动当前状态为 " + activity.status + "，不能签到",
                    "The activity is " + activity.status + "; check-ins are not accepted");
        }
        waitlist.settle(activity);
        Instant now = clock.now();
        List<CheckInOutcome> outcomes = new ArrayList<>(scans.size());
        boolean countedAfterCompletion = false;
        for (int i = 0; i < scans.size(); i++) {
            CheckInOutcome outcome = check(activity, i, scans.get(i), now);
            outcomes.add(outcome);
            countedAfterCompletion |= outcome.result() == Result.COUNTED && activity.status == ActivityStatus.COMPLETED;
        }
        Attendance attendance = attendance(activityId);
        if (countedAfterCompletion) {
            activity.changedHere();
            activity.updatedAt = now;
            events.completed(activity, attendance);
        }
        return new Upload(outcomes, attendance);
    }

    private CheckInOutcome check(Activity activity, int index, Scan scan, Instant now) {
        Optional<OneTimePasses.Pass> read = passes.read(scan.pass());
        if (read.isEmpty()) {
            return CheckInOutcome.rejected(index, RejectReason.INVALID_PASS, null);
        }
        OneTimePasses.Pass pass = read.get();
        if (!pass.forId().equals(activity.id)) {
            return CheckInOutcome.rejected(index, RejectReason.OTHER_ACTIVITY, pass.holder());
        }
        Instant scannedAt = scan.scannedAt().truncatedTo(ChronoUnit.MICROS);
        String participant = pass.holder();
        List<?> byPass = em.createNativeQuery("select checked_in_at, kind from attendance where pass_id = :pass")
                .setParameter("pass", pass.passId()).getResultList();
        if (!byPass.isEmpty()) {
            Object[] row = (Object[]) byPass.get(0);
            if (scannedAt.equals(SqlValues.instant(row[0]))) {
                return new CheckInOutcome(index, Result.DUPLICATE, null, participant,
                        AttendanceKind.valueOf((String) row[1]));
            }
            return CheckInOutcome.rejected(index, RejectReason.REPLAYED, participant);
        }
        if (scannedAt.isAfter(now.plus(CLOCK_ALLOWANCE))) {
            return CheckInOutcome.rejected(index, RejectReason.SCANNED_IN_FUTURE, participant);
        }
        if (scannedAt.isBefore(activity.startsAt.minus(WINDOW_MARGIN))
                || scannedAt.isAfter(activity.endsAt.plus(WINDOW_MARGIN))) {
            return CheckInOutcome.rejected(index, RejectReason.OUTSIDE_WINDOW, participant);
        }
        if (scannedAt.isAfter(pass.expiresAt())) {
            return CheckInOutcome.rejected(index, RejectReason.EXPIRED, participant);
        }
        Number already = (Number) em.createNativeQuery(
                        "select count(*) from attendance where activity_id = :a and participant = :p")
                .setParameter("a", activity.id).setParameter("p", participant).getSingleResult();
        if (already.longValue() > 0) {
            return CheckInOutcome.rejected(index, RejectReason.ALREADY_CHECKED_IN, participant);
        }
        AttendanceKind kind = AttendanceKind.WALK_IN;
        Registration registration = placeHolder(activity.id, participant);
        if (registration != null) {
            kind = AttendanceKind.ATTENDED;
            if (registration.status == RegistrationStatus.NO_SHOW) {
                registration.endedAt = null;
                em.createNativeQuery("update participant_standing set no_shows = greatest(no_shows - 1, 0)"
                        + " where participant = :p").setParameter("p", participant).executeUpdate();
            }
            // Coming is the clearest confirmation of an offered place.
            registration.status = RegistrationStatus.REGISTERED;
        }
        em.flush();
        em.createNativeQuery("insert into attendance (activity_id, participant, kind, source, checked_in_at,"
                        + " recorded_at, pass_id) values (:a, :p, :kind, 'QR', :at, :now, :pass)")
                .setParameter("a", activity.id).setParameter("p", participant).setParameter("kind", kind.name())
                .setParameter("at", scannedAt).setParameter("now", now).setParameter("pass", pass.passId())
                .executeUpdate();
        return new CheckInOutcome(index, Result.COUNTED, null, participant, kind);
    }

    /** The participant's registration that holds (or held, for a no-show) a place, if any. */
    private Registration placeHolder(UUID activityId, String participant) {
        return em.createQuery("from Registration r where r.activityId = :a and r.participant = :p and r.status in :held",
                        Registration.class)
                .setParameter("a", activityId).setParameter("p", participant)
                .setParameter("held", List.of(RegistrationStatus.REGISTERED, RegistrationStatus.OFFERED,
                        RegistrationStatus.NO_SHOW))
                .getResultStream().findFirst().orElse(null);
    }

    /**
     * PUBLISHED → COMPLETED once the activity has started. Registered workers who did not check in
     * become NO_SHOW (and their standing records it); whoever still waits is EXPIRED.
     * Publishes activity.completed with the attendance.
     */
    @Transactional
    public Activity complete(UUID activityId, Caller caller) {
        Activity activity = activities.manageable(activityId, caller);
        if (activity.status != ActivityStatus.PUBLISHED) {
            throw new ProblemException(ProblemType.CONFLICT, "活动当前状态为 " + activity.status + "，不能标记为已举办",
                    "The activity is " + activity.status + "; it cannot be completed");
        }
        Instant now = clock.now();
        if (now.isBefore(activity.startsAt)) {
            throw new ProblemException(ProblemType.CONFLICT, "活动尚未开始", "The activity has not started yet");
        }
        waitlist.settle(activity);
        em.flush();
        @SuppressWarnings("unchecked")
        Set<String> came = new HashSet<>(em.createNativeQuery(
                        "select participant from attendance where activity_id = :a", String.class)
                .setParameter("a", activityId).getResultList());
        for (Registration r : waitlist.live(activityId)) {
            if (r.status == RegistrationStatus.REGISTERED) {
                if (!came.contains(r.participant)) {
                    r.status = RegistrationStatus.NO_SHOW;
                    r.endedAt = now;
                    em.createNativeQuery("insert into participant_standing (participant, no_shows, last_no_show_at)"
                                    + " values (:p, 1, :at) on conflict (participant) do update"
                                    + " set no_shows = participant_standing.no_shows + 1, last_no_show_at = excluded.last_no_show_at")
                            .setParameter("p", r.participant).setParameter("at", now).executeUpdate();
                }
            } else {
                r.status = RegistrationStatus.EXPIRED;
                r.endedAt = now;
            }
        }
        activity.status = ActivityStatus.COMPLETED;
        activity.completedAt = now;
        activity.updatedAt = now;
        activity.changedHere();
        events.completed(activity, attendance(activityId));
        return activity;
    }

    /** Attended, walk-ins and no-shows of an activity as they stand. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Attendance attendance(UUID activityId) {
        em.flush();
        int attended = 0;
        int walkIns = 0;
        int scanned = 0;
        for (Object row : em.createNativeQuery("select kind, source, count(*) from attendance where activity_id = :a"
                + " group by kind, source").setParameter("a", activityId).getResultList()) {
            Object[] cells = (Object[]) row;
            int n = ((Number) cells[2]).intValue();
            if (AttendanceKind.ATTENDED.name().equals(cells[0])) {
                attended += n;
            } else {
                walkIns += n;
            }
            if ("QR".equals(cells[1])) {
                scanned += n;
            }
        }
        long noShows = em.createQuery("select count(r) from Registration r where r.activityId = :a and r.status = :s",
                        Long.class)
                .setParameter("a", activityId).setParameter("s", RegistrationStatus.NO_SHOW).getSingleResult();
        return new Attendance(attended, walkIns, (int) noShows, scanned);
    }
}
