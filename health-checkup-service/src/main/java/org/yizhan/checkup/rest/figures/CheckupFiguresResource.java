package org.yizhan.checkup.rest.figures;

import io.quarkus.security.identity.SecurityIdentity;
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
import org.yizhan.checkup.service.figures.CheckupFigures;
import org.yizhan.checkup.service.figures.FiguresDimension;
import org.yizhan.events.Occupation;
import org.yizhan.kit.figures.CsvTable;
import org.yizhan.kit.figures.FiguresPeriod;
import org.yizhan.kit.figures.GroupBy;
import org.yizhan.kit.http.Params;
import org.yizhan.kit.problem.ProblemException;
import org.yizhan.kit.problem.ProblemType;
import org.yizhan.kit.security.OrganisationClaim;
import org.yizhan.kit.security.Roles;
import org.yizhan.kit.time.AppClock;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@Path("/api/v1/checkups/figures")
@SecurityRequirement(name = "jwt")
@Tag(name = "Figures", description = "Checkup places offered, booked, attended and missed, in person-times")
public class CheckupFiguresResource {

    /** The longest district name, as the station replica keeps it. */
    static final int DISTRICT_MAX = 60;


    private static final String DESCRIPTION = "Union admins and union staff see every site; a clinic sees the sites it examines at "
            + "(its token's org). Counts in person-times (人次) of the slots that start in the period (Beijing days), "
            + "of published and closed campaigns (never drafts): offered = the places of the slots (capacity), "
            + "absent when broken down or filtered by occupation, since a slot's places are open to every occupation "
            + "of its campaign; booked = appointments confirmed and not cancelled (booked, arrived, fulfilled, noshow; "
            + "held and waitlisted ones are not counted); attended = of those, arrived or fulfilled (the checkups "
            + "given); noShow = of those, noshow. booked = attended + noShow + those still to come or to be marked. "
            + "groupBy: any of campaign, year (of the slot, Beijing), occupation, site. Ask for text/csv (Accept "
            + "header) to get the same figures as a CSV file; its last row is the total.";

    private final CheckupFigures figures;
    private final SecurityIdentity identity;
    private final AppClock clock;

