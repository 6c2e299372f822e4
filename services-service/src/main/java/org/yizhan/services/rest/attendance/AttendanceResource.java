package org.yizhan.services.rest.attendance;

import org.yizhan.kit.replica.StationReplica;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
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
import org.jboss.resteasy.reactive.RestResponse;
import org.yizhan.kit.http.Versions;
import org.yizhan.kit.security.Roles;
import org.yizhan.services.domain.activity.Activity;
import org.yizhan.services.rest.activity.ActivityView;
import org.yizhan.services.service.activity.ActivityAccess;
import org.yizhan.services.service.attendance.AttendanceService;
import org.yizhan.services.service.attendance.CheckInOutcome;

import java.util.UUID;

@Path("/api/v1/activities")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "jwt")
@Tag(name = "Check-in and attendance", description = "One-time QR passes, offline check-in uploads, completion")
public class AttendanceResource {

    private final AttendanceService attendance;
    private final ActivityAccess access;
    private final SecurityIdentity identity;
    private final StationReplica stations;

    public AttendanceResource(AttendanceService attendance, ActivityAccess access, SecurityIdentity identity,
                              StationReplica stations) {
        this.attendance = attendance;
        this.access = access;
        this.identity = identity;
        this.stations = stations;
    }

    @POST
    @Path("/{id}/check-in-pass")
    @RolesAllowed(Roles.WORKER)
    @Operation(summary = "A one-time check-in pass",
            description = "Workers, registered or not (without a place they count as walk-ins). The app shows the "
                    + "pass as a QR code; it is valid until an hour after the end and counts once.")
    @APIResponse(responseCode = "200", description = "A new pass",
            content = @Content(schema = @Schema(implementation = CheckInPassView.class)))
    @APIResponse(responseCode = "404", description = "No such activity")
    @APIResponse(responseCode = "409", description = "Cancelled, or more than an hour after the end")
    public CheckInPassView pass(@PathParam("id") UUID id) {
        var pass = attendance.issuePass(id, access.caller(identity));
        return new CheckInPassView(pass.token(), pass.passId(), pass.forId(), pass.expiresAt());
    }

    @POST
    @Path("/{id}/check-ins")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.UNION_ADMIN, Roles.PARTNER})
    @Operation(summary = "Upload scanned passes",
            description = "Organisers' devices, online or after being offline: up to 500 scans with their original "
                    + "scan time. Each scan is COUNTED, DUPLICATE (this same scan was uploaded before; it counts once) "
                    + "or REJECTED with a reason (INVALID_PASS, OTHER_ACTIVITY, EXPIRED, OUTSIDE_WINDOW, "
                    + "SCANNED_IN_FUTURE, REPLAYED, ALREADY_CHECKED_IN); one bad scan never fails the others. "
                    + "Scans uploaded after completion still count and publish activity.completed again.")
    @APIResponse(responseCode = "200", description = "One result per scan",
            content = @Content(schema = @Schema(implementation = CheckInResultView.class)))
    @APIResponse(responseCode = "400", description = "Malformed body: no scans, more than 500, a scan without pass or scannedAt")
    @APIResponse(responseCode = "403", description = "Not an organiser of this activity")
    @APIResponse(responseCode = "404", description = "No such activity")
    @APIResponse(responseCode = "409", description = "A draft or cancelled activity")
    public CheckInResultView checkIns(@PathParam("id") UUID id, @NotNull @Valid CheckInUpload upload) {
        var scans = upload.checkIns().stream()
                .map(s -> new AttendanceService.Scan(s.pass().strip(), s.scannedAt())).toList();
        var result = attendance.upload(id, scans, access.caller(identity));
        int counted = 0;
        int duplicates = 0;
        int rejected = 0;
        for (CheckInOutcome o : result.outcomes()) {
            switch (o.result()) {
                case COUNTED -> counted++;
                case DUPLICATE -> duplicates++;
                case REJECTED -> rejected++;
            }
        }
        var totals = result.attendance();
        return new CheckInResultView(id, counted, duplicates, rejected, result.outcomes().stream()
                .map(o -> new CheckInResultView.Item(o.index(), o.result(), o.reason(), o.participant(), o.kind()))
                .toList(), new CheckInResultView.Totals(totals.attended(), totals.walkIns(), totals.noShows()));
    }

    @POST
    @Path("/{id}/complete")
    @RolesAllowed({Roles.UNION_ADMIN, Roles.PARTNER})
    @Operation(summary = "Mark an activity as held",
            description = "Organisers, once it has started. Registered workers without a check-in become NO_SHOW; "
                    + "whoever still waits is EXPIRED. Publishes activity.completed with attended, walk-ins and no-shows.")
    @APIResponse(responseCode = "200", description = "COMPLETED",
            content = @Content(schema = @Schema(implementation = ActivityView.class)))
    @APIResponse(responseCode = "403", description = "Not an organiser of this activity")
    @APIResponse(responseCode = "404", description = "No such activity")
    @APIResponse(responseCode = "409", description = "Not published, or not started yet")
    public RestResponse<ActivityView> complete(@PathParam("id") UUID id) {
        Activity a = attendance.complete(id, access.caller(identity));
        return RestResponse.ResponseBuilder.ok(ActivityView.of(a, stations.find(a.stationId).orElse(null), null))
                .tag(Versions.etag(a.version)).build();
    }
}
