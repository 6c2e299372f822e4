package org.yizhan.checkup.rest.booking;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
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
import org.yizhan.checkup.domain.booking.Appointment;
import org.yizhan.checkup.service.booking.BookingService;
import org.yizhan.checkup.service.onsite.OnSiteService;
import org.yizhan.kit.http.Params;
import org.yizhan.kit.metrics.Outcomes;
import org.yizhan.kit.paging.Page;
import org.yizhan.kit.problem.FieldErrors;
import org.yizhan.kit.security.Roles;
import org.yizhan.kit.validation.Validation;

import java.util.UUID;

@Path("/api/v1/checkups/appointments")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "jwt")
@Tag(name = "Booking", description = "Holding a place, consenting and confirming, cancelling")
public class BookingResource {

    private final BookingService bookings;
    private final OnSiteService onSite;
    private final Validation validation;
    private final SecurityIdentity identity;
    private final Outcomes outcomes;

    /** yizhan_checkup_holds_total{outcome}: pending (a place held), waitlist, or refused_*. */
    static final String HOLDS = "yizhan.checkup.holds";
    /** yizhan_checkup_confirmations_total{outcome}: booked, or refused_*. */
    static final String CONFIRMATIONS = "yizhan.checkup.confirmations";

    public BookingResource(BookingService bookings, OnSiteService onSite, Validation validation,
                           SecurityIdentity identity, Outcomes outcomes) {
        this.outcomes = outcomes;
        this.onSite = onSite;
        this.bookings = bookings;
        this.validation = validation;
        this.identity = identity;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.WORKER)
    @Operation(summary = "Hold a place",
            description = "Workers. Holds a place at the slot for a few minutes (holdExpiresAt) while the worker reads "
                    + "the terms and confirms; an unconfirmed hold gives the place back. One appointment per person and "
                    + "per rider id in a campaign (a place on the waitlist counts as one).")
    @APIResponse(responseCode = "201", description = "Held (status pending), or on the waitlist (status waitlist)",
            content = @Content(schema = @Schema(implementation = AppointmentView.class)))
    @APIResponse(responseCode = "400", description = "Invalid request, an unknown slot, or a campaign not for this occupation")
    @APIResponse(responseCode = "403", description = "Not a worker")
        @APIResponse(responseCode = "409", description = "The slot is full or has started, booking is closed, the site is "
            + "not open, or the worker already has an appointment in the campaign")
    public RestResponse<AppointmentView> holdPlace(@NotNull HoldRequest request, UriInfo uri) {
        FieldErrors errors = validation.check(request);
        errors.throwIfAny();
        Appointment a = outcomes.track(HOLDS, () -> bookings.hold(request.slotId(), request.toDetails(),
                request.joinsWaitlistIfFull(), subject()), held -> held.status.code());
        var location = uri.getBaseUriBuilder().path("api/v1/checkups/appointments").path(a.id.toString()).build();
        return RestResponse.ResponseBuilder.<AppointmentView>created(location).entity(view(a)).build();
    }

