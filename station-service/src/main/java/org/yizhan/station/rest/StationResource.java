package org.yizhan.station.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.yizhan.kit.idempotency.IdempotencyKeys;
import org.yizhan.kit.paging.Cursor;
import org.yizhan.kit.paging.Page;
import org.yizhan.kit.problem.Problem;
import org.yizhan.kit.security.Roles;
import org.yizhan.station.service.StationRegistry;

import java.util.UUID;

@Path("/api/v1/stations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Stations", description = "The station registry")
public class StationResource {

    private final StationRegistry registry;

    public StationResource(StationRegistry registry) {
        this.registry = registry;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.UNION_ADMIN, Roles.STATION_MANAGER})
    @SecurityRequirement(name = "jwt")
    @Operation(summary = "Register a station",
            description = "Stores the station and publishes station.registered on yizhan.station.v1. "
                    + "Send an Idempotency-Key to make retries safe: a retry with the same key and body "
                    + "returns the station the first request registered (200) instead of a second one.")
    @APIResponse(responseCode = "201", description = "Registered",
            content = @Content(schema = @Schema(implementation = StationView.class)))
    @APIResponse(responseCode = "200", description = "A retry: the station registered under this Idempotency-Key",
            content = @Content(schema = @Schema(implementation = StationView.class)))
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used for a different request",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "400", description = "Invalid request",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not a union admin or station manager",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<StationView> register(
            @NotNull @Valid RegisterStationRequest request,
            @HeaderParam(IdempotencyKeys.HEADER)
            @Parameter(description = "Client-chosen key that makes retries safe", example = "3f1c9a7e-reg-001")
            String idempotencyKey,
            SecurityContext security, UriInfo uri) {
        var registration = registry.register(new StationRegistry.NewStation(request.name(), request.hostType(),
                        request.hostOrganisation(), request.address(), request.district(),
                        request.location().latitude(), request.location().longitude()),
                security.getUserPrincipal().getName(), idempotencyKey);
        var station = registration.station();
        var location = uri.getAbsolutePathBuilder().path(station.id.toString()).build();
        var response = registration.created()
                ? RestResponse.ResponseBuilder.<StationView>created(location)
                : RestResponse.ResponseBuilder.<StationView>ok().location(location);
        return response.entity(StationView.of(station)).build();
    }

    @GET
    @PermitAll
    @Operation(summary = "List stations", description = "Public. Pages in registration order.")
    @APIResponse(responseCode = "200", description = "A page of stations")
    public Page<StationView> list(
            @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(200) int limit,
            @QueryParam("cursor") String cursor) {
        Page<org.yizhan.station.domain.Station> page = registry.list(Cursor.decode(cursor), limit);
        return new Page<>(page.items().stream().map(StationView::of).toList(), page.nextCursor());
    }

    @GET
    @Path("/{id}")
    @PermitAll
    @Operation(summary = "Get one station", description = "Public.")
    @APIResponse(responseCode = "200", description = "The station",
            content = @Content(schema = @Schema(implementation = StationView.class)))
    @APIResponse(responseCode = "404", description = "No such station",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public StationView get(@PathParam("id") UUID id) {
        return StationView.of(registry.get(id));
    }
}
