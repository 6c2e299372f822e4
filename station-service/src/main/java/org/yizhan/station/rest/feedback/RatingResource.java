package org.yizhan.station.rest.feedback;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.yizhan.kit.paging.Cursor;
import org.yizhan.kit.paging.Page;
import org.yizhan.kit.security.Roles;
import org.yizhan.station.rest.ParamLimits;
import org.yizhan.station.service.feedback.RatingService;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

@Path("/api/v1/stations/{id}/ratings")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Ratings", description = "Workers rate the stations they visited")
public class RatingResource {

    private final RatingService ratings;

    public RatingResource(RatingService ratings) {
        this.ratings = ratings;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.WORKER)
    @SecurityRequirement(name = "jwt")
    @Operation(summary = "Rate a station",
            description = "Only after a visit within the last 7 days (yizhan.ratings.visit-window-days). One rating "
                    + "per worker, station and day (Asia/Shanghai): rating again the same day replaces the first "
                    + "(200). The worker is stored only as a pseudonym.")
    @APIResponse(responseCode = "201", description = "Rated",
            content = @Content(schema = @Schema(implementation = RatingView.class)))
    @APIResponse(responseCode = "200", description = "Replaced the caller's rating of the same day",
            content = @Content(schema = @Schema(implementation = RatingView.class)))
    @APIResponse(responseCode = "400", description = "Invalid request")
    @APIResponse(responseCode = "403", description = "Not a worker")
    @APIResponse(responseCode = "404", description = "No such station")
    @APIResponse(responseCode = "422", description = "No visit to this station in the last 7 days")
    public RestResponse<RatingView> rate(@PathParam("id") UUID stationId, @NotNull @Valid RatingRequest request,
                                         SecurityContext security) {
        var rated = ratings.rate(stationId, security.getUserPrincipal().getName(),
                new RatingService.NewRating(request.stars(), request.comment()));
        return RestResponse.ResponseBuilder.<RatingView>create(rated.created()
                        ? RestResponse.Status.CREATED : RestResponse.Status.OK)
                .entity(RatingView.of(rated.rating())).build();
    }

    @GET
    @PermitAll
    @Operation(operationId = "listRatings", summary = "A station's ratings",
            description = "Public. Count, average and histogram of all ratings, and the latest comments (text, "
                    + "stars and day only) newest first; pass comments.nextCursor as cursor for older ones.")
    @APIResponse(responseCode = "200", description = "The ratings",
            content = @Content(schema = @Schema(implementation = RatingsView.class)))
    @APIResponse(responseCode = "404", description = "No such station")
    public RatingsView list(
            @PathParam("id") UUID stationId,
            @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(200)
            @Parameter(description = "Comments per page", example = "20") int limit,
            @QueryParam("cursor") @Size(max = ParamLimits.CURSOR) String cursor) {
        Cursor after = Cursor.decode(cursor);
        RatingService.Summary summary = ratings.summary(stationId);
        var page = ratings.comments(stationId, after, limit);
        Map<String, Long> histogram = new LinkedHashMap<>();
        summary.histogram().forEach((stars, n) -> histogram.put(String.valueOf(stars), n));
        return new RatingsView(stationId, summary.count(), summary.average(), histogram,
                new Page<>(page.items().stream().map(RatingCommentView::of).toList(), page.nextCursor()));
    }
}
