package org.yizhan.checkup.rest.findings;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.yizhan.checkup.domain.findings.FindingCategory;
import org.yizhan.kit.problem.FieldErrors;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A clinic's aggregate findings: how many it examined and how many had each finding. Only these
 * fields are accepted (any other field is refused), so no person-level data can be sent.
 */
@Schema(name = "FindingsUpload", additionalProperties = Schema.False.class)
public record FindingsUpload(
        @Schema(description = "A site of the campaign that this clinic examines at; absent: the whole campaign")
        UUID siteId,
        @NotNull @Min(0) @Max(MAX) @Schema(minimum = "0", maximum = "1000000", example = "120",
                description = "Workers examined") Integer examined,
        @NotNull @Size(max = 8) @Valid @Schema(maxItems = 8, description = "Counts per category, each at most once; "
                + "a category left out counts 0") List<CategoryCount> counts,
        @JsonAnySetter @Schema(hidden = true) Map<String, Object> unknown) {

    static final int MAX = 1_000_000;

    /** How many of the examined had one finding. */
    @Schema(name = "FindingCount", additionalProperties = Schema.False.class)
    public record CategoryCount(@NotNull FindingCategory category,
                                @NotNull @Min(0) @Max(MAX) @Schema(minimum = "0", maximum = "1000000", example = "23")
                                Integer persons,
                                @JsonAnySetter @Schema(hidden = true) Map<String, Object> unknown) {
    }

    /**
     * Rules beyond the annotations: no field but these (the service's JSON reader ignores unknown
     * ones elsewhere; here they are refused), each category once, no count above the number examined.
     */
    void checkRules(FieldErrors errors) {
        refuseUnknown("", unknown, errors);
        if (counts == null) {
            return;
        }
        for (int i = 0; i < counts.size(); i++) {
            CategoryCount c = counts.get(i);
            if (c != null) {
                refuseUnknown("counts[" + i + "].", c.unknown(), errors);
            }
            if (c == null || c.category() == null || c.persons() == null || examined == null) {
                continue;
            }
            if (counts.subList(0, i).stream().anyMatch(o -> o != null && o.category() == c.category())) {
                errors.add("counts[" + i + "].category", "每个类别只能出现一次 / each category at most once");
            }
            if (c.persons() > examined) {
                errors.add("counts[" + i + "].persons", "不能多于受检人数 / not more than examined");
            }
        }
    }

    private static void refuseUnknown(String prefix, Map<String, Object> fields, FieldErrors errors) {
        if (fields != null) {
            fields.keySet().forEach(f -> errors.add(prefix + (f.length() > 40 ? f.substring(0, 40) : f), "不认识的字段：只接受汇总数字 / unknown field: only counts are accepted"));
        }
    }

    Map<FindingCategory, Integer> countMap() {
        Map<FindingCategory, Integer> map = new EnumMap<>(FindingCategory.class);
        counts.forEach(c -> map.put(c.category(), c.persons()));
        return map;
    }
}
