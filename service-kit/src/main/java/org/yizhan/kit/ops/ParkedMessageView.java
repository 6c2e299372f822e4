package org.yizhan.kit.ops;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.yizhan.kit.outbox.ParkedMessage;

import java.time.Instant;

/** An outbox message Kafka refused for good, set aside, and what waits behind it. */
@Schema(name = "ParkedOutboxMessage")
public record ParkedMessageView(
        @Schema(example = "6f0c2a55-8d8e-4b7a-a0de-1b5f0d0e9c11", maxLength = 100,
                description = "The CloudEvent id, which names the message in republish and discard") String eventId,
        @Schema(example = "yizhan.station.v1", maxLength = 200) String topic,
        @Schema(example = "0f8e1c8a-3f7e-4a5e-9d1c-5d2c7f7a9b10", maxLength = 200,
                description = "The record key (the aggregate id)") String key,
        @Schema(example = "station.updated", maxLength = 200) String eventType,
        Instant createdAt,
        Instant parkedAt,
        @Schema(example = "7", minimum = "0", maximum = "2147483647",
                description = "Sends tried, including those while Kafka was away") int attempts,
        @Schema(example = "5", minimum = "0", maximum = "2147483647", description = "Refusals for good")
        int refusals,
        @Schema(example = "RecordTooLargeException", maxLength = 500) String lastError,
        @Schema(example = "1203442", minimum = "0", maximum = "2147483647") int payloadBytes,
        @Schema(example = "2", minimum = "0", maximum = "9223372036854775807",
                description = "Later messages of the same topic and key that wait behind this one")
        long waitingBehind) {

    static ParkedMessageView of(ParkedMessage m) {
        return new ParkedMessageView(m.eventId(), m.topic(), m.key(), m.eventType(), m.createdAt(), m.parkedAt(),
                m.attempts(), m.refusals(), m.lastError(), m.payloadBytes(), m.waitingBehind());
    }
}
