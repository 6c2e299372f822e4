package org.yizhan.kit.ops;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.yizhan.kit.inbox.DeadLetter;

import java.time.Instant;
import java.util.UUID;

/** What replaying a dead letter did. */
@Schema(name = "DeadLetterReplay")
public record DeadLetterReplayView(
        UUID id,
        @Schema(description = "APPLIED: the handler applied the event; ALREADY_APPLIED: the inbox shows it was"
                + " applied before, nothing changed; NOT_HANDLED: this service takes no events of this type")
        DeadLetter.ReplayOutcome outcome,
        Instant replayedAt) {
}
