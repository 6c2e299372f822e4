package org.yizhan.station.rest.standards;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.yizhan.station.domain.FieldLimits;
import org.yizhan.station.service.standards.InspectionService;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The station network's figures: stations by host type and by tier, today. */
@Schema(name = "StationFigures")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StationFiguresView(
        @Schema(description = "The district; absent for all districts", example = "大兴区",
                maxLength = FieldLimits.DISTRICT)
        String district,
        @Schema(description = "The day (Asia/Shanghai) the tiers are for: today", example = "2026-12-01")
        LocalDate on,
        @Schema(description = "Stations that are not permanently CLOSED (ACTIVE or TEMPORARILY_CLOSED)",
                example = "12", minimum = "0", maximum = FieldLimits.COUNT_MAX)
        int stations,
        @Schema(description = "Stations by host type, every host type listed", maxItems = FieldLimits.LIST)
        List<Row> byHostType,
        @Schema(description = "Stations by tier today (DEMONSTRATION, STANDARD, BASIC), every tier listed",
                maxItems = FieldLimits.LIST)
        List<Row> byTier) {

    /** One host type or tier and how many stations have it. */
    @Schema(name = "StationFiguresRow")
    public record Row(
            @Schema(description = "A host type (RESTAURANT) or a tier (DEMONSTRATION)", example = "RESTAURANT",
                    maxLength = FieldLimits.CODE, pattern = "^[A-Z][A-Z_]*$")
            String key,
            @Schema(example = "3", minimum = "0", maximum = FieldLimits.COUNT_MAX) int stations) {
    }

    static StationFiguresView of(String district, InspectionService.Figures figures) {
        return new StationFiguresView(district, figures.on(), figures.stations(), rows(figures.byHostType()),
                rows(figures.byTier()));
    }

    private static List<Row> rows(Map<? extends Enum<?>, Integer> counts) {
        return counts.entrySet().stream().map(e -> new Row(e.getKey().name(), e.getValue())).toList();
    }
}
