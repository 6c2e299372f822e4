package org.yizhan.checkup.rest.site;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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
import org.yizhan.checkup.domain.site.Site;
import org.yizhan.checkup.service.campaign.CampaignService;
import org.yizhan.checkup.service.site.SiteService;
import org.yizhan.kit.paging.Page;
import org.yizhan.kit.problem.FieldErrors;
import org.yizhan.kit.problem.ProblemException;
import org.yizhan.kit.problem.ProblemType;
import org.yizhan.kit.security.OrganisationClaim;
import org.yizhan.kit.security.Roles;
import org.yizhan.kit.validation.Validation;

import java.util.UUID;

@Path("/api/v1/checkups/campaigns/{id}/sites")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "jwt")
@Tag(name = "Sites and slots", description = "Where a campaign examines workers, and when")
public class SiteResource {

    private final SiteService sites;
    private final CampaignService campaigns;
    private final Validation validation;
    private final SecurityIdentity identity;

    public SiteResource(SiteService sites, CampaignService campaigns, Validation validation, SecurityIdentity identity) {
        this.sites = sites;
        this.campaigns = campaigns;
        this.validation = validation;
        this.identity = identity;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.UNION_ADMIN)
    @Operation(summary = "Add a site",
            description = "Union admins. A partner clinic, or a station for a mobile checkup day (a station that is "
                    + "paused or closed is added with a warning, and its slots are not offered until it reopens). "
                    + "At most 200 sites per campaign; a station once per campaign.")
    @APIResponse(responseCode = "201", description = "Added",
            content = @Content(schema = @Schema(implementation = SiteView.class)))
    @APIResponse(responseCode = "400", description = "Invalid request (an unknown station, a clinic not of the campaign)")
    @APIResponse(responseCode = "403", description = "Not a union admin")
    @APIResponse(responseCode = "404", description = "No such campaign")
    @APIResponse(responseCode = "409", description = "The campaign is closed or has the most sites allowed")
    public RestResponse<SiteView> addSite(@PathParam("id") UUID campaignId, @NotNull SiteRequest request, UriInfo uri) {
        FieldErrors errors = validation.check(request);
        request.checkRules(errors);
        errors.throwIfAny();
        Site site = sites.add(campaignId, request.toNew());
        var location = uri.getBaseUriBuilder().path("api/v1/checkups/campaigns").path(campaignId.toString())
                .path("sites").path(site.id.toString()).build();
        return RestResponse.ResponseBuilder.<SiteView>created(location).entity(SiteView.of(site)).build();
    }

    @GET
    @Authenticated
    @Operation(summary = "The sites of a campaign", description = "In the order they were added; all of them "
            + "(at most 200) in one page.")
    @APIResponse(responseCode = "200", description = "The sites")
    @APIResponse(responseCode = "404", description = "No such campaign (or a draft, for others than union staff)")
    public Page<SiteView> sites(@PathParam("id") UUID campaignId) {
        campaigns.get(campaignId, identity.hasRole(Roles.UNION_ADMIN) || identity.hasRole(Roles.UNION_STAFF));
        return new Page<>(sites.list(campaignId).stream().map(SiteView::of).toList(), null);
    }

    @PUT
    @Path("/{siteId}/days")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.UNION_ADMIN, Roles.CLINIC})
    @Operation(summary = "Open a day's slots at a site",
            description = "Union admins, and the clinic that examines at the site (its token's org). Slots from "
                    + "`from` to `to` every `minutes`; sending the same day again changes nothing, and slots that "
                    + "exist keep their bookings. Answers the day's slots.")
    @APIResponse(responseCode = "200", description = "The slots of the day at the site")
    @APIResponse(responseCode = "400", description = "Invalid request (times, a day in the past)")
    @APIResponse(responseCode = "403", description = "Neither a union admin nor the site's clinic")
    @APIResponse(responseCode = "404", description = "No such campaign or site")
    @APIResponse(responseCode = "409", description = "The campaign is closed")
    public Page<SlotView> openDay(@PathParam("id") UUID campaignId, @PathParam("siteId") UUID siteId,
                                   @NotNull ScheduleRequest request) {
        FieldErrors errors = validation.check(request);
        request.checkRules(errors);
        errors.throwIfAny();
        Site site = sites.get(campaignId, siteId);
        if (!identity.hasRole(Roles.UNION_ADMIN)
                && !OrganisationClaim.of(identity).map(site.clinic::equals).orElse(false)) {
            throw new ProblemException(ProblemType.FORBIDDEN, "只有该地点的体检机构可以排班",
                    "Only the clinic that examines at this site may open its days");
        }
        return new Page<>(sites.schedule(campaignId, siteId, request.toSchedule()).stream()
                .map(s -> SlotView.of(s, site.warning != null)).toList(), null);
    }
}
