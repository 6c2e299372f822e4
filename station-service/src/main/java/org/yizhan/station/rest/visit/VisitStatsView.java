package org.yizhan.station.rest.visit;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.yizhan.station.domain.FieldLimits;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Visit statistics over a range of days. */
@Schema(name = "VisitStats")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VisitStatsView(
        @Schema(description = "The station; absent for district-wide statistics")
        UUID stationId,
        @Schema(example = "2026-11-01") LocalDate from,
        @Schema(example = "2026-11-30") LocalDate to,
        @Schema(description = "The grouping", example = "day", maxLength = FieldLimits.CODE) String by,
        @Schema(description = "Visits in the whole range (a worker counts once per station and hour)",
                example = "412", minimum = "0", maximum = FieldLimits.SUM_MAX)
        long visits,
        @Schema(description = "Distinct workers in the whole range", example = "97", minimum = "0",
                maximum = FieldLimits.SUM_MAX)
        long distinctVisitors,
        @Schema(maxItems = 100000) List<Row> rows) {

    /** One group. */
    @Schema(name = "VisitStatsRow")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Row(
            @Schema(description = "The group: a date (2026-11-02), an occupation (COURIER), an hour of day "
                    + "(00–23, Asia/Shanghai) or a station id", example = "2026-11-02", maxLength = FieldLimits.CODE)
            String key,
            @Schema(description = "The station's name, when grouped by station", maxLength = FieldLimits.NAME)
            String name,
            @Schema(example = "18", minimum = "0", maximum = FieldLimits.SUM_MAX) long visits,
            @Schema(example = "11", minimum = "0", maximum = FieldLimits.SUM_MAX) long distinctVisitors) {
    }
}
