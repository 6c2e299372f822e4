package org.yizhan.legalaid.rest.duty;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
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
import org.yizhan.kit.geo.GeoCircle;
import org.yizhan.kit.geo.GeoPoint;
import org.yizhan.kit.http.Params;
import org.yizhan.kit.paging.Page;
import org.yizhan.kit.problem.FieldErrors;
import org.yizhan.kit.security.Roles;
import org.yizhan.kit.validation.Validation;
import org.yizhan.legalaid.domain.duty.DutySession;
import org.yizhan.legalaid.domain.duty.Lawyer;
import org.yizhan.legalaid.domain.duty.SessionBooking;
import org.yizhan.legalaid.service.audit.Callers;
import org.yizhan.legalaid.service.duty.DutySessionService;
import org.yizhan.legalaid.service.duty.LawyerService;
import org.yizhan.legalaid.service.duty.SessionBookingService;

import java.util.UUID;

@Path("/api/v1/legal-aid/sessions")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "jwt")
@Tag(name = "Lawyers and duty sessions")
public class SessionResource {

    private final DutySessionService sessions;
    private final SessionBookingService bookings;
    private final LawyerService lawyers;
    private final Validation validation;
    private final Callers callers;

    public SessionResource(DutySessionService sessions, SessionBookingService bookings, LawyerService lawyers,
                           Validation validation, Callers callers) {
        this.sessions = sessions;
        this.bookings = bookings;
        this.lawyers = lawyers;
        this.validation = validation;
        this.callers = callers;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.UNION_ADMIN)
    @Operation(summary = "Plan a duty session",
            description = "Union admins. A registered lawyer at an open station (from the station replica), cut into "
                    + "slots of slotMinutes that workers can book; workers may also just come.")
    @APIResponse(responseCode = "201", description = "Planned, with its slots",
            content = @Content(schema = @Schema(implementation = SessionView.class)))
    @APIResponse(responseCode = "400", description = "Invalid request (an unknown station or lawyer, times)")
    @APIResponse(responseCode = "403", description = "Not a union admin")
    @APIResponse(responseCode = "409", description = "The station is not open, or the lawyer is on duty elsewhere then")
    public RestResponse<SessionView> planSession(@NotNull SessionRequest request, UriInfo uri) {
        FieldErrors errors = validation.check(request);
        request.checkRules(errors);
        errors.throwIfAny();
        DutySession s = sessions.plan(request.toNew(), callers.current());
        var location = uri.getBaseUriBuilder().path("api/v1/legal-aid/sessions").path(s.id.toString()).build();
        return RestResponse.ResponseBuilder.<SessionView>created(location).entity(view(s)).build();
    }

    @GET
    @Authenticated
    @Operation(summary = "The next duty sessions near a point",
            description = "Sessions that have not ended, at open stations within radiusKm of the point (WGS-84), "
                    + "soonest first, with how many slots are still free.")
    @APIResponse(responseCode = "200", description = "A page of sessions")
    @APIResponse(responseCode = "400", description = "Invalid parameters")
    public Page<UpcomingSessionView> sessionsNear(
            @QueryParam("lat") @Parameter(required = true, schema = @Schema(type = SchemaType.NUMBER, minimum = "-90",
                    maximum = "90", example = "39.7268")) String latText,
            @QueryParam("lon") @Parameter(required = true, schema = @Schema(type = SchemaType.NUMBER, minimum = "-180",
                    maximum = "180", example = "116.3411")) String lonText,
            @QueryParam("radiusKm") @Parameter(schema = @Schema(type = SchemaType.NUMBER, minimum = "0.1", maximum = "50",
                    defaultValue = "5")) String radiusText,
            @QueryParam("limit") @Parameter(schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1",
                    maximum = "50", defaultValue = "10")) String limitText,
            @QueryParam("cursor") @Parameter(schema = @Schema(type = SchemaType.STRING, maxLength = Page.MAX_CURSOR_LENGTH))
            String cursor) {
        Params params = new Params();
        Double lat = params.number("lat", latText, -90, 90);
        Double lon = params.number("lon", lonText, -180, 180);
        Double radius = params.number("radiusKm", radiusText, 0.1, 50);
        Integer limit = params.integer("limit", limitText, 1, 50, 10);
        if (lat == null && !params.errors().has("lat")) {
            params.errors().add("lat", "必填 / required");
        }
        if (lon == null && !params.errors().has("lon")) {
            params.errors().add("lon", "必填 / required");
        }
        params.throwIfAny();
        GeoCircle near = new GeoCircle(new GeoPoint(lat, lon), (radius == null ? 5 : radius) * 1000);
        return sessions.near(near, cursor, limit).map(UpcomingSessionView::of);
    }

    @GET
    @Path("/{id}")
    @Authenticated
    @Operation(summary = "A duty session with its slots",
            description = "Where and when the lawyer is on duty, and which slots are free (never who booked them).")
    @APIResponse(responseCode = "200", description = "The session",
            content = @Content(schema = @Schema(implementation = SessionView.class)))
    @APIResponse(responseCode = "404", description = "No such session")
    public SessionView session(@PathParam("id") UUID id) {
        return view(sessions.get(id));
    }

    @POST
    @Path("/{id}/bookings")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.WORKER)
    @Operation(summary = "Book a slot of a duty session",
            description = "Workers. One worker per slot and one slot per worker and session; never overbooked. "
                    + "Recorded in the audit log.")
    @APIResponse(responseCode = "201", description = "Booked",
            content = @Content(schema = @Schema(implementation = BookingView.class)))
    @APIResponse(responseCode = "400", description = "Not a slot of this session")
    @APIResponse(responseCode = "403", description = "Not a worker")
    @APIResponse(responseCode = "404", description = "No such session")
    @APIResponse(responseCode = "409", description = "The slot is taken or has started, or the worker already has a "
            + "slot at this session")
    public RestResponse<BookingView> bookSessionSlot(@PathParam("id") UUID id, @NotNull BookingRequest request,
                                                     UriInfo uri) {
        validation.check(request).throwIfAny();
        sessions.get(id);
        SessionBooking b = bookings.book(id, request.slotId(), callers.current());
        var location = uri.getBaseUriBuilder().path("api/v1/legal-aid/bookings").path(b.id.toString()).build();
        return RestResponse.ResponseBuilder.<BookingView>created(location).entity(BookingView.of(b, bookings.slot(b)))
                .build();
    }

    private SessionView view(DutySession s) {
        Lawyer lawyer = lawyers.require(s.lawyerId, "lawyerId");
        return SessionView.of(s, sessions.station(s), lawyer, lawyers.name(lawyer), sessions.slots(s.id));
    }
}
