package org.yizhan.legalaid.rest.duty;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.yizhan.legalaid.domain.duty.SessionSlot;

import java.time.Instant;
import java.util.UUID;

/** A slot of a duty session: free or taken (never by whom). */
@Schema(name = "SessionSlot")
public record SessionSlotView(
        @Schema(required = true) UUID id,
        @Schema(required = true) Instant startsAt,
        @Schema(required = true) Instant endsAt,
        @Schema(required = true) boolean free) {

    public static SessionSlotView of(SessionSlot s) {
        return new SessionSlotView(s.id, s.startsAt, s.endsAt, s.free());
    }
}