    public CheckupFiguresResource(CheckupFigures figures, SecurityIdentity identity, AppClock clock) {
        this.figures = figures;
        this.identity = identity;
        this.clock = clock;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.UNION_ADMIN, Roles.UNION_STAFF, Roles.CLINIC})
    @Operation(summary = "Checkup figures", description = DESCRIPTION)
    @APIResponse(responseCode = "200", description = "The figures",
            content = @Content(schema = @Schema(implementation = CheckupFiguresView.class)))
    @APIResponse(responseCode = "400", description = "Invalid parameters")
    @APIResponse(responseCode = "403", description = "Neither union admin or staff nor a clinic with an org claim")
    public CheckupFiguresView json(
            @QueryParam("year") @Parameter(description = "A calendar year; or give from and to", schema = @Schema(
                    type = SchemaType.INTEGER, format = "int32", minimum = "2000", maximum = "2100", example = "2026"))
            String year,
            @QueryParam("from") @Parameter(description = "First day (inclusive)", schema = @Schema(
                    type = SchemaType.STRING, format = "date", example = "2026-01-01")) String from,
            @QueryParam("to") @Parameter(description = "Last day (inclusive)", schema = @Schema(
                    type = SchemaType.STRING, format = "date", example = "2026-12-31")) String to,
            @QueryParam("groupBy") @Parameter(description = "Comma-separated: campaign, year, occupation, site; "
                    + "empty for the total only", schema = @Schema(type = SchemaType.STRING, maxLength = 60,
                    example = "campaign,site")) String groupBy,
            @QueryParam("campaignId") @Parameter(schema = @Schema(type = SchemaType.STRING, format = "uuid"))
            String campaignId,
            @QueryParam("siteId") @Parameter(schema = @Schema(type = SchemaType.STRING, format = "uuid")) String siteId,
            @QueryParam("occupation") @Parameter(schema = @Schema(implementation = Occupation.class)) String occupation,
            @QueryParam("district") @Parameter(description = "Only sites at a station of this district (as the stations "
                    + "name it); a site not at a station is in no district", schema = @Schema(type = SchemaType.STRING,
                    maxLength = DISTRICT_MAX, example = "大兴区")) String district) {
        return compute(year, from, to, groupBy, campaignId, siteId, occupation, district);
    }

    @GET
    @Produces(CsvTable.MEDIA_TYPE + ";qs=0.5")
    @RolesAllowed({Roles.UNION_ADMIN, Roles.UNION_STAFF, Roles.CLINIC})
    @Operation(summary = "Checkup figures as CSV", description = DESCRIPTION
            + " The CSV is UTF-8 with a byte-order mark, so that spreadsheet programs show Chinese.")
    @APIResponse(responseCode = "200", description = "The figures as CSV", content = @Content(
            mediaType = CsvTable.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING, maxLength = 10_000_000)))
    @APIResponse(responseCode = "400", description = "Invalid parameters")
    @APIResponse(responseCode = "403", description = "Neither union admin or staff nor a clinic with an org claim")
    public Response csv(
            @QueryParam("year") @Parameter(schema = @Schema(type = SchemaType.INTEGER, format = "int32",
                    minimum = "2000", maximum = "2100")) String year,
            @QueryParam("from") @Parameter(schema = @Schema(type = SchemaType.STRING, format = "date")) String from,
            @QueryParam("to") @Parameter(schema = @Schema(type = SchemaType.STRING, format = "date")) String to,
            @QueryParam("groupBy") @Parameter(schema = @Schema(type = SchemaType.STRING, maxLength = 60)) String groupBy,
            @QueryParam("campaignId") @Parameter(schema = @Schema(type = SchemaType.STRING, format = "uuid"))
            String campaignId,
            @QueryParam("siteId") @Parameter(schema = @Schema(type = SchemaType.STRING, format = "uuid")) String siteId,
            @QueryParam("occupation") @Parameter(schema = @Schema(implementation = Occupation.class)) String occupation,
            @QueryParam("district") @Parameter(schema = @Schema(type = SchemaType.STRING, maxLength = DISTRICT_MAX))
            String district) {
        CheckupFiguresView view = compute(year, from, to, groupBy, campaignId, siteId, occupation, district);
        return csvTable(view).download("checkup-figures-" + view.from() + "-" + view.to() + ".csv");
    }

    private CheckupFiguresView compute(String yearText, String fromText, String toText, String groupByText,
                                       String campaignText, String siteText, String occupationText,
                                       String districtText) {
        Params params = new Params();
        Integer year = params.integer("year", yearText, 2000, 2100, null);
        LocalDate from = params.date("from", fromText);
        LocalDate to = params.date("to", toText);
        UUID campaignId = params.uuid("campaignId", campaignText);
        UUID siteId = params.uuid("siteId", siteText);
        Occupation occupation = params.enumValue(Occupation.class, "occupation", occupationText);
        String district = params.text("district", districtText, DISTRICT_MAX);
        params.throwIfAny();
        FiguresPeriod period = FiguresPeriod.of(year, from, to, clock.today(FiguresPeriod.BEIJING));
        List<FiguresDimension> dims = GroupBy.parse(FiguresDimension.class, "groupBy", groupByText);
        CheckupFigures.Figures result = figures.count(new CheckupFigures.Query(period.start(), period.end(), dims,
                campaignId, siteId, occupation, clinicOfCaller(), district));
        if (result.rows().size() > CheckupFiguresView.ROWS_MAX) {
            throw ProblemException.invalidField("groupBy", "结果超过 " + CheckupFiguresView.ROWS_MAX
                    + " 行，请减少分组或缩短时间段 / more than " + CheckupFiguresView.ROWS_MAX
                    + " rows; group by fewer dimensions or ask for a shorter period");
        }
        List<String> names = dims.stream().map(GroupBy::name).toList();
        return new CheckupFiguresView(period.from(), period.to(), names,
                result.rows().stream().map(r -> row(r, dims)).toList(), row(result.total(), List.of()));
    }

    /** Null for union admins and union staff (every site); the clinic's code for clinic staff. */
    private String clinicOfCaller() {
        if (identity.hasRole(Roles.UNION_ADMIN) || identity.hasRole(Roles.UNION_STAFF)) {
            return null;
        }
        return OrganisationClaim.of(identity).orElseThrow(() -> new ProblemException(ProblemType.FORBIDDEN,
                "体检机构的令牌须带有机构代码（org）", "A clinic's token must carry its organisation code (org)"));
    }

    private static CheckupFiguresView.RowView row(CheckupFigures.Row r, List<FiguresDimension> dims) {
        Map<String, String> key = new LinkedHashMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        for (int i = 0; i < dims.size(); i++) {
            key.put(GroupBy.name(dims.get(i)), r.key().get(i));
            if (r.names().get(i) != null) {
                names.put(GroupBy.name(dims.get(i)), r.names().get(i));
            }
        }
        return new CheckupFiguresView.RowView(key, names, r.offered(), r.booked(), r.attended(), r.noShow());
    }

    /** Key (and name, for campaigns and sites) columns per dimension, then the counts; the total last. */
    static CsvTable csvTable(CheckupFiguresView view) {
        List<String> columns = new ArrayList<>();
        for (String dim : view.groupBy()) {
            columns.add(dim);
            if (named(dim)) {
                columns.add(dim + "_name");
            }
        }
        columns.addAll(List.of("offered", "booked", "attended", "no_show"));
        CsvTable table = new CsvTable(columns);
        view.rows().forEach(r -> table.row(line(view, r, false)));
        return table.row(line(view, view.total(), true));
    }

    private static boolean named(String dim) {
        return FiguresDimension.valueOf(dim.toUpperCase(java.util.Locale.ROOT)).named();
    }

    private static List<Object> line(CheckupFiguresView view, CheckupFiguresView.RowView r, boolean total) {
        List<Object> line = new ArrayList<>();
        for (int i = 0; i < view.groupBy().size(); i++) {
            String dim = view.groupBy().get(i);
            line.add(total ? (i == 0 ? "合计 total" : "") : r.key().get(dim));
            if (named(dim)) {
                line.add(total ? "" : r.names().getOrDefault(dim, ""));
            }
        }
        line.add(r.offered());
        line.addAll(List.of(r.booked(), r.attended(), r.noShow()));
        return line;
    }
}
