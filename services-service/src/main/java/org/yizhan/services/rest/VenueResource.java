package org.yizhan.services.rest;

import org.yizhan.kit.replica.StationReplica;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import jakarta.validation.constraints.Size;
import io.quarkus.security.Authenticated;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.yizhan.kit.paging.Page;

import java.util.UUID;

@Path("/api/v1/activities/venues")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@SecurityRequirement(name = "jwt")
@Tag(name = "Venues", description = "Stations that can host activities (replicated from station-service)")
public class VenueResource {

    private final StationReplica replica;

    public VenueResource(StationReplica replica) {
        this.replica = replica;
    }

    @GET
    @Operation(summary = "List venues", description = "The local replica of the station registry, in registration order.")
    @APIResponse(responseCode = "200", description = "A page of venues")
    public Page<VenueView> list(@QueryParam("limit") @Parameter(description = "Items per page", schema = @Schema(type = SchemaType.INTEGER, format = "int32",
                    minimum = "1", maximum = "" + ApiLimits.LONG_PAGE_LIMIT_MAX, defaultValue = "20")) String limitText,
                                @QueryParam("cursor") @Size(max = ApiLimits.CURSOR_MAX) String cursor) {
        int limit = ApiLimits.limit(limitText, 20, ApiLimits.LONG_PAGE_LIMIT_MAX);
        var page = replica.page(cursor, limit);
        return new Page<>(page.items().stream().map(VenueView::of).toList(), page.nextCursor());
    }

    @GET
    @Path("/{stationId}")
    @Operation(summary = "Get one venue")
    @APIResponse(responseCode = "200", description = "The venue",
            content = @Content(schema = @Schema(implementation = VenueView.class)))
    @APIResponse(responseCode = "404", description = "Not (yet) replicated")
    public VenueView getVenue(@PathParam("stationId") UUID stationId) {
        return VenueView.of(replica.require(stationId));
    }
}
