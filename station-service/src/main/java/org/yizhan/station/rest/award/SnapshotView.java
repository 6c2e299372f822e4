package org.yizhan.station.rest.award;

import com.fasterxml.jackson.annotation.JsonRawValue;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.yizhan.station.domain.FieldLimits;
import org.yizhan.station.domain.award.AwardSnapshot;

import java.time.Instant;
import java.util.UUID;

/** A frozen ranking of a year: when it was taken and how it was computed. */
@Schema(name = "AwardSnapshot")
public record SnapshotView(
        UUID id,
        @Schema(example = "2026", minimum = FieldLimits.YEAR_FIRST, maximum = FieldLimits.YEAR_LAST) int year,
        Instant takenAt,
        @Schema(description = "Stations in the snapshot", example = "128", minimum = "0",
                maximum = FieldLimits.COUNT_MAX) int stations,
        @Schema(description = "Of those, the eligible ones", example = "97", minimum = "0",
                maximum = FieldLimits.COUNT_MAX) int eligible,
        @JsonRawValue @Schema(type = SchemaType.OBJECT, description = "The weights, targets and priors used",
                example = "{\"weights\":{\"COMPLIANCE\":20,\"USAGE\":20,\"AMENITIES\":15,\"ACTIVITIES\":15,\"RATINGS\":10,"
                        + "\"COMPLAINT_HANDLING\":10,\"HOURS_KEPT\":10},\"visitsPerSeatPerOpenDay\":1.0,\"activitiesTarget\":12,"
                        + "\"ratingPriorMean\":3.5,\"ratingPriorWeight\":10,\"closedDuringHoursPenalty\":0.25}")
        String parameters) {

    static SnapshotView of(AwardSnapshot s) {
        return new SnapshotView(s.id, s.year, s.takenAt, s.stations, s.eligible, s.parameters);
    }
}
