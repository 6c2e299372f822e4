package org.yizhan.kit.inbox;

import io.cloudevents.CloudEvent;
import io.quarkus.arc.All;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.yizhan.events.Topics;
import org.yizhan.kit.config.EventsConfig;
import org.yizhan.kit.events.CloudEventCodec;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * Reads the topics of this service's {@link EventHandler}s and applies each event exactly once
 * to the database: the event id goes into the inbox in the same transaction as the effect, and
 * offsets are committed only after that transaction. An event that cannot be read or applied
 * after a few attempts goes to the dead-letter topic with the reason, and the consumer goes on.
 */
@ApplicationScoped
public class KafkaEventConsumer {

    private static final Logger LOG = Logger.getLogger(KafkaEventConsumer.class);

    private final List<EventHandler> handlers;
    private final Inbox inbox;
    private final CloudEventCodec codec;
    private final EventsConfig config;
    private final String bootstrapServers;

    private volatile boolean running;
    private Thread thread;
    private KafkaConsumer<String, byte[]> consumer;
    private KafkaProducer<String, byte[]> deadLetters;

    public KafkaEventConsumer(@All List<EventHandler> handlers, Inbox inbox, CloudEventCodec codec,
                              EventsConfig config,
                              @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.handlers = handlers;
        this.inbox = inbox;
        this.codec = codec;
        this.config = config;
        this.bootstrapServers = bootstrapServers;
    }

    void start(@Observes StartupEvent ignored) {
        if (handlers.isEmpty() || !config.consumer().enabled()) {
            return;
        }
        Set<String> topics = new TreeSet<>();
        handlers.forEach(h -> topics.add(h.topic()));
        consumer = new KafkaConsumer<>(consumerConfig(), new StringDeserializer(), new ByteArrayDeserializer());
        deadLetters = new KafkaProducer<>(producerConfig(), new StringSerializer(), new ByteArraySerializer());
        consumer.subscribe(topics);
        running = true;
        thread = new Thread(this::run, "event-consumer");
        thread.setDaemon(true);
        thread.start();
        LOG.infof("Consuming %s as group %s", topics, config.consumer().groupId());
    }

    void stop(@Observes ShutdownEvent ignored) throws InterruptedException {
        running = false;
        if (consumer != null) {
            consumer.wakeup();
        }
        if (thread != null) {
            thread.join(TimeUnit.SECONDS.toMillis(10));
        }
        if (deadLetters != null) {
            deadLetters.close(Duration.ofSeconds(5));
        }
    }

    private Map<String, Object> consumerConfig() {
        Map<String, Object> c = new HashMap<>();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        c.put(ConsumerConfig.GROUP_ID_CONFIG, config.consumer().groupId());
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        c.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 200);
        c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        // New topics (created on first publish) are picked up quickly.
        c.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, 5_000);
        return c;
    }

    private Map<String, Object> producerConfig() {
        Map<String, Object> p = new HashMap<>();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        return p;
    }

    private void run() {
        try {
            while (running) {
                ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(500));
                Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
                for (ConsumerRecord<String, byte[]> record : records) {
                    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                    try {
                        process(record);
                    } catch (IllegalStateException e) {
                        // Neither applied nor dead-lettered: read it again after a pause.
                        LOG.warnf("Event at %s@%d postponed (%s)", partition, record.offset(), e.getMessage());
                        consumer.seek(partition, record.offset());
                        sleep(1_000);
                        break;
                    }
                    done.put(partition, new OffsetAndMetadata(record.offset() + 1));
                }
                commit(done);
            }
        } catch (WakeupException e) {
            if (running) {
                throw e;
            }
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private void commit(Map<TopicPartition, OffsetAndMetadata> offsets) {
        if (offsets.isEmpty()) {
            return;
        }
        try {
            consumer.commitSync(offsets, Duration.ofSeconds(10));
        } catch (RuntimeException e) {
            if (e instanceof WakeupException) {
                throw e;
            }
            // The inbox makes a redelivery harmless, so a lost commit only costs a repeat.
            LOG.warnf("Offset commit failed (%s); events may be redelivered", e.getClass().getSimpleName());
        }
    }

    private void process(ConsumerRecord<String, byte[]> record) {
        CloudEvent event;
        try {
            event = codec.deserialize(record.value());
        } catch (IllegalArgumentException e) {
            deadLetter(record, "unreadable: not a structured JSON CloudEvent");
            return;
        }
        EventHandler handler = handlerFor(record.topic(), event.getType());
        if (handler == null) {
            return; // a type this service does not need
        }
        String group = config.consumer().groupId();
        RuntimeException last = null;
        for (int attempt = 1; attempt <= config.consumer().maxAttempts(); attempt++) {
            try {
                QuarkusTransaction.requiringNew().run(() -> {
                    if (inbox.firstDelivery(group, event.getId(), event.getType())) {
                        handler.handle(event);
                    }
                });
                return;
            } catch (RuntimeException e) {
                last = e;
                sleep(100L * attempt);
            }
        }
        deadLetter(record, "rejected by " + handler.getClass().getSimpleName() + ": " + describe(last));
    }

    private EventHandler handlerFor(String topic, String type) {
        for (EventHandler handler : handlers) {
            if (handler.topic().equals(topic) && handler.types().contains(type)) {
                return handler;
            }
        }
        return null;
    }

    private void deadLetter(ConsumerRecord<String, byte[]> record, String reason) {
        String topic = Topics.deadLetter(config.consumer().groupId());
        ProducerRecord<String, byte[]> dead = new ProducerRecord<>(topic, record.key(), record.value());
        dead.headers().add("yizhan-dlq-reason", reason.getBytes(StandardCharsets.UTF_8));
        dead.headers().add("yizhan-dlq-source", (record.topic() + "/" + record.partition() + "@" + record.offset())
                .getBytes(StandardCharsets.UTF_8));
        try {
            deadLetters.send(dead).get(30, TimeUnit.SECONDS);
            LOG.warnf("Event at %s-%d@%d sent to %s", record.topic(), record.partition(), record.offset(), topic);
        } catch (Exception e) {
            // Without a dead letter the event would be lost: stop here and let the poll loop retry.
            throw new IllegalStateException("cannot write to " + topic, e);
        }
    }

    /** The exception's type and, for our own validation errors, its message; never a stack trace. */
    private static String describe(RuntimeException e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = root.getClass().getSimpleName();
        if (root instanceof IllegalArgumentException && root.getMessage() != null) {
            text += " " + root.getMessage();
        }
        return text.length() > 300 ? text.substring(0, 300) : text;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
