package org.yizhan.services.rest.registration;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import jakarta.validation.constraints.Size;
import org.yizhan.services.rest.ApiLimits;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import org.yizhan.services.repository.ActivityRepository;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.yizhan.kit.http.Params;
import org.yizhan.kit.metrics.Outcomes;
import org.yizhan.kit.paging.Cursor;
import org.yizhan.kit.paging.Page;
import org.yizhan.kit.problem.ProblemException;
import org.yizhan.kit.security.Roles;
import org.yizhan.services.domain.activity.Activity;
import org.yizhan.services.domain.registration.RegistrationStatus;
import org.yizhan.services.service.activity.ActivityAccess;
import org.yizhan.services.service.registration.RegistrationService;

import java.util.UUID;

@Path("/api/v1/activities")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "jwt")
@Tag(name = "Registrations", description = "Workers register for activities; a first-come waitlist fills freed places")
public class RegistrationResource {

    private final RegistrationService registrations;
    private final ActivityAccess access;
    private final SecurityIdentity identity;
    private final ActivityRepository activities;
    private final Outcomes outcomes;

    public RegistrationResource(RegistrationService registrations, ActivityAccess access, SecurityIdentity identity,
                                ActivityRepository activities, Outcomes outcomes) {
        this.outcomes = outcomes;
        this.registrations = registrations;
        this.access = access;
        this.identity = identity;
        this.activities = activities;
    }

