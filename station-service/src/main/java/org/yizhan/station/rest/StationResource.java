package org.yizhan.station.rest;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.yizhan.kit.geo.CoordinateSystem;
import org.yizhan.kit.geo.GeoPoint;
import org.yizhan.kit.http.Versions;
import org.yizhan.kit.idempotency.IdempotencyKeys;
import org.yizhan.kit.paging.Cursor;
import org.yizhan.kit.paging.Page;
import org.yizhan.kit.problem.ProblemException;
import org.yizhan.kit.problem.ProblemType;
import org.yizhan.kit.security.Roles;
import org.yizhan.kit.validation.Validation;
import org.yizhan.station.domain.FieldLimits;
import org.yizhan.station.domain.Station;
import org.yizhan.station.service.StationRegistry;

import java.util.List;
import java.util.UUID;

@Path("/api/v1/stations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Stations", description = "The station registry")
public class StationResource {

    /** A manager's subject: the width of station_manager.subject, and the characters token subjects use. */
    static final int SUBJECT_MAX = FieldLimits.SUBJECT;
    /** The most history entries one request reads. */
    static final int HISTORY_MAX = 200;

    /** A manager's token subject, as the list of managers shows it. */
    @Schema(name = "ManagerSubject", type = SchemaType.STRING, maxLength = FieldLimits.SUBJECT,
            example = "mgr-huangcun")
    static final class ManagerSubject {
        private ManagerSubject() {
        }
    }
    static final String SUBJECT_PATTERN = "[A-Za-z0-9._@:-]+";

    private static final String COORD_SYS_DOC = "Coordinate system of locations in the request and the answer: "
            + "wgs84 (default) or gcj02 (what Chinese map SDKs use)";

    private final StationRegistry registry;
    private final SecurityIdentity identity;
    private final Validation validation;

