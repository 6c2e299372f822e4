package org.yizhan.legalaid.rest.figures;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.yizhan.kit.figures.CsvTable;
import org.yizhan.kit.figures.FiguresPeriod;
import org.yizhan.kit.http.Params;
import org.yizhan.kit.security.Roles;
import org.yizhan.kit.time.AppClock;
import org.yizhan.legalaid.domain.application.LegalAidApplication;
import org.yizhan.legalaid.service.audit.Callers;
import org.yizhan.legalaid.service.figures.LegalAidFigures;
import org.yizhan.legalaid.service.relief.ReliefFigures;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

@Path("/api/v1/legal-aid/figures")
@SecurityRequirement(name = "jwt")
@Tag(name = "Figures", description = "De-identified figures of legal aid")
public class FiguresResource {

    private static final String DESCRIPTION = "Union staff and partners. For a year (or from/to, Beijing days; this "
            + "year by default) and optionally one district: per category and in total, and per district: "
            + "consultations (asked in the period) and those answered, applications (received in the period) and "
            + "those accepted, and of the accepted cases the amounts claimed, awarded and recovered in fen, never added "
            + "together; workers helped are distinct persons, not cases (a group case of 30 workers helps 30). Then "
            + "the cases by stage and outcome, the closed cases by result, and serious-illness relief by district "
            + "(applications submitted in the period, those granted, the amounts granted and paid in fen, distinct "
            + "workers granted). No person, name or text. Ask for text/csv (Accept) for one table as CSV (table: "
            + "category, the default, district, stage, result or relief), total last.";

    /** The tables of the CSV answer. */
    enum Table { CATEGORY, DISTRICT, STAGE, RESULT, RELIEF }

    private final LegalAidFigures figures;
    private final ReliefFigures reliefFigures;
    private final Callers callers;
    private final AppClock clock;

