package org.yizhan.services.rest.figures;

import org.yizhan.kit.figures.CsvTable;
import org.yizhan.kit.time.AppClock;
import org.yizhan.services.service.activity.ActivityCatalog;
import org.yizhan.kit.replica.ReplicatedStation;
import org.yizhan.kit.replica.StationReplica;
import org.yizhan.kit.http.Params;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.yizhan.services.service.activity.ActivityRules;
import org.yizhan.services.rest.ApiLimits;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.yizhan.kit.problem.ProblemException;
import org.yizhan.services.service.activity.ActivityAccess;
import org.yizhan.services.service.activity.Caller;
import org.yizhan.services.service.figures.ActivityFigures;
import org.yizhan.services.service.figures.Dimension;
import org.yizhan.kit.security.Roles;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

@Path("/api/v1/activities/figures")
@SecurityRequirement(name = "jwt")
@Tag(name = "Figures", description = "Person-times and distinct persons served, for reports")
public class FiguresResource {

    /** The longest district name, as the station replica keeps it. */
    static final int DISTRICT_MAX = 60;


    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    static final String TEXT_CSV = "text/csv";
    private static final String DESCRIPTION = "Completed activities, their person-times and distinct persons, by any of "
            + "partner, type, station, month and year (Beijing time). A co-organised activity counts once in the total "
            + "and once in each organiser's row. Person-times are the people recorded at an activity, or the number a "
            + "partner reported for a record that names nobody (also shown as reportedOnlyPersonTimes: those cannot be "
            + "counted as distinct persons). Union admins and union staff see all partners; a partner sees its own activities. "
            + "district= keeps the activities at stations of that district (as the stations name it, e.g. 大兴区). "
            + "Ask for text/csv (Accept header) to get the same figures as a CSV file for reports.";


    private final ActivityFigures figures;
    private final ActivityAccess access;
    private final SecurityIdentity identity;
    private final ActivityCatalog catalog;
    private final StationReplica stations;
    private final AppClock clock;

