package org.yizhan.station.rest.feedback;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code POST /api/v1/stations/{id}/ratings}. */
@Schema(name = "RatingRequest")
public record RatingRequest(
        @NotNull @Min(1) @Max(5) @Schema(description = "1 (bad) to 5 (very good)", example = "5") Integer stars,
        @Size(max = 500)
        @Schema(description = "Optional; control characters are removed and the text is trimmed",
                example = "微波炉很干净，夜里也开门，师傅很热情。") String comment) {
}
