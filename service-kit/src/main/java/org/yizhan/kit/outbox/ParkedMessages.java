package org.yizhan.kit.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;
import org.yizhan.kit.paging.Keyset;
import org.yizhan.kit.paging.KeysetCursor;
import org.yizhan.kit.paging.Page;
import org.yizhan.kit.problem.ProblemException;
import org.yizhan.kit.problem.ProblemType;
import org.yizhan.kit.time.AppClock;


/**
 * What an operator does with parked outbox messages: list them, republish one (it becomes
 * pending again, ahead of the messages of its key that waited behind it) or discard one with a
 * reason (it is never published, and the messages behind it go on).
 */
@ApplicationScoped
public class ParkedMessages {

    private static final Logger LOG = Logger.getLogger(ParkedMessages.class);
    private static final String CURSOR = "parked-outbox";

    private final OutboxRows rows;
    private final Event<Outbox.MessageAdded> wakeRelay;
    private final AppClock clock;

    public ParkedMessages(OutboxRows rows, Event<Outbox.MessageAdded> wakeRelay, AppClock clock) {
        this.rows = rows;
        this.wakeRelay = wakeRelay;
        this.clock = clock;
    }

    /** A page of parked messages, oldest parked first. */
    public Page<ParkedMessage> list(String cursor, int limit) {
        KeysetCursor after = KeysetCursor.decode(CURSOR, cursor, 2);
        return Keyset.page(rows.parked(after == null ? null : after.instant(0), after == null ? null : after.text(1),
                Keyset.fetchSize(limit)), limit, m -> KeysetCursor.of(CURSOR, m.parkedAt(), m.eventId()));
    }

    /** Makes the parked message with CloudEvent id {@code eventId} pending again and wakes the relay. */
    @Transactional
    public ParkedMessage republish(String eventId) {
        ParkedMessage message = lockParked(eventId);
        rows.unpark(message.id());
        wakeRelay.fire(new Outbox.MessageAdded(message.topic()));
        LOG.infof("Parked outbox message %d republished", message.id());
        return message;
    }

    /** Discards the parked message with CloudEvent id {@code eventId}: it is never published. */
    @Transactional
    public ParkedMessage discard(String eventId, String reason, String operator) {
        ParkedMessage message = lockParked(eventId);
        rows.discard(message.id(), reason, operator, clock.now());
        wakeRelay.fire(new Outbox.MessageAdded(message.topic()));
        LOG.infof("Parked outbox message %d discarded", message.id());
        return message;
    }

    private ParkedMessage lockParked(String eventId) {
        return rows.lockParked(eventId).orElseThrow(() -> rows.exists(eventId)
                ? new ProblemException(ProblemType.CONFLICT, "该消息未被搁置（已发布、已丢弃或仍在等待发布）",
                "This message is not parked (it was published, discarded, or is still pending)")
                : ProblemException.notFound("消息", "The message"));
    }
}
