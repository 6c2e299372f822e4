package org.yizhan.station.rest.award;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.yizhan.station.domain.FieldLimits;
import org.yizhan.station.domain.award.AwardLevel;

/** An official title to record. */
@Schema(name = "AwardRequest")
public record AwardRequest(
        @NotNull @Min(FieldLimits.YEAR_MIN) @Max(FieldLimits.YEAR_MAX)
        @Schema(description = "From yizhan.awards.first-year (2020) to the current year",
                example = "2026") Integer year,
        @NotNull @Schema(example = "CITY") AwardLevel level,
        @NotNull @Size(max = 100) @Schema(description = "The title as awarded, at most 100 characters",
                example = "2026年度北京市最美户外劳动者服务站点") String title) {
}
