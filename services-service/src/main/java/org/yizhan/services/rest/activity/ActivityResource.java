package org.yizhan.services.rest.activity;

import org.yizhan.services.repository.UpcomingActivities;
import org.yizhan.kit.time.AppClock;
import org.yizhan.kit.replica.StationReplica;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.yizhan.services.rest.ApiLimits;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
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
import org.yizhan.kit.http.Versions;
import org.yizhan.kit.idempotency.IdempotencyKeys;
import org.yizhan.kit.paging.Cursor;
import org.yizhan.kit.paging.Page;
import org.yizhan.kit.problem.ProblemException;
import org.yizhan.kit.security.Roles;
import org.yizhan.services.domain.activity.Activity;
import org.yizhan.services.domain.activity.ActivityStatus;
import org.yizhan.events.Occupation;
import org.yizhan.services.service.activity.ActivityAccess;
import org.yizhan.services.service.activity.ActivityDetails;
import org.yizhan.services.service.activity.ActivityRules;
import org.yizhan.services.service.activity.ActivityService;
import org.yizhan.services.service.activity.CoOrganisers;

import java.time.Instant;
import java.util.UUID;

@Path("/api/v1/activities")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "jwt")
@Tag(name = "Activities", description = "Integrated service activities at the stations")
public class ActivityResource {

    private final ActivityService activities;
    private final ActivityAccess access;
    private final SecurityIdentity identity;
    private final StationReplica stations;
    private final CoOrganisers coOrganisers;
    private final UpcomingActivities upcoming;
    private final AppClock clock;

