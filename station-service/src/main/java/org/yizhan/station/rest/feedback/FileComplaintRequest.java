package org.yizhan.station.rest.feedback;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.yizhan.station.domain.feedback.ComplaintCategory;

import java.time.Instant;

/** Body of {@code POST /api/v1/stations/{id}/complaints}. */
@Schema(name = "FileComplaintRequest")
public record FileComplaintRequest(
        @NotNull @Schema(example = "AMENITY_BROKEN") ComplaintCategory category,
        @Size(max = 40)
        @Schema(description = "Code of the amenity concerned (2 to 40 of A-Z, 0-9, _); required for AMENITY_BROKEN",
                example = "MICROWAVE") String amenity,
        @Size(max = 1000)
        @Schema(description = "What happened; required for OTHER. Control characters are removed, the text is trimmed",
                example = "微波炉插电后不加热，已经坏了两天。") String description,
        @NotNull
        @Schema(description = "When it happened: not in the future, at most 30 days ago",
                example = "2026-11-29T11:40:00+08:00") Instant occurredAt) {
}
