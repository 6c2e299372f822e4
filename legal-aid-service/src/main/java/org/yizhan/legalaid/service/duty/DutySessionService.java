package org.yizhan.legalaid.service.duty;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.yizhan.kit.geo.GeoCircle;
import org.yizhan.kit.paging.Keyset;
import org.yizhan.kit.paging.KeysetCursor;
import org.yizhan.kit.paging.Page;
import org.yizhan.kit.problem.ProblemException;
import org.yizhan.kit.problem.ProblemType;
import org.yizhan.kit.replica.ReplicatedStation;
import org.yizhan.kit.replica.StationReplica;
import org.yizhan.kit.time.AppClock;
import org.yizhan.legalaid.domain.audit.Actor;
import org.yizhan.legalaid.domain.audit.AuditAction;
import org.yizhan.legalaid.domain.duty.DutySession;
import org.yizhan.legalaid.domain.duty.SessionSlot;
import org.yizhan.legalaid.repository.DutySessionRepository;
import org.yizhan.legalaid.repository.SessionSlotRepository;
import org.yizhan.legalaid.service.audit.AuditLog;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

/** Lawyers' duty sessions at stations, and finding the next ones near a worker. */
@ApplicationScoped
public class DutySessionService {

    /** The audit log's name for duty sessions. */
    public static final String KIND = "DUTY_SESSION";
    /** The longest session: a working day. */
    public static final Duration MAX_LENGTH = Duration.ofHours(12);
    private static final String CURSOR = "sessions";

    private final DutySessionRepository sessions;
    private final SessionSlotRepository slots;
    private final LawyerService lawyers;
    private final StationReplica stations;
    private final AuditLog audit;
    private final AppClock clock;

    public DutySessionService(DutySessionRepository sessions, SessionSlotRepository slots, LawyerService lawyers,
                              StationReplica stations, AuditLog audit, AppClock clock) {
        this.sessions = sessions;
        this.slots = slots;
        this.lawyers = lawyers;
        this.stations = stations;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Plans a session at an active station for a registered lawyer who is not on duty elsewhere
     * then, with its slots; the session must start in the future.
     */
    @Transactional
    public DutySession plan(NewSession details, Actor admin) {
        ReplicatedStation station = stations.find(details.stationId())
                .orElseThrow(() -> ProblemException.invalidField("stationId", "站点不存在 / no such station"));
        lawyers.require(details.lawyerId(), "lawyerId");
        if (!details.startsAt().isAfter(clock.now())) {
            throw ProblemException.invalidField("startsAt", "须晚于现在 / must be in the future");
        }
        if (!station.active()) {
            throw new ProblemException(ProblemType.CONFLICT, "该站点暂停开放", "The station is not open");
        }
        if (sessions.lawyerBusy(details.lawyerId(), details.startsAt(), details.endsAt())) {
            throw new ProblemException(ProblemType.CONFLICT, "该律师此时已有值班安排",
                    "The lawyer is on duty elsewhere at that time");
        }
        DutySession s = new DutySession();
        s.id = UUID.randomUUID();
        s.stationId = station.stationId();
        s.lawyerId = details.lawyerId();
        s.startsAt = details.startsAt();
        s.endsAt = details.endsAt();
        s.slotMinutes = details.slotMinutes();
        s.createdAt = clock.now();
        sessions.persist(s);
        Duration step = Duration.ofMinutes(s.slotMinutes);
        for (var start = s.startsAt; !start.plus(step).isAfter(s.endsAt); start = start.plus(step)) {
            SessionSlot slot = new SessionSlot();
            slot.id = UUID.randomUUID();
            slot.sessionId = s.id;
            slot.startsAt = start;
            slot.endsAt = start.plus(step);
            slot.capacity = 1;
            slots.persist(slot);
        }
        audit.record(admin, AuditAction.CREATE, KIND, s.id, null);
        return s;
    }

    /** Sessions that have not ended at open stations within the circle, soonest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<DutySessionRepository.Upcoming> near(GeoCircle circle, String cursor, int limit) {
        KeysetCursor after = KeysetCursor.decode(CURSOR, cursor, 2);
        return Keyset.page(sessions.upcomingNear(circle, clock.now(), after, Keyset.fetchSize(limit)), limit,
                u -> KeysetCursor.of(CURSOR, u.startsAt(), u.sessionId()));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public DutySession get(UUID sessionId) {
        return find(sessionId).orElseThrow(() -> ProblemException.notFound("值班安排", "The duty session"));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public java.util.Optional<DutySession> find(UUID sessionId) {
        return sessions.findByIdOptional(sessionId);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<SessionSlot> slots(UUID sessionId) {
        return slots.ofSession(sessionId);
    }

    /** The station of a session, as the replica knows it now. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ReplicatedStation station(DutySession s) {
        return stations.require(s.stationId);
    }
}
