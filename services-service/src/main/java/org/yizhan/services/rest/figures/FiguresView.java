package org.yizhan.services.rest.figures;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The figures as JSON: one row per combination of the groupBy keys, and the total. */
public record FiguresView(LocalDate from, LocalDate to, List<String> groupBy, List<RowView> rows, RowView total) {

    /**
     * {@code key}: the value per dimension (partner code, type code, station id, YYYY-MM, YYYY);
     * {@code names}: the Chinese names of partners, types and stations.
     */
    public record RowView(Map<String, String> key, Map<String, String> names, long activities, long personTimes,
                          long distinctPersons, long reportedOnlyPersonTimes) {
    }
}
