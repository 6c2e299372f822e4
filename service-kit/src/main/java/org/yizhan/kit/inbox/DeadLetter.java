package org.yizhan.kit.inbox;

import java.time.Instant;
import java.util.UUID;

/**
 * An event a consumer set aside: where it was read, why, and whether an operator replayed it.
 * {@code payload} is the record's value as read; {@code eventId} and {@code eventType} are
 * absent when it was not a readable CloudEvent.
 */
public record DeadLetter(UUID id, String consumer, String sourceTopic, int sourcePartition, long sourceOffset,
                         String recordKey, String eventId, String eventType, String reason, String errorType,
                         byte[] payload, Instant deadLetteredAt, Instant replayedAt, ReplayOutcome replayOutcome,
                         String replayedBy, int replayAttempts, String lastReplayError) {

    /** What a replay did. */
    public enum ReplayOutcome {
        /** The handler applied the event. */
        APPLIED,
        /** The inbox already held the event id: it had been applied before, nothing changed. */
        ALREADY_APPLIED,
        /** No handler of this service takes the event's type: nothing to apply. */
        NOT_HANDLED
    }
}
