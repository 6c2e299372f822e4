package org.yizhan.station.rest;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A point in WGS-84 degrees. */
@Schema(name = "Location")
public record LocationDto(
        @NotNull @DecimalMin("-90") @DecimalMax("90") @Schema(example = "39.6975") Double latitude,
        @NotNull @DecimalMin("-180") @DecimalMax("180") @Schema(example = "116.3286") Double longitude) {
}
