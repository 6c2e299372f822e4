package org.yizhan.legalaid.rest.relief;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.yizhan.kit.problem.FieldErrors;
import org.yizhan.kit.security.Roles;
import org.yizhan.kit.validation.Validation;
import org.yizhan.legalaid.domain.relief.ReliefApplication;
import org.yizhan.legalaid.rest.Created;
import org.yizhan.legalaid.service.audit.Callers;
import org.yizhan.legalaid.service.relief.ReliefService;

import java.util.UUID;

@Path("/api/v1/legal-aid/applications/{id}/relief-referral")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "jwt")
@Tag(name = "Relief")
public class ReliefReferralResource {

    private final ReliefService reliefs;
    private final Validation validation;
    private final Callers callers;

    public ReliefReferralResource(ReliefService reliefs, Validation validation, Callers callers) {
        this.reliefs = reliefs;
        this.validation = validation;
        this.callers = callers;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.LAWYER, Roles.UNION_ADMIN})
    @Operation(summary = "Refer a case's client to serious-illness relief",
            description = "The case's lawyers or a union admin, on an accepted (open) case, in one step. From the case "
                    + "only its applicant and its id are carried — not its facts, opposing party, amounts or category; "
                    + "the relief details are given here. One referral per case unless it was rejected. The answer is "
                    + "the file's summary: the referrer does not read the relief file afterwards. Recorded in the audit "
                    + "log (a read of the case and the relief file's creation).")
    @APIResponse(responseCode = "201", description = "Submitted (SUBMITTED)",
            content = @Content(schema = @Schema(implementation = ReliefSummaryView.class)))
    @APIResponse(responseCode = "400", description = "Invalid request: every invalid field is listed; nothing is stored")
    @APIResponse(responseCode = "403", description = "Not a lawyer of the case nor a union admin (recorded in the audit log)")
    @APIResponse(responseCode = "404", description = "No such case")
    @APIResponse(responseCode = "409", description = "The case is not open, or has referred its client already")
    public RestResponse<ReliefSummaryView> referToRelief(@PathParam("id") UUID caseId, @NotNull ReliefRequest request,
                                                         UriInfo uri) {
        FieldErrors errors = validation.check(request);
        if (request.onBehalfOf() != null) {
            errors.add("onBehalfOf", "转介时申请人即案件当事人 / a referral's applicant is the case's");
        }
        errors.throwIfAny();
        ReliefApplication r = reliefs.refer(caseId, request.toNew(), callers.current());
        var location = uri.getBaseUriBuilder().path(ReliefResource.PATH).path(r.id.toString()).build();
        return Created.answer(true, location, ReliefSummaryView.of(r));
    }
}
