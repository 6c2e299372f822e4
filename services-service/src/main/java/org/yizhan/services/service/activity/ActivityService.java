package org.yizhan.services.service.activity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.yizhan.kit.idempotency.IdempotencyKeys;
import org.yizhan.kit.time.AppClock;
import org.yizhan.kit.paging.Cursor;
import org.yizhan.kit.paging.Keyset;
import org.yizhan.kit.paging.Page;
import org.yizhan.kit.problem.FieldErrors;
import org.yizhan.kit.problem.Problem;
import org.yizhan.kit.problem.ProblemException;
import org.yizhan.kit.problem.ProblemType;
import org.yizhan.kit.replica.ReplicatedStation;
import org.yizhan.kit.replica.StationReplica;
import org.yizhan.kit.validation.Validation;
import org.yizhan.services.domain.activity.Activity;
import org.yizhan.services.domain.activity.ActivitySource;
import org.yizhan.services.domain.activity.ActivityStatus;
import org.yizhan.events.Occupation;
import org.yizhan.services.events.activity.ActivityEvents;
import org.yizhan.services.service.registration.Waitlist;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/** Planning, publishing and cancelling activities, and finding them. */
@ApplicationScoped
public class ActivityService {

    /** The organiser of activities an admin creates without naming one. */
    public static final String UNION = "union";

    private final EntityManager em;
    private final ActivityAccess access;
    private final ActivityCatalog catalog;
    private final ActivityEvents events;
    private final IdempotencyKeys idempotency;
    private final Waitlist waitlist;
    private final CoOrganisers coOrganisers;
    private final AppClock clock;
    private final StationReplica stations;
    private final Validation validation;

    public ActivityService(EntityManager em, ActivityAccess access, ActivityCatalog catalog, ActivityEvents events,
                           IdempotencyKeys idempotency, Waitlist waitlist, CoOrganisers coOrganisers, AppClock clock,
                           StationReplica stations, Validation validation) {
        this.stations = stations;
        this.validation = validation;
        this.coOrganisers = coOrganisers;
        this.clock = clock;
        this.em = em;
        this.access = access;
        this.catalog = catalog;
        this.events = events;
        this.idempotency = idempotency;
        this.waitlist = waitlist;
    }

    /** The result of a create: the activity, and whether this request created it (false for a retry). */
    public record Creation(Activity activity, boolean created) {
    }

    /** Creates a draft. With an Idempotency-Key, a retry returns the draft the first request created. */
    @Transactional
    public Creation create(ActivityDetails details, Caller caller, String idempotencyKey) {
        FieldErrors errors = validation.check(details);
        if (!caller.organises()) {
            throw forbidden();
        }
        String scope = "activity.create:" + caller.subject();
        if (idempotencyKey != null && errors.isEmpty()) {
            Optional<String> earlier = idempotency.claim(scope, idempotencyKey, details);
            if (earlier.isPresent()) {
                return new Creation(em.find(Activity.class, UUID.fromString(earlier.get())), false);
            }
        }
        Activity activity = new Activity();
        activity.id = UUID.randomUUID();
        activity.status = ActivityStatus.DRAFT;
        activity.source = ActivitySource.APP;
        activity.createdBy = caller.subject();
        activity.createdAt = clock.now();
        activity.leadPartner = caller.partner();
        apply(activity, details, caller, true, errors);
        em.persist(activity);
        if (idempotencyKey != null) {
            idempotency.complete(scope, idempotencyKey, activity.id.toString());
        }
        return new Creation(activity, true);
    }

