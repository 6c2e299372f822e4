package org.yizhan.station.rest.visit;

import com.fasterxml.jackson.annotation.JsonFormat;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.UUID;

/** The answer to a check-in. */
@Schema(name = "CheckIn")
public record CheckInView(
        @Schema(description = "The visit of this worker at this station in this hour")
        UUID visitId,
        @Schema(description = "true if this scan created the visit; false for a repeat within the hour", example = "true")
        boolean counted,
        @Schema(description = "Start of the clock hour (Asia/Shanghai) the visit counts for",
                example = "2026-11-29T14:00:00+08:00")
        @JsonFormat(shape = JsonFormat.Shape.STRING, pattern = BEIJING_TIME, timezone = "Asia/Shanghai")
        OffsetDateTime hour,
        @Schema(description = "From when a scan at this station counts as a new visit",
                example = "2026-11-29T15:00:00+08:00")
        @JsonFormat(shape = JsonFormat.Shape.STRING, pattern = BEIJING_TIME, timezone = "Asia/Shanghai")
        OffsetDateTime countsAgainFrom) {

    /** ISO 8601 with the +08:00 offset, as workers read the time. */
    static final String BEIJING_TIME = "yyyy-MM-dd'T'HH:mm:ssXXX";
}
