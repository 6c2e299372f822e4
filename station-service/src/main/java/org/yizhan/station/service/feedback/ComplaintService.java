package org.yizhan.station.service.feedback;

import org.yizhan.kit.privacy.Pseudonyms;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import org.yizhan.kit.idempotency.IdempotencyKeys;
import org.yizhan.kit.paging.Cursor;
import org.yizhan.kit.paging.Keyset;
import org.yizhan.kit.paging.Page;
import org.yizhan.kit.problem.FieldErrors;
import org.yizhan.kit.problem.Problem;
import org.yizhan.kit.problem.ProblemException;
import org.yizhan.kit.problem.ProblemType;
import org.yizhan.kit.time.AppClock;
import org.yizhan.station.domain.feedback.Complaint;
import org.yizhan.station.domain.feedback.ComplaintCategory;
import org.yizhan.station.domain.feedback.ComplaintResponse;
import org.yizhan.station.domain.feedback.ComplaintStatus;
import org.yizhan.station.service.StationAccess;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Workers file complaints about stations; the station's managers and union admins answer them
 * within a deadline; union admins see the ones nobody answered in time.
 */
@ApplicationScoped
public class ComplaintService {

    /** Codes of amenities, e.g. {@code MICROWAVE}, {@code WATER_DISPENSER}. */
    static final Pattern AMENITY_CODE = Pattern.compile("[A-Z][A-Z0-9_]{1,39}");
    /** Clocks of phones drift; an occurredAt this little ahead of the server still counts as now. */
    static final java.time.Duration CLOCK_SKEW = java.time.Duration.ofMinutes(5);

    /** A complaint as a worker files it (texts not yet cleaned; lengths already checked). */
    public record NewComplaint(ComplaintCategory category, String amenity, String description, Instant occurredAt) {
    }

    /** An answer: the status it moves the complaint to, a message to the worker and, when closing, the resolution. */
    public record Answer(ComplaintStatus status, String message, String resolution) {
    }

    /** The complaint, and whether this request filed it (false: a retry with the same Idempotency-Key). */
    public record Filed(Handled handled, boolean created) {
    }

    /** A complaint with its answers, oldest first. */
    public record Handled(Complaint complaint, List<ComplaintResponse> responses) {
    }

    private final EntityManager em;
    private final StationAccess access;
    private final Pseudonyms pseudonyms;
    private final IdempotencyKeys idempotencyKeys;
    private final AppClock clock;
    private final FeedbackSettings settings;

    public ComplaintService(EntityManager em, StationAccess access, Pseudonyms pseudonyms,
                            IdempotencyKeys idempotencyKeys, AppClock clock, FeedbackSettings settings) {
        this.em = em;
        this.access = access;
        this.pseudonyms = pseudonyms;
        this.idempotencyKeys = idempotencyKeys;
        this.clock = clock;
        this.settings = settings;
    }

    /** The current instant as this service sees it. */
    public Instant now() {
        return clock.now();
    }

    /**
     * Files a complaint of {@code subject} about the station: status OPEN, first answer due
     * {@code yizhan.complaints.response-hours} after receipt (SAFETY:
     * {@code yizhan.complaints.safety-response-hours}). The worker is stored only as pseudonym.
     * With an Idempotency-Key a retry returns the complaint the first request filed.
     */
    @Transactional
    public Filed file(UUID stationId, String subject, NewComplaint request, String idempotencyKey) {
        Instant now = clock.now();
        new FieldErrors().addAll(problemsOf(request, now)).throwIfAny();
        access.requireExisting(stationId);
        String complainant = pseudonyms.of(subject);
        String scope = "complaint.file:" + complainant;
        if (idempotencyKey != null) {
            var previous = idempotencyKeys.claim(scope, idempotencyKey, new Fingerprint(stationId, request));
            if (previous.isPresent()) {
                Complaint first = em.find(Complaint.class, UUID.fromString(previous.get()));
                return new Filed(withResponses(List.of(first)).get(0), false);
            }
        }
        Complaint complaint = new Complaint();
        complaint.id = UUID.randomUUID();
        complaint.stationId = stationId;
        complaint.complainant = complainant;
        complaint.category = request.category();
        complaint.amenity = request.amenity();
        complaint.description = FeedbackText.clean(request.description());
        complaint.occurredAt = request.occurredAt();
        complaint.receivedAt = now;
        complaint.respondBy = now.plus(request.category()
                .responseTime(settings.responseTime(), settings.safetyResponseTime()));
        complaint.status = ComplaintStatus.OPEN;
        em.persist(complaint);
        if (idempotencyKey != null) {
            idempotencyKeys.complete(scope, idempotencyKey, complaint.id.toString());
        }
        return new Filed(new Handled(complaint, List.of()), true);
    }

