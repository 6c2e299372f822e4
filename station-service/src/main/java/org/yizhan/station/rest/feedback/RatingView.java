package org.yizhan.station.rest.feedback;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.yizhan.station.domain.FieldLimits;
import org.yizhan.station.domain.feedback.StationRating;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** The caller's own rating, as stored. */
@Schema(name = "Rating")
public record RatingView(
        UUID stationId,
        @Schema(example = "5", minimum = "1", maximum = "5") int stars,
        @Schema(example = "微波炉很干净，夜里也开门，师傅很热情。", maxLength = FieldLimits.COMMENT) String comment,
        @Schema(description = "The day the rating counts for (Asia/Shanghai); rating again that day replaces it",
                example = "2026-11-29") LocalDate ratingDay,
        Instant ratedAt) {

    static RatingView of(StationRating r) {
        return new RatingView(r.stationId, r.stars, r.comment, r.ratingDay, r.ratedAt);
    }
}
