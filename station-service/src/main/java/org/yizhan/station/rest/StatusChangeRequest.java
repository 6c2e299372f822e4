package org.yizhan.station.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.yizhan.station.domain.StationStatus;

import java.time.LocalDate;

/** Body of {@code POST /api/v1/stations/{id}/status}. */
@Schema(name = "StatusChange")
public record StatusChangeRequest(
        @NotNull @Schema(example = "TEMPORARILY_CLOSED") StationStatus status,
        @Size(max = 300) @Schema(example = "内部装修 / renovation") String reason,
        @Schema(example = "2026-12-20", description = "Only for TEMPORARILY_CLOSED; a future date") LocalDate expectedReopening) {
}
