package org.yizhan.legalaid.rest.duty;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
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
import org.yizhan.kit.http.Params;
import org.yizhan.kit.paging.Page;
import org.yizhan.kit.security.Roles;
import org.yizhan.kit.validation.Validation;
import org.yizhan.legalaid.domain.duty.Lawyer;
import org.yizhan.legalaid.service.audit.Callers;
import org.yizhan.legalaid.service.duty.LawyerService;

@Path("/api/v1/legal-aid/lawyers")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "jwt")
@Tag(name = "Lawyers and duty sessions", description = "Lawyers on duty at stations, and workers booking a short slot")
public class LawyerResource {

    private final LawyerService lawyers;
    private final Validation validation;
    private final Callers callers;

    public LawyerResource(LawyerService lawyers, Validation validation, Callers callers) {
        this.lawyers = lawyers;
        this.validation = validation;
        this.callers = callers;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.UNION_ADMIN)
    @Operation(summary = "Register a lawyer",
            description = "Union admins. The lawyer signs in with a token whose `sub` is `subject` and role `lawyer`; "
                    + "the name is stored encrypted. Recorded in the audit log.")
    @APIResponse(responseCode = "201", description = "Registered",
            content = @Content(schema = @Schema(implementation = LawyerView.class)))
    @APIResponse(responseCode = "400", description = "Invalid request: every invalid field is listed; nothing is stored")
    @APIResponse(responseCode = "403", description = "Not a union admin")
    @APIResponse(responseCode = "409", description = "The licence number or the account is already registered")
    public RestResponse<LawyerView> registerLawyer(@NotNull LawyerRequest request, UriInfo uri) {
        validation.check(request).throwIfAny();
        Lawyer l = lawyers.register(request.toNew(), callers.current());
        var location = uri.getBaseUriBuilder().path("api/v1/legal-aid/lawyers").path(l.id.toString()).build();
        return RestResponse.ResponseBuilder.<LawyerView>created(location).entity(LawyerView.of(l, lawyers.name(l))).build();
    }

    @GET
    @RolesAllowed({Roles.UNION_ADMIN, Roles.UNION_STAFF})
    @Operation(summary = "The registered lawyers", description = "Union staff. Oldest registration first, names masked.")
    @APIResponse(responseCode = "200", description = "A page of lawyers")
    @APIResponse(responseCode = "400", description = "Invalid parameters")
    @APIResponse(responseCode = "403", description = "Not union staff")
    public Page<LawyerView> lawyers(
            @QueryParam("limit") @Parameter(schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1",
                    maximum = "100", defaultValue = "20")) String limitText,
            @QueryParam("cursor") @Parameter(schema = @Schema(type = SchemaType.STRING, maxLength = Page.MAX_CURSOR_LENGTH))
            String cursor) {
        Params params = new Params();
        Integer limit = params.integer("limit", limitText, 1, 100, 20);
        params.throwIfAny();
        return lawyers.list(callers.current(), cursor, limit).map(l -> LawyerView.of(l, lawyers.name(l)));
    }
}
