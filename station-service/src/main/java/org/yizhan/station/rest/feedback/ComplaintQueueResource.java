package org.yizhan.station.rest.feedback;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.yizhan.kit.paging.Cursor;
import org.yizhan.kit.paging.Page;
import org.yizhan.kit.security.Roles;
import org.yizhan.station.rest.ParamLimits;
import org.yizhan.station.service.feedback.ComplaintService;

import java.time.Instant;

/** Complaints across stations: a worker's own, and the overdue queue of union admins. */
@Path("/api/v1/complaints")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Complaints")
public class ComplaintQueueResource {

    private final ComplaintService complaints;
    private final SecurityIdentity identity;

    public ComplaintQueueResource(ComplaintService complaints, SecurityIdentity identity) {
        this.complaints = complaints;
        this.identity = identity;
    }

    @GET
    @Path("/mine")
    @RolesAllowed(Roles.WORKER)
    @SecurityRequirement(name = "jwt")
    @Operation(summary = "My complaints", description = "The caller's complaints with their answers, newest first.")
    @APIResponse(responseCode = "200", description = "A page of complaints")
    @APIResponse(responseCode = "403", description = "Not a worker")
    public Page<ComplaintView> mine(@QueryParam("limit") @DefaultValue("20") @Min(1) @Max(200) int limit,
                                    @QueryParam("cursor") @Size(max = ParamLimits.CURSOR) String cursor) {
        var page = complaints.mine(identity.getPrincipal().getName(), Cursor.decode(cursor), limit);
        Instant now = complaints.now();
        return new Page<>(page.items().stream().map(h -> ComplaintView.of(h, now, false)).toList(), page.nextCursor());
    }

    @GET
    @Path("/overdue")
    @RolesAllowed(Roles.UNION_ADMIN)
    @SecurityRequirement(name = "jwt")
    @Operation(summary = "Overdue complaints",
            description = "For union admins: complaints of every station that nobody answered by respondBy, the "
                    + "oldest deadline first, with the whole hours they are overdue.")
    @APIResponse(responseCode = "200", description = "A page of complaints")
    @APIResponse(responseCode = "403", description = "Not a union admin")
    public Page<ComplaintView> overdue(@QueryParam("limit") @DefaultValue("20") @Min(1) @Max(200) int limit,
                                       @QueryParam("cursor") @Size(max = ParamLimits.CURSOR) String cursor) {
        Cursor after = Cursor.decode(cursor);
        Instant now = complaints.now();
        var page = complaints.overdue(now, after, limit);
        return new Page<>(page.items().stream().map(h -> ComplaintView.of(h, now, true)).toList(), page.nextCursor());
    }
}
