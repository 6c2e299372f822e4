package org.yizhan.kit.inbox;

import io.cloudevents.CloudEvent;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.quarkus.arc.ClientProxy;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.yizhan.kit.config.EventsConfig;
import org.yizhan.kit.events.CloudEventCodec;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Reads the topics of this service's {@link EventHandler}s and applies each event exactly once
 * to the database: the event id goes into the inbox in the same transaction as the effect, and a
 * partition's offset is committed only up to what was applied or dead-lettered.
 *
 * <p>A failure is classified ({@link Failures}, ADR 0011). A transient one (database or Kafka
 * away, deadlock, timeout) pauses only that partition, without committing past the record, and
 * retries it with a capped exponential backoff for as long as it takes, while the other
 * partitions go on and the consumer keeps polling, so that it stays in its group. A permanent one
 * (unreadable event, contract violation) is dead-lettered at once; one of no known kind after
 * {@code yizhan.events.consumer.max-attempts} attempts.
 */
@ApplicationScoped
public class KafkaEventConsumer {

    private static final Logger LOG = Logger.getLogger(KafkaEventConsumer.class);
    private static final Duration POLL = Duration.ofMillis(500);

    private final EventApplier applier;
    private final DeadLetterWriter deadLetters;
    private final CloudEventCodec codec;
    private final EventsConfig config;
    private final String bootstrapServers;
    private final PartitionStalls stalls;
    private final ConsumerTelemetry telemetry;

    private volatile boolean running;
    private volatile Instant lastPollAt;
    private volatile Thread thread;
    private KafkaConsumer<String, byte[]> consumer;

    /** What became of one record: done (applied, skipped or dead-lettered), or to be tried again after a failure. */
    private record Outcome(Throwable failure, FailureKind kind, boolean deadLettered) {
        static final Outcome DONE = new Outcome(null, null, false);
        static final Outcome DEAD_LETTERED = new Outcome(null, null, true);

        Outcome(Throwable failure, FailureKind kind) {
            this(failure, kind, false);
        }

        ConsumerTelemetry.Outcome reported() {
            return deadLettered ? ConsumerTelemetry.Outcome.DEAD_LETTERED
                    : done() ? ConsumerTelemetry.Outcome.APPLIED : ConsumerTelemetry.Outcome.RETRIED;
        }

        boolean done() {
            return failure == null;
        }
    }

    public KafkaEventConsumer(EventApplier applier, DeadLetterWriter deadLetters, CloudEventCodec codec,
                              EventsConfig config,
                              @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
                              Tracer tracer, MeterRegistry registry) {
        this.applier = applier;
        this.deadLetters = deadLetters;
        this.codec = codec;
        this.config = config;
        this.bootstrapServers = bootstrapServers;
        this.stalls = new PartitionStalls(config.consumer().minBackoff(), config.consumer().maxBackoff());
        this.telemetry = new ConsumerTelemetry(tracer, registry, config.consumer().groupId());
    }

