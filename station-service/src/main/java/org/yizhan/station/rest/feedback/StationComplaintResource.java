package org.yizhan.station.rest.feedback;

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
import org.yizhan.kit.paging.Cursor;
import org.yizhan.kit.paging.Page;
import org.yizhan.kit.problem.ProblemException;
import org.yizhan.kit.security.Roles;
import org.yizhan.kit.validation.Validation;
import org.yizhan.station.domain.feedback.ComplaintStatus;
import org.yizhan.station.rest.ParamLimits;
import org.yizhan.station.service.StationAccess;
import org.yizhan.station.service.feedback.ComplaintService;

import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;
import java.util.stream.Collectors;

@Path("/api/v1/stations/{id}/complaints")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Complaints", description = "Workers' complaints about stations, with deadlines and answers")
public class StationComplaintResource {

    private final ComplaintService complaints;
    private final StationAccess access;
    private final SecurityIdentity identity;
    private final Validation validation;

    public StationComplaintResource(ComplaintService complaints, StationAccess access, SecurityIdentity identity,
                                    Validation validation) {
        this.complaints = complaints;
        this.access = access;
        this.identity = identity;
        this.validation = validation;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.WORKER)
    @SecurityRequirement(name = "jwt")
    @Operation(summary = "Complain about a station",
            description = "Files an OPEN complaint; the station's managers must answer by respondBy = receipt + 72 h "
                    + "(yizhan.complaints.response-hours), SAFETY + 24 h (yizhan.complaints.safety-response-hours). "
                    + "The worker is stored only as a pseudonym and sees their complaints at /api/v1/complaints/mine. "
                    + "Send an Idempotency-Key to make retries safe.")
    @APIResponse(responseCode = "201", description = "Filed",
            content = @Content(schema = @Schema(implementation = ComplaintView.class)))
    @APIResponse(responseCode = "200", description = "A retry: the complaint filed under this Idempotency-Key",
            content = @Content(schema = @Schema(implementation = ComplaintView.class)))
    @APIResponse(responseCode = "400", description = "Invalid request: every invalid field is listed")
    @APIResponse(responseCode = "403", description = "Not a worker")
    @APIResponse(responseCode = "404", description = "No such station")
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used for a different request")
    public RestResponse<ComplaintView> file(
            @PathParam("id") UUID stationId,
            @NotNull FileComplaintRequest request,
            @HeaderParam(IdempotencyKeys.HEADER)
            @Parameter(description = "Client-chosen key that makes retries safe", example = "c7a1-complaint-001",
                    schema = @Schema(type = SchemaType.STRING, maxLength = IdempotencyKeys.MAX_LENGTH,
                            pattern = IdempotencyKeys.PATTERN))
            String idempotencyKey,
            UriInfo uri) {
        var complaint = new ComplaintService.NewComplaint(request.category(), request.amenity(),
                request.description(), request.occurredAt());
        validation.check(request).addAll(complaints.problemsOf(complaint)).throwIfAny();
        var filed = complaints.file(stationId, identity.getPrincipal().getName(), complaint, idempotencyKey);
        var location = uri.getAbsolutePathBuilder().path(filed.handled().complaint().id.toString()).build();
        var response = filed.created()
                ? RestResponse.ResponseBuilder.<ComplaintView>created(location)
                : RestResponse.ResponseBuilder.<ComplaintView>ok().location(location);
        return response.entity(ComplaintView.of(filed.handled(), complaints.now(), false)).build();
    }

