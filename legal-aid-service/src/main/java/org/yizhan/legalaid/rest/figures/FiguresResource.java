package org.yizhan.legalaid.rest.figures;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
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
import org.yizhan.legalaid.service.audit.Callers;
import org.yizhan.legalaid.service.figures.LegalAidFigures;
import org.yizhan.legalaid.service.relief.ReliefFigures;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

@Path("/api/v1/legal-aid/figures")
@SecurityRequirement(name = "jwt")
@Tag(name = "Figures", description = "De-identified figures of legal aid")
public class FiguresResource {

    private static final String DESCRIPTION = "Union staff and partners. Per category and in total for a year (or "
            + "from/to, Beijing days; this year by default): consultations (asked in the period) and those answered, "
            + "applications (received in the period) and those accepted, and of the accepted cases the amounts "
            + "claimed, awarded and recovered in fen, never added together; workers helped are distinct persons, not "
            + "cases. No person, name or text. Ask for text/csv (Accept) for the same figures as CSV, total last. "
            + "Serious-illness relief by district is the block relief (CSV: /figures/relief).";
    private static final String RELIEF_DESCRIPTION = "Union staff and partners. Serious-illness relief for a year (or "
            + "from/to, Beijing days; this year by default) by district (of the station where it was applied for) and "
            + "in total: applications submitted in the period, those of them granted, the amounts granted and paid in "
            + "fen, and the distinct workers granted relief. No person, name or text. text/csv (Accept) for CSV.";

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
            String toText) {
        return compute(yearText, fromText, toText);
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
            String toText) {
        FiguresView view = compute(yearText, fromText, toText);
        CsvTable table = new CsvTable(List.of("category", "consultations", "consultations_answered", "applications",
                "accepted", "claimed_fen", "awarded_fen", "recovered_fen", "workers_helped"));
        List<FiguresView.RowView> rows = new ArrayList<>(view.rows());
        rows.add(view.total());
        for (FiguresView.RowView r : rows) {
            table.row(r.category() == null ? "合计 total" : r.category().name(), r.consultations(),
                    r.consultationsAnswered(), r.applications(), r.accepted(), r.claimedFen(), r.awardedFen(),
                    r.recoveredFen(), r.workersHelped());
        }
        return table.download("legal-aid-figures-" + view.from() + "-" + view.to() + ".csv");
    }

    @GET
    @Path("/relief")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.UNION_ADMIN, Roles.UNION_STAFF, Roles.PARTNER})
    @Operation(summary = "Figures of serious-illness relief", description = RELIEF_DESCRIPTION)
    @APIResponse(responseCode = "200", description = "The relief figures",
            content = @Content(schema = @Schema(implementation = ReliefFiguresView.class)))
    @APIResponse(responseCode = "400", description = "Invalid parameters")
    @APIResponse(responseCode = "403", description = "Neither union staff nor a partner")
    public ReliefFiguresView reliefFigures(@BeanParam PeriodQuery period) {
        return compute(period.year, period.from, period.to).relief();
    }

    @GET
    @Path("/relief")
    @Produces(CsvTable.MEDIA_TYPE + ";qs=0.5")
    @RolesAllowed({Roles.UNION_ADMIN, Roles.UNION_STAFF, Roles.PARTNER})
    @Operation(summary = "Figures of serious-illness relief as CSV", description = RELIEF_DESCRIPTION)
    @APIResponse(responseCode = "200", description = "The relief figures as CSV (UTF-8 with a byte-order mark)",
            content = @Content(mediaType = CsvTable.MEDIA_TYPE))
    @APIResponse(responseCode = "400", description = "Invalid parameters")
    @APIResponse(responseCode = "403", description = "Neither union staff nor a partner")
    public Response reliefFiguresCsv(@BeanParam PeriodQuery period) {
        FiguresView view = compute(period.year, period.from, period.to);
        return view.relief().csv().download("legal-aid-relief-figures-" + view.from() + "-" + view.to() + ".csv");
    }

    private FiguresView compute(String yearText, String fromText, String toText) {
        Params params = new Params();
        Integer year = params.integer("year", yearText, 2000, 2100, null);
        LocalDate from = params.date("from", fromText);
        LocalDate to = params.date("to", toText);
        params.throwIfAny();
        FiguresPeriod period = FiguresPeriod.of(year, from, to, clock.today(FiguresPeriod.BEIJING));
        return FiguresView.of(period.from(), period.to(), figures.byCategory(period, callers.current()),
                ReliefFiguresView.of(reliefFigures.byDistrict(period)));
    }
}
