package org.yizhan.checkup.rest.figures;

import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** Checkup figures as JSON: one row per combination of the groupBy keys, and the total. */
public record CheckupFiguresView(LocalDate from, LocalDate to,
                                 @Schema(maxItems = 4) List<@Size(max = 20) String> groupBy,
                                 @Schema(maxItems = CheckupFiguresView.ROWS_MAX) List<RowView> rows,
                                 RowView total) {

    /** The most rows one answer holds. */
    public static final int ROWS_MAX = 5000;
    private static final String COUNT_MAX = "9223372036854775807";

    /**
     * {@code key}: the value per dimension (campaign id, YYYY, occupation, site id); {@code names}: the
     * names of campaigns and sites. {@code offered} is absent in rows by occupation and when filtered
     * by occupation (a slot's places are open to every occupation of its campaign).
     */
    public record RowView(Map<String, @Size(max = 100) String> key,
                          Map<String, @Size(max = 100) String> names,
                          @Schema(minimum = "0", maximum = COUNT_MAX, description = "Places of the slots") Long offered,
                          @Schema(minimum = "0", maximum = COUNT_MAX,
                                  description = "Appointments booked, arrived, fulfilled or noshow") long booked,
                          @Schema(minimum = "0", maximum = COUNT_MAX,
                                  description = "Appointments arrived or fulfilled: checkups given (person-times)")
                          long attended,
                          @Schema(minimum = "0", maximum = COUNT_MAX, description = "Appointments marked noshow")
                          long noShow) {
    }
}