    void start(@Observes StartupEvent ignored) {
        if (!applier.hasHandlers() || !config.consumer().enabled()) {
            return;
        }
        List<String> topics = applier.topics();
        consumer = new KafkaConsumer<>(consumerConfig(), new StringDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(topics, new Rebalance());
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
    }

    /** The consumer's state, for health checks. */
    public ConsumerStatus status() {
        boolean enabled = thread != null;
        return new ConsumerStatus(enabled, enabled && thread.isAlive(), lastPollAt, stalls.snapshot());
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
        int sessionTimeout = (int) Math.min(Integer.MAX_VALUE, config.consumer().sessionTimeout().toMillis());
        c.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, sessionTimeout);
        // Kafka's rule of thumb: a heartbeat at most a third of the session timeout (3 s by default).
        c.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, Math.min(3_000, Math.max(1, sessionTimeout / 3)));
        return c;
    }

    private void run() {
        try {
            while (running) {
                resumeDue();
                Duration wait = stalls.untilNextRetry(PartitionStalls.now(), POLL);
                ConsumerRecords<String, byte[]> records = consumer.poll(wait);
                lastPollAt = PartitionStalls.now();
                Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
                for (TopicPartition partition : records.partitions()) {
                    processPartition(partition, records.records(partition), done);
                }
                commit(done);
                telemetry.readLag(consumer);
            }
        } catch (WakeupException e) {
            if (running) {
                LOG.error("Event consumer woken up while running; it stops");
            }
        } catch (RuntimeException | Error e) {
            // Liveness turns DOWN: the process is restarted rather than left without a consumer.
            LOG.errorf("Event consumer stopped by %s", e.getClass().getName());
            throw e;
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    /** Applies a partition's records in order; at the first that must be tried again, pauses the partition. */
    private void processPartition(TopicPartition partition, List<ConsumerRecord<String, byte[]>> records,
                                  Map<TopicPartition, OffsetAndMetadata> done) {
        for (ConsumerRecord<String, byte[]> record : records) {
            Outcome outcome = process(partition, record);
            if (!outcome.done()) {
                consumer.seek(partition, record.offset());
                consumer.pause(Set.of(partition));
                String type = Failures.rootType(outcome.failure());
                Instant retryAt = stalls.failed(partition, record.offset(), outcome.kind(), type, PartitionStalls.now());
                LOG.warnf("Event at %s@%d not applied (%s, %s); partition paused until %s", partition,
                        record.offset(), outcome.kind(), type, retryAt);
                return;
            }
            if (stalls.isStalled(partition)) {
                stalls.cleared(partition);
                LOG.infof("Partition %s goes on at %d", partition, record.offset());
            }
            done.put(partition, new OffsetAndMetadata(record.offset() + 1));
        }
    }

    private Outcome process(TopicPartition partition, ConsumerRecord<String, byte[]> record) {
        CloudEvent event;
        try {
            event = codec.deserialize(record.value());
        } catch (IllegalArgumentException e) {
            Outcome outcome = deadLetter(record, null, "unreadable: not a structured JSON CloudEvent", e);
            telemetry.finished(null, record.topic(), outcome.reported(), e);
            return outcome;
        }
        Optional<EventHandler> handler = applier.handlerFor(record.topic(), event.getType());
        if (handler.isEmpty()) {
            return Outcome.DONE; // a type this service does not need
        }
        // The handling joins the trace of the request that wrote the event (ADR 0023).
        Span span = telemetry.start(record, event);
        try (Scope ignored = span.makeCurrent()) {
            Outcome outcome = apply(partition, record, event, handler.get());
            telemetry.finished(span, record.topic(), outcome.reported(), outcome.failure());
            return outcome;
        } finally {
            span.end();
        }
    }

    private Outcome apply(TopicPartition partition, ConsumerRecord<String, byte[]> record, CloudEvent event,
                          EventHandler handler) {
        try {
            applier.applyInNewTransaction(handler, event);
            return Outcome.DONE;
        } catch (RuntimeException e) {
            FailureKind kind = Failures.classify(e);
            String by = ClientProxy.unwrap(handler).getClass().getSimpleName();
            if (kind == FailureKind.PERMANENT) {
                return deadLetter(record, event, "rejected by " + by + ": " + Failures.describe(e), e);
            }
            int attempts = stalls.failedAttempts(partition, record.offset()) + 1;
            if (kind == FailureKind.UNKNOWN && attempts >= config.consumer().maxAttempts()) {
                return deadLetter(record, event,
                        "failed " + attempts + " times in " + by + ": " + Failures.describe(e), e);
            }
            return new Outcome(e, kind);
        }
    }

    private Outcome deadLetter(ConsumerRecord<String, byte[]> record, CloudEvent event, String reason,
                               Throwable cause) {
        try {
            deadLetters.write(record, event, reason, Failures.rootType(cause));
            LOG.warnf("Event at %s-%d@%d dead-lettered (%s)", record.topic(), record.partition(), record.offset(),
                    Failures.rootType(cause));
            return Outcome.DEAD_LETTERED;
        } catch (DeadLetterWriteException e) {
            return new Outcome(e, FailureKind.TRANSIENT);
        }
    }

    private void resumeDue() {
        List<TopicPartition> due = stalls.due(PartitionStalls.now());
        if (!due.isEmpty()) {
            Set<TopicPartition> assigned = consumer.assignment();
            consumer.resume(due.stream().filter(assigned::contains).toList());
        }
    }

    private void commitOnStop(Map<TopicPartition, OffsetAndMetadata> offsets) {
        try {
            consumer.commitSync(offsets, Duration.ofSeconds(5));
        } catch (RuntimeException e) {
            LOG.warnf("Offset commit at shutdown failed (%s); events may be redelivered", e.getClass().getSimpleName());
        }
    }

    private void commit(Map<TopicPartition, OffsetAndMetadata> offsets) {
        if (offsets.isEmpty()) {
            return;
        }
        try {
            consumer.commitSync(offsets, Duration.ofSeconds(10));
        } catch (WakeupException e) {
            if (!running) {
                // The service is stopping and woke the consumer in the middle of a batch: what was
                // applied is still committed (the wakeup is spent once thrown), so that the next
                // instance does not receive it again; then the loop ends.
                commitOnStop(offsets);
            }
            throw e;
        } catch (RuntimeException e) {
            // The inbox makes a redelivery harmless, so a lost commit only costs a repeat.
            LOG.warnf("Offset commit failed (%s); events may be redelivered", e.getClass().getSimpleName());
        }
    }

    /** Partitions that leave this consumer are no longer its stalls; whoever gets them starts at the committed offset. */
    private final class Rebalance implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            stalls.forget(partitions);
            telemetry.forget(partitions);
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            // New partitions start unpaused at their committed offsets.
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            stalls.forget(partitions);
            telemetry.forget(partitions);
        }
    }
}
