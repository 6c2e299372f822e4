package org.yizhan.overview;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.yizhan.kit.figures.CsvTable;
import org.yizhan.kit.figures.FiguresPeriod;
import org.yizhan.kit.http.Params;
import org.yizhan.kit.problem.Problem;
import org.yizhan.kit.security.Roles;
import org.yizhan.kit.time.AppClock;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/** A district's dashboard: the figures of the four services for a period, as JSON or one CSV table. */
@Path("/api/v1/districts/{district}/dashboard")
@Tag(name = "Dashboard", description = "A district's figures from all services for union staff")
public class DashboardResource {

    /** The longest district name, as station-service keeps it. */
    static final int DISTRICT_MAX = 60;

    private static final String DESCRIPTION = "The union's figures (四化) for a district and a period, fetched from "
            + "the four services at once with the caller's token: the district's stations by host type and by tier "
            + "(today's, whatever the period), station visits by station, completed activities and person-times, "
            + "checkups, legal aid and relief. Each part has its own timeout (2 s by default): "
            + "a service that is down or slow makes its part UNAVAILABLE or TIMEOUT and the others still answer; "
            + "503 only when no part could be fetched. A part's districtOnly says whether its service restricted "
            + "the figures to the district. The period is a year, or from and to (Beijing days, both included); "
            + "without them the current year. A part the caller's role may not read at its service is "
            + "UNAVAILABLE with upstreamStatus 403. Union admins and union staff.";

    private final Composition composition;
    private final OverviewConfig config;
    private final AppClock clock;

