package org.yizhan.kit.outbox;

import java.time.Instant;

/**
 * What the relay has yet to publish: messages pending (and the oldest one's time), messages
 * parked, and messages that wait behind a parked one of the same key.
 */
public record OutboxBacklog(long pending, Instant oldestPendingAt, long parked, long waitingBehindParked) {
}