    /**
     * Changes a draft or published activity; {@code expectedVersion} comes from If-Match. The
     * capacity cannot drop below the places already taken; more capacity offers the new places to
     * the waitlist.
     */
    @Transactional
    public Activity update(UUID id, ActivityDetails details, int expectedVersion, Caller caller) {
        FieldErrors errors = validation.check(details);
        Activity activity = manageable(id, caller);
        if (activity.version != expectedVersion) {
            throw new ProblemException(ProblemType.PRECONDITION_FAILED, "活动已被修改，请重新读取后再改",
                    "The activity changed since it was read; read it again");
        }
        requireStatus(activity, ActivityStatus.DRAFT, ActivityStatus.PUBLISHED);
        if (activity.status == ActivityStatus.PUBLISHED) {
            waitlist.settle(activity);
        }
        if (details.capacity() != null && !errors.has("capacity")) {
            long taken = waitlist.placesTaken(activity.id);
            if (details.capacity() < taken) {
                throw ProblemException.invalidField("capacity", "已有 " + taken + " 人占用名额，不能少于此数 / "
                        + taken + " places are taken; capacity cannot be lower");
            }
        }
        apply(activity, details, caller, false, errors);
        activity.changedHere();
        if (activity.status == ActivityStatus.PUBLISHED) {
            events.published(activity);
            waitlist.promote(activity);
        }
        return activity;
    }

    /** DRAFT → PUBLISHED: workers see it and can register. */
    @Transactional
    public Activity publish(UUID id, Caller caller) {
        Activity activity = manageable(id, caller);
        requireStatus(activity, ActivityStatus.DRAFT);
        List<Problem.FieldError> errors = new ArrayList<>();
        checkVenue(activity.stationId, errors);
        if (!activity.startsAt.isAfter(clock.now())) {
            errors.add(new Problem.FieldError("startsAt", "活动已开始，不能再发布 / the activity has already started"));
        }
        failOn(errors);
        activity.status = ActivityStatus.PUBLISHED;
        activity.publishedAt = clock.now();
        activity.updatedAt = activity.publishedAt;
        activity.changedHere();
        events.published(activity);
        return activity;
    }

    /**
     * Cancels a draft or published activity, with a reason workers will see. Its live registrations
     * end as CANCELLED; activity.cancelled tells their holders.
     */
    @Transactional
    public Activity cancel(UUID id, String reason, Caller caller) {
        Activity activity = manageable(id, caller);
        requireStatus(activity, ActivityStatus.DRAFT, ActivityStatus.PUBLISHED);
        boolean wasPublished = activity.status == ActivityStatus.PUBLISHED;
        activity.status = ActivityStatus.CANCELLED;
        activity.cancelReason = reason;
        activity.updatedAt = clock.now();
        activity.changedHere();
        if (wasPublished) {
            waitlist.endAllForCancelledActivity(activity);
            events.cancelled(activity);
        }
        return activity;
    }

    /** One activity as the caller may see it (drafts only to their organisers). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Activity get(UUID id, Caller caller) {
        Activity activity = em.find(Activity.class, id);
        if (activity == null || !access.maySee(caller, activity)) {
            throw ProblemException.notFound("活动", "Activity");
        }
        return activity;
    }

    /** The activity, locked for the rest of the transaction, if the caller may manage it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Activity manageable(UUID id, Caller caller) {
        Activity activity = visible(id, caller);
        access.requireManageable(caller, activity);
        return activity;
    }

    /** The activity, locked for the rest of the transaction, if the caller may see it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Activity visible(UUID id, Caller caller) {
        Activity activity = em.find(Activity.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (activity == null || !access.maySee(caller, activity)) {
            throw ProblemException.notFound("活动", "Activity");
        }
        return activity;
    }

    /** What organisers list: their own organisation's activities (admins: all, or one partner's), newest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<Activity> organised(Caller caller, String partner, ActivityStatus status, Cursor after, int limit) {
        if (!caller.organises()) {
            throw forbidden();
        }
        return latestFirst("organisers", caller.admin() ? partner : caller.partner(), status, after, limit);
    }

    /** The activities the calling partner is invited to co-organise and has not answered yet, newest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<Activity> invitations(Caller caller, Cursor after, int limit) {
        if (caller.partner() == null) {
            throw new ProblemException(ProblemType.FORBIDDEN, "仅合作单位有邀请", "Only partners are invited");
        }
        return latestFirst("invited", caller.partner(), null, after, limit);
    }

    /** Activities whose {@code collection} (organisers or invited) holds {@code partner} (null: any), newest first. */
    private Page<Activity> latestFirst(String collection, String partner, ActivityStatus status, Cursor after, int limit) {
        StringBuilder jpql = new StringBuilder("select a from Activity a where 1 = 1");
        if (partner != null) {
            jpql.append(" and :partner member of a.").append(collection);
        }
        if (status != null) {
            jpql.append(" and a.status = :status");
        }
        if (after != null) {
            jpql.append(" and (a.startsAt < :at or (a.startsAt = :at and a.id < :id))");
        }
        jpql.append(" order by a.startsAt desc, a.id desc");
        var query = em.createQuery(jpql.toString(), Activity.class).setMaxResults(Keyset.fetchSize(limit));
        if (partner != null) {
            query.setParameter("partner", partner);
        }
        if (status != null) {
            query.setParameter("status", status);
        }
        if (after != null) {
            query.setParameter("at", after.at()).setParameter("id", after.id());
        }
        return Keyset.page(query.getResultList(), limit, a -> new Cursor(a.startsAt, a.id).keyset());
    }

