package org.yizhan.station.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.yizhan.station.domain.FieldLimits;
import org.yizhan.station.domain.StationChange;

import java.time.Instant;

/** One entry of a station's history. */
@Schema(name = "StationChange")
public record StationChangeView(@Schema(minimum = "0", maximum = FieldLimits.SUM_MAX) long id, @Schema(minimum = "0",
        maximum = FieldLimits.COUNT_MAX) int version, @Schema(maxLength = FieldLimits.CODE) String change,
        Instant changedAt, @Schema(maxLength = FieldLimits.SUBJECT) String changedBy,
                                @JsonRawValue @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.OBJECT,
                                        description = "The station after the change (WGS-84)") String station,
                                @JsonRawValue @JsonInclude(JsonInclude.Include.NON_NULL)
                                @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.OBJECT,
                                        description = "INSPECTED: the inspection's result and the status and tier after it; "
                                                + "AWARD_GRANTED: the award. Absent for other changes") String detail) {

    static StationChangeView of(StationChange c) {
        return new StationChangeView(c.id, c.version, c.kind, c.changedAt, c.changedBy, c.snapshot, c.detail);
    }
}