    public FiguresResource(LegalAidFigures figures, ReliefFigures reliefFigures, Callers callers, AppClock clock) {
        this.figures = figures;
        this.reliefFigures = reliefFigures;
        this.callers = callers;
        this.clock = clock;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.UNION_ADMIN, Roles.UNION_STAFF, Roles.PARTNER})
    @Operation(summary = "Figures of legal aid", description = DESCRIPTION)
    @APIResponse(responseCode = "200", description = "The figures",
            content = @Content(schema = @Schema(implementation = FiguresView.class)))
    @APIResponse(responseCode = "400", description = "Invalid parameters")
    @APIResponse(responseCode = "403", description = "Neither union staff nor a partner")
    public FiguresView legalAidFigures(
            @QueryParam("year") @Parameter(schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "2000",
                    maximum = "2100", example = "2026")) String yearText,
            @QueryParam("from") @Parameter(schema = @Schema(type = SchemaType.STRING, format = "date", maxLength = 10))
            String fromText,
            @QueryParam("to") @Parameter(schema = @Schema(type = SchemaType.STRING, format = "date", maxLength = 10))
            String toText,
            @QueryParam("district") @Parameter(description = "Only this district (as the stations name it, e.g. 大兴区)",
                    schema = @Schema(type = SchemaType.STRING, maxLength = LegalAidApplication.MAX_DISTRICT)) String districtText,
            @QueryParam("table") @Parameter(description = "For text/csv: which table (the JSON answer has them all)",
                    schema = @Schema(implementation = Table.class, defaultValue = "CATEGORY")) String tableText) {
        Params params = new Params();
        params.enumValue(Table.class, "table", tableText);
        return compute(params, yearText, fromText, toText, districtText);
    }

    @GET
    @Produces(CsvTable.MEDIA_TYPE + ";qs=0.5")
    @RolesAllowed({Roles.UNION_ADMIN, Roles.UNION_STAFF, Roles.PARTNER})
    @Operation(summary = "Figures of legal aid as CSV", description = DESCRIPTION)
    @APIResponse(responseCode = "200", description = "The figures as CSV (UTF-8 with a byte-order mark)",
            content = @Content(mediaType = CsvTable.MEDIA_TYPE))
    @APIResponse(responseCode = "400", description = "Invalid parameters")
    @APIResponse(responseCode = "403", description = "Neither union staff nor a partner")
    public Response legalAidFiguresCsv(
            @QueryParam("year") @Parameter(schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "2000",
                    maximum = "2100")) String yearText,
            @QueryParam("from") @Parameter(schema = @Schema(type = SchemaType.STRING, format = "date", maxLength = 10))
            String fromText,
            @QueryParam("to") @Parameter(schema = @Schema(type = SchemaType.STRING, format = "date", maxLength = 10))
            String toText,
            @QueryParam("district") @Parameter(description = "Only this district (as the stations name it, e.g. 大兴区)",
                    schema = @Schema(type = SchemaType.STRING, maxLength = LegalAidApplication.MAX_DISTRICT)) String districtText,
            @QueryParam("table") @Parameter(description = "Which table: CATEGORY (default), DISTRICT, STAGE, RESULT or RELIEF",
                    schema = @Schema(implementation = Table.class, defaultValue = "CATEGORY")) String tableText) {
        Params params = new Params();
        Table which = params.enumValue(Table.class, "table", tableText);
        FiguresView view = compute(params, yearText, fromText, toText, districtText);
        CsvTable table = switch (which == null ? Table.CATEGORY : which) {
            case CATEGORY -> counts("category", view.rows(), view.total(), r -> r.category() == null ? null
                    : r.category().name());
            case DISTRICT -> counts("district", view.byDistrict(), view.total(), r -> r.district() == null
                    ? "未知 unknown" : r.district());
            case STAGE -> {
                CsvTable t = new CsvTable(List.of("stage", "outcome", "cases", "workers"));
                view.stages().forEach(r -> t.row(r.stage().name(), r.outcome() == null ? "" : r.outcome().name(),
                        r.cases(), r.workers()));
                yield t;
            }
            case RESULT -> {
                CsvTable t = new CsvTable(List.of("result", "cases", "workers", "claimed_fen", "awarded_fen",
                        "recovered_fen"));
                view.results().forEach(r -> t.row(r.result().name(), r.cases(), r.workers(), r.claimedFen(),
                        r.awardedFen(), r.recoveredFen()));
                yield t;
            }
            case RELIEF -> view.relief().csv();
        };
        return table.download("legal-aid-figures-" + view.from() + "-" + view.to() + ".csv");
    }

    /** The counts table: one row per key, the total last. */
    private static CsvTable counts(String key, List<FiguresView.RowView> rows, FiguresView.RowView total,
                                   Function<FiguresView.RowView, String> keyOf) {
        CsvTable table = new CsvTable(List.of(key, "consultations", "consultations_answered", "applications",
                "accepted", "claimed_fen", "awarded_fen", "recovered_fen", "workers_helped"));
        List<FiguresView.RowView> all = new ArrayList<>(rows);
        all.add(total);
        for (FiguresView.RowView r : all) {
            table.row(r == total ? "合计 total" : keyOf.apply(r), r.consultations(), r.consultationsAnswered(),
                    r.applications(), r.accepted(), r.claimedFen(), r.awardedFen(), r.recoveredFen(), r.workersHelped());
        }
        return table;
    }

    private FiguresView compute(Params params, String yearText, String fromText, String toText, String districtText) {
        Integer year = params.integer("year", yearText, 2000, 2100, null);
        LocalDate from = params.date("from", fromText);
        LocalDate to = params.date("to", toText);
        String district = params.text("district", districtText, LegalAidApplication.MAX_DISTRICT);
        params.throwIfAny();
        FiguresPeriod period = FiguresPeriod.of(year, from, to, clock.today(FiguresPeriod.BEIJING));
        return FiguresView.of(period.from(), period.to(), district, figures.of(period, district, callers.current()),
                ReliefFiguresView.of(reliefFigures.byDistrict(period, district)));
    }
}