    @GET
    @RolesAllowed({Roles.STATION_MANAGER, Roles.UNION_ADMIN})
    @SecurityRequirement(name = "jwt")
    @Operation(operationId = "listStationComplaints", summary = "A station's complaints",
            description = "For the station's managers and union admins; newest first, optionally of one status.")
    @APIResponse(responseCode = "200", description = "A page of complaints")
    @APIResponse(responseCode = "400", description = "Invalid status, limit or cursor")
    @APIResponse(responseCode = "403", description = "Not a manager of this station nor a union admin")
    @APIResponse(responseCode = "404", description = "No such station")
    public Page<ComplaintView> list(
            @PathParam("id") UUID stationId,
            @QueryParam("status") @Size(max = ParamLimits.CODE_LIST)
            @Parameter(description = "Only complaints in this status",
                    schema = @Schema(type = SchemaType.STRING, enumeration = {"OPEN", "IN_PROGRESS", "RESOLVED", "REJECTED"}),
                    example = "OPEN") String status,
            @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(200) int limit,
            @QueryParam("cursor") @Size(max = ParamLimits.CURSOR) String cursor) {
        ComplaintStatus only = parseStatus(status);
        var page = complaints.ofStation(stationId, identity, only, Cursor.decode(cursor), limit);
        Instant now = complaints.now();
        return new Page<>(page.items().stream().map(h -> ComplaintView.of(h, now, true)).toList(), page.nextCursor());
    }

    @GET
    @Path("/{complaintId}")
    @RolesAllowed({Roles.WORKER, Roles.STATION_MANAGER, Roles.UNION_ADMIN})
    @SecurityRequirement(name = "jwt")
    @Operation(operationId = "getStationComplaint", summary = "One complaint",
            description = "For the station's managers, union admins and the worker who filed it.")
    @APIResponse(responseCode = "200", description = "The complaint",
            content = @Content(schema = @Schema(implementation = ComplaintView.class)))
    @APIResponse(responseCode = "403", description = "Neither a manager of this station, a union admin nor the complainant")
    @APIResponse(responseCode = "404", description = "No such station or no such complaint at it")
    public ComplaintView get(@PathParam("id") UUID stationId, @PathParam("complaintId") UUID complaintId) {
        var handled = complaints.get(stationId, complaintId, identity);
        return ComplaintView.of(handled, complaints.now(), access.mayManage(identity, stationId));
    }

    @POST
    @Path("/{complaintId}/responses")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.STATION_MANAGER, Roles.UNION_ADMIN})
    @SecurityRequirement(name = "jwt")
    @Operation(summary = "Answer a complaint",
            description = "For the station's managers and union admins. OPEN → IN_PROGRESS → RESOLVED | REJECTED or "
                    + "OPEN → RESOLVED | REJECTED; further IN_PROGRESS answers add progress notes; RESOLVED and "
                    + "REJECTED need a resolution and are final. The first answer's time is kept as firstResponseAt.")
    @APIResponse(responseCode = "200", description = "The complaint with all answers",
            content = @Content(schema = @Schema(implementation = ComplaintView.class)))
    @APIResponse(responseCode = "400", description = "Invalid request")
    @APIResponse(responseCode = "403", description = "Not a manager of this station nor a union admin")
    @APIResponse(responseCode = "404", description = "No such station or no such complaint at it")
    @APIResponse(responseCode = "409", description = "The complaint is closed (RESOLVED or REJECTED)")
    public ComplaintView answer(@PathParam("id") UUID stationId, @PathParam("complaintId") UUID complaintId,
                                @NotNull AnswerRequest request) {
        var answer = new ComplaintService.Answer(request.status() == null ? null : request.status().toStatus(),
                request.message(), request.resolution());
        validation.check(request).addAll(ComplaintService.problemsOf(answer)).throwIfAny();
        return ComplaintView.of(complaints.answer(stationId, complaintId, identity, answer), complaints.now(), true);
    }

    static ComplaintStatus parseStatus(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return ComplaintStatus.valueOf(status.strip());
        } catch (IllegalArgumentException e) {
            String allowed = Arrays.stream(ComplaintStatus.values()).map(Enum::name).collect(Collectors.joining(", "));
            throw ProblemException.invalidField("status", "取值必须是以下之一：" + allowed + " / must be one of: " + allowed);
        }
    }
}
