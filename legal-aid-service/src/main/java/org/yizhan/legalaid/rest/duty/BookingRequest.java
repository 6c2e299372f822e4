package org.yizhan.legalaid.rest.duty;

import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.UUID;

/** The slot of the session a worker books. */
@Schema(name = "SessionBookingRequest")
public record BookingRequest(@NotNull @Schema(required = true) UUID slotId) {
}
