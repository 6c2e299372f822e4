package org.yizhan.station.rest.visit;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.yizhan.station.domain.visit.Occupation;

/** Body of {@code POST /api/v1/stations/{id}/visits}. */
@Schema(name = "CheckInRequest")
public record CheckInRequest(
        @NotBlank @Size(max = 100)
        @Schema(description = "The code read from the station's QR code", example = "AQG8Rz0rWm9hQk1xV3N0YnQ")
        String code,
        @NotNull
        @Schema(description = "What the worker does for a living", example = "FOOD_DELIVERY")
        Occupation occupation) {
}
