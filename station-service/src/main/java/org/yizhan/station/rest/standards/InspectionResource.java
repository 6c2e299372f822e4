package org.yizhan.station.rest.standards;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
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
import org.yizhan.kit.idempotency.IdempotencyKeys;
import org.yizhan.kit.paging.Page;
import org.yizhan.kit.security.Roles;
import org.yizhan.kit.validation.Validation;
import org.yizhan.station.rest.ParamLimits;
import org.yizhan.station.service.StationAccess;
import org.yizhan.station.service.standards.InspectionService;

import java.util.UUID;

@Path("/api/v1/stations/{id}/inspections")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Standards", description = "The station standard (规范化): checklist, inspections, compliance and tiers")
public class InspectionResource {

    private final InspectionService inspections;
    private final StationAccess access;
    private final SecurityIdentity identity;
    private final Validation validation;

    public InspectionResource(InspectionService inspections, StationAccess access, SecurityIdentity identity,
                              Validation validation) {
        this.inspections = inspections;
        this.access = access;
        this.identity = identity;
        this.validation = validation;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.UNION_ADMIN, Roles.STATION_MANAGER})
    @SecurityRequirement(name = "jwt")
    @Operation(summary = "Record an inspection",
            description = "A union admin's record is an INSPECTION and counts for compliance and tier; a station "
                    + "manager's record of their own station is a SELF_CHECK, kept and listed but changing neither. "
                    + "Every basic requirement (WARMTH, COOLING, DRINKING_WATER, REST, TOILET, FIRST_AID, UNION_SIGN) "
                    + "must appear exactly once as MET or NOT_MET; NOT_MET needs a finding; optional requirements "
                    + "at most once. inspectedOn may not be in the future. Send an Idempotency-Key to make retries safe.")
    @APIResponse(responseCode = "201", description = "Recorded",
            content = @Content(schema = @Schema(implementation = InspectionView.class)))
    @APIResponse(responseCode = "200", description = "A retry: the inspection recorded under this Idempotency-Key",
            content = @Content(schema = @Schema(implementation = InspectionView.class)))
    @APIResponse(responseCode = "400", description = "Invalid request: every invalid field is listed; nothing is stored")
    @APIResponse(responseCode = "403", description = "Neither a union admin nor a manager of this station")
    @APIResponse(responseCode = "404", description = "No such station")
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used for a different request")
    public RestResponse<InspectionView> record(
            @PathParam("id") UUID stationId,
            @NotNull InspectionRequest request,
            @HeaderParam(IdempotencyKeys.HEADER)
            @Parameter(description = "Client-chosen key that makes retries safe", example = "insp-2026-11-27-huangcun",
                    schema = @Schema(type = SchemaType.STRING, maxLength = IdempotencyKeys.MAX_LENGTH,
                            pattern = IdempotencyKeys.PATTERN))
            String idempotencyKey,
            UriInfo uri) {
        access.requireManageable(stationId, identity);
        InspectionService.NewInspection inspection = request.toNew();
        validation.check(request).addAll(inspections.problemsOf(inspection)).throwIfAny();
        var recorded = inspections.record(stationId, identity, inspection, idempotencyKey);
        var location = uri.getAbsolutePathBuilder().path(recorded.inspection().id.toString()).build();
        var response = recorded.created()
                ? RestResponse.ResponseBuilder.<InspectionView>created(location)
                : RestResponse.ResponseBuilder.<InspectionView>ok().location(location);
        return response.entity(InspectionView.of(recorded.inspection())).build();
    }

    @GET
    @RolesAllowed({Roles.UNION_ADMIN, Roles.STATION_MANAGER})
    @SecurityRequirement(name = "jwt")
    @Operation(operationId = "listInspections", summary = "A station's inspections",
            description = "Inspections and self-checks, newest inspection date first (same date: last recorded first).")
    @APIResponse(responseCode = "200", description = "A page of inspections")
    @APIResponse(responseCode = "400", description = "Invalid limit or cursor")
    @APIResponse(responseCode = "403", description = "Neither a union admin nor a manager of this station")
    @APIResponse(responseCode = "404", description = "No such station")
    public Page<InspectionView> list(@PathParam("id") UUID stationId,
                                     @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(100) int limit,
                                     @QueryParam("cursor") @Size(max = ParamLimits.CURSOR) String cursor) {
        var page = inspections.ofStation(stationId, identity, cursor, limit);
        return new Page<>(page.items().stream().map(InspectionView::of).toList(), page.nextCursor());
    }
}
