package org.yizhan.legalaid.rest.duty;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.yizhan.legalaid.domain.duty.SessionBooking;
import org.yizhan.legalaid.domain.duty.SessionSlot;

import java.time.Instant;
import java.util.UUID;

/** A worker's booked slot at a duty session. */
@Schema(name = "SessionBooking")
public record BookingView(
        @Schema(required = true) UUID id,
        @Schema(required = true) UUID sessionId,
        @Schema(required = true) UUID slotId,
        @Schema(required = true) Instant startsAt,
        @Schema(required = true) Instant endsAt,
        @Schema(required = true) SessionBooking.Status status,
        @Schema(required = true) Instant createdAt) {

    public static BookingView of(SessionBooking b, SessionSlot slot) {
        return new BookingView(b.id, b.sessionId, b.slotId, slot.startsAt, slot.endsAt, b.status, b.createdAt);
    }
}
