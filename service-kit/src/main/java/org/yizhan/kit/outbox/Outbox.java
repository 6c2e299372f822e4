package org.yizhan.kit.outbox;

import io.cloudevents.CloudEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.yizhan.kit.events.CloudEventCodec;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Records an event in the caller's transaction; {@link OutboxRelay} publishes it once that
 * transaction commits. Either the state change and its event are both kept, or neither.
 */
@ApplicationScoped
public class Outbox {

    /** Fired when a message was added; the relay wakes after the transaction succeeds. */
    public record MessageAdded(String topic) {
    }

    private final EntityManager em;
    private final CloudEventCodec codec;
    private final Event<MessageAdded> added;

    public Outbox(EntityManager em, CloudEventCodec codec, Event<MessageAdded> added) {
        this.em = em;
        this.codec = codec;
        this.added = added;
    }

    /**
     * Adds a CloudEvent for {@code topic} with record key {@code key} (the aggregate id).
     *
     * @return the event written
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public CloudEvent add(String topic, String key, URI source, String type, Object data) {
        CloudEvent event = codec.create(source, type, key, data);
        OutboxMessage message = new OutboxMessage();
        message.eventId = event.getId();
        message.topic = topic;
        message.messageKey = key;
        message.eventType = type;
        message.payload = new String(codec.serialize(event), StandardCharsets.UTF_8);
        message.createdAt = Instant.now();
        em.persist(message);
        added.fire(new MessageAdded(topic));
        return event;
    }
}
