package org.yizhan.station.rest.feedback;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.yizhan.station.domain.FieldLimits;
import org.yizhan.station.domain.feedback.StationRating;

import java.time.LocalDate;

/** A public comment: the text, its stars and its day, never who wrote it. */
@Schema(name = "RatingComment")
public record RatingCommentView(
        @Schema(example = "4", minimum = "1", maximum = "5") int stars,
        @Schema(example = "热水充足，就是晚上八点后人比较多。", maxLength = FieldLimits.COMMENT) String comment,
        @Schema(example = "2026-11-28") LocalDate ratedOn) {

    static RatingCommentView of(StationRating r) {
        return new RatingCommentView(r.stars, r.comment, r.ratingDay);
    }
}
