package org.yizhan.station.rest.award;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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
import org.yizhan.kit.idempotency.IdempotencyKeys;
import org.yizhan.kit.paging.Page;
import org.yizhan.kit.security.Roles;
import org.yizhan.station.domain.FieldLimits;
import org.yizhan.station.rest.ParamLimits;
import org.yizhan.station.service.award.AwardRankings;
import org.yizhan.station.service.award.AwardScores;

import java.util.UUID;

@Path("/api/v1/stations/awards/{year}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Awards")
public class AwardRankingResource {

    private final AwardScores scores;
    private final AwardRankings rankings;
    private final SecurityIdentity identity;

    public AwardRankingResource(AwardScores scores, AwardRankings rankings, SecurityIdentity identity) {
        this.scores = scores;
        this.rankings = rankings;
        this.identity = identity;
    }

    @GET
    @Path("/ranking")
    @RolesAllowed(Roles.UNION_ADMIN)
    @SecurityRequirement(name = "jwt")
    @Operation(summary = "The award ranking of a year",
            description = "Every station registered by the year's end (optionally of one district) with its score and the "
                    + "breakdown by criterion: eligible stations first, highest total first, then the ineligible ones with "
                    + "the reasons. Computed now, or read from a snapshot with snapshot=<id> or snapshot=latest.")
    @APIResponse(responseCode = "200", description = "A page of the ranking",
            content = @Content(schema = @Schema(implementation = RankingView.class)))
    @APIResponse(responseCode = "400", description = "Invalid year, snapshot, district, limit or cursor")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Not a union admin")
    @APIResponse(responseCode = "404", description = "No such snapshot of the year")
    public RankingView ranking(
            @PathParam("year") @Parameter(description = AwardResource.YEAR_DOC,
                    example = "2026",
                    schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = FieldLimits.YEAR_FIRST,
                            maximum = FieldLimits.YEAR_LAST)) String year,
            @QueryParam("district") @Size(max = ParamLimits.DISTRICT)
                    @Parameter(description = "Only stations of this district", example = "大兴区")
            String district,
            @QueryParam("snapshot") @Size(max = ParamLimits.SNAPSHOT)
                    @Parameter(description = "A snapshot id of the year, or latest; absent: live",
                    example = "latest") String snapshot,
            @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(100) int limit,
            @QueryParam("cursor") @Size(max = ParamLimits.CURSOR) String cursor) {
        int y = scores.year("year", year, null);
        String only = district == null || district.isBlank() ? null : district.strip();
        if (snapshot == null || snapshot.isBlank()) {
            return RankingView.of(rankings.live(y, only, cursor, limit));
        }
        return RankingView.of(rankings.frozen(rankings.snapshot(y, snapshot.strip()), only, cursor, limit));
    }

    @POST
    @Path("/snapshots")
    @RolesAllowed(Roles.UNION_ADMIN)
    @SecurityRequirement(name = "jwt")
    @Operation(summary = "Freeze a year's scores",
            description = "Computes every station's score for the year now and keeps it, with the weights and parameters "
                    + "used, as a new snapshot; earlier snapshots are never overwritten. Send an Idempotency-Key to make "
                    + "retries safe.")
    @APIResponse(responseCode = "201", description = "Taken",
            content = @Content(schema = @Schema(implementation = SnapshotView.class)))
    @APIResponse(responseCode = "200", description = "A retry: the snapshot taken under this Idempotency-Key",
            content = @Content(schema = @Schema(implementation = SnapshotView.class)))
    @APIResponse(responseCode = "400", description = "Invalid year or Idempotency-Key")
    @APIResponse(responseCode = "403", description = "Not a union admin")
    public RestResponse<SnapshotView> takeSnapshot(
            @PathParam("year") @Parameter(description = AwardResource.YEAR_DOC,
                    example = "2026",
                    schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = FieldLimits.YEAR_FIRST,
                            maximum = FieldLimits.YEAR_LAST)) String year,
            @HeaderParam(IdempotencyKeys.HEADER)
            @Parameter(description = "Client-chosen key that makes retries safe", example = "snap-2026-final",
                    schema = @Schema(type = SchemaType.STRING, maxLength = IdempotencyKeys.MAX_LENGTH,
                            pattern = IdempotencyKeys.PATTERN))
            String idempotencyKey,
            UriInfo uri) {
        int y = scores.year("year", year, null);
        var taken = rankings.take(y, identity, idempotencyKey);
        var location = uri.getAbsolutePathBuilder().path(taken.snapshot().id.toString()).build();
        var response = taken.created()
                ? RestResponse.ResponseBuilder.<SnapshotView>created(location)
                : RestResponse.ResponseBuilder.<SnapshotView>ok().location(location);
        return response.entity(SnapshotView.of(taken.snapshot())).build();
    }

    @GET
    @Path("/snapshots")
    @RolesAllowed(Roles.UNION_ADMIN)
    @SecurityRequirement(name = "jwt")
    @Operation(summary = "A year's snapshots", description = "Newest first.")
    @APIResponse(responseCode = "200", description = "A page of snapshots")
    @APIResponse(responseCode = "400", description = "Invalid year, limit or cursor")
    @APIResponse(responseCode = "403", description = "Not a union admin")
    public Page<SnapshotView> snapshots(
            @PathParam("year") @Parameter(description = AwardResource.YEAR_DOC,
                    example = "2026",
                    schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = FieldLimits.YEAR_FIRST,
                            maximum = FieldLimits.YEAR_LAST)) String year,
            @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(100) int limit,
            @QueryParam("cursor") @Size(max = ParamLimits.CURSOR) String cursor) {
        int y = scores.year("year", year, null);
        var page = rankings.snapshots(y, cursor, limit);
        return new Page<>(page.items().stream().map(SnapshotView::of).toList(), page.nextCursor());
    }

    @GET
    @Path("/snapshots/{snapshotId}")
    @RolesAllowed(Roles.UNION_ADMIN)
    @SecurityRequirement(name = "jwt")
    @Operation(summary = "One snapshot's ranking",
            description = "The frozen score cards, ranked like the live ranking (ranks among the eligible stations listed).")
    @APIResponse(responseCode = "200", description = "A page of the frozen ranking",
            content = @Content(schema = @Schema(implementation = RankingView.class)))
    @APIResponse(responseCode = "400", description = "Invalid year, district, limit or cursor")
    @APIResponse(responseCode = "403", description = "Not a union admin")
    @APIResponse(responseCode = "404", description = "No such snapshot of the year")
    public RankingView snapshot(
            @PathParam("year") @Parameter(description = AwardResource.YEAR_DOC,
                    example = "2026",
                    schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = FieldLimits.YEAR_FIRST,
                            maximum = FieldLimits.YEAR_LAST)) String year,
            @PathParam("snapshotId") UUID snapshotId,
            @QueryParam("district") @Size(max = ParamLimits.DISTRICT)
                    @Parameter(description = "Only stations of this district", example = "大兴区")
            String district,
            @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(100) int limit,
            @QueryParam("cursor") @Size(max = ParamLimits.CURSOR) String cursor) {
        int y = scores.year("year", year, null);
        String only = district == null || district.isBlank() ? null : district.strip();
        return RankingView.of(rankings.frozen(rankings.snapshot(y, snapshotId.toString()), only, cursor, limit));
    }
}
