package org.yizhan.kit.outbox;

import java.time.Instant;

/**
 * An outbox message that Kafka refused for good and the relay set aside, and how many later
 * messages of the same topic and key wait behind it.
 */
public record ParkedMessage(long id, String eventId, String topic, String key, String eventType, Instant createdAt,
                            Instant parkedAt, int attempts, int refusals, String lastError, int payloadBytes,
                            long waitingBehind) {
}
