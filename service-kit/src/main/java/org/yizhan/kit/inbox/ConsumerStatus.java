package org.yizhan.kit.inbox;

import java.time.Instant;
import java.util.List;

/**
 * What the event consumer is doing, for health checks: whether it runs at all, whether its thread
 * is alive, when it last polled Kafka and which partitions it has paused (oldest stall first).
 */
public record ConsumerStatus(boolean enabled, boolean alive, Instant lastPollAt, List<PartitionStall> stalled) {
}