    @POST
    @Path("/{id}/confirm")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.WORKER)
    @Operation(summary = "Consent and confirm a held place",
            description = "pending → booked, with the consent recorded (version and time); publishes "
                    + "appointment.booked. Confirming a booked appointment again changes nothing.")
    @APIResponse(responseCode = "200", description = "Booked",
            content = @Content(schema = @Schema(implementation = AppointmentView.class)))
    @APIResponse(responseCode = "400", description = "No consent, or consent to other terms than the current ones")
    @APIResponse(responseCode = "403", description = "Not a worker")
    @APIResponse(responseCode = "404", description = "No such appointment of this worker")
    @APIResponse(responseCode = "409", description = "The hold has expired or was cancelled")
    public AppointmentView confirmPlace(@PathParam("id") UUID id, @NotNull ConfirmRequest request) {
        validation.check(request).throwIfAny();
        return view(outcomes.track(CONFIRMATIONS, () -> bookings.confirm(id, request.consentVersion(), subject()),
                booked -> booked.status.code()));
    }

    @POST
    @Path("/{id}/reschedule")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.WORKER)
    @Operation(summary = "Move a booked appointment to another slot",
            description = "Atomic: the old place is given back only if the new slot (and its quotas) has room; "
                    + "otherwise nothing changes. Publishes appointment.rescheduled.")
    @APIResponse(responseCode = "200", description = "Moved",
            content = @Content(schema = @Schema(implementation = AppointmentView.class)))
    @APIResponse(responseCode = "400", description = "Not a slot of the appointment's campaign")
    @APIResponse(responseCode = "403", description = "Not a worker")
    @APIResponse(responseCode = "404", description = "No such appointment of this worker")
    @APIResponse(responseCode = "409", description = "The new slot is full or not bookable, or the appointment is "
            + "not booked or has started")
    public AppointmentView rescheduleAppointment(@PathParam("id") UUID id, @NotNull RescheduleRequest request) {
        validation.check(request).throwIfAny();
        return view(bookings.reschedule(id, request.slotId(), subject()));
    }

    @POST
    @Path("/{id}/cancel")
    @RolesAllowed(Roles.WORKER)
    @Operation(summary = "Cancel an appointment",
            description = "Gives the place back, until the slot starts; a booked one publishes appointment.cancelled. "
                    + "Cancelling again changes nothing.")
    @APIResponse(responseCode = "200", description = "Cancelled",
            content = @Content(schema = @Schema(implementation = AppointmentView.class)))
    @APIResponse(responseCode = "403", description = "Not a worker")
    @APIResponse(responseCode = "404", description = "No such appointment of this worker")
    @APIResponse(responseCode = "409", description = "The slot has started or the checkup is over")
    public AppointmentView cancelAppointment(@PathParam("id") UUID id) {
        return view(bookings.cancel(id, subject()));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Roles.WORKER)
    @Operation(summary = "One of my appointments")
    @APIResponse(responseCode = "200", description = "The appointment",
            content = @Content(schema = @Schema(implementation = AppointmentView.class)))
    @APIResponse(responseCode = "403", description = "Not a worker")
    @APIResponse(responseCode = "404", description = "No such appointment of this worker")
    public AppointmentView appointment(@PathParam("id") UUID id) {
        return view(bookings.own(id, subject()));
    }

    @GET
    @Path("/{id}/pass")
    @RolesAllowed(Roles.WORKER)
    @Operation(summary = "The one-time pass of my booked appointment",
            description = "A signed token for the app to show as a QR code; the clinic scans it once (also offline). "
                    + "Valid until two hours after the slot ends. Asking again gives a new pass; only one scan counts.")
    @APIResponse(responseCode = "200", description = "The pass",
            content = @Content(schema = @Schema(implementation = PassView.class)))
    @APIResponse(responseCode = "403", description = "Not a worker")
    @APIResponse(responseCode = "404", description = "No such appointment of this worker")
    @APIResponse(responseCode = "409", description = "The appointment is not booked, or was already scanned")
    public PassView appointmentPass(@PathParam("id") UUID id) {
        return PassView.of(onSite.pass(bookings.own(id, subject())));
    }

    @GET
    @Path("/mine")
    @RolesAllowed(Roles.WORKER)
    @Operation(summary = "My appointments", description = "Newest first, in every state; with upcoming=true only "
            + "those still to come: waitlist, pending or booked, for a slot that has not ended.")
    @APIResponse(responseCode = "200", description = "A page of appointments")
    @APIResponse(responseCode = "400", description = "Invalid parameters")
    @APIResponse(responseCode = "403", description = "Not a worker")
    public Page<AppointmentView> myAppointments(
            @QueryParam("limit") @Parameter(schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1",
                    maximum = "100", defaultValue = "20")) String limitText,
            @QueryParam("upcoming") @Parameter(description = "true: only the appointments still to come",
                    schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "false")) String upcomingText,
            @QueryParam("cursor") @Parameter(schema = @Schema(type = SchemaType.STRING, maxLength = 200)) String cursor) {
        Params params = new Params();
        Integer limit = params.integer("limit", limitText, 1, 100, 20);
        boolean upcoming = params.flag("upcoming", upcomingText, false);
        params.throwIfAny();
        return bookings.mine(subject(), upcoming, cursor, limit).map(this::view);
    }

    private AppointmentView view(Appointment a) {
        return AppointmentView.of(a, bookings.site(a), bookings.slot(a), bookings.name(a), bookings.phone(a));
    }

    private String subject() {
        return identity.getPrincipal().getName();
    }
}
