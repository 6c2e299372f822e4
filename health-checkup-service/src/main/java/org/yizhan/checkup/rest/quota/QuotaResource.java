package org.yizhan.checkup.rest.quota;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.yizhan.checkup.service.quota.QuotaService;
import org.yizhan.kit.paging.Page;
import org.yizhan.kit.security.Roles;
import org.yizhan.kit.validation.Validation;

import java.util.UUID;

@Path("/api/v1/checkups/campaigns/{id}/quotas")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "jwt")
@Tag(name = "Quotas", description = "Places per occupation, site and day; the strictest matching limit wins")
public class QuotaResource {

    private final QuotaService quotas;
    private final Validation validation;

    public QuotaResource(QuotaService quotas, Validation validation) {
        this.quotas = quotas;
        this.validation = validation;
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.UNION_ADMIN)
    @Operation(summary = "Set a quota",
            description = "Union admins. Places for an occupation in the whole campaign, at a site, on a day, or at a "
                    + "site on a day (one quota per scope; setting it again changes its places). A booking needs room "
                    + "in every quota that matches it. Places cannot drop below those taken.")
    @APIResponse(responseCode = "200", description = "The quota",
            content = @Content(schema = @Schema(implementation = QuotaView.class)))
    @APIResponse(responseCode = "400", description = "Invalid request, an occupation the campaign is not for, a site "
            + "of another campaign")
    @APIResponse(responseCode = "403", description = "Not a union admin")
    @APIResponse(responseCode = "404", description = "No such campaign")
    @APIResponse(responseCode = "409", description = "Fewer places than taken, or the most quotas allowed")
    public QuotaView setQuota(@PathParam("id") UUID campaignId, @NotNull QuotaRequest request) {
        validation.check(request).throwIfAny();
        return QuotaView.of(quotas.set(campaignId, request.occupation(), request.siteId(), request.day(),
                request.places()));
    }

    @GET
    @RolesAllowed({Roles.UNION_ADMIN, Roles.UNION_STAFF})
    @Operation(summary = "A campaign's quotas", description = "All of them (at most 200), with the places taken.")
    @APIResponse(responseCode = "200", description = "The quotas")
    @APIResponse(responseCode = "403", description = "Not union staff")
    public Page<QuotaView> quotas(@PathParam("id") UUID campaignId) {
        return new Page<>(quotas.list(campaignId).stream().map(QuotaView::of).toList(), null);
    }
}
