package org.yizhan.kit.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;
import org.yizhan.kit.paging.Cursor;
import org.yizhan.kit.paging.Page;
import org.yizhan.kit.problem.ProblemException;
import org.yizhan.kit.problem.ProblemType;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What an operator does with parked outbox messages: list them, republish one (it becomes
 * pending again, ahead of the messages of its key that waited behind it) or discard one with a
 * reason (it is never published, and the messages behind it go on).
 */
@ApplicationScoped
public class ParkedMessages {

    private static final Logger LOG = Logger.getLogger(ParkedMessages.class);

    private final OutboxRows rows;
    private final Event<Outbox.MessageAdded> wakeRelay;

    public ParkedMessages(OutboxRows rows, Event<Outbox.MessageAdded> wakeRelay) {
        this.rows = rows;
        this.wakeRelay = wakeRelay;
    }

    /** A page of parked messages, oldest parked first. */
    public Page<ParkedMessage> list(String cursor, int limit) {
        Cursor after = Cursor.decode(cursor);
        List<ParkedMessage> page = rows.parked(after, limit + 1);
        if (page.size() <= limit) {
            return new Page<>(page, null);
        }
        ParkedMessage last = page.get(limit - 1);
        return new Page<>(page.subList(0, limit),
                new Cursor(last.parkedAt(), UUID.fromString(last.eventId())).encode());
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
        rows.discard(message.id(), reason, operator, Instant.now());
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
