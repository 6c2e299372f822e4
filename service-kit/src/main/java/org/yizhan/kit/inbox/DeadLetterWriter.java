package org.yizhan.kit.inbox;

import io.cloudevents.CloudEvent;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.yizhan.events.Topics;
import org.yizhan.kit.config.EventsConfig;
import org.yizhan.kit.time.AppClock;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Sets an event aside: a row in {@code dead_letter}, from which operators list and replay it, and
 * a copy on {@code yizhan.dlq.<group>} with the reason in the {@code yizhan-dlq-reason} header,
 * for any Kafka tool. Either both are written or the write fails with
 * {@link DeadLetterWriteException}, and the consumer keeps the event to try again.
 */
@ApplicationScoped
public class DeadLetterWriter {

    /** Header with the reason. */
    public static final String REASON_HEADER = "yizhan-dlq-reason";
    /** Header with where the record was read: {@code topic/partition@offset}. */
    public static final String SOURCE_HEADER = "yizhan-dlq-source";

    private final DeadLetterStore store;
    private final EventsConfig config;
    private final String bootstrapServers;
    private final AppClock clock;
    private KafkaProducer<String, byte[]> producer;

    public DeadLetterWriter(DeadLetterStore store, EventsConfig config,
                            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers, AppClock clock) {
        this.store = store;
        this.config = config;
        this.bootstrapServers = bootstrapServers;
        this.clock = clock;
    }

    /** Sets {@code record} aside; {@code event} is what it was read as, or {@code null} if it was unreadable. */
    public void write(ConsumerRecord<String, byte[]> record, CloudEvent event, String reason, String errorType) {
        String group = config.consumer().groupId();
        DeadLetter letter = new DeadLetter(UUID.randomUUID(), group, record.topic(), record.partition(),
                record.offset(), record.key(), event == null ? null : event.getId(),
                event == null ? null : event.getType(), reason, errorType,
                record.value() == null ? new byte[0] : record.value(), clock.now(), null, null, null, 0, null);
        try {
            QuarkusTransaction.requiringNew().run(() -> store.insert(letter));
        } catch (RuntimeException e) {
            throw new DeadLetterWriteException("cannot store the dead letter", e);
        }
        String topic = Topics.deadLetter(group);
        ProducerRecord<String, byte[]> dead = new ProducerRecord<>(topic, record.key(), record.value());
        dead.headers().add(REASON_HEADER, reason.getBytes(StandardCharsets.UTF_8));
        dead.headers().add(SOURCE_HEADER, (record.topic() + "/" + record.partition() + "@" + record.offset())
                .getBytes(StandardCharsets.UTF_8));
        try {
            producer().send(dead).get(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeadLetterWriteException("interrupted while writing to " + topic, e);
        } catch (Exception e) {
            throw new DeadLetterWriteException("cannot write to " + topic, e);
        }
    }

    private synchronized KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            Map<String, Object> p = new HashMap<>();
            p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
            p.put(ProducerConfig.CLIENT_ID_CONFIG, config.consumer().groupId() + "-dead-letters");
            p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            p.put(ProducerConfig.ACKS_CONFIG, "all");
            // While Kafka is away a write fails within seconds, and the consumer tries again later.
            p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
            p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
            p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 15_000);
            producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
        }
        return producer;
    }

    synchronized void close(@Observes ShutdownEvent ignored) {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
            producer = null;
        }
    }
}
