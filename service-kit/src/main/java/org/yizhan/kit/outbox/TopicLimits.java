package org.yizhan.kit.outbox;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.record.AbstractRecords;
import org.apache.kafka.common.record.CompressionType;
import org.apache.kafka.common.record.RecordBatch;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;

/**
 * The largest record each topic takes (its {@code max.message.bytes}), so that the relay refuses
 * a larger one itself. Sent, it would fail with its whole batch: the producer splits a batch the
 * broker finds too large only down to its own batch size, and retries until the delivery timeout.
 * A limit is read again before it refuses a record (rare, and so that a raised limit counts for a
 * republished message at once), and a limit that could not be read is tried again after a few
 * seconds (real seconds: the system clock, not AppClock, which tests move). Used by the relay's
 * thread only.
 */
final class TopicLimits implements AutoCloseable {

    private static final Duration RETRY_UNKNOWN_AFTER = Duration.ofSeconds(5);

    /** A topic's limit as read at {@code readAt}; empty if it could not be read. */
    private record Limit(OptionalInt maxBytes, Instant readAt) {
    }

    private final Admin admin;
    private final Map<String, Limit> limits = new HashMap<>();

    TopicLimits(Map<String, Object> adminConfig) {
        this.admin = Admin.create(adminConfig);
    }

    /** Whether {@code record} is larger than its topic takes; an unknown limit (Kafka away, no topic yet) lets it through. */
    boolean tooLarge(ProducerRecord<String, byte[]> record) {
        int size = AbstractRecords.estimateSizeInBytesUpperBound(RecordBatch.CURRENT_MAGIC_VALUE, CompressionType.NONE,
                record.key() == null ? null : record.key().getBytes(StandardCharsets.UTF_8), record.value(),
                record.headers().toArray());
        Limit limit = limits.get(record.topic());
        boolean reread = limit == null
                || (limit.maxBytes().isEmpty() && limit.readAt().plus(RETRY_UNKNOWN_AFTER).isBefore(Instant.now()));
        if (reread || (limit.maxBytes().isPresent() && size > limit.maxBytes().getAsInt())) {
            limit = new Limit(read(record.topic()), Instant.now());
            limits.put(record.topic(), limit);
        }
        return limit.maxBytes().isPresent() && size > limit.maxBytes().getAsInt();
    }

    private OptionalInt read(String topic) {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        try {
            Config config = admin.describeConfigs(List.of(resource)).all().get(3, TimeUnit.SECONDS).get(resource);
            ConfigEntry entry = config == null ? null : config.get(TopicConfig.MAX_MESSAGE_BYTES_CONFIG);
            return entry == null || entry.value() == null ? OptionalInt.empty()
                    : OptionalInt.of(Integer.parseInt(entry.value()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return OptionalInt.empty();
        } catch (Exception e) {
            return OptionalInt.empty();
        }
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
    }
}
