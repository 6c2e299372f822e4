package org.yizhan.station.rest.visit;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.yizhan.kit.http.Params;
import org.yizhan.kit.paging.Cursor;
import org.yizhan.kit.paging.Page;
import org.yizhan.kit.problem.Problem;
import org.yizhan.kit.security.Roles;
import org.yizhan.kit.time.AppClock;
import org.yizhan.station.domain.visit.VisitGrouping;
import org.yizhan.station.rest.ParamLimits;
import org.yizhan.station.service.visit.StationVisits;
import org.yizhan.station.service.visit.VisitCodes;
import org.yizhan.station.service.visit.VisitLedger;

import java.time.LocalDate;
import java.util.UUID;

/** Worker visits: the station's rotating QR code, checking in with it, and statistics. */
@Path("/api/v1/stations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Visits", description = "Workers check in at a station by scanning its rotating QR code")
public class VisitResource {

    private static final String STATS_PARAMS = "from and to are local dates (Asia/Shanghai), both included, "
            + "at most 366 days apart; without them the last 30 days up to today.";

    /** The most visits one page of a worker's own lists. */
    static final int MY_VISITS_MAX = 100;

    private final StationVisits visits;
    private final SecurityIdentity identity;
    private final AppClock clock;

    public VisitResource(StationVisits visits, SecurityIdentity identity, AppClock clock) {
        this.visits = visits;
        this.identity = identity;
        this.clock = clock;
    }

    @GET
    @Path("/{id}/visit-code")
    @RolesAllowed({Roles.UNION_ADMIN, Roles.STATION_MANAGER})
    @SecurityRequirement(name = "jwt")
    @Operation(summary = "The station's current visit code",
            description = "For the station's screen: show qrText as a QR code and fetch again after "
                    + "refreshAfterSeconds. A code is current for 60 s and accepted for one more minute, so a "
                    + "photo of it is useless later. Union admins, and station managers for their stations.")
    @APIResponse(responseCode = "200", description = "The current code",
            content = @Content(schema = @Schema(implementation = VisitCodeView.class)))
    @APIResponse(responseCode = "403", description = "Not a union admin nor a manager of this station")
    @APIResponse(responseCode = "404", description = "No such station")
    @APIResponse(responseCode = "409", description = "The station is not open")
    public VisitCodeView visitCode(@PathParam("id") UUID id) {
        VisitCodes.IssuedCode code = visits.currentCode(id, identity);
        return new VisitCodeView(id, code.code(), "yizhan://visit?station=" + id + "&code=" + code.code(),
                code.validFrom(), code.validUntil(), code.refreshAfterSeconds());
    }

