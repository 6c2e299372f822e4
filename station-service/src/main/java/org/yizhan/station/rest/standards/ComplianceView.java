package org.yizhan.station.rest.standards;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.yizhan.station.domain.FieldLimits;
import org.yizhan.station.domain.standards.ComplianceRules;
import org.yizhan.station.domain.standards.ComplianceStatus;
import org.yizhan.station.domain.standards.Inspection;
import org.yizhan.station.domain.standards.InspectionItem;
import org.yizhan.station.domain.standards.Requirement;
import org.yizhan.station.domain.standards.Tier;
import org.yizhan.station.service.standards.InspectionService;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A station's standing against the standard today. */
@Schema(name = "StationCompliance")
public record ComplianceView(
        UUID stationId,
        @Schema(example = "卡车司机暖心驿站", maxLength = FieldLimits.NAME) String name,
        @Schema(example = "大兴区", maxLength = FieldLimits.DISTRICT) String district,
        @Schema(example = "NON_COMPLIANT") ComplianceStatus status,
        @Schema(example = "BASIC") Tier tier,
        @Schema(example = "基础驿站", maxLength = FieldLimits.LABEL) String tierNameZh,
        @Schema(description = "Basic requirements NOT_MET at the latest counting inspection",
                maxItems = FieldLimits.LIST)
        List<Failure> failedRequirements,
        @Schema(description = "Optional requirements MET at the latest counting inspection", example = "3",
                minimum = "0", maximum = FieldLimits.COUNT_MAX)
        int optionalItemsMet,
        @Schema(description = "Date of the latest counting inspection; absent if never inspected", example = "2026-11-27")
        LocalDate lastInspectedOn,
        @Schema(description = "lastInspectedOn + yizhan.standards.inspection-interval-days; absent if never inspected",
                example = "2027-11-27")
        LocalDate nextDueOn,
        @Schema(description = "Today is after nextDueOn (also true for a NON_COMPLIANT station whose inspection is old)")
        boolean overdue,
        @Schema(description = "Id of the latest counting inspection (per-station answer only)")
        UUID lastInspectionId) {

    @Schema(name = "FailedRequirement")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Failure(@Schema(example = "TOILET") Requirement requirement,
                          @Schema(example = "急可如厕", maxLength = FieldLimits.LABEL) String nameZh,
                                  @Schema(example = "A toilet", maxLength = FieldLimits.LABEL) String nameEn,
                          @Schema(description = "What the inspector found (per-station answer only)",
                                  example = "卫生间锁闭，钥匙在物业", maxLength = FieldLimits.COMMENT) String finding) {
    }

    static ComplianceView of(InspectionService.StationCompliance c) {
        ComplianceRules.Outcome o = c.outcome();
        Inspection latest = c.latest();
        List<Failure> failures = o.failedBasic().stream()
                .map(r -> new Failure(r, r.nameZh(), r.nameEn(), findingOf(latest, r))).toList();
        return new ComplianceView(c.stationId(), c.name(), c.district(), o.status(), o.tier(), o.tier().nameZh(),
                failures, o.optionalMet(), o.lastInspectedOn(), o.nextDueOn(), o.overdue(),
                latest == null ? null : latest.id);
    }

    private static String findingOf(Inspection inspection, Requirement requirement) {
        if (inspection == null) {
            return null;
        }
        return inspection.items.stream().filter(i -> i.requirement == requirement)
                .map((InspectionItem i) -> i.finding).findFirst().orElse(null);
    }
}
