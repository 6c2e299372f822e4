package org.yizhan.checkup.rest.booking;

import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.UUID;

/** The slot to move a booked appointment to. */
@Schema(name = "RescheduleRequest")
public record RescheduleRequest(@NotNull @Schema(description = "A slot of the same campaign") UUID slotId) {
}
