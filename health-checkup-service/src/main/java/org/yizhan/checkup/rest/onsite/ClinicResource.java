package org.yizhan.checkup.rest.onsite;

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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.yizhan.checkup.domain.booking.Appointment;
import org.yizhan.checkup.service.booking.BookingService;
import org.yizhan.checkup.service.onsite.OnSiteService;
import org.yizhan.kit.http.Params;
import org.yizhan.kit.paging.Page;
import org.yizhan.kit.problem.ProblemException;
import org.yizhan.kit.problem.ProblemType;
import org.yizhan.kit.security.OrganisationClaim;
import org.yizhan.kit.security.Roles;
import org.yizhan.kit.validation.Validation;

import java.time.LocalDate;
import java.util.UUID;

@Path("/api/v1/checkups/clinic")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "jwt")
@Tag(name = "On site", description = "For partner clinics (role clinic, their token's org): scanning passes, "
        + "finishing checkups, the list of the day")
public class ClinicResource {

    private final OnSiteService onSite;
    private final BookingService bookings;
    private final Validation validation;
    private final SecurityIdentity identity;

    public ClinicResource(OnSiteService onSite, BookingService bookings, Validation validation,
                          SecurityIdentity identity) {
        this.onSite = onSite;
        this.bookings = bookings;
        this.validation = validation;
        this.identity = identity;
    }

    @POST
    @Path("/scans")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.CLINIC)
    @Operation(summary = "Redeem scanned passes",
            description = "Clinics. One scan just taken, or a batch scanned offline and uploaded later: each scan keeps "
                    + "its own time as the arrival time, and is decided on its own (booked → arrived; a late scan of a "
                    + "no-show also counts). A pass is redeemed once: a second scan of it is REJECTED with "
                    + "ALREADY_REDEEMED, while the same scan uploaded again (same pass and time) is a DUPLICATE that "
                    + "changes nothing. Passes of other clinics' sites are rejected.")
    @APIResponse(responseCode = "200", description = "One outcome per scan",
            content = @Content(schema = @Schema(implementation = ScanResultView.class)))
    @APIResponse(responseCode = "400", description = "Invalid upload (no scans, too many, a scan without time)")
    @APIResponse(responseCode = "403", description = "Not a clinic, or a token without org")
    public ScanResultView redeemScans(@NotNull ScanUpload upload) {
        validation.check(upload).throwIfAny();
        return ScanResultView.of(onSite.redeem(upload.toScans(), clinic()));
    }

    @POST
    @Path("/appointments/{id}/fulfilled")
    @RolesAllowed(Roles.CLINIC)
    @Operation(summary = "Mark a checkup as done",
            description = "Clinics, for their own sites. arrived → fulfilled; publishes appointment.fulfilled. No "
                    + "results: they stay with the clinic. Marking again changes nothing.")
    @APIResponse(responseCode = "200", description = "Fulfilled",
            content = @Content(schema = @Schema(implementation = ClinicAppointmentView.class)))
    @APIResponse(responseCode = "403", description = "Not the clinic of the appointment's site")
    @APIResponse(responseCode = "404", description = "No such appointment")
    @APIResponse(responseCode = "409", description = "The pass was not scanned (not arrived)")
    public ClinicAppointmentView markFulfilled(@PathParam("id") UUID id) {
        return view(onSite.fulfil(id, clinic()));
    }

    @GET
    @Path("/sites/{siteId}/appointments")
    @RolesAllowed(Roles.CLINIC)
    @Operation(summary = "The appointments of a day at my site",
            description = "Clinics, for their own sites. Booked, arrived, fulfilled and no-show appointments of the "
                    + "day, by slot time; names and phones masked.")
    @APIResponse(responseCode = "200", description = "A page of appointments")
    @APIResponse(responseCode = "400", description = "Invalid parameters (day missing or not YYYY-MM-DD)")
    @APIResponse(responseCode = "403", description = "Not the site's clinic")
    @APIResponse(responseCode = "404", description = "No such site")
    public Page<ClinicAppointmentView> dayAtSite(
            @PathParam("siteId") UUID siteId,
            @QueryParam("day") @Parameter(required = true, description = "The day, Beijing time",
                    schema = @Schema(type = SchemaType.STRING, format = "date", maxLength = 10)) String dayText,
            @QueryParam("limit") @Parameter(schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1",
                    maximum = "200", defaultValue = "50")) String limitText,
            @QueryParam("cursor") @Parameter(schema = @Schema(type = SchemaType.STRING, maxLength = 200)) String cursor) {
        Params params = new Params();
        LocalDate day = params.date("day", dayText);
        if (day == null && dayText == null) {
            params.errors().add("day", "必填 / required");
        }
        Integer limit = params.integer("limit", limitText, 1, 200, 50);
        params.throwIfAny();
        return onSite.day(siteId, day, clinic(), cursor, limit).map(this::view);
    }

    private ClinicAppointmentView view(Appointment a) {
        return ClinicAppointmentView.of(a, bookings.slot(a), bookings.name(a), bookings.phone(a));
    }

    private String clinic() {
        return OrganisationClaim.of(identity).orElseThrow(() -> new ProblemException(ProblemType.FORBIDDEN,
                "令牌未注明所属机构", "The token names no organisation"));
    }
}
