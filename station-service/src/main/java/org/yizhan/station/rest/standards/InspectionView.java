package org.yizhan.station.rest.standards;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.yizhan.station.domain.FieldLimits;
import org.yizhan.station.domain.standards.Inspection;
import org.yizhan.station.domain.standards.InspectionKind;
import org.yizhan.station.domain.standards.InspectionResult;
import org.yizhan.station.domain.standards.Requirement;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A recorded inspection or self-check. */
@Schema(name = "Inspection")
public record InspectionView(
        UUID id,
        UUID stationId,
        @Schema(example = "2026-11-27") LocalDate inspectedOn,
        @Schema(description = "INSPECTION (union admin; counts for compliance) or SELF_CHECK (a manager; does not count)",
                example = "INSPECTION") InspectionKind kind,
        @Schema(description = "Whether it counts for compliance and tier") boolean counts,
        @Schema(example = "admin-daxing", maxLength = FieldLimits.SUBJECT) String recordedBy,
        Instant recordedAt,
        @Schema(example = "卫生间需全天开放，两周内复查", maxLength = FieldLimits.TEXT) String summary,
        @Schema(description = "Basic requirements found NOT_MET", example = "[\"TOILET\"]",
                maxItems = FieldLimits.LIST) List<Requirement> failedRequirements,
        @Schema(description = "Optional requirements found MET", example = "1", minimum = "0",
                maximum = FieldLimits.COUNT_MAX) int optionalItemsMet,
        @Schema(maxItems = FieldLimits.LIST) List<Item> items) {

    @Schema(name = "InspectionItem")
    public record Item(@Schema(example = "TOILET") Requirement requirement, boolean basic,
                       @Schema(example = "急可如厕", maxLength = FieldLimits.LABEL) String nameZh,
                               @Schema(example = "A toilet", maxLength = FieldLimits.LABEL) String nameEn,
                       @Schema(example = "NOT_MET") InspectionResult result,
                       @Schema(example = "卫生间锁闭，钥匙在物业", maxLength = FieldLimits.COMMENT) String finding) {
    }

    static InspectionView of(Inspection i) {
        return new InspectionView(i.id, i.stationId, i.inspectedOn, i.kind, i.kind.counts(), i.recordedBy,
                i.recordedAt, i.summary, i.failedBasicRequirements().stream().sorted().toList(), i.optionalMet,
                i.items.stream().map(item -> new Item(item.requirement, item.requirement.isBasic(),
                        item.requirement.nameZh(), item.requirement.nameEn(), item.result, item.finding)).toList());
    }
}
