package org.yizhan.kit.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.yizhan.kit.config.EventsConfig;
import org.yizhan.kit.events.CloudEventCodec;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Publishes the outbox to Kafka with an idempotent producer, and keeps retrying, with growing
 * pauses, while Kafka is away. A message is marked published only after Kafka acknowledged it, so
 * nothing is lost; a message may be sent twice after a crash, which consumers absorb through
 * their inbox.
 *
 * <p>Order per key: a round sends in waves, the oldest pending message of each key per wave, so a
 * message goes out only after the one before it of the same topic and key was acknowledged. A
 * message that Kafka refuses for good ({@link PublishFailures}) is parked at the
 * {@code park-after}th refusal; the later messages of its key wait behind it until an operator
 * republishes or discards it, while the other keys flow (ADR 0011).
 *
 * <p>One relay per database publishes at a time (a PostgreSQL advisory lock), which keeps the
 * order per key even when several instances of a service run.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** Advisory lock id shared by every relay of one database ("outbox" in ASCII). */
    private static final long LOCK_ID = 0x6f7574626f78L;

    private final OutboxRows rows;
    private final EventsConfig config;
    private final String bootstrapServers;
    private final String applicationName;
    private final Semaphore wake = new Semaphore(0);
    private final MeterRegistry registry;
    private final Map<String, Counter> counters = new java.util.concurrent.ConcurrentHashMap<>();

    private volatile boolean running;
    private volatile Thread thread;
    private KafkaProducer<String, byte[]> producer;
    private TopicLimits limits;

    public OutboxRelay(OutboxRows rows, EventsConfig config,
                       @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
                       @ConfigProperty(name = "quarkus.application.name") String applicationName,
                       MeterRegistry registry) {
        this.registry = registry;
        this.rows = rows;
        this.config = config;
        this.bootstrapServers = bootstrapServers;
        this.applicationName = applicationName;
    }

    void start(@Observes StartupEvent ignored) {
        if (!config.relay().enabled()) {
            LOG.info("Outbox relay disabled");
            return;
        }
        producer = new KafkaProducer<>(producerConfig(), new StringSerializer(), new ByteArraySerializer());
        limits = new TopicLimits(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.CLIENT_ID_CONFIG, applicationName + "-outbox-limits",
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3_000));
        running = true;
        thread = new Thread(this::run, "outbox-relay");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent ignored) throws InterruptedException {
        running = false;
        wake.release();
        if (thread != null) {
            thread.join(TimeUnit.SECONDS.toMillis(10));
        }
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
            limits.close();
        }
    }

    /** Whether the relay runs here at all. */
    public boolean enabled() {
        return thread != null;
    }

    /** Whether the relay's thread is alive; {@code false} after it died, which only a restart repairs. */
    public boolean alive() {
        return thread != null && thread.isAlive();
    }

    /** Wakes the relay as soon as a transaction that added messages has committed. */
    void messageAdded(@Observes(during = TransactionPhase.AFTER_SUCCESS) Outbox.MessageAdded added) {
        wake.release();
    }

    private Map<String, Object> producerConfig() {
        Map<String, Object> p = new HashMap<>();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ProducerConfig.CLIENT_ID_CONFIG, applicationName + "-outbox-relay");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        p.put(ProducerConfig.RETRIES_CONFIG, Integer.MAX_VALUE);
        p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 15_000);
        // While Kafka is away, a send waits this long for metadata before the round gives up.
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 3_000);
        return p;
    }

    private void run() {
        Duration backoff = Duration.ZERO;
        while (running) {
            try {
                Round round = QuarkusTransaction.requiringNew().timeout(60).call(this::publishRound);
                if (round.unavailable()) {
                    backoff = nextBackoff(backoff);
                    pause(backoff);
                    continue;
                }
                backoff = Duration.ZERO;
                if (round.published() < config.relay().batchSize()) {
                    wake.tryAcquire(config.relay().pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                    wake.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // The database may be briefly unavailable; try again after a pause.
                LOG.warnf("Outbox round failed (%s); retrying", e.getClass().getSimpleName());
                backoff = nextBackoff(backoff);
                pause(backoff);
            }
        }
    }

    /** How a round went: messages published, and whether Kafka was unavailable. */
    private record Round(int published, boolean unavailable) {
    }

    private Round publishRound() {
        if (!rows.tryLock(LOCK_ID)) {
            return new Round(0, false);
        }
        List<OutboxRows.Sendable> pending = rows.sendable(config.relay().batchSize());
        if (pending.isEmpty()) {
            return new Round(0, false);
        }
        Waves waves = new Waves(pending);
        while (!waves.finished()) {
            sendWave(waves);
        }
        rows.markPublished(waves.published);
        if (waves.unavailable != null || waves.refused > 0) {
            LOG.warnf("Outbox round: %d published, %d refused by Kafka (%d parked), unavailable: %s",
                    waves.published.size(), waves.refused, waves.parked, waves.unavailable);
        }
        return new Round(waves.published.size(), waves.unavailable != null);
    }

    /**
     * Sends the oldest pending message of each key. A message that failed before goes alone: the
     * producer splits a batch that the broker finds too large only down to its own batch size, so
     * a record Kafka refuses would drag its batch neighbours into the same failure. (A record above
     * its topic's max.message.bytes is refused here already, see {@link TopicLimits}.)
     */
    private void sendWave(Waves waves) {
        List<OutboxRows.Sendable> wave = waves.next();
        send(wave.stream().filter(m -> m.attempts() == 0).toList(), waves);
        for (OutboxRows.Sendable suspect : wave) {
            if (suspect.attempts() > 0 && waves.unavailable == null) {
                send(List.of(suspect), waves);
            }
        }
        if (waves.unavailable != null) {
            waves.stop();
        }
    }

    /** Sends {@code messages}, waits for Kafka's answers and records them. */
    private void send(List<OutboxRows.Sendable> messages, Waves waves) {
        List<OutboxRows.Sendable> sending = new ArrayList<>(messages.size());
        List<Future<RecordMetadata>> sent = new ArrayList<>(messages.size());
        for (OutboxRows.Sendable message : messages) {
            ProducerRecord<String, byte[]> record = record(message);
            if (limits.tooLarge(record)) {
                record(message, new RecordTooLargeException("larger than the topic's max.message.bytes"), waves);
                continue;
            }
            Future<RecordMetadata> future = producer.send(record);
            sending.add(message);
            sent.add(future);
            if (future.isDone() && failure(future) != null && !PublishFailures.refusedForGood(failure(future))) {
                break; // Kafka is unreachable: don't queue the rest behind it.
            }
        }
        producer.flush();
        for (int i = 0; i < sent.size(); i++) {
            record(sending.get(i), failure(sent.get(i)), waves);
        }
    }

    private void record(OutboxRows.Sendable message, Throwable failure, Waves waves) {
        if (failure == null) {
            waves.published.add(message.id());
            count("yizhan.outbox.published", "Outbox messages Kafka acknowledged", message.topic(), null);
            return;
        }
        waves.hold(message);
        String error = PublishFailures.describe(failure);
        boolean forGood = PublishFailures.refusedForGood(failure);
        count("yizhan.outbox.publish.failures", "Sends of outbox messages that failed (unavailable: Kafka away;"
                + " refused: refused for good, parked after yizhan.events.relay.park-after)", message.topic(),
                forGood ? "refused" : "unavailable");
        if (!forGood) {
            waves.unavailable = error;
            rows.recordFailure(message.id(), error);
            return;
        }
        waves.refused++;
        if (rows.recordRefusal(message.id(), error, config.relay().parkAfter())) {
            waves.parked++;
            LOG.warnf("Outbox message %d parked after %d refusals (%s)", message.id(), config.relay().parkAfter(),
                    error);
        }
    }

    /** Counts one message per topic (and reason, if any): low-cardinality tags only. */
    private void count(String name, String description, String topic, String reason) {
        counters.computeIfAbsent(name + '\u0000' + topic + '\u0000' + reason, k -> {
            Counter.Builder counter = Counter.builder(name).description(description).tag("topic", topic);
            return (reason == null ? counter : counter.tag("reason", reason)).register(registry);
        }).increment();
    }

    private static ProducerRecord<String, byte[]> record(OutboxRows.Sendable message) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(message.topic(), message.key(),
                message.payload().getBytes(StandardCharsets.UTF_8));
        record.headers().add("content-type", CloudEventCodec.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
        return record;
    }

    /** The failure of a completed send, or {@code null} if Kafka took the record. */
    private static Throwable failure(Future<RecordMetadata> future) {
        try {
            future.get();
            return null;
        } catch (ExecutionException e) {
            return e.getCause() == null ? e : e.getCause();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return e;
        }
    }

    /** A round's messages queued per topic and key, in id order, and what became of them. */
    private static final class Waves {
        private final Map<String, Deque<OutboxRows.Sendable>> queues = new LinkedHashMap<>();
        private final List<Long> published = new ArrayList<>();
        private int refused;
        private int parked;
        private String unavailable;

        Waves(List<OutboxRows.Sendable> pending) {
            for (OutboxRows.Sendable message : pending) {
                queues.computeIfAbsent(message.topic() + '\u0000' + message.key(), k -> new ArrayDeque<>())
                        .add(message);
            }
        }

        boolean finished() {
            return queues.isEmpty();
        }

        /** The head of each key's queue. */
        List<OutboxRows.Sendable> next() {
            List<OutboxRows.Sendable> wave = new ArrayList<>(queues.size());
            for (Iterator<Deque<OutboxRows.Sendable>> it = queues.values().iterator(); it.hasNext(); ) {
                Deque<OutboxRows.Sendable> queue = it.next();
                wave.add(queue.poll());
                if (queue.isEmpty()) {
                    it.remove();
                }
            }
            return wave;
        }

        /** The message was not published: the later ones of its key wait for the next round. */
        void hold(OutboxRows.Sendable message) {
            queues.remove(message.topic() + '\u0000' + message.key());
        }

        void stop() {
            queues.clear();
        }
    }

    private Duration nextBackoff(Duration current) {
        Duration next = current.isZero() ? Duration.ofMillis(250) : current.multipliedBy(2);
        Duration max = config.relay().maxBackoff();
        return next.compareTo(max) > 0 ? max : next;
    }

    private void pause(Duration duration) {
        try {
            wake.tryAcquire(duration.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
