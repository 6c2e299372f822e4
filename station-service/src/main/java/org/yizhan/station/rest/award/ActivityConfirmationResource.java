package org.yizhan.station.rest.award;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.yizhan.kit.http.Params;
import org.yizhan.kit.paging.Page;
import org.yizhan.kit.problem.FieldErrors;
import org.yizhan.kit.security.Roles;
import org.yizhan.kit.validation.Validation;
import org.yizhan.station.domain.award.Confirmation;
import org.yizhan.station.domain.award.PushedActivity;
import org.yizhan.station.service.award.ActivityConfirmations;
import org.yizhan.station.service.feedback.FeedbackText;

import java.util.UUID;

@Path("/api/v1/stations/{id}/pushed-activities")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Awards")
public class ActivityConfirmationResource {

    private final ActivityConfirmations confirmations;
    private final Validation validation;
    private final SecurityIdentity identity;

    public ActivityConfirmationResource(ActivityConfirmations confirmations, Validation validation,
                                        SecurityIdentity identity) {
        this.confirmations = confirmations;
        this.validation = validation;
        this.identity = identity;
    }

    @GET
    @RolesAllowed({Roles.UNION_ADMIN, Roles.STATION_MANAGER})
    @SecurityRequirement(name = "jwt")
    @Operation(operationId = "listPushedActivities", summary = "Activities partners pushed for this station",
            description = "Completed activities that partners pushed from their own systems without attendance scanned "
                    + "through the app at the station. They count toward the award score only once confirmed. Default: "
                    + "those waiting (PENDING), oldest start first. Union admins, and the station's own managers.")
    @APIResponse(responseCode = "200", description = "A page of pushed activities")
    @APIResponse(responseCode = "403", description = "Neither a union admin nor a manager of this station")
    @APIResponse(responseCode = "404", description = "No such station")
    public Page<PushedActivity> list(
            @PathParam("id") UUID stationId,
            @QueryParam("confirmation") @Parameter(description = "PENDING (default), CONFIRMED or REJECTED",
                    schema = @Schema(enumeration = {"PENDING", "CONFIRMED", "REJECTED"})) String confirmation,
            @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(100) int limit,
            @QueryParam("cursor") String cursor) {
        Params params = new Params();
        Confirmation state = params.enumValue(Confirmation.class, "confirmation", confirmation);
        params.throwIfAny();
        return confirmations.list(stationId, state == null ? Confirmation.PENDING : state, cursor, limit, identity);
    }

    @PUT
    @Path("/{activityId}/confirmation")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.UNION_ADMIN, Roles.STATION_MANAGER})
    @SecurityRequirement(name = "jwt")
    @Operation(operationId = "decidePushedActivity", summary = "Confirm or reject a pushed activity",
            description = "CONFIRMED: the activity counts toward the station's award score; REJECTED: it does not. "
                    + "Sending the same decision again changes nothing; a later decision replaces an earlier one. "
                    + "A newer version of the activity that changes its station, start or person-times waits for "
                    + "confirmation again.")
    @APIResponse(responseCode = "200", description = "The activity with the decision",
            content = @org.eclipse.microprofile.openapi.annotations.media.Content(
                    schema = @Schema(implementation = PushedActivity.class)))
    @APIResponse(responseCode = "403", description = "Neither a union admin nor a manager of this station")
    @APIResponse(responseCode = "404", description = "No such station, or no such activity at it")
    @APIResponse(responseCode = "409", description = "The activity needs no confirmation (planned in the app, "
            + "scanned at the station, or cancelled)")
    public PushedActivity decide(@PathParam("id") UUID stationId, @PathParam("activityId") UUID activityId,
                                 ConfirmationRequest request) {
        FieldErrors errors = validation.check(request);
        if (request != null && request.decision() == Confirmation.PENDING) {
            errors.add("decision", "取值必须是 CONFIRMED 或 REJECTED / must be CONFIRMED or REJECTED");
        }
        errors.throwIfAny();
        return confirmations.decide(stationId, activityId,
                new ActivityConfirmations.Decision(request.decision(), FeedbackText.clean(request.note())), identity);
    }
}