    /**
     * Checks {@code d}'s rules, adds what they find to the body's constraint {@code violations}
     * (one 400 for all) and, when nothing is wrong, copies the details onto the activity.
     */
    private void apply(Activity activity, ActivityDetails d, Caller caller, boolean isNew, FieldErrors violations) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (!catalog.typeExists(d.type())) {
            errors.add(new Problem.FieldError("type", "未知的活动类型（见 /api/v1/activities/types） / unknown activity type"));
        }
        if (d.stationId() != null) {
            checkVenue(d.stationId(), errors);
        }
        if (d.startsAt() != null && d.endsAt() != null) {
            ActivityRules.period(d.startsAt(), d.endsAt(), errors);
        }
        if (d.startsAt() != null && !d.startsAt().isAfter(clock.now()) && activity.status == ActivityStatus.DRAFT) {
            errors.add(new Problem.FieldError("startsAt", "须在将来 / must be in the future"));
        }
        coOrganisers.arrange(activity, d.organisers(), caller, isNew, errors);
        violations.addAll(errors).throwIfAny();
        activity.type = d.type();
        activity.title = d.title().strip();
        activity.description = d.description() == null || d.description().isBlank() ? null : d.description().strip();
        activity.stationId = d.stationId();
        activity.startsAt = d.startsAt();
        activity.endsAt = d.endsAt();
        activity.capacity = d.capacity();
        activity.occupations = d.occupations() == null ? new String[0]
                : d.occupations().stream().map(Enum::name).sorted().toArray(String[]::new);
        activity.venueWarning = null;
        activity.updatedAt = clock.now();
    }

    private void checkVenue(UUID stationId, List<Problem.FieldError> errors) {
        String refusal = ActivityRules.venueRefusal(stations.find(stationId).map(ReplicatedStation::status).orElse(null));
        if (refusal != null) {
            errors.add(new Problem.FieldError("stationId", refusal));
        }
    }

    private static void failOn(List<Problem.FieldError> errors) {
        new FieldErrors().addAll(errors).throwIfAny();
    }

    private static void requireStatus(Activity activity, ActivityStatus... allowed) {
        for (ActivityStatus s : allowed) {
            if (activity.status == s) {
                return;
            }
        }
        throw new ProblemException(ProblemType.CONFLICT, "活动当前状态为 " + activity.status + "，不能执行此操作",
                "The activity is " + activity.status + "; this is not possible now");
    }

    private static ProblemException forbidden() {
        return new ProblemException(ProblemType.FORBIDDEN, "仅工会管理员或合作单位可管理活动",
                "Only union admins and partners manage activities");
    }
}
