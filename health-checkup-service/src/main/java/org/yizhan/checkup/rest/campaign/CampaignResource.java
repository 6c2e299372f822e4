package org.yizhan.checkup.rest.campaign;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.DELETE;
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
import org.yizhan.checkup.domain.campaign.Campaign;
import org.yizhan.checkup.domain.campaign.CampaignStatus;
import org.yizhan.checkup.rest.booking.ConsentTermsView;
import org.yizhan.checkup.service.booking.BookingService;
import org.yizhan.checkup.service.campaign.CampaignService;
import org.yizhan.kit.http.Params;
import org.yizhan.kit.http.Versions;
import org.yizhan.kit.idempotency.IdempotencyKeys;
import org.yizhan.kit.paging.Page;
import org.yizhan.kit.problem.FieldErrors;
import org.yizhan.kit.security.Roles;
import org.yizhan.kit.validation.Validation;

import org.yizhan.kit.time.AppClock;

import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

@Path("/api/v1/checkups/campaigns")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "jwt")
@Tag(name = "Campaigns", description = "Free health checkup campaigns: who may book, what the checkup includes, when")
public class CampaignResource {

    private final CampaignService campaigns;
    private final BookingService bookings;
    private final Validation validation;
    private final SecurityIdentity identity;
    private final AppClock clock;

    public CampaignResource(CampaignService campaigns, BookingService bookings, Validation validation,
                            SecurityIdentity identity, AppClock clock) {
        this.clock = clock;
        this.campaigns = campaigns;
        this.bookings = bookings;
        this.validation = validation;
        this.identity = identity;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.UNION_ADMIN)
    @Operation(summary = "Plan a campaign (draft)",
            description = "Union admins. One checkup package per occupation the campaign is for; the partner clinics by "
                    + "their organisation codes; the booking window. Send an Idempotency-Key to make retries safe "
                    + "(a retry answers 200 with the first draft).")
    @APIResponse(responseCode = "201", description = "Created as DRAFT",
            content = @Content(schema = @Schema(implementation = CampaignView.class)))
    @APIResponse(responseCode = "200", description = "A retry with the same Idempotency-Key",
            content = @Content(schema = @Schema(implementation = CampaignView.class)))
    @APIResponse(responseCode = "400", description = "Invalid request: every invalid field is listed; nothing is stored")
    @APIResponse(responseCode = "403", description = "Not a union admin")
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used for a different request")
    public RestResponse<CampaignView> createCampaign(
            @NotNull CampaignRequest request,
            @HeaderParam(IdempotencyKeys.HEADER)
            @Parameter(description = "Client-chosen key that makes retries safe", example = "campaign-2026-daxing",
                    schema = @Schema(type = SchemaType.STRING, maxLength = 200)) String idempotencyKey,
            UriInfo uri) {
        FieldErrors errors = validation.check(request);
        request.checkRules(errors);
        errors.throwIfAny();
        var creation = campaigns.create(request.toDetails(), identity.getPrincipal().getName(), idempotencyKey);
        Campaign c = creation.campaign();
        var location = uri.getBaseUriBuilder().path("api/v1/checkups/campaigns").path(c.id.toString()).build();
        var response = creation.created()
                ? RestResponse.ResponseBuilder.<CampaignView>created(location)
                : RestResponse.ResponseBuilder.<CampaignView>ok().location(location);
        return response.entity(CampaignView.of(c)).tag(Versions.etag(c.version)).build();
    }

    @POST
    @Path("/{id}/publish")
    @RolesAllowed(Roles.UNION_ADMIN)
    @Operation(summary = "Publish a campaign",
            description = "DRAFT → PUBLISHED: workers see it and book within its window; publishes campaign.published "
                    + "on yizhan.checkup.v1. Publishing a published campaign again changes nothing.")
    @APIResponse(responseCode = "200", description = "PUBLISHED",
            content = @Content(schema = @Schema(implementation = CampaignView.class)))
    @APIResponse(responseCode = "403", description = "Not a union admin")
    @APIResponse(responseCode = "404", description = "No such campaign")
    @APIResponse(responseCode = "409", description = "The campaign is closed, or its booking window has passed")
    public CampaignView publishCampaign(@PathParam("id") UUID id) {
        return CampaignView.of(campaigns.publish(id));
    }