    public ActivityResource(ActivityService activities, ActivityAccess access, SecurityIdentity identity,
                            StationReplica stations, CoOrganisers coOrganisers, UpcomingActivities upcoming,
                            AppClock clock) {
        this.upcoming = upcoming;
        this.clock = clock;
        this.coOrganisers = coOrganisers;
        this.activities = activities;
        this.access = access;
        this.identity = identity;
        this.stations = stations;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.UNION_ADMIN, Roles.PARTNER})
    @Operation(summary = "Plan an activity (draft)",
            description = "Union admins and partners. The venue must be an active station; a partner's own "
                    + "organisation is always an organiser, co-organisers are listed once in organisers. Send an "
                    + "Idempotency-Key to make retries safe (a retry answers 200 with the first draft).")
    @APIResponse(responseCode = "201", description = "Created as DRAFT",
            content = @Content(schema = @Schema(implementation = ActivityView.class)))
    @APIResponse(responseCode = "200", description = "A retry with the same Idempotency-Key")
    @APIResponse(responseCode = "400", description = "Invalid fields, unknown type, partner or station, or an inactive station")
    @APIResponse(responseCode = "403", description = "Not an admin or registered partner")
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used for another activity")
    public RestResponse<ActivityView> create(@NotNull ActivityDetails details,
                                             @HeaderParam(IdempotencyKeys.HEADER) @Size(max = ApiLimits.IDEMPOTENCY_KEY_MAX) String idempotencyKey,
                                             UriInfo uri) {
        var creation = activities.create(details, access.caller(identity), idempotencyKey);
        Activity a = creation.activity();
        var location = uri.getBaseUriBuilder().path("api/v1/activities").path(a.id.toString()).build();
        var response = creation.created()
                ? RestResponse.ResponseBuilder.<ActivityView>created(location)
                : RestResponse.ResponseBuilder.<ActivityView>ok().location(location);
        return response.entity(view(a, null)).tag(Versions.etag(a.version)).build();
    }

    @GET
    @Authenticated
    @Operation(summary = "Upcoming activities",
            description = "Published activities that are not over, soonest first. Near a point (lat, lon, radiusKm) "
                    + "or at one station; filters on type, occupation (activities open to it) and a time window.")
    @APIResponse(responseCode = "200", description = "A page of activities; distanceM when searching near a point")
    @APIResponse(responseCode = "400", description = "Invalid parameters")
    public Page<ActivityView> upcoming(
            @QueryParam("lat") @Parameter(example = "39.7268", schema = @Schema(type = SchemaType.NUMBER,
                    minimum = "-90", maximum = "90")) String latText,
            @QueryParam("lon") @Parameter(example = "116.3411", schema = @Schema(type = SchemaType.NUMBER,
                    minimum = "-180", maximum = "180")) String lonText,
            @QueryParam("radiusKm") @Parameter(schema = @Schema(type = SchemaType.NUMBER, minimum = ApiLimits.RADIUS_KM_MIN,
                    maximum = ApiLimits.RADIUS_KM_MAX, defaultValue = "5")) String radiusText,
            @QueryParam("stationId") @Parameter(schema = @Schema(type = SchemaType.STRING, format = "uuid"))
            String stationText,
            @QueryParam("type") @Size(max = ActivityRules.TYPE_CODE_MAX) String type,
            @QueryParam("occupation") @Parameter(description = "Only activities open to this occupation",
                    schema = @Schema(implementation = Occupation.class)) String occupationText,
            @QueryParam("from") @Size(max = ApiLimits.TIME_TEXT_MAX) @Parameter(description = "Default now", example = "2026-12-01T00:00:00Z") String fromText,
            @QueryParam("to") @Size(max = ApiLimits.TIME_TEXT_MAX) @Parameter(example = "2026-12-31T16:00:00Z") String toText,
            @QueryParam("limit") @Parameter(description = "Items per page", schema = @Schema(type = SchemaType.INTEGER, format = "int32",
                    minimum = "1", maximum = "" + ApiLimits.PAGE_LIMIT_MAX, defaultValue = "20")) String limitText,
            @QueryParam("cursor") @Size(max = ApiLimits.CURSOR_MAX) String cursor) {
        int limit = ApiLimits.limit(limitText, 20, ApiLimits.PAGE_LIMIT_MAX);
        Params params = new Params();
        Double lat = params.number("lat", latText, -90, 90);
        Double lon = params.number("lon", lonText, -180, 180);
        Double radius = params.number("radiusKm", radiusText, Double.parseDouble(ApiLimits.RADIUS_KM_MIN),
                Double.parseDouble(ApiLimits.RADIUS_KM_MAX));
        double radiusKm = radius == null ? ApiLimits.RADIUS_KM_DEFAULT : radius;
        UUID stationId = params.uuid("stationId", stationText);
        Occupation occupation = params.enumValue(Occupation.class, "occupation", occupationText);
        Instant from = params.instant("from", fromText);
        Instant to = params.instant("to", toText);
        params.throwIfAny();
        if ((lat == null) != (lon == null)) {
            throw ProblemException.invalidField(lat == null ? "lat" : "lon", "lat 与 lon 须同时给出 / give both lat and lon");
        }
        if (from != null && to != null && !to.isAfter(from)) {
            throw ProblemException.invalidField("to", "须晚于 from / must be after from");
        }
        var page = upcoming.page(new UpcomingActivities.Filter(UpcomingActivities.circle(lat, lon, radiusKm), stationId,
                type, occupation, from, to), clock.now(), Cursor.decode(cursor), limit);
        return new Page<>(page.items().stream().map(l -> ActivityView.of(l.activity(), l.venue(), l.distanceM())).toList(),
                page.nextCursor());
    }

    @GET
    @Path("/organised")
    @RolesAllowed({Roles.UNION_ADMIN, Roles.PARTNER})
    @Operation(summary = "Activities an organiser manages",
            description = "Partners see their organisation's activities in every status; admins all, or one partner's.")
    @APIResponse(responseCode = "200", description = "A page of activities, latest start first")
    public Page<ActivityView> organised(@QueryParam("partner") @Size(max = ActivityRules.PARTNER_CODE_MAX) @Parameter(description = "Admins only") String partner,
                                        @QueryParam("status")
                                        @Parameter(schema = @Schema(implementation = ActivityStatus.class)) String statusText,
                                        @QueryParam("limit") @Parameter(description = "Items per page", schema = @Schema(type = SchemaType.INTEGER, format = "int32",
                    minimum = "1", maximum = "" + ApiLimits.PAGE_LIMIT_MAX, defaultValue = "20")) String limitText,
                                        @QueryParam("cursor") @Size(max = ApiLimits.CURSOR_MAX) String cursor) {
        int limit = ApiLimits.limit(limitText, 20, ApiLimits.PAGE_LIMIT_MAX);
        Params params = new Params();
        ActivityStatus status = params.enumValue(ActivityStatus.class, "status", statusText);
        params.throwIfAny();
        var page = activities.organised(access.caller(identity), partner, status, Cursor.decode(cursor), limit);
        return new Page<>(page.items().stream().map(a -> view(a, null)).toList(), page.nextCursor());
    }

    @GET
    @Path("/{id}")
    @Authenticated
    @Operation(summary = "One activity", description = "Drafts are visible to their organisers and admins only.")
    @APIResponse(responseCode = "200", description = "The activity; the ETag is its version",
            content = @Content(schema = @Schema(implementation = ActivityView.class)))
    @APIResponse(responseCode = "404", description = "No such activity")
    public RestResponse<ActivityView> getActivity(@PathParam("id") UUID id) {
        Activity a = activities.get(id, access.caller(identity));
        return RestResponse.ResponseBuilder.ok(view(a, null)).tag(Versions.etag(a.version)).build();
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.UNION_ADMIN, Roles.PARTNER})
    @Operation(summary = "Change a draft or published activity",
            description = "Requires If-Match with the ETag as read. A change to a published activity publishes "
                    + "activity.published again with the new version.")
    @APIResponse(responseCode = "200", description = "Changed",
            content = @Content(schema = @Schema(implementation = ActivityView.class)))
    @APIResponse(responseCode = "409", description = "Cancelled or completed activities cannot change")
    @APIResponse(responseCode = "412", description = "Changed since it was read")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public RestResponse<ActivityView> update(@PathParam("id") UUID id, @NotNull ActivityDetails details,
                                             @HeaderParam("If-Match") @Size(max = ApiLimits.IF_MATCH_MAX) @Parameter(example = "\"2\"") String ifMatch) {
        int version = Versions.fromIfMatch(ifMatch);
        Activity a = activities.update(id, details, version, access.caller(identity));
        return RestResponse.ResponseBuilder.ok(view(a, null)).tag(Versions.etag(a.version)).build();
    }

    @POST
    @Path("/{id}/publish")
    @RolesAllowed({Roles.UNION_ADMIN, Roles.PARTNER})
    @Operation(summary = "Publish a draft", description = "Workers see it and can register; publishes activity.published.")
    @APIResponse(responseCode = "200", description = "Published",
            content = @Content(schema = @Schema(implementation = ActivityView.class)))
    @APIResponse(responseCode = "409", description = "Not a draft")
    public ActivityView publish(@PathParam("id") UUID id) {
        return view(activities.publish(id, access.caller(identity)), null);
    }

    @POST
    @Path("/{id}/cancel")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.UNION_ADMIN, Roles.PARTNER})
    @Operation(summary = "Cancel an activity", description = "With a reason workers see; publishes activity.cancelled "
            + "if it was published.")
    @APIResponse(responseCode = "200", description = "Cancelled",
            content = @Content(schema = @Schema(implementation = ActivityView.class)))
    @APIResponse(responseCode = "409", description = "Already cancelled or completed")
    public ActivityView cancelActivity(@PathParam("id") UUID id, @NotNull @Valid CancelRequest request) {
        return view(activities.cancel(id, request.reason().strip(), access.caller(identity)), null);
    }

    @GET
    @Path("/invitations")
    @RolesAllowed(Roles.PARTNER)
    @Operation(summary = "Invitations to co-organise",
            description = "Activities the calling partner is invited to co-organise and has not answered yet.")
    @APIResponse(responseCode = "200", description = "A page of activities, latest start first")
    public Page<ActivityView> invitations(@QueryParam("limit") @Parameter(description = "Items per page", schema = @Schema(type = SchemaType.INTEGER, format = "int32",
                    minimum = "1", maximum = "" + ApiLimits.PAGE_LIMIT_MAX, defaultValue = "20")) String limitText,
                                          @QueryParam("cursor") @Size(max = ApiLimits.CURSOR_MAX) String cursor) {
        int limit = ApiLimits.limit(limitText, 20, ApiLimits.PAGE_LIMIT_MAX);
        var page = activities.invitations(access.caller(identity), Cursor.decode(cursor), limit);
        return new Page<>(page.items().stream().map(a -> view(a, null)).toList(), page.nextCursor());
    }

    @POST
    @Path("/{id}/invitations/accept")
    @RolesAllowed(Roles.PARTNER)
    @Operation(summary = "Accept an invitation to co-organise",
            description = "The invited partner becomes an organiser: it may manage the activity and it counts in its figures.")
    @APIResponse(responseCode = "200", description = "The activity with the new organiser",
            content = @Content(schema = @Schema(implementation = ActivityView.class)))
    @APIResponse(responseCode = "404", description = "No such activity, or no invitation for the caller")
    public ActivityView accept(@PathParam("id") UUID id) {
        return view(coOrganisers.accept(id, access.caller(identity)), null);
    }

    @POST
    @Path("/{id}/invitations/decline")
    @RolesAllowed(Roles.PARTNER)
    @Operation(summary = "Decline an invitation to co-organise")
    @APIResponse(responseCode = "200", description = "The activity without the invitation",
            content = @Content(schema = @Schema(implementation = ActivityView.class)))
    @APIResponse(responseCode = "404", description = "No such activity, or no invitation for the caller")
    public ActivityView decline(@PathParam("id") UUID id) {
        return view(coOrganisers.decline(id, access.caller(identity)), null);
    }

    @DELETE
    @Path("/{id}/organisers/{partner}")
    @RolesAllowed({Roles.UNION_ADMIN, Roles.PARTNER})
    @Operation(summary = "Remove a co-organiser or withdraw an invitation",
            description = "The lead organiser and admins remove any co-organiser; a co-organiser may remove itself. "
                    + "The lead organiser is never removed.")
    @APIResponse(responseCode = "200", description = "The activity without that partner",
            content = @Content(schema = @Schema(implementation = ActivityView.class)))
    @APIResponse(responseCode = "403", description = "Neither the lead organiser, an admin nor the partner itself")
    @APIResponse(responseCode = "404", description = "No such activity, or the partner neither organises it nor is invited")
    @APIResponse(responseCode = "409", description = "The lead organiser, or the last organiser")
    public ActivityView removeOrganiser(@PathParam("id") UUID id,
                                       @PathParam("partner") @Size(max = ActivityRules.PARTNER_CODE_MAX) String partner) {
        return view(coOrganisers.remove(id, partner, access.caller(identity)), null);
    }

    private ActivityView view(Activity a, Integer distance) {
        return ActivityView.of(a, stations.find(a.stationId).orElse(null), distance);
    }
}
