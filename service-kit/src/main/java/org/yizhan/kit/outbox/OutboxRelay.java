package org.yizhan.kit.outbox;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.yizhan.kit.config.EventsConfig;
import org.yizhan.kit.events.CloudEventCodec;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Publishes the outbox to Kafka in insertion order with an idempotent producer, and keeps
 * retrying, with growing pauses, while Kafka refuses. A message is marked published only after
 * Kafka acknowledged it, so nothing is lost; a message may be sent twice after a crash, which
 * consumers absorb through their inbox.
 *
 * <p>One relay per database publishes at a time (a PostgreSQL advisory lock), which keeps the
 * order per aggregate even when several instances of a service run.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** Advisory lock id shared by every relay of one database ("outbox" in ASCII). */
    private static final long LOCK_ID = 0x6f7574626f78L;

    private final EntityManager em;
    private final EventsConfig config;
    private final String bootstrapServers;
    private final String applicationName;
    private final Semaphore wake = new Semaphore(0);

    private volatile boolean running;
    private Thread thread;
    private KafkaProducer<String, byte[]> producer;

    public OutboxRelay(EntityManager em, EventsConfig config,
                       @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
                       @ConfigProperty(name = "quarkus.application.name") String applicationName) {
        this.em = em;
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
        }
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
                Round round = publishRound();
                if (round.failed()) {
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

    private record Round(int published, boolean failed) {
    }

    @SuppressWarnings("unchecked")
    private Round publishRound() {
        return QuarkusTransaction.requiringNew().timeout(60).call(() -> {
            Object locked = em.createNativeQuery("select pg_try_advisory_xact_lock(:id)")
                    .setParameter("id", LOCK_ID).getSingleResult();
            if (!Boolean.TRUE.equals(locked)) {
                return new Round(0, false);
            }
            List<Object[]> pending = em.createNativeQuery(
                            "select id, topic, message_key, payload from outbox_message"
                                    + " where published_at is null order by id limit :limit")
                    .setParameter("limit", config.relay().batchSize())
                    .getResultList();
            if (pending.isEmpty()) {
                return new Round(0, false);
            }
            List<Future<RecordMetadata>> sent = new ArrayList<>(pending.size());
            for (Object[] row : pending) {
                ProducerRecord<String, byte[]> record = new ProducerRecord<>((String) row[1], (String) row[2],
                        ((String) row[3]).getBytes(StandardCharsets.UTF_8));
                record.headers().add("content-type", CloudEventCodec.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
                Future<RecordMetadata> future = producer.send(record);
                sent.add(future);
                if (future.isDone() && failed(future)) {
                    break; // Kafka is unreachable: don't queue the rest behind it.
                }
            }
            producer.flush();
            List<Long> published = new ArrayList<>();
            String error = null;
            for (int i = 0; i < sent.size(); i++) {
                try {
                    sent.get(i).get();
                    published.add(((Number) pending.get(i)[0]).longValue());
                } catch (Exception e) {
                    // Stop at the first failure: later messages must not overtake it.
                    Throwable cause = e.getCause() == null ? e : e.getCause();
                    error = cause.getClass().getSimpleName();
                    em.createNativeQuery("update outbox_message set attempts = attempts + 1, last_error = :error"
                                    + " where id = :id")
                            .setParameter("error", error)
                            .setParameter("id", ((Number) pending.get(i)[0]).longValue())
                            .executeUpdate();
                    break;
                }
            }
            if (!published.isEmpty()) {
                em.createNativeQuery("update outbox_message set published_at = now(), last_error = null"
                                + " where id in (:ids)")
                        .setParameter("ids", published)
                        .executeUpdate();
            }
            if (error != null) {
                LOG.warnf("Kafka did not take outbox messages (%s); %d published, will retry",
                        error, published.size());
            }
            return new Round(published.size(), error != null);
        });
    }

    private static boolean failed(Future<RecordMetadata> future) {
        try {
            future.get();
            return false;
        } catch (Exception e) {
            return true;
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