    @GET
    @Path("/{id}")
    @Authenticated
    @Operation(summary = "A campaign", description = "Drafts only for union staff and admins.")
    @APIResponse(responseCode = "200", description = "The campaign",
            content = @Content(schema = @Schema(implementation = CampaignView.class)))
    @APIResponse(responseCode = "404", description = "No such campaign (or a draft, for others)")
    public CampaignView campaign(@PathParam("id") UUID id) {
        return CampaignView.of(campaigns.get(id, seesDrafts()));
    }

    @GET
    @Authenticated
    @Operation(summary = "Campaigns", description = "Newest year first. Drafts only for union staff and admins; "
            + "others see published and closed campaigns.")
    @APIResponse(responseCode = "200", description = "A page of campaigns")
    @APIResponse(responseCode = "400", description = "Invalid parameters")
    public Page<CampaignView> campaigns(
            @QueryParam("status") @Parameter(description = "Comma-separated statuses; all visible ones if absent",
                    schema = @Schema(type = SchemaType.STRING, maxLength = 40, example = "PUBLISHED")) List<String> statusTexts,
            @QueryParam("year") @Parameter(schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "2000", maximum = "2100", example = "2026"))
            String yearText,
            @QueryParam("limit") @Parameter(schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1", maximum = "100", defaultValue = "20"))
            String limitText,
            @QueryParam("cursor") @Parameter(schema = @Schema(type = SchemaType.STRING, maxLength = 200)) String cursor) {
        Params params = new Params();
        EnumSet<CampaignStatus> statuses = params.enumList(CampaignStatus.class, "status", statusTexts);
        Integer year = params.integer("year", yearText, CampaignRequest.MIN_YEAR, CampaignRequest.MAX_YEAR, null);
        Integer limit = params.integer("limit", limitText, 1, 100, 20);
        params.throwIfAny();
        return campaigns.list(statuses, year, seesDrafts(), cursor, limit).map(CampaignView::of);
    }

    @GET
    @Path("/{id}/consent")
    @Authenticated
    @Operation(summary = "The terms to consent to before booking",
            description = "Which clinics receive the worker's name and phone, for what, and for how long; the version "
                    + "is what confirming a place names.")
    @APIResponse(responseCode = "200", description = "The current terms",
            content = @Content(schema = @Schema(implementation = ConsentTermsView.class)))
    @APIResponse(responseCode = "404", description = "No such published campaign")
    public ConsentTermsView consentTerms(@PathParam("id") UUID campaignId) {
        return ConsentTermsView.of(bookings.terms(campaignId));
    }

    @DELETE
    @Path("/{id}/consent")
    @RolesAllowed(Roles.WORKER)
    @Operation(summary = "Withdraw my consent",
            description = "Workers. Cancels every appointment of the worker in the campaign that has not started "
                    + "(waiting, held or booked) with reason CONSENT_WITHDRAWN; freed places go to the waitlist, booked "
                    + "ones publish appointment.cancelled. Withdrawing again cancels nothing more. The worker may "
                    + "consent again by booking.")
    @APIResponse(responseCode = "200", description = "Withdrawn",
            content = @Content(schema = @Schema(implementation = ConsentWithdrawalView.class)))
    @APIResponse(responseCode = "403", description = "Not a worker")
    @APIResponse(responseCode = "404", description = "No such published campaign")
    public ConsentWithdrawalView withdrawConsent(@PathParam("id") UUID campaignId) {
        List<org.yizhan.checkup.domain.booking.Appointment> cancelled =
                bookings.withdrawConsent(campaignId, identity.getPrincipal().getName());
        return ConsentWithdrawalView.of(campaignId, cancelled.isEmpty() ? clock.now() : cancelled.get(0).consentWithdrawnAt,
                cancelled);
    }

    private boolean seesDrafts() {
        return identity.hasRole(Roles.UNION_ADMIN) || identity.hasRole(Roles.UNION_STAFF);
    }
}