    /** What makes a request the same request for Idempotency-Key purposes. */
    record Fingerprint(UUID stationId, NewComplaint complaint) {
    }

    /**
     * What is wrong with {@code request} across fields and against the clock (Bean Validation
     * checks each field alone); empty if nothing.
     */
    public List<Problem.FieldError> problemsOf(NewComplaint request) {
        return problemsOf(request, clock.now());
    }

    private List<Problem.FieldError> problemsOf(NewComplaint request, Instant now) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (request.category() != null && request.category().needsAmenity() && request.amenity() == null) {
            errors.add(new Problem.FieldError("amenity",
                    "AMENITY_BROKEN 投诉必须写明设施代码 / required when the category is AMENITY_BROKEN"));
        }
        if (request.amenity() != null && !AMENITY_CODE.matcher(request.amenity()).matches()) {
            errors.add(new Problem.FieldError("amenity",
                    "设施代码：2–40 个大写字母、数字或下划线，如 MICROWAVE / an amenity code: 2 to 40 capital letters, "
                            + "digits or underscores, e.g. MICROWAVE"));
        }
        if (request.category() != null && request.category().needsDescription()
                && FeedbackText.clean(request.description()) == null) {
            errors.add(new Problem.FieldError("description",
                    "类别为 OTHER 时必须描述情况 / required when the category is OTHER"));
        }
        if (request.occurredAt() != null) {
            if (request.occurredAt().isAfter(now.plus(CLOCK_SKEW))) {
                errors.add(new Problem.FieldError("occurredAt", "不能晚于当前时间 / must not be in the future"));
            } else if (request.occurredAt().isBefore(now.minus(settings.maxComplaintAge()))) {
                long days = settings.maxComplaintAge().toDays();
                errors.add(new Problem.FieldError("occurredAt",
                        "不能早于 " + days + " 天前 / must not be more than " + days + " days ago"));
            }
        }
        return errors;
    }

    /**
     * Records an answer of a manager of the station or a union admin. 404 if the station or the
     * complaint (at this station) does not exist, 403 if the caller may not manage the station,
     * 409 if the complaint is closed or cannot move to the requested status.
     */
    @Transactional
    public Handled answer(UUID stationId, UUID complaintId, SecurityIdentity caller, Answer answer) {
        List<Problem.FieldError> errors = problemsOf(answer);
        if (answer.status() == null) {
            errors.add(new Problem.FieldError("status", "不能为空 / must not be null"));
        }
        new FieldErrors().addAll(errors).throwIfAny();
        access.requireManageable(stationId, caller);
        Complaint complaint = em.find(Complaint.class, complaintId, LockModeType.PESSIMISTIC_WRITE);
        if (complaint == null || !complaint.stationId.equals(stationId)) {
            throw ProblemException.notFound("投诉", "Complaint");
        }
        if (complaint.status.isClosed()) {
            throw new ProblemException(ProblemType.CONFLICT,
                    "投诉已处理完毕（" + complaint.status + "），不能再更改",
                    "The complaint is closed (" + complaint.status + ") and cannot change any more");
        }
        if (!complaint.status.mayBecome(answer.status())) {
            throw new ProblemException(ProblemType.CONFLICT,
                    "投诉不能从 " + complaint.status + " 变为 " + answer.status(),
                    "A complaint cannot go from " + complaint.status + " to " + answer.status());
        }
        Instant now = clock.now();
        ComplaintResponse response = new ComplaintResponse();
        response.complaintId = complaint.id;
        response.respondedAt = now;
        response.respondedBy = caller.getPrincipal().getName();
        response.status = answer.status();
        response.message = FeedbackText.clean(answer.message());
        response.resolution = answer.status().isClosed() ? FeedbackText.clean(answer.resolution()) : null;
        em.persist(response);
        if (complaint.firstResponseAt == null) {
            complaint.firstResponseAt = now;
        }
        complaint.status = answer.status();
        if (answer.status().isClosed()) {
            complaint.resolution = response.resolution;
            complaint.closedAt = now;
        }
        em.flush();
        return withResponses(List.of(complaint)).get(0);
    }

    /** What is wrong with {@code answer} across fields; empty if nothing. */
    public static List<Problem.FieldError> problemsOf(Answer answer) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (answer.status() != null && answer.status().isClosed() && FeedbackText.clean(answer.resolution()) == null) {
            errors.add(new Problem.FieldError("resolution",
                    "状态为 RESOLVED 或 REJECTED 时必须填写处理结果 / required when the status is RESOLVED or REJECTED"));
        }
        if (FeedbackText.clean(answer.message()) == null) {
            errors.add(new Problem.FieldError("message", "不能为空 / must not be blank"));
        }
        return errors;
    }

    /**
     * One complaint, for a manager of its station, a union admin or the worker who filed it
     * (the latter without the names of who answered). 404 if it does not exist at this station.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Handled get(UUID stationId, UUID complaintId, SecurityIdentity caller) {
        access.requireExisting(stationId);
        Complaint complaint = em.find(Complaint.class, complaintId);
        if (complaint == null || !complaint.stationId.equals(stationId)) {
            throw ProblemException.notFound("投诉", "Complaint");
        }
        if (!access.mayManage(caller, stationId) && !isComplainant(caller, complaint)) {
            throw new ForbiddenException();
        }
        return withResponses(List.of(complaint)).get(0);
    }

    /** Whether {@code caller} filed {@code complaint}. */
    public boolean isComplainant(SecurityIdentity caller, Complaint complaint) {
        return caller != null && !caller.isAnonymous()
                && complaint.complainant.equals(pseudonyms.of(caller.getPrincipal().getName()));
    }

    /** A page of the station's complaints, newest first, optionally of one status. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<Handled> ofStation(UUID stationId, SecurityIdentity caller, ComplaintStatus status,
                                   Cursor after, int limit) {
        access.requireManageable(stationId, caller);
        String where = "stationId = :owner" + (status == null ? "" : " and status = :status");
        TypedQuery<Complaint> query = newestFirst(where, after).setParameter("owner", stationId);
        if (status != null) {
            query.setParameter("status", status);
        }
        return page(query, limit, c -> new Cursor(c.receivedAt, c.id));
    }

    /** A page of the complaints {@code subject} filed, newest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<Handled> mine(String subject, Cursor after, int limit) {
        TypedQuery<Complaint> query = newestFirst("complainant = :owner", after)
                .setParameter("owner", pseudonyms.of(subject));
        return page(query, limit, c -> new Cursor(c.receivedAt, c.id));
    }

    /**
     * A page of the complaints nobody answered although their deadline has passed, the oldest
     * deadline first.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<Handled> overdue(Instant now, Cursor after, int limit) {
        String base = "from Complaint where status = :open and firstResponseAt is null and respondBy < :now";
        TypedQuery<Complaint> query = after == null
                ? em.createQuery(base + " order by respondBy, id", Complaint.class)
                : em.createQuery(base + " and (respondBy > :at or (respondBy = :at and id > :id))"
                        + " order by respondBy, id", Complaint.class)
                        .setParameter("at", after.at()).setParameter("id", after.id());
        query.setParameter("open", ComplaintStatus.OPEN).setParameter("now", now);
        return page(query, limit, c -> new Cursor(c.respondBy, c.id));
    }

    private TypedQuery<Complaint> newestFirst(String where, Cursor after) {
        if (after == null) {
            return em.createQuery("from Complaint where " + where + " order by receivedAt desc, id desc",
                    Complaint.class);
        }
        return em.createQuery("from Complaint where " + where
                        + " and (receivedAt < :at or (receivedAt = :at and id < :id)) order by receivedAt desc, id desc",
                        Complaint.class)
                .setParameter("at", after.at()).setParameter("id", after.id());
    }

    private Page<Handled> page(TypedQuery<Complaint> query, int limit, Function<Complaint, Cursor> position) {
        Page<Complaint> page = Keyset.page(query.setMaxResults(Keyset.fetchSize(limit)).getResultList(), limit,
                c -> position.apply(c).keyset());
        return new Page<>(withResponses(page.items()), page.nextCursor());
    }

    private List<Handled> withResponses(List<Complaint> complaints) {
        if (complaints.isEmpty()) {
            return List.of();
        }
        List<UUID> ids = complaints.stream().map(c -> c.id).toList();
        Map<UUID, List<ComplaintResponse>> responses = em.createQuery(
                        "from ComplaintResponse where complaintId in :ids order by id", ComplaintResponse.class)
                .setParameter("ids", ids).getResultStream()
                .collect(Collectors.groupingBy(r -> r.complaintId));
        return complaints.stream().map(c -> new Handled(c, responses.getOrDefault(c.id, List.of()))).toList();
    }
}