    public StationResource(StationRegistry registry, SecurityIdentity identity, Validation validation) {
        this.registry = registry;
        this.identity = identity;
        this.validation = validation;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.UNION_ADMIN, Roles.STATION_MANAGER})
    @SecurityRequirement(name = "jwt")
    @Operation(summary = "Register a station",
            description = "Stores the station and publishes station.registered on yizhan.station.v1. A station "
                    + "manager who registers a station becomes its manager. Send an Idempotency-Key to make retries "
                    + "safe: a retry with the same key and body returns the station the first request registered "
                    + "(200) instead of a second one.")
    @APIResponse(responseCode = "201", description = "Registered",
            content = @Content(schema = @Schema(implementation = StationView.class)))
    @APIResponse(responseCode = "200", description = "A retry: the station registered under this Idempotency-Key",
            content = @Content(schema = @Schema(implementation = StationView.class)))
    @APIResponse(responseCode = "400", description = "Invalid request")
    @APIResponse(responseCode = "403", description = "Not a union admin or station manager")
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used for a different request")
    public RestResponse<StationView> register(
            StationDetailsRequest request,
            @QueryParam("coordSys") @Size(max = ParamLimits.CODE)
                    @Parameter(description = COORD_SYS_DOC) String coordSys,
            @HeaderParam(IdempotencyKeys.HEADER)
            @Parameter(description = "Client-chosen key that makes retries safe", example = "3f1c9a7e-reg-001",
                    schema = @Schema(type = SchemaType.STRING, maxLength = IdempotencyKeys.MAX_LENGTH,
                            pattern = IdempotencyKeys.PATTERN))
            String idempotencyKey,
            UriInfo uri) {
        validation.check(request).throwIfAny();
        CoordinateSystem system = Coordinates.parse(coordSys);
        var registration = registry.register(details(request, system), identity, idempotencyKey);
        Station station = registration.station();
        var location = uri.getBaseUriBuilder().path("api/v1/stations").path(station.id.toString()).build();
        var response = registration.created()
                ? RestResponse.ResponseBuilder.<StationView>created(location)
                : RestResponse.ResponseBuilder.<StationView>ok().location(location);
        return response.entity(StationView.of(station, system)).tag(etag(station)).build();
    }

    @GET
    @PermitAll
    @Operation(summary = "List stations", description = "Public. Pages in registration order.")
    @APIResponse(responseCode = "200", description = "A page of stations")
    public Page<StationView> list(
            @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(200) int limit,
            @QueryParam("cursor") @Size(max = ParamLimits.CURSOR) String cursor,
            @QueryParam("coordSys") @Size(max = ParamLimits.CODE)
                    @Parameter(description = COORD_SYS_DOC) String coordSys) {
        CoordinateSystem system = Coordinates.parse(coordSys);
        Page<Station> page = registry.list(Cursor.decode(cursor), limit);
        return new Page<>(page.items().stream().map(s -> StationView.of(s, system)).toList(), page.nextCursor());
    }

    @GET
    @Path("/{id}")
    @PermitAll
    @Operation(summary = "Get one station", description = "Public. The ETag carries the version for If-Match.")
    @APIResponse(responseCode = "200", description = "The station",
            content = @Content(schema = @Schema(implementation = StationView.class)))
    @APIResponse(responseCode = "404", description = "No such station")
    public RestResponse<StationView> get(@PathParam("id") UUID id,
                                         @QueryParam("coordSys") @Size(max = ParamLimits.CODE)
                                                 @Parameter(description = COORD_SYS_DOC) String coordSys) {
        CoordinateSystem system = Coordinates.parse(coordSys);
        Station station = registry.get(id);
        return RestResponse.ResponseBuilder.ok(StationView.of(station, system)).tag(etag(station)).build();
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.UNION_ADMIN, Roles.STATION_MANAGER})
    @SecurityRequirement(name = "jwt")
    @Operation(summary = "Update a station's details",
            description = "Union admins update any station, station managers their own. Requires If-Match with the "
                    + "ETag (version) of the station as read; publishes station.updated and keeps the history.")
    @APIResponse(responseCode = "200", description = "Updated",
            content = @Content(schema = @Schema(implementation = StationView.class)))
    @APIResponse(responseCode = "412", description = "The station changed since it was read")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public RestResponse<StationView> update(
            @PathParam("id") UUID id,
            StationDetailsRequest request,
            @HeaderParam("If-Match") @Parameter(description = "ETag of the station as read", example = "\"3\"",
                    schema = @Schema(type = SchemaType.STRING,
                            maxLength = Versions.MAX_IF_MATCH_LENGTH)) String ifMatch,
            @QueryParam("coordSys") @Size(max = ParamLimits.CODE)
                    @Parameter(description = COORD_SYS_DOC) String coordSys) {
        validation.check(request).throwIfAny();
        CoordinateSystem system = Coordinates.parse(coordSys);
        Station station = registry.update(id, details(request, system), version(ifMatch), identity);
        return RestResponse.ResponseBuilder.ok(StationView.of(station, system)).tag(etag(station)).build();
    }

    @POST
    @Path("/{id}/status")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.UNION_ADMIN, Roles.STATION_MANAGER})
    @SecurityRequirement(name = "jwt")
    @Operation(summary = "Open, temporarily close or close a station",
            description = "A closure needs a reason; a temporary closure may name the expected reopening date. "
                    + "Publishes station.status_changed.")
    @APIResponse(responseCode = "200", description = "The station with its new status",
            content = @Content(schema = @Schema(implementation = StationView.class)))
    public StationView changeStatus(@PathParam("id") UUID id, @NotNull @Valid StatusChangeRequest request) {
        Station station = registry.changeStatus(id, request.status(), request.reason(), request.expectedReopening(),
                identity);
        return StationView.of(station, CoordinateSystem.WGS84);
    }

    @POST
    @Path("/{id}/verifications")
    @RolesAllowed({Roles.UNION_ADMIN, Roles.STATION_MANAGER})
    @SecurityRequirement(name = "jwt")
    @Operation(summary = "Record that the station's record was checked today",
            description = "Sets lastVerifiedOn to today (Asia/Shanghai) and who verified it.")
    @APIResponse(responseCode = "200", description = "The verified station",
            content = @Content(schema = @Schema(implementation = StationView.class)))
    public StationView verify(@PathParam("id") UUID id) {
        return StationView.of(registry.verify(id, identity), CoordinateSystem.WGS84);
    }

    @GET
    @Path("/{id}/history")
    @RolesAllowed({Roles.UNION_ADMIN, Roles.STATION_MANAGER})
    @SecurityRequirement(name = "jwt")
    @Operation(summary = "A station's history, newest first",
            description = "Pass the last entry's id as before to read older entries.")
    @APIResponse(responseCode = "200", description = "The entries, newest first", content = @Content(schema = @Schema(
            type = SchemaType.ARRAY, implementation = StationChangeView.class, maxItems = StationResource.HISTORY_MAX)))
    public List<StationChangeView> history(@PathParam("id") UUID id,
                                           @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(HISTORY_MAX) int limit,
                                           @QueryParam("before") @Min(1) @Max(Long.MAX_VALUE) Long before) {
        return registry.history(id, before, limit, identity).stream().map(StationChangeView::of).toList();
    }

    @GET
    @Path("/{id}/managers")
    @RolesAllowed({Roles.UNION_ADMIN, Roles.STATION_MANAGER})
    @SecurityRequirement(name = "jwt")
    @Operation(summary = "Who manages the station (token subjects)")
    @APIResponse(responseCode = "200", description = "The subjects of its managers", content = @Content(schema =
            @Schema(
            type = SchemaType.ARRAY, implementation = ManagerSubject.class, maxItems = FieldLimits.LIST)))
    public List<String> managers(@PathParam("id") UUID id) {
        return registry.managers(id, identity);
    }

    @PUT
    @Path("/{id}/managers/{subject}")
    @RolesAllowed(Roles.UNION_ADMIN)
    @SecurityRequirement(name = "jwt")
    @Operation(summary = "Let a person manage the station",
            description = "Union admins only; idempotent, also when several arrive at the same moment.")
    @APIResponse(responseCode = "204", description = "The subject manages the station")
    public void addManager(@PathParam("id") UUID id,
                           @PathParam("subject") @Size(max = SUBJECT_MAX)
                                   @Pattern(regexp = SUBJECT_PATTERN) String subject) {
        registry.addManager(id, subject, identity);
    }

    @DELETE
    @Path("/{id}/managers/{subject}")
    @RolesAllowed(Roles.UNION_ADMIN)
    @SecurityRequirement(name = "jwt")
    @Operation(summary = "Stop a person managing the station", description = "Union admins only.")
    @APIResponse(responseCode = "204", description = "Removed")
    public void removeManager(@PathParam("id") UUID id,
                              @PathParam("subject") @Size(max = SUBJECT_MAX) @Pattern(regexp = SUBJECT_PATTERN)
                              String subject) {
        registry.removeManager(id, subject, identity);
    }

    private static StationRegistry.Details details(StationDetailsRequest r, CoordinateSystem system) {
        GeoPoint wgs84 = Coordinates.in(r.location(), system);
        return new StationRegistry.Details(r.name(), r.hostType(), r.hostOrganisation(), r.address(), r.district(),
                wgs84.latitude(), wgs84.longitude(), r.contactPhone(), r.areaM2(), r.seats(), r.photos(), r.listedIn());
    }

    private static EntityTag etag(Station station) {
        return Versions.etag(station.version);
    }

    private static int version(String ifMatch) {
        return Versions.fromIfMatch(ifMatch);
    }
}
