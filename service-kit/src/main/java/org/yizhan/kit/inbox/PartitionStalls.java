package org.yizhan.kit.inbox;

import org.apache.kafka.common.TopicPartition;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The partitions the consumer paused after a failed attempt at a record: since when, how many
 * attempts, the kind of the last error, and when to try again (a capped exponential backoff).
 * The consumer thread changes it; health checks read it.
 *
 * <p>Its times are the system clock's ({@link #now()}), not AppClock's: a pause is a real wait for
 * a database or broker to come back, and a test that moves AppClock must not stretch or skip it.
 */
final class PartitionStalls {

    private final Duration minBackoff;
    private final Duration maxBackoff;
    private final Map<TopicPartition, PartitionStall> stalls = new ConcurrentHashMap<>();
    /** Stalled partitions that are paused now, waiting for their retryAt. */
    private final Map<TopicPartition, Boolean> waiting = new ConcurrentHashMap<>();

    /** The real time, for pauses and their report. */
    static Instant now() {
        return Instant.now();
    }

    PartitionStalls(Duration minBackoff, Duration maxBackoff) {
        this.minBackoff = minBackoff;
        this.maxBackoff = maxBackoff;
    }

    /** How many attempts at the record at {@code offset} failed before. */
    int failedAttempts(TopicPartition partition, long offset) {
        PartitionStall stall = stalls.get(partition);
        return stall != null && stall.offset() == offset ? stall.attempts() : 0;
    }

    /** Records a failed attempt at the record at {@code offset}; the partition waits until the returned time. */
    Instant failed(TopicPartition partition, long offset, FailureKind kind, String errorType, Instant now) {
        int attempts = failedAttempts(partition, offset) + 1;
        PartitionStall previous = stalls.get(partition);
        Instant since = previous != null && previous.offset() == offset ? previous.since() : now;
        Instant retryAt = now.plus(backoff(attempts));
        stalls.put(partition, new PartitionStall(partition.topic(), partition.partition(), offset, since, attempts, kind,
                errorType, retryAt));
        waiting.put(partition, Boolean.TRUE);
        return retryAt;
    }

    /** The paused partitions whose time to try again has come; they count as resumed from now on. */
    List<TopicPartition> due(Instant now) {
        List<TopicPartition> due = new ArrayList<>();
        waiting.keySet().forEach(partition -> {
            PartitionStall stall = stalls.get(partition);
            if (stall == null || !stall.retryAt().isAfter(now)) {
                due.add(partition);
            }
        });
        due.forEach(waiting::remove);
        return due;
    }

    /** How long a poll may wait: {@code max}, or less if a paused partition is due sooner. */
    Duration untilNextRetry(Instant now, Duration max) {
        Duration wait = max;
        for (TopicPartition partition : waiting.keySet()) {
            PartitionStall stall = stalls.get(partition);
            if (stall != null) {
                Duration until = Duration.between(now, stall.retryAt());
                wait = until.compareTo(wait) < 0 ? until : wait;
            }
        }
        return wait.isNegative() || wait.isZero() ? Duration.ofMillis(1) : wait;
    }

    /** A record of the partition was applied or set aside: the stall is over. */
    void cleared(TopicPartition partition) {
        stalls.remove(partition);
        waiting.remove(partition);
    }

    /** The partitions left this consumer (rebalance): whoever gets them starts afresh. */
    void forget(Collection<TopicPartition> partitions) {
        partitions.forEach(this::cleared);
    }

    boolean isStalled(TopicPartition partition) {
        return stalls.containsKey(partition);
    }

    /** The stalls now, oldest first. */
    List<PartitionStall> snapshot() {
        List<PartitionStall> all = new ArrayList<>(stalls.values());
        all.sort(Comparator.comparing(PartitionStall::since));
        return all;
    }

    Duration backoff(int attempts) {
        Duration pause = minBackoff;
        for (int i = 1; i < attempts && pause.compareTo(maxBackoff) < 0; i++) {
            pause = pause.multipliedBy(2);
        }
        return pause.compareTo(maxBackoff) > 0 ? maxBackoff : pause;
    }
}
