package org.yizhan.station.rest.visit;

import com.fasterxml.jackson.annotation.JsonFormat;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.yizhan.station.domain.visit.Occupation;
import org.yizhan.station.service.visit.VisitLedger;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/** One of the caller's own visits. */
@Schema(name = "OwnVisit")
public record OwnVisitView(
        @Schema(description = "The visit")
        UUID visitId,
        @Schema(description = "The station visited")
        UUID stationId,
        @Schema(description = "The station's name", example = "大兴区黄村镇户外劳动者服务站", maxLength = 200)
        String stationName,
        @Schema(description = "The occupation given at the first scan of the hour")
        Occupation occupation,
        @Schema(description = "Start of the clock hour (Asia/Shanghai) the visit counts for",
                example = "2026-11-29T14:00:00+08:00")
        @JsonFormat(shape = JsonFormat.Shape.STRING, pattern = CheckInView.BEIJING_TIME, timezone = "Asia/Shanghai")
        OffsetDateTime hour,
        @Schema(description = "The first scan of the hour", example = "2026-11-29T14:12:05+08:00")
        @JsonFormat(shape = JsonFormat.Shape.STRING, pattern = CheckInView.BEIJING_TIME, timezone = "Asia/Shanghai")
        OffsetDateTime visitedAt,
        @Schema(description = "The last scan of the hour", example = "2026-11-29T14:40:51+08:00")
        @JsonFormat(shape = JsonFormat.Shape.STRING, pattern = CheckInView.BEIJING_TIME, timezone = "Asia/Shanghai")
        OffsetDateTime lastSeenAt) {

    static OwnVisitView of(VisitLedger.OwnVisit v) {
        return new OwnVisitView(v.id(), v.stationId(), v.stationName(), v.occupation(),
                v.hourStart().atOffset(ZoneOffset.UTC), v.visitedAt().atOffset(ZoneOffset.UTC),
                v.lastSeenAt().atOffset(ZoneOffset.UTC));
    }
}