    @POST
    @Path("/{id}/registrations")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.WORKER)
    @Operation(summary = "Register for an activity",
            description = "Workers. The activity must be published, not started and open to the occupation. A free "
                    + "place gives REGISTERED, otherwise WAITLISTED with the place in the queue. Registering again "
                    + "while a live registration exists answers 200 with it. Publishes registration.created.")
    @APIResponse(responseCode = "201", description = "REGISTERED or WAITLISTED",
            content = @Content(schema = @Schema(implementation = RegistrationView.class)))
    @APIResponse(responseCode = "200", description = "Already registered or waiting: the live registration",
            content = @Content(schema = @Schema(implementation = RegistrationView.class)))
    @APIResponse(responseCode = "400", description = "Missing or unknown occupation, or the activity is not open to it")
    @APIResponse(responseCode = "403", description = "Not a worker")
    @APIResponse(responseCode = "404", description = "No such activity")
    @APIResponse(responseCode = "409", description = "Not published, cancelled, completed or already started")
    public RestResponse<RegistrationView> register(@PathParam("id") UUID id,
                                                   @NotNull @Valid RegistrationRequest request, UriInfo uri) {
        var outcome = outcomes.track(REGISTRATIONS, () -> registrations.register(id, request.occupation(),
                access.caller(identity)), RegistrationResource::outcome);
        RegistrationView view = RegistrationView.of(outcome.registration(), outcome.waitlistPosition());
        var location = uri.getBaseUriBuilder().path("api/v1/activities").path(id.toString())
                .path("registrations/mine").build();
        return outcome.created()
                ? RestResponse.ResponseBuilder.<RegistrationView>created(location).entity(view).build()
                : RestResponse.ResponseBuilder.ok(view).location(location).build();
    }

    /** yizhan_activity_registrations_total{outcome}: registered, waitlisted, already_registered or refused_*. */
    static final String REGISTRATIONS = "yizhan.activity.registrations";

    private static String outcome(RegistrationService.Outcome outcome) {
        if (!outcome.created()) {
            return "already_registered";
        }
        return outcome.registration().status.name().toLowerCase(java.util.Locale.ROOT);
    }

    @GET
    @Path("/{id}/registrations/mine")
    @RolesAllowed(Roles.WORKER)
    @Operation(summary = "My registration for an activity", description = "The live one, else the latest ended one.")
    @APIResponse(responseCode = "200", description = "The registration",
            content = @Content(schema = @Schema(implementation = RegistrationView.class)))
    @APIResponse(responseCode = "404", description = "No such activity, or never registered")
    public RegistrationView mine(@PathParam("id") UUID id) {
        var outcome = registrations.mine(id, access.caller(identity));
        return RegistrationView.of(outcome.registration(), outcome.waitlistPosition());
    }

    @DELETE
    @Path("/{id}/registrations/mine")
    @RolesAllowed(Roles.WORKER)
    @Operation(summary = "Cancel my registration",
            description = "Until the activity starts. A place it held is offered to the first in the waitlist. "
                    + "Publishes registration.cancelled (reason CANCELLED_BY_WORKER).")
    @APIResponse(responseCode = "200", description = "CANCELLED",
            content = @Content(schema = @Schema(implementation = RegistrationView.class)))
    @APIResponse(responseCode = "404", description = "No such activity or no live registration")
    @APIResponse(responseCode = "409", description = "The activity has started")
    public RegistrationView cancelMyRegistration(@PathParam("id") UUID id) {
        return RegistrationView.of(registrations.cancelMine(id, access.caller(identity)).registration(), null);
    }

    @POST
    @Path("/{id}/registrations/mine/confirm")
    @RolesAllowed(Roles.WORKER)
    @Operation(summary = "Confirm an offered place",
            description = "OFFERED becomes REGISTERED if confirmed before confirmBy; confirming a REGISTERED "
                    + "registration again changes nothing.")
    @APIResponse(responseCode = "200", description = "REGISTERED",
            content = @Content(schema = @Schema(implementation = RegistrationView.class)))
    @APIResponse(responseCode = "404", description = "No such activity or no live registration")
    @APIResponse(responseCode = "409", description = "Still waitlisted, or the offer expired")
    public RegistrationView confirm(@PathParam("id") UUID id) {
        return RegistrationView.of(registrations.confirmMine(id, access.caller(identity)).registration(), null);
    }

    @GET
    @Path("/registrations/mine")
    @RolesAllowed(Roles.WORKER)
    @Operation(summary = "All my registrations", description = "Live and past, newest first; with upcoming=true "
            + "only the live ones (REGISTERED, WAITLISTED, OFFERED) of activities that have not ended yet.")
    @APIResponse(responseCode = "200", description = "A page of registrations")
    @APIResponse(responseCode = "400", description = "Invalid limit, upcoming or cursor")
    public Page<MyRegistrationView> allMine(@QueryParam("limit") @Parameter(description = "Items per page", schema = @Schema(type = SchemaType.INTEGER, format = "int32",
                    minimum = "1", maximum = "" + ApiLimits.PAGE_LIMIT_MAX, defaultValue = "20")) String limitText,
                                            @QueryParam("upcoming") @Parameter(description = "true: only live "
                                                    + "registrations of activities that have not ended",
                                                    schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "false"))
                                            String upcomingText,
                                            @QueryParam("cursor") @Size(max = ApiLimits.CURSOR_MAX) String cursor) {
        Params params = new Params();
        Integer limit = params.integer("limit", limitText, 1, ApiLimits.PAGE_LIMIT_MAX, 20);
        boolean upcoming = params.flag("upcoming", upcomingText, false);
        params.throwIfAny();
        var page = registrations.allMine(access.caller(identity), upcoming, Cursor.decode(cursor), limit);
        var byId = activities.byIds(page.items().stream().map(r -> r.activityId).distinct().toList());
        return new Page<>(page.items().stream()
                .map(r -> MyRegistrationView.of(r, byId.get(r.activityId), registrations.position(r)))
                .toList(), page.nextCursor());
    }

    @GET
    @Path("/{id}/registrations")
    @RolesAllowed({Roles.UNION_ADMIN, Roles.PARTNER})
    @Operation(summary = "Who registered",
            description = "Organisers (union admins, partners organising the activity). Counts per status and a page "
                    + "of registrations, first come first; workers appear as pseudonyms only.")
    @APIResponse(responseCode = "200", description = "Counts and a page",
            content = @Content(schema = @Schema(implementation = RosterView.class)))
    @APIResponse(responseCode = "403", description = "Not an organiser of this activity")
    @APIResponse(responseCode = "404", description = "No such activity")
    public RosterView roster(@PathParam("id") UUID id,
                             @QueryParam("status") @Parameter(example = "WAITLISTED",
                                     schema = @Schema(implementation = RegistrationStatus.class)) String status,
                             @QueryParam("limit") @Parameter(description = "Items per page", schema = @Schema(type = SchemaType.INTEGER, format = "int32",
                    minimum = "1", maximum = "" + ApiLimits.LONG_PAGE_LIMIT_MAX, defaultValue = "50")) String limitText,
                             @QueryParam("cursor") @Size(max = ApiLimits.CURSOR_MAX) String cursor) {
        int limit = ApiLimits.limit(limitText, 50, ApiLimits.LONG_PAGE_LIMIT_MAX);
        var roster = registrations.roster(id, statusOf(status), access.caller(identity), Cursor.decode(cursor), limit);
        var page = roster.registrations();
        return new RosterView(id, roster.activity().capacity, roster.placesTaken(), roster.counts(),
                page.items().stream().map(r -> RegistrationView.of(r, null)).toList(),
                page.nextCursor());
    }

    private static RegistrationStatus statusOf(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return RegistrationStatus.valueOf(status.strip());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("status", "取值必须是以下之一 / must be one of: "
                    + java.util.Arrays.toString(RegistrationStatus.values()));
        }
    }
}
