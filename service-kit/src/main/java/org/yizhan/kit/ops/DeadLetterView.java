package org.yizhan.kit.ops;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.yizhan.kit.inbox.DeadLetter;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * A dead letter: where it was read, why it was set aside, whether it was replayed (replayedAt,
 * replayOutcome and replayedBy are absent while it waits); read alone, also its record's key and
 * value.
 */
@Schema(name = "DeadLetter")
public record DeadLetterView(
        UUID id,
        @Schema(example = "yizhan.station.v1", maxLength = 250) String sourceTopic,
        @Schema(example = "2", minimum = "0", maximum = "2147483647") int sourcePartition,
        @Schema(example = "1841", minimum = "0", maximum = "9223372036854775807") long sourceOffset,
        @Schema(example = "6f0c2a55-8d8e-4b7a-a0de-1b5f0d0e9c11", maxLength = 100,
                description = "The CloudEvent id; absent if the record was not a readable CloudEvent")
        String eventId,
        @Schema(example = "station.registered", maxLength = 200) String eventType,
        @Schema(example = "rejected by StationEventHandler: IllegalArgumentException: station.registered lacks"
                + " required fields", maxLength = 500) String reason,
        @Schema(example = "IllegalArgumentException", maxLength = 200) String errorType,
        Instant deadLetteredAt,
        Instant replayedAt,
        @Schema(description = "What the replay did; absent while it waits") DeadLetter.ReplayOutcome replayOutcome,
        @Schema(example = "ops-admin-1", maxLength = 200, description = "Who replayed it") String replayedBy,
        @Schema(example = "0", minimum = "0", maximum = "2147483647") int replayAttempts,
        @Schema(example = "IllegalArgumentException: station.registered lacks required fields", maxLength = 500,
                description = "Why the last replay failed, if it did") String lastReplayError,
        @Schema(example = "0f8e1c8a-3f7e-4a5e-9d1c-5d2c7f7a9b10", maxLength = 1000,
                description = "The record's key; only when one dead letter is read") String recordKey,
        @Schema(maxLength = 1048576, description = "The record's value as UTF-8 text, as it was read; only when one"
                + " dead letter is read") String payload) {

    static DeadLetterView of(DeadLetter d, boolean withRecord) {
        return new DeadLetterView(d.id(), d.sourceTopic(), d.sourcePartition(), d.sourceOffset(), d.eventId(),
                d.eventType(), d.reason(), d.errorType(), d.deadLetteredAt(), d.replayedAt(), d.replayOutcome(),
                d.replayedBy(), d.replayAttempts(), d.lastReplayError(), withRecord ? d.recordKey() : null,
                withRecord ? new String(d.payload(), StandardCharsets.UTF_8) : null);
    }
}