    @POST
    @Path("/{id}/visits")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.WORKER)
    @SecurityRequirement(name = "jwt")
    @Operation(summary = "Check in at a station",
            description = "A worker scanned the station's QR code. The first scan at this station in a clock hour "
                    + "(Asia/Shanghai) is a new visit (201, counted: true); another scan in the same hour is "
                    + "normal and answers 200 with counted: false. Only a pseudonym of the worker is stored.")
    @APIResponse(responseCode = "201", description = "A new visit",
            content = @Content(schema = @Schema(implementation = CheckInView.class)))
    @APIResponse(responseCode = "200", description = "Already checked in at this station in this hour",
            content = @Content(schema = @Schema(implementation = CheckInView.class)))
    @APIResponse(responseCode = "400", description = "Missing code, missing or unknown occupation")
    @APIResponse(responseCode = "403", description = "Not a worker")
    @APIResponse(responseCode = "404", description = "No such station")
    @APIResponse(responseCode = "409", description = "The station is not open")
    @APIResponse(responseCode = "422", description = "The code has expired, or is not a code of this station",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "expired", value = """
                            {"type":"urn:yizhan:problem:unprocessable","title":"请求无法处理","status":422,
                             "detail":"二维码已过期，请扫描站点当前显示的二维码",
                             "instance":"/api/v1/stations/0e5b2c1a-7d4f-4f7e-9a51-3c2b1d0e9f88/visits",
                             "errors":[{"field":"code","message":"二维码已过期 / the code has expired"}]}""")))
    public RestResponse<CheckInView> checkIn(@PathParam("id") UUID id, @NotNull @Valid CheckInRequest request) {
        VisitLedger.Recorded recorded = visits.checkIn(id, identity.getPrincipal().getName(),
                request.code(), request.occupation());
        var hour = recorded.hour().toOffsetDateTime();
        var view = new CheckInView(recorded.visitId(), recorded.counted(), hour, hour.plusHours(1));
        return RestResponse.ResponseBuilder
                .<CheckInView>create(recorded.counted() ? Response.Status.CREATED : Response.Status.OK)
                .entity(view).build();
    }

    @GET
    @Path("/visits/mine")
    @RolesAllowed(Roles.WORKER)
    @SecurityRequirement(name = "jwt")
    @Operation(summary = "My visits",
            description = "The caller's own check-ins, newest first: one visit per station and clock hour, with the "
                    + "first and last scan of that hour; with from, only the recent ones (first scan on or after "
                    + "that day, Asia/Shanghai). Workers only; a worker sees only the visits recorded under the "
                    + "pseudonym of their own token's subject.")
    @APIResponse(responseCode = "200", description = "A page of visits")
    @APIResponse(responseCode = "400", description = "Invalid limit, from or cursor")
    @APIResponse(responseCode = "403", description = "Not a worker")
    public Page<OwnVisitView> myVisits(
            @QueryParam("limit") @Parameter(description = "Items per page", schema = @Schema(type = SchemaType.INTEGER,
                    format = "int32", minimum = "1", maximum = "" + MY_VISITS_MAX, defaultValue = "20")) String limitText,
            @QueryParam("from") @Parameter(description = "Only visits on or after this day (Asia/Shanghai)",
                    example = "2026-11-01", schema = @Schema(type = SchemaType.STRING, format = "date",
                    maxLength = ParamLimits.DATE)) String fromText,
            @QueryParam("cursor") @Size(max = ParamLimits.CURSOR)
            @Parameter(description = "nextCursor of the previous page") String cursor) {
        Params params = new Params();
        Integer limit = params.integer("limit", limitText, 1, MY_VISITS_MAX, 20);
        LocalDate from = params.date("from", fromText);
        params.throwIfAny();
        return visits.mine(identity.getPrincipal().getName(), from, Cursor.decode(cursor), limit)
                .map(OwnVisitView::of);
    }

    @GET
    @Path("/{id}/visits/stats")
    @RolesAllowed({Roles.UNION_ADMIN, Roles.STATION_MANAGER})
    @SecurityRequirement(name = "jwt")
    @Operation(summary = "Visit statistics of one station",
            description = "Visits (a worker counts once per hour) and distinct visitors per day, occupation or hour "
                    + "of day, every group listed even with zero visits. " + STATS_PARAMS
                    + " Union admins, and station managers for their stations.")
    @APIResponse(responseCode = "200", description = "The statistics",
            content = @Content(schema = @Schema(implementation = VisitStatsView.class)))
    @APIResponse(responseCode = "400", description = "Invalid dates, range or grouping")
    @APIResponse(responseCode = "403", description = "Not a union admin nor a manager of this station")
    @APIResponse(responseCode = "404", description = "No such station")
    public VisitStatsView stationStats(
            @PathParam("id") UUID id,
            @QueryParam("from") @Size(max = ParamLimits.DATE) @Parameter(description = "First day, included",
                    example = "2026-11-01") String from,
            @QueryParam("to") @Size(max = ParamLimits.DATE) @Parameter(description = "Last day, included",
                    example = "2026-11-30") String to,
            @QueryParam("by") @Parameter(in = ParameterIn.QUERY, description = "day (default), occupation or hourOfDay",
                    schema = @Schema(type = SchemaType.STRING, enumeration = {"day", "occupation", "hourOfDay"},
                            defaultValue = "day"))
            String by) {
        visits.requireStatsAccess(id, identity); // who may not see them learns nothing from the parameters
        StatsParams params = StatsParams.parse(from, to, by, clock.today(VisitLedger.ZONE), VisitGrouping.DAY,
                VisitGrouping.DAY, VisitGrouping.OCCUPATION, VisitGrouping.HOUR_OF_DAY);
        return view(id, params, visits.stationStats(id, identity, params.from(), params.to(), params.by()));
    }

    @GET
    @Path("/visits/stats")
    @RolesAllowed({Roles.UNION_ADMIN, Roles.UNION_STAFF})
    @SecurityRequirement(name = "jwt")
    @Operation(summary = "Visit statistics of all stations",
            description = "Like the statistics of one station, over every station (or, with district, the stations "
                    + "of that district); by=station lists the stations with visits, most visited first. "
                    + STATS_PARAMS + " Union admins and union staff.")
    @APIResponse(responseCode = "200", description = "The statistics",
            content = @Content(schema = @Schema(implementation = VisitStatsView.class)))
    @APIResponse(responseCode = "400", description = "Invalid dates, range or grouping")
    @APIResponse(responseCode = "403", description = "Neither a union admin nor union staff")
    public VisitStatsView districtStats(
            @QueryParam("from") @Size(max = ParamLimits.DATE) @Parameter(description = "First day, included",
                    example = "2026-11-01") String from,
            @QueryParam("to") @Size(max = ParamLimits.DATE) @Parameter(description = "Last day, included",
                    example = "2026-11-30") String to,
            @QueryParam("by") @Parameter(in = ParameterIn.QUERY,
                    description = "station (default), day, occupation or hourOfDay",
                    schema = @Schema(type = SchemaType.STRING, enumeration = {"station", "day", "occupation",
                            "hourOfDay"},
                            defaultValue = "station"))
            String by,
            @QueryParam("district") @Size(max = ParamLimits.DISTRICT)
            @Parameter(description = "Only the stations of this district", example = "大兴区") String district) {
        StatsParams params = StatsParams.parse(from, to, by, clock.today(VisitLedger.ZONE), VisitGrouping.STATION,
                VisitGrouping.STATION, VisitGrouping.DAY, VisitGrouping.OCCUPATION, VisitGrouping.HOUR_OF_DAY);
        String onlyDistrict = district == null || district.isBlank() ? null : district.strip();
        return view(null, params, visits.districtStats(onlyDistrict, params.from(), params.to(), params.by()));
    }

    private static VisitStatsView view(UUID stationId, StatsParams params, VisitLedger.Stats stats) {
        return new VisitStatsView(stationId, params.from(), params.to(), params.by().param(),
                stats.visits(), stats.distinctVisitors(),
                stats.rows().stream()
                        .map(r -> new VisitStatsView.Row(r.key(), r.name(), r.visits(), r.distinctVisitors()))
                        .toList());
    }
}
