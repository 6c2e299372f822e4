package org.yizhan.legalaid.rest.figures;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.yizhan.kit.figures.CsvTable;
import org.yizhan.legalaid.repository.ReliefFiguresQuery;

import java.util.ArrayList;
import java.util.List;

/** Serious-illness relief in the period, by district (of the station where it was applied for), and the total. */
@Schema(name = "ReliefFigures")
public record ReliefFiguresView(
        @Schema(required = true, maxItems = 100, description = "Districts with anything in the period; applications "
                + "made at no station have no district") List<RowView> rows,
        @Schema(required = true) RowView total) {

    private static final String MAX = "1000000000000000";

    /** The relief figures of a district (absent: no station, or the total). */
    @Schema(name = "ReliefFiguresRow")
    public record RowView(
            @Schema(maxLength = 60, example = "大兴区") String district,
            @Schema(required = true, minimum = "0", maximum = MAX, format = "int64",
                    description = "Relief applications submitted in the period") long applications,
            @Schema(required = true, minimum = "0", maximum = MAX, format = "int64",
                    description = "Those of them granted (paid ones included)") long granted,
            @Schema(required = true, minimum = "0", maximum = MAX, format = "int64",
                    description = "Granted to them, in fen") long grantedFen,
            @Schema(required = true, minimum = "0", maximum = MAX, format = "int64",
                    description = "Paid to them so far, in fen") long paidFen,
            @Schema(required = true, minimum = "0", maximum = MAX, format = "int64", description = "Distinct workers "
                    + "granted relief (persons, not applications; in the total a worker counts once)")
            long workersGranted) {

        static RowView of(ReliefFiguresQuery.Row r) {
            return new RowView(r.district(), r.applications(), r.granted(), r.grantedFen(), r.paidFen(),
                    r.workersGranted());
        }
    }

    public static ReliefFiguresView of(List<ReliefFiguresQuery.Row> rows) {
        List<RowView> views = rows.stream().map(RowView::of).toList();
        return new ReliefFiguresView(views.subList(0, views.size() - 1), views.get(views.size() - 1));
    }

    /** The same figures as CSV: one line per district ("无站点 none" for no station), the total last. */
    public CsvTable csv() {
        CsvTable table = new CsvTable(List.of("district", "relief_applications", "relief_granted", "relief_granted_fen",
                "relief_paid_fen", "workers_granted"));
        List<RowView> all = new ArrayList<>(rows);
        all.add(total);
        for (int i = 0; i < all.size(); i++) {
            RowView r = all.get(i);
            String district = i == all.size() - 1 ? "合计 total" : r.district() == null ? "无站点 none" : r.district();
            table.row(district, r.applications(), r.granted(), r.grantedFen(), r.paidFen(), r.workersGranted());
        }
        return table;
    }
}