    public FiguresResource(ActivityFigures figures, ActivityAccess access, SecurityIdentity identity,
                           ActivityCatalog catalog, StationReplica stations, AppClock clock) {
        this.clock = clock;
        this.figures = figures;
        this.access = access;
        this.identity = identity;
        this.catalog = catalog;
        this.stations = stations;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.UNION_ADMIN, Roles.UNION_STAFF, Roles.PARTNER})
    @Operation(summary = "Figures of completed activities", description = DESCRIPTION)
    @APIResponse(responseCode = "200", description = "The figures",
            content = @Content(schema = @Schema(implementation = FiguresView.class)))
    @APIResponse(responseCode = "400", description = "Invalid parameters")
    public FiguresView json(
            @QueryParam("year") @Parameter(description = "A calendar year; or give from and to", example = "2026",
                    schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "" + ApiLimits.YEAR_MIN,
                            maximum = "" + ApiLimits.YEAR_MAX)) String year,
            @QueryParam("from") @Size(max = ApiLimits.TIME_TEXT_MAX)
            @Parameter(description = "First day (inclusive)", example = "2026-01-01") String from,
            @QueryParam("to") @Size(max = ApiLimits.TIME_TEXT_MAX)
            @Parameter(description = "Last day (inclusive)", example = "2026-06-30") String to,
            @QueryParam("groupBy") @DefaultValue("partner") @Size(max = ApiLimits.GROUP_BY_TEXT_MAX)
            @Parameter(description = "Comma-separated: partner, type, station, month, year; empty for the total only",
                    example = "partner,month") String groupBy,
            @QueryParam("partner") @Size(max = ActivityRules.PARTNER_CODE_MAX)
            @Parameter(description = "Only activities this partner (co-)organised") String partner,
            @QueryParam("type") @Size(max = ActivityRules.TYPE_CODE_MAX) String type,
            @QueryParam("stationId") @Parameter(schema = @Schema(type = SchemaType.STRING, format = "uuid"))
            String stationId,
            @QueryParam("district") @Size(max = DISTRICT_MAX)
            @Parameter(description = "Only activities at stations of this district (as the stations name it)",
                    example = "大兴区") String district) {
        return compute(year, from, to, groupBy, partner, type, stationId, district);
    }

    @GET
    @Produces(TEXT_CSV + ";qs=0.5")
    @RolesAllowed({Roles.UNION_ADMIN, Roles.UNION_STAFF, Roles.PARTNER})
    @Operation(summary = "Figures of completed activities as CSV", description = DESCRIPTION
            + " The CSV is UTF-8 with a byte-order mark (so that spreadsheet programs show Chinese correctly); "
            + "its last row is the total.")
    @APIResponse(responseCode = "200", description = "The figures as CSV", content = @Content(mediaType = TEXT_CSV))
    public Response csv(@QueryParam("year") @Parameter(schema = @Schema(type = SchemaType.INTEGER, format = "int32",
                                minimum = "" + ApiLimits.YEAR_MIN, maximum = "" + ApiLimits.YEAR_MAX)) String year,
                        @QueryParam("from") @Size(max = ApiLimits.TIME_TEXT_MAX) String from,
                        @QueryParam("to") @Size(max = ApiLimits.TIME_TEXT_MAX) String to,
                        @QueryParam("groupBy") @DefaultValue("partner") @Size(max = ApiLimits.GROUP_BY_TEXT_MAX) String groupBy,
                        @QueryParam("partner") @Size(max = ActivityRules.PARTNER_CODE_MAX) String partner,
                        @QueryParam("type") @Size(max = ActivityRules.TYPE_CODE_MAX) String type,
                        @QueryParam("stationId") @Parameter(schema = @Schema(type = SchemaType.STRING, format = "uuid"))
                        String stationId,
                        @QueryParam("district") @Size(max = DISTRICT_MAX) String district) {
        FiguresView view = compute(year, from, to, groupBy, partner, type, stationId, district);
        return toCsv(view).download("activity-figures-" + view.from() + "-" + view.to() + ".csv");
    }

    private FiguresView compute(String yearText, String fromText, String toText, String groupByText, String partner,
                                String type, String stationText, String districtText) {
        Params params = new Params();
        Integer year = params.integer("year", yearText, ApiLimits.YEAR_MIN, ApiLimits.YEAR_MAX, null);
        UUID stationId = params.uuid("stationId", stationText);
        String district = params.text("district", districtText, DISTRICT_MAX);
        params.throwIfAny();
        Caller caller = access.caller(identity);
        LocalDate from;
        LocalDate to;
        if (year != null) {
            if (fromText != null || toText != null) {
                throw ProblemException.invalidField("year", "year 与 from/to 只能二选一 / give either year or from and to");
            }
            if (year < ApiLimits.YEAR_MIN || year > ApiLimits.YEAR_MAX) {
                throw ProblemException.invalidField("year", ApiLimits.YEAR_MIN + "–" + ApiLimits.YEAR_MAX);
            }
            from = LocalDate.of(year, 1, 1);
            to = LocalDate.of(year, 12, 31);
        } else if (fromText != null || toText != null) {
            from = date("from", fromText);
            to = date("to", toText);
            if (to.isBefore(from)) {
                throw ProblemException.invalidField("to", "不能早于 from / must not be before from");
            }
            if (from.plusYears(10).isBefore(to)) {
                throw ProblemException.invalidField("to", "最长 10 年 / at most 10 years");
            }
        } else {
            int current = clock.today(BEIJING).getYear();
            from = LocalDate.of(current, 1, 1);
            to = LocalDate.of(current, 12, 31);
        }
        List<Dimension> dims = dimensions(groupByText);
        // Union staff read the union's figures like admins (the district dashboard, ADR 0022).
        boolean everyPartner = caller.admin() || identity.hasRole(Roles.UNION_STAFF);
        String onlyPartner = everyPartner ? blankToNull(partner) : caller.partner();
        if (!everyPartner && partner != null && !partner.isBlank() && !partner.equals(caller.partner())) {
            throw new ProblemException(org.yizhan.kit.problem.ProblemType.FORBIDDEN,
                    "合作单位只能查看本单位的数据", "A partner sees only its own organisation's figures");
        }
        ActivityFigures.Figures result = figures.count(new ActivityFigures.Query(
                from.atStartOfDay(BEIJING).toInstant(), to.plusDays(1).atStartOfDay(BEIJING).toInstant(), dims,
                onlyPartner, blankToNull(type), stationId, district));
        if (result.rows().size() > ApiLimits.FIGURES_ROWS_MAX) {
            throw ProblemException.invalidField("groupBy", "结果超过 " + ApiLimits.FIGURES_ROWS_MAX
                    + " 行，请减少分组或缩短时间段 / more than " + ApiLimits.FIGURES_ROWS_MAX
                    + " rows; group by fewer dimensions or ask for a shorter period");
        }
        List<String> names = dims.stream().map(d -> d.name().toLowerCase(Locale.ROOT)).toList();
        Map<String, String> partnerNames = new java.util.HashMap<>();
        catalog.partners().forEach(p -> partnerNames.put(p.code, p.nameZh));
        Map<String, String> typeNames = new java.util.HashMap<>();
        catalog.types().forEach(t -> typeNames.put(t.code, t.nameZh));
        List<FiguresView.RowView> rows = result.rows().stream().map(r -> row(r, dims, partnerNames, typeNames)).toList();
        return new FiguresView(from, to, names, rows, row(result.total(), List.of(), partnerNames, typeNames));
    }

    private FiguresView.RowView row(ActivityFigures.Row r, List<Dimension> dims, Map<String, String> partnerNames,
                                    Map<String, String> typeNames) {
        Map<String, String> key = new LinkedHashMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        for (int i = 0; i < dims.size(); i++) {
            Dimension d = dims.get(i);
            String value = r.key().get(i);
            String field = d.name().toLowerCase(Locale.ROOT);
            key.put(field, value);
            String name = switch (d) {
                case PARTNER -> partnerNames.get(value);
                case TYPE -> typeNames.get(value);
                case STATION -> {
                    yield stations.find(UUID.fromString(value)).map(ReplicatedStation::name).orElse(null);
                }
                default -> null;
            };
            if (name != null) {
                names.put(field, name);
            }
        }
        return new FiguresView.RowView(key, names, r.activities(), r.personTimes(), r.distinctPersons(),
                r.reportedOnlyPersonTimes());
    }

    static List<Dimension> dimensions(String text) {
        List<Dimension> dims = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return dims;
        }
        for (String part : text.split(",")) {
            String name = part.strip().toUpperCase(Locale.ROOT);
            Dimension d;
            try {
                d = Dimension.valueOf(name);
            } catch (IllegalArgumentException e) {
                throw ProblemException.invalidField("groupBy", "取值为 partner、type、station、month、year 的组合"
                        + " / a comma-separated list of partner, type, station, month, year");
            }
            if (dims.contains(d)) {
                throw ProblemException.invalidField("groupBy", "重复的维度 / a dimension is repeated: " + part.strip());
            }
            dims.add(d);
        }
        return dims;
    }

    private static LocalDate date(String field, String text) {
        if (text == null || text.isBlank()) {
            throw ProblemException.invalidField(field, "from 与 to 须同时给出 / give both from and to");
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidField(field, "日期格式 YYYY-MM-DD / a date like 2026-01-31");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** The CSV form: one column per key and name, the counts, and a last row with the total. */
    /** The figures as a CSV table: key and name columns per dimension, the counts; the total last. */
    static CsvTable toCsv(FiguresView view) {
        List<String> columns = new ArrayList<>();
        for (String dim : view.groupBy()) {
            columns.add(dim);
            if (!dim.equals("month") && !dim.equals("year")) {
                columns.add(dim + "_name");
            }
        }
        columns.addAll(List.of("activities", "person_times", "distinct_persons", "reported_only_person_times"));
        CsvTable table = new CsvTable(columns);
        for (FiguresView.RowView r : view.rows()) {
            table.row(line(view, r, false));
        }
        return table.row(line(view, view.total(), true));
    }

    private static List<Object> line(FiguresView view, FiguresView.RowView r, boolean total) {
        List<Object> line = new ArrayList<>();
        for (int i = 0; i < view.groupBy().size(); i++) {
            String dim = view.groupBy().get(i);
            line.add(total ? (i == 0 ? "合计 total" : "") : r.key().get(dim));
            if (!dim.equals("month") && !dim.equals("year")) {
                line.add(total ? "" : r.names().getOrDefault(dim, ""));
            }
        }
        line.addAll(List.of(r.activities(), r.personTimes(), r.distinctPersons(), r.reportedOnlyPersonTimes()));
        return line;
    }
}
