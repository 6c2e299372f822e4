package org.yizhan.legalaid.rest.figures;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.yizhan.legalaid.domain.application.CaseStage;
import org.yizhan.legalaid.domain.application.ClosingResult;
import org.yizhan.legalaid.domain.application.LegalAidApplication;
import org.yizhan.legalaid.domain.consultation.ConsultationCategory;
import org.yizhan.legalaid.repository.FiguresQuery;
import org.yizhan.legalaid.service.figures.LegalAidFigures;

import java.time.LocalDate;
import java.util.List;

/**
 * De-identified figures of legal aid for a period (Beijing days) and optionally a district: by
 * category and the total, by district, cases by stage and outcome, closed cases by result, and
 * serious-illness relief.
 */
@Schema(name = "LegalAidFigures")
public record FiguresView(
        @Schema(required = true) LocalDate from,
        @Schema(required = true) LocalDate to,
        @Schema(maxLength = LegalAidApplication.MAX_DISTRICT, description = "The district the figures are restricted to (absent: all)") String district,
        @Schema(required = true, maxItems = 7, description = "Categories with anything in the period") List<RowView> rows,
        @Schema(required = true) RowView total,
        @Schema(required = true, maxItems = 1000, description = "Districts with anything in the period, by name; a row "
                + "without district: not known (online, or no district given). Their total is `total`")
        List<RowView> byDistrict,
        @Schema(required = true, maxItems = 45, description = "Cases among the period's applications by stage and how "
                + "it ended (no outcome: going on); a case counts in every stage it went through")
        List<StageView> stages,
        @Schema(required = true, maxItems = 6, description = "Closed cases among the period's applications by the "
                + "closing form's result") List<ResultView> results,
        @Schema(required = true, description = "Serious-illness relief by district (restricted to `district` when "
                + "given)") ReliefFiguresView relief) {

    private static final String MAX = "1000000000000000";

    /** The figures of a category or a district (both absent in the total and for an unknown district). */
    @Schema(name = "LegalAidFiguresRow")
    public record RowView(
            ConsultationCategory category,
            @Schema(maxLength = LegalAidApplication.MAX_DISTRICT) String district,
            @Schema(required = true, minimum = "0", maximum = MAX, format = "int64") long consultations,
            @Schema(required = true, minimum = "0", maximum = MAX, format = "int64") long consultationsAnswered,
            @Schema(required = true, minimum = "0", maximum = MAX, format = "int64") long applications,
            @Schema(required = true, minimum = "0", maximum = MAX, format = "int64", description = "Accepted: cases")
            long accepted,
            @Schema(required = true, minimum = "0", maximum = MAX, format = "int64",
                    description = "Claimed in the accepted cases (every worker's claim), in fen") long claimedFen,
            @Schema(required = true, minimum = "0", maximum = MAX, format = "int64",
                    description = "Awarded by mediation agreements, awards and judgments, in fen") long awardedFen,
            @Schema(required = true, minimum = "0", maximum = MAX, format = "int64",
                    description = "Actually recovered, in fen") long recoveredFen,
            @Schema(required = true, minimum = "0", maximum = MAX, format = "int64", description = "Distinct workers "
                    + "whose consultation was answered or who are workers of an accepted application (persons, not "
                    + "cases: a group case of 30 workers helps 30; in the total a worker helped in two categories or "
                    + "districts counts once)") long workersHelped) {

        static RowView of(FiguresQuery.Row r) {
            return new RowView(r.category(), r.district(), r.consultations(), r.consultationsAnswered(), r.applications(),
                    r.accepted(), r.claimedFen(), r.awardedFen(), r.recoveredFen(), r.workersHelped());
        }
    }

    /** Cases that went through a stage and ended it so (or are in it). */
    @Schema(name = "LegalAidFiguresStage")
    public record StageView(
            @Schema(required = true) CaseStage.Stage stage,
            @Schema(description = "Absent: the stage goes on") CaseStage.Outcome outcome,
            @Schema(required = true, minimum = "0", maximum = MAX, format = "int64") long cases,
            @Schema(required = true, minimum = "0", maximum = MAX, format = "int64",
                    description = "Distinct workers of those cases") long workers) {
    }

    /** Closed cases with a result, and their amounts. */
    @Schema(name = "LegalAidFiguresResult")
    public record ResultView(
            @Schema(required = true) ClosingResult result,
            @Schema(required = true, minimum = "0", maximum = MAX, format = "int64") long cases,
            @Schema(required = true, minimum = "0", maximum = MAX, format = "int64",
                    description = "Distinct workers of those cases") long workers,
            @Schema(required = true, minimum = "0", maximum = MAX, format = "int64") long claimedFen,
            @Schema(required = true, minimum = "0", maximum = MAX, format = "int64") long awardedFen,
            @Schema(required = true, minimum = "0", maximum = MAX, format = "int64") long recoveredFen) {
    }

    public static FiguresView of(LocalDate from, LocalDate to, String district, LegalAidFigures.Figures f,
                                 ReliefFiguresView relief) {
        List<RowView> byCategory = f.byCategory().stream().map(RowView::of).toList();
        List<RowView> byDistrict = f.byDistrict().stream().map(RowView::of).toList();
        return new FiguresView(from, to, district, byCategory.subList(0, byCategory.size() - 1),
                byCategory.get(byCategory.size() - 1), byDistrict.subList(0, byDistrict.size() - 1),
                f.stages().stream().map(s -> new StageView(s.stage(), s.outcome(), s.cases(), s.workers())).toList(),
                f.results().stream().map(r -> new ResultView(r.result(), r.cases(), r.workers(), r.claimedFen(),
                        r.awardedFen(), r.recoveredFen())).toList(), relief);
    }
}