    public DashboardResource(Composition composition, OverviewConfig config, AppClock clock) {
        this.composition = composition;
        this.config = config;
        this.clock = clock;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.UNION_ADMIN, Roles.UNION_STAFF})
    @SecurityRequirement(name = "jwt")
    @Operation(summary = "A district's dashboard", description = DESCRIPTION)
    @APIResponse(responseCode = "200", description = "The dashboard; some parts may be missing",
            content = @Content(schema = @Schema(implementation = DashboardView.class),
                    examples = @ExampleObject(name = "checkups down", value = """
                            {"district":"大兴区","from":"2026-01-01","to":"2026-12-31","partsOk":4,"partsMissing":1,
                             "network":{"service":"station-service","status":"OK","districtOnly":true,
                                        "data":{"district":"大兴区","on":"2026-12-01","stations":12,
                                                "byHostType":[{"key":"RESTAURANT","stations":5}],
                                                "byTier":[{"key":"DEMONSTRATION","stations":2}]}},
                             "stations":{"service":"station-service","status":"OK","districtOnly":true,
                                         "data":{"visits":120,"distinctVisitors":80,"rows":[]}},
                             "activities":{"service":"services-service","status":"OK","districtOnly":true,
                                           "data":{"activities":4}},
                             "checkups":{"service":"health-checkup-service","status":"UNAVAILABLE",
                                         "districtOnly":true},
                             "legalAid":{"service":"legal-aid-service","status":"OK","districtOnly":true,
                                         "data":{"applications":3}}}""")))
    @APIResponse(responseCode = "400", description = "Invalid district, year, from or to")
    @APIResponse(responseCode = "403", description = "Neither a union admin nor union staff")
    @APIResponse(responseCode = "503", description = "No part could be fetched",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public CompletionStage<DashboardView> dashboard(
            @PathParam("district") @Parameter(description = "The district, as the stations name it",
                    example = "大兴区", schema = @Schema(type = SchemaType.STRING, maxLength = DISTRICT_MAX))
            String district,
            @QueryParam("year") @Parameter(description = "A calendar year; or give from and to", schema = @Schema(
                    type = SchemaType.INTEGER, format = "int32", minimum = "2000", maximum = "2100", example = "2026"))
            String yearText,
            @QueryParam("from") @Parameter(description = "First day, included", schema = @Schema(
                    type = SchemaType.STRING, format = "date", maxLength = 10, example = "2026-01-01")) String fromText,
            @QueryParam("to") @Parameter(description = "Last day, included", schema = @Schema(
                    type = SchemaType.STRING, format = "date", maxLength = 10, example = "2026-06-30")) String toText,
            @Context HttpHeaders headers) {
        Request request = request(district, yearText, fromText, toText);
        return composition.compose(calls(request), headers).thenApply(parts -> DashboardView.of(request.district(),
                request.period().from(), request.period().to(), scoped(parts)));
    }

    @GET
    @Produces(CsvTable.MEDIA_TYPE + ";qs=0.5")
    @RolesAllowed({Roles.UNION_ADMIN, Roles.UNION_STAFF})
    @SecurityRequirement(name = "jwt")
    @Operation(summary = "A district's dashboard as CSV", description = DESCRIPTION + " One table: part, figure "
            + "(the number's path in the part's JSON answer; a list's row named by its key or name), value; each "
            + "part starts with its status row. UTF-8 with a byte-order mark.")
    @APIResponse(responseCode = "200", description = "The dashboard as CSV", content = @Content(
            mediaType = CsvTable.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING, maxLength = 10_000_000),
            examples = @ExampleObject(name = "two rows", value = "part,figure,value\nlegalAid,status,OK\n"
                    + "legalAid,applications,3\n")))
    @APIResponse(responseCode = "400", description = "Invalid district, year, from or to")
    @APIResponse(responseCode = "403", description = "Neither a union admin nor union staff")
    @APIResponse(responseCode = "503", description = "No part could be fetched",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public CompletionStage<Response> dashboardCsv(
            @PathParam("district") @Parameter(schema = @Schema(type = SchemaType.STRING, maxLength = DISTRICT_MAX))
            String district,
            @QueryParam("year") @Parameter(schema = @Schema(type = SchemaType.INTEGER, format = "int32",
                    minimum = "2000", maximum = "2100")) String yearText,
            @QueryParam("from") @Parameter(schema = @Schema(type = SchemaType.STRING, format = "date", maxLength = 10))
            String fromText,
            @QueryParam("to") @Parameter(schema = @Schema(type = SchemaType.STRING, format = "date", maxLength = 10))
            String toText,
            @Context HttpHeaders headers) {
        Request request = request(district, yearText, fromText, toText);
        return composition.compose(calls(request), headers).thenApply(parts -> FigureRows.table(scoped(parts))
                .download("dashboard-" + request.period().from() + "-" + request.period().to() + ".csv"));
    }

    /** The checked parameters of a dashboard. */
    record Request(String district, FiguresPeriod period) {
    }

    private Request request(String districtText, String yearText, String fromText, String toText) {
        Params params = new Params();
        String district = params.text("district", districtText, DISTRICT_MAX);
        if (districtText == null || districtText.isBlank()) {
            params.errors().add("district", "不能为空 / must not be blank");
        }
        Integer year = params.integer("year", yearText, 2000, 2100, null);
        LocalDate from = params.date("from", fromText);
        LocalDate to = params.date("to", toText);
        params.throwIfAny();
        return new Request(district, FiguresPeriod.of(year, from, to, clock.today(FiguresPeriod.BEIJING)));
    }

    /**
     * Which services restrict their figures to a district (one that cannot gives those of all
     * districts and says so with districtOnly: false). Every part's service does.
     */
    private static final Map<String, Boolean> DISTRICT_ONLY = Map.of("network", true, "stations", true,
            "activities", true, "checkups", true, "legalAid", true);

    private Map<String, Upstreams.Call> calls(Request request) {
        Map<String, String> period = Map.of("from", request.period().from().toString(),
                "to", request.period().to().toString());
        Map<String, String> inDistrict = new LinkedHashMap<>(period);
        inDistrict.put("district", request.district());
        Map<String, String> stations = new LinkedHashMap<>(inDistrict);
        stations.put("by", "station");
        Map<String, Upstreams.Call> calls = new LinkedHashMap<>();
        // The network is counted as it stands today: host types and tiers have no history to take a period from.
        calls.put("network", new Upstreams.Call("station-service", config.stationServiceUrl(),
                "/api/v1/stations/figures", Map.of("district", request.district())));
        calls.put("stations", new Upstreams.Call("station-service", config.stationServiceUrl(),
                "/api/v1/stations/visits/stats", stations));
        calls.put("activities", new Upstreams.Call("services-service", config.servicesServiceUrl(),
                "/api/v1/activities/figures", inDistrict));
        calls.put("checkups", new Upstreams.Call("health-checkup-service", config.healthCheckupServiceUrl(),
                "/api/v1/checkups/figures", inDistrict));
        calls.put("legalAid", new Upstreams.Call("legal-aid-service", config.legalAidServiceUrl(),
                "/api/v1/legal-aid/figures", inDistrict));
        return calls;
    }

    private static Map<String, Part> scoped(Map<String, Part> parts) {
        Map<String, Part> scoped = new LinkedHashMap<>();
        parts.forEach((name, part) -> scoped.put(name, part.districtOnly(DISTRICT_ONLY.get(name))));
        return scoped;
    }
}
