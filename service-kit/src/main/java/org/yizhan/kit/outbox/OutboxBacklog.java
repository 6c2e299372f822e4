package org.yizhan.kit.outbox;

import java.time.Instant;

/**
 * What the relay has yet to publish: messages pending (and the oldest one's time), those of them
 * that wait behind a parked message of the same key, and the parked messages.
 */
public record OutboxBacklog(long pending, Instant oldestPendingAt, long parked, long waitingBehindParked) {
}
