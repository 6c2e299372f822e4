package org.yizhan.station.rest.feedback;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.yizhan.kit.paging.Page;
import org.yizhan.station.domain.DocSchemas;
import org.yizhan.station.domain.FieldLimits;

import java.util.Map;
import java.util.UUID;

/** What everybody sees of a station's ratings. */
@Schema(name = "Ratings")
public record RatingsView(
        UUID stationId,
        @Schema(description = "Number of ratings", example = "12", minimum = "0",
                maximum = FieldLimits.SUM_MAX) long count,
        @Schema(description = "Mean stars, rounded to two decimals; absent while there are no ratings",
                example = "4.25") Double average,
        @Schema(description = "Number of ratings per stars value \"1\" to \"5\"",
                example = "{\"1\": 0, \"2\": 1, \"3\": 1, \"4\": 4, \"5\": 6}",
                        additionalProperties = DocSchemas.Count.class) Map<String, Long> histogram,
        @Schema(description = "The latest comments, newest first; page on with cursor") Page<RatingCommentView> comments) {
}
