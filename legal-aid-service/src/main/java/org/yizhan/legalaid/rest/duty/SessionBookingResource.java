package org.yizhan.legalaid.rest.duty;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.yizhan.kit.http.Params;
import org.yizhan.kit.paging.Page;
import org.yizhan.kit.security.Roles;
import org.yizhan.legalaid.domain.duty.SessionBooking;
import org.yizhan.legalaid.service.audit.Callers;
import org.yizhan.legalaid.service.duty.SessionBookingService;

import java.util.UUID;

@Path("/api/v1/legal-aid/bookings")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "jwt")
@Tag(name = "Lawyers and duty sessions")
public class SessionBookingResource {

    private final SessionBookingService bookings;
    private final Callers callers;

    public SessionBookingResource(SessionBookingService bookings, Callers callers) {
        this.bookings = bookings;
        this.callers = callers;
    }

    @POST
    @Path("/{id}/cancel")
    @RolesAllowed(Roles.WORKER)
    @Operation(summary = "Cancel my booked slot", description = "Until the slot starts; the slot is free again. "
            + "Cancelling again changes nothing.")
    @APIResponse(responseCode = "200", description = "Cancelled",
            content = @Content(schema = @Schema(implementation = BookingView.class)))
    @APIResponse(responseCode = "403", description = "Not a worker")
    @APIResponse(responseCode = "404", description = "No such booking of this worker")
    @APIResponse(responseCode = "409", description = "The slot has started")
    public BookingView cancelSessionBooking(@PathParam("id") UUID id) {
        SessionBooking b = bookings.cancel(id, callers.current());
        return BookingView.of(b, bookings.slot(b));
    }

    @GET
    @Path("/mine")
    @RolesAllowed(Roles.WORKER)
    @Operation(summary = "My booked slots", description = "Newest first, cancelled ones included.")
    @APIResponse(responseCode = "200", description = "A page of bookings")
    @APIResponse(responseCode = "400", description = "Invalid parameters")
    @APIResponse(responseCode = "403", description = "Not a worker")
    public Page<BookingView> mySessionBookings(
            @QueryParam("limit") @Parameter(schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1",
                    maximum = "100", defaultValue = "20")) String limitText,
            @QueryParam("cursor") @Parameter(schema = @Schema(type = SchemaType.STRING, maxLength = Page.MAX_CURSOR_LENGTH))
            String cursor) {
        Params params = new Params();
        Integer limit = params.integer("limit", limitText, 1, 100, 20);
        params.throwIfAny();
        return bookings.mine(callers.current(), cursor, limit).map(b -> BookingView.of(b, bookings.slot(b)));
    }
}
