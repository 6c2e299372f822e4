package org.yizhan.station.rest.award;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.yizhan.station.domain.FieldLimits;
import org.yizhan.station.domain.award.AwardLevel;
import org.yizhan.station.domain.award.StationAward;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** An official title a station received. */
@Schema(name = "StationAward")
public record AwardView(
        UUID id,
        UUID stationId,
        @Schema(description = "In the list of all awards only", example = "卡车司机暖心驿站",
                maxLength = FieldLimits.NAME) String stationName,
        @Schema(example = "2026", minimum = FieldLimits.YEAR_FIRST, maximum = FieldLimits.YEAR_LAST) int year,
        @Schema(example = "CITY") AwardLevel level,
        @Schema(example = "市级", maxLength = FieldLimits.LABEL) String levelNameZh,
        @Schema(example = "2026年度北京市最美户外劳动者服务站点", maxLength = FieldLimits.TITLE) String title,
        @Schema(description = "The station's total in the latest snapshot of the year when the title was recorded; "
                + "absent without a snapshot", example = "76.71") BigDecimal score,
        @Schema(description = "That snapshot") UUID snapshotId,
        Instant grantedAt) {

    static AwardView of(StationAward a, String stationName) {
        return new AwardView(a.id, a.stationId, stationName, a.year, a.level, a.level.nameZh(), a.title, a.score,
                a.snapshotId, a.grantedAt);
    }
}
