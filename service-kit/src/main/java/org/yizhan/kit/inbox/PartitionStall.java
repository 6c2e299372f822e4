package org.yizhan.kit.inbox;

import java.time.Instant;

/**
 * A partition the consumer paused because the record at {@code offset} failed: since when, after
 * how many attempts, the kind and type of the last error, and when it is tried again.
 */
public record PartitionStall(String topic, int partition, long offset, Instant since, int attempts, FailureKind kind,
                             String errorType, Instant retryAt) {
}
