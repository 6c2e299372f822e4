package org.yizhan.legalaid.service.duty;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.yizhan.kit.paging.Keyset;
import org.yizhan.kit.paging.KeysetCursor;
import org.yizhan.kit.paging.Page;
import org.yizhan.kit.problem.ProblemException;
import org.yizhan.kit.problem.ProblemType;
import org.yizhan.kit.time.AppClock;
import org.yizhan.legalaid.domain.audit.Actor;
import org.yizhan.legalaid.domain.audit.AuditAction;
import org.yizhan.legalaid.domain.duty.SessionBooking;
import org.yizhan.legalaid.domain.duty.SessionSlot;
import org.yizhan.legalaid.repository.SessionBookingRepository;
import org.yizhan.legalaid.repository.SessionSlotRepository;
import org.yizhan.legalaid.service.audit.AuditLog;

import java.time.Instant;
import java.util.UUID;

/**
 * A worker books a slot of a duty session (or just comes). The slot's place is taken by one
 * conditional update and one booking per worker and session is a unique index, so a slot is never
 * overbooked and nobody holds two slots of a session, under any concurrency.
 */
@ApplicationScoped
public class SessionBookingService {

    /** The audit log's name for bookings (that a worker seeks legal advice is itself sensitive). */
    public static final String KIND = "SESSION_BOOKING";
    private static final String CURSOR = "session-bookings";

    private final SessionBookingRepository bookings;
    private final SessionSlotRepository slots;
    private final AuditLog audit;
    private final AppClock clock;

    public SessionBookingService(SessionBookingRepository bookings, SessionSlotRepository slots, AuditLog audit,
                                 AppClock clock) {
        this.bookings = bookings;
        this.slots = slots;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public SessionBooking book(UUID sessionId, UUID slotId, Actor worker) {
        Instant now = clock.now();
        SessionSlot slot = slots.findByIdOptional(slotId).filter(s -> s.sessionId.equals(sessionId))
                .orElseThrow(() -> ProblemException.invalidField("slotId", "不是该值班安排的时段 / not a slot of this session"));
        if (!slot.startsAt.isAfter(now)) {
            throw new ProblemException(ProblemType.CONFLICT, "该时段已开始", "The slot has started");
        }
        if (!slots.take(slotId)) {
            throw new ProblemException(ProblemType.CONFLICT, "该时段已被预约", "The slot is taken");
        }
        SessionBooking b = new SessionBooking();
        b.id = UUID.randomUUID();
        b.sessionId = sessionId;
        b.slotId = slotId;
        b.person = worker.id();
        b.status = SessionBooking.Status.BOOKED;
        b.createdAt = now;
        b.updatedAt = now;
        if (!bookings.insertIfFirst(b)) {
            // Thrown out of the transaction, so the place taken above is given back.
            throw new ProblemException(ProblemType.CONFLICT, "您已预约该值班安排的一个时段",
                    "You already have a slot at this session");
        }
        audit.record(worker, AuditAction.CREATE, KIND, b.id, null);
        return bookings.findById(b.id);
    }

    /** Gives the slot back, until it starts; cancelling again changes nothing. */
    @Transactional
    public SessionBooking cancel(UUID bookingId, Actor worker) {
        SessionBooking b = own(bookingId, worker);
        if (b.status == SessionBooking.Status.CANCELLED) {
            return b;
        }
        Instant now = clock.now();
        if (!slots.findById(b.slotId).startsAt.isAfter(now)) {
            throw new ProblemException(ProblemType.CONFLICT, "该时段已开始，不能取消", "The slot has started; it cannot be cancelled");
        }
        slots.giveBack(b.slotId);
        b.status = SessionBooking.Status.CANCELLED;
        b.updatedAt = now;
        audit.record(worker, AuditAction.UPDATE, KIND, b.id, null);
        return b;
    }

    @Transactional
    public Page<SessionBooking> mine(Actor worker, String cursor, int limit) {
        KeysetCursor after = KeysetCursor.decode(CURSOR, cursor, 2);
        Page<SessionBooking> page = Keyset.page(bookings.ofPerson(worker.id(), after, Keyset.fetchSize(limit)), limit,
                b -> KeysetCursor.of(CURSOR, b.createdAt, b.id));
        audit.record(worker, AuditAction.LIST, KIND, null, null);
        return page;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public SessionSlot slot(SessionBooking b) {
        return slots.findById(b.slotId);
    }

    private SessionBooking own(UUID bookingId, Actor worker) {
        return bookings.findByIdOptional(bookingId).filter(b -> b.person.equals(worker.id()))
                .orElseThrow(() -> ProblemException.notFound("预约", "The booking"));
    }
}
