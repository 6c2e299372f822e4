package org.yizhan.services.rest.figures;

import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.yizhan.services.rest.ApiLimits;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The figures as JSON: one row per combination of the groupBy keys, and the total. */
public record FiguresView(LocalDate from, LocalDate to,
                          @Schema(maxItems = ApiLimits.GROUP_BY_MAX) List<@Size(max = ApiLimits.GROUP_BY_NAME_MAX) String> groupBy,
                          @Schema(maxItems = ApiLimits.FIGURES_ROWS_MAX) List<RowView> rows,
                          RowView total) {

    /**
     * {@code key}: the value per dimension (partner code, type code, station id, YYYY-MM, YYYY);
     * {@code names}: the Chinese names of partners, types and stations.
     */
    public record RowView(Map<String, @Size(max = ApiLimits.FIGURES_KEY_MAX) String> key,
                          Map<String, @Size(max = ApiLimits.FIGURES_KEY_MAX) String> names,
                          @Schema(minimum = "0", maximum = ApiLimits.LONG_MAX) long activities,
                          @Schema(minimum = "0", maximum = ApiLimits.LONG_MAX) long personTimes,
                          @Schema(minimum = "0", maximum = ApiLimits.LONG_MAX) long distinctPersons,
                          @Schema(minimum = "0", maximum = ApiLimits.LONG_MAX) long reportedOnlyPersonTimes) {
    }
}
