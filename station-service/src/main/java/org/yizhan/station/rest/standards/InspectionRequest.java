package org.yizhan.station.rest.standards;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.yizhan.station.domain.standards.InspectionResult;
import org.yizhan.station.domain.standards.Requirement;
import org.yizhan.station.service.standards.InspectionService;

import java.time.LocalDate;
import java.util.List;

/** Body of {@code POST /api/v1/stations/{id}/inspections}. */
@Schema(name = "InspectionRequest", example = """
        {"inspectedOn": "2026-11-27",
         "items": [{"requirement": "WARMTH", "result": "MET"},
                   {"requirement": "COOLING", "result": "MET"},
                   {"requirement": "DRINKING_WATER", "result": "MET"},
                   {"requirement": "REST", "result": "MET", "finding": "12 个座位"},
                   {"requirement": "TOILET", "result": "NOT_MET", "finding": "卫生间锁闭，钥匙在物业"},
                   {"requirement": "FIRST_AID", "result": "MET"},
                   {"requirement": "UNION_SIGN", "result": "MET"},
                   {"requirement": "MICROWAVE", "result": "MET"}],
         "summary": "卫生间需全天开放，两周内复查"}""")
public record InspectionRequest(
        @NotNull
        @Schema(description = "Local date of the visit (Asia/Shanghai); not in the future", example = "2026-11-27")
        LocalDate inspectedOn,
        @NotEmpty @Size(max = 40)
        @Schema(description = "Every basic requirement exactly once (MET or NOT_MET); optional requirements at most "
                + "once each (absent counts as not met)")
        List<@NotNull @Valid Item> items,
        @Size(max = 1000) @Schema(description = "Overall remarks", example = "卫生间需全天开放，两周内复查")
        String summary) {

    /** One line of the checklist. */
    @Schema(name = "InspectionItemRequest")
    public record Item(
            @NotNull @Schema(example = "TOILET") Requirement requirement,
            @NotNull @Schema(example = "NOT_MET") InspectionResult result,
            @Size(max = 500)
            @Schema(description = "What the inspector found; required when NOT_MET", example = "卫生间锁闭，钥匙在物业")
            String finding) {
    }

    InspectionService.NewInspection toNew() {
        return new InspectionService.NewInspection(inspectedOn,
                items == null ? null : items.stream()
                        .map(i -> i == null ? null : new InspectionService.NewItem(i.requirement(), i.result(), i.finding()))
                        .toList(),
                summary);
    }
}
