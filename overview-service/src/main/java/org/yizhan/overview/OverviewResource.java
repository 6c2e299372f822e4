package org.yizhan.overview;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.yizhan.kit.figures.FiguresPeriod;
import org.yizhan.kit.http.Params;
import org.yizhan.kit.problem.Problem;
import org.yizhan.kit.security.Roles;
import org.yizhan.kit.time.AppClock;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/** A worker's overview across the services. */
@Path("/api/v1/me/overview")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Overview", description = "A worker's own registrations, appointments, legal aid and visits in one answer")
public class OverviewResource {

    static final int LIMIT_MAX = 20;
    static final int LIMIT_DEFAULT = 5;

    private final Composition composition;
    private final OverviewConfig config;
    private final AppClock clock;

    public OverviewResource(Composition composition, OverviewConfig config, AppClock clock) {
        this.composition = composition;
        this.config = config;
        this.clock = clock;
    }

    @GET
    @RolesAllowed(Roles.WORKER)
    @SecurityRequirement(name = "jwt")
    @Operation(summary = "My overview",
            description = "What is current for the caller: upcoming activity registrations (live, of activities "
                    + "not ended), upcoming checkup appointments (waitlist, pending or booked, for a slot not "
                    + "ended), open legal-aid consultations (not answered yet), open applications and cases (INTAKE, "
                    + "ACCEPTED, APPEALED) and recent station visits (the last 30 days by default). Each part is the "
                    + "first page, newest first, of the service's own list with that filter, fetched from the four "
                    + "services at once with the caller's token, so that each service shows only the caller's own. "
                    + "Each part has its own timeout (2 s by default): a service that is down or slow makes its "
                    + "part UNAVAILABLE or TIMEOUT and the others still answer. 503 only when no part could be "
                    + "fetched. Workers only.")
    @APIResponse(responseCode = "200", description = "The overview; some parts may be missing",
            content = @Content(schema = @Schema(implementation = OverviewView.class),
                    examples = @ExampleObject(name = "one service down", value = """
                            {"partsOk":4,"partsMissing":1,
                             "registrations":{"service":"services-service","status":"OK","data":{"items":[]}},
                             "checkups":{"service":"health-checkup-service","status":"TIMEOUT"},
                             "consultations":{"service":"legal-aid-service","status":"OK","data":{"items":[]}},
                             "applications":{"service":"legal-aid-service","status":"OK","data":{"items":[]}},
                             "visits":{"service":"station-service","status":"OK","data":{"items":[]}}}""")))
    @APIResponse(responseCode = "400", description = "Invalid limit")
    @APIResponse(responseCode = "403", description = "Not a worker")
    @APIResponse(responseCode = "503", description = "No part could be fetched",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public CompletionStage<OverviewView> overview(
            @QueryParam("limit") @Parameter(description = "Items per part",
                    schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1",
                            maximum = "" + LIMIT_MAX, defaultValue = "" + LIMIT_DEFAULT)) String limitText,
            @Context HttpHeaders headers) {
        Params params = new Params();
        Integer limit = params.integer("limit", limitText, 1, LIMIT_MAX, LIMIT_DEFAULT);
        params.throwIfAny();
        String page = Integer.toString(limit);
        LocalDate recentFrom = clock.today(FiguresPeriod.BEIJING).minusDays(config.recentVisitDays());
        Map<String, Upstreams.Call> calls = new LinkedHashMap<>();
        calls.put("registrations", new Upstreams.Call("services-service", config.servicesServiceUrl(),
                "/api/v1/activities/registrations/mine", Map.of("upcoming", "true", "limit", page)));
        calls.put("checkups", new Upstreams.Call("health-checkup-service", config.healthCheckupServiceUrl(),
                "/api/v1/checkups/appointments/mine", Map.of("upcoming", "true", "limit", page)));
        calls.put("consultations", new Upstreams.Call("legal-aid-service", config.legalAidServiceUrl(),
                "/api/v1/legal-aid/consultations/mine", Map.of("status", "OPEN", "limit", page)));
        calls.put("applications", new Upstreams.Call("legal-aid-service", config.legalAidServiceUrl(),
                "/api/v1/legal-aid/applications/mine", Map.of("open", "true", "limit", page)));
        calls.put("visits", new Upstreams.Call("station-service", config.stationServiceUrl(),
                "/api/v1/stations/visits/mine", Map.of("from", recentFrom.toString(), "limit", page)));
        return composition.compose(calls, headers).thenApply(OverviewView::of);
    }
}
