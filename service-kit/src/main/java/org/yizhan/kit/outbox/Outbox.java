package org.yizhan.kit.outbox;

import io.cloudevents.CloudEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.yizhan.kit.events.CloudEventCodec;

import org.hibernate.Session;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

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

    /** One event of a batch: record key (the aggregate id), CloudEvent type and data. */
    public record Pending(String key, String type, Object data) {
    }

    /**
     * Adds several events for {@code topic} in one JDBC batch, in order: the same rows as
     * {@link #add} for each, without a round trip per event. For bulk writes such as partner
     * pushes of a thousand records.
     *
     * @return the events written
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<CloudEvent> addAll(String topic, URI source, List<Pending> pending) {
        if (pending.isEmpty()) {
            return List.of();
        }
        List<CloudEvent> events = new ArrayList<>(pending.size());
        List<String> payloads = new ArrayList<>(pending.size());
        for (Pending p : pending) {
            CloudEvent event = codec.create(source, p.type(), p.key(), p.data());
            events.add(event);
            payloads.add(new String(codec.serialize(event), StandardCharsets.UTF_8));
        }
        Timestamp now = Timestamp.from(Instant.now());
        em.flush();
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("insert into outbox_message"
                    + " (event_id, topic, message_key, event_type, payload, created_at) values (?, ?, ?, ?, ?, ?)")) {
                for (int i = 0; i < events.size(); i++) {
                    insert.setString(1, events.get(i).getId());
                    insert.setString(2, topic);
                    insert.setString(3, pending.get(i).key());
                    insert.setString(4, pending.get(i).type());
                    insert.setString(5, payloads.get(i));
                    insert.setTimestamp(6, now);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
        added.fire(new MessageAdded(topic));
        return events;
    }
}
