package org.yizhan.legalaid.rest.figures;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.yizhan.legalaid.domain.consultation.ConsultationCategory;
import org.yizhan.legalaid.repository.FiguresQuery;

import java.time.LocalDate;
import java.util.List;

/** De-identified figures of legal aid for a period (Beijing days), by category, and the total. */
@Schema(name = "LegalAidFigures")
public record FiguresView(
        @Schema(required = true) LocalDate from,
        @Schema(required = true) LocalDate to,
        @Schema(required = true, maxItems = 7, description = "Categories with anything in the period") List<RowView> rows,
        @Schema(required = true) RowView total,
        @Schema(required = true, description = "Serious-illness relief, by district") ReliefFiguresView relief) {

    private static final String MAX = "1000000000000000";

    /** The figures of a category (absent in the total). */
    @Schema(name = "LegalAidFiguresRow")
    public record RowView(
            ConsultationCategory category,
            @Schema(required = true, minimum = "0", maximum = MAX, format = "int64") long consultations,
            @Schema(required = true, minimum = "0", maximum = MAX, format = "int64") long consultationsAnswered,
            @Schema(required = true, minimum = "0", maximum = MAX, format = "int64") long applications,
            @Schema(required = true, minimum = "0", maximum = MAX, format = "int64", description = "Accepted: cases")
            long accepted,
            @Schema(required = true, minimum = "0", maximum = MAX, format = "int64",
                    description = "Claimed in the accepted cases, in fen") long claimedFen,
            @Schema(required = true, minimum = "0", maximum = MAX, format = "int64",
                    description = "Awarded by mediation agreements, awards and judgments, in fen") long awardedFen,
            @Schema(required = true, minimum = "0", maximum = MAX, format = "int64",
                    description = "Actually recovered, in fen") long recoveredFen,
            @Schema(required = true, minimum = "0", maximum = MAX, format = "int64", description = "Distinct workers "
                    + "whose consultation was answered or whose application was accepted (persons, not cases; in the "
                    + "total a worker helped in two categories counts once)") long workersHelped) {

        static RowView of(FiguresQuery.Row r) {
            return new RowView(r.category(), r.consultations(), r.consultationsAnswered(), r.applications(), r.accepted(),
                    r.claimedFen(), r.awardedFen(), r.recoveredFen(), r.workersHelped());
        }
    }

    public static FiguresView of(LocalDate from, LocalDate to, List<FiguresQuery.Row> rows, ReliefFiguresView relief) {
        List<RowView> views = rows.stream().map(RowView::of).toList();
        return new FiguresView(from, to, views.subList(0, views.size() - 1), views.get(views.size() - 1), relief);
    }
}
