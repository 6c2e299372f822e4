package org.yizhan.station.rest.award;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.yizhan.kit.idempotency.IdempotencyKeys;
import org.yizhan.kit.paging.Page;
import org.yizhan.kit.problem.Problem;
import org.yizhan.kit.problem.ProblemException;
import org.yizhan.kit.problem.ProblemType;
import org.yizhan.kit.security.Roles;
import org.yizhan.station.domain.award.AwardLevel;
import org.yizhan.station.service.StationAccess;
import org.yizhan.station.service.award.AwardRankings;
import org.yizhan.station.service.award.AwardRegistry;
import org.yizhan.station.service.award.AwardScores;
import org.yizhan.station.service.award.ScoreCard;
import org.yizhan.station.service.feedback.FeedbackText;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

@Path("/api/v1/stations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Awards", description = "The yearly most beautiful station awards (最美站点): scores, rankings, snapshots, titles")
public class AwardResource {

    private static final String YEAR_DOC = "A year from yizhan.awards.first-year (2020) to the current year";

    private final AwardScores scores;
    private final AwardRankings rankings;
    private final AwardRegistry awards;
    private final StationAccess access;
    private final SecurityIdentity identity;
    private final Validator validator;

    public AwardResource(AwardScores scores, AwardRankings rankings, AwardRegistry awards, StationAccess access,
                         SecurityIdentity identity, Validator validator) {
        this.scores = scores;
        this.rankings = rankings;
        this.awards = awards;
        this.access = access;
        this.identity = identity;
        this.validator = validator;
    }

    @GET
    @Path("/awards/{year}/ranking")
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
            @PathParam("year") @Parameter(description = YEAR_DOC, example = "2026") String year,
            @QueryParam("district") @Size(max = 60) @Parameter(description = "Only stations of this district", example = "大兴区")
            String district,
            @QueryParam("snapshot") @Parameter(description = "A snapshot id of the year, or latest; absent: live",
                    example = "latest") String snapshot,
            @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(100) int limit,
            @QueryParam("cursor") String cursor) {
        int y = scores.year("year", year, null);
        String only = district == null || district.isBlank() ? null : district.strip();
        if (snapshot == null || snapshot.isBlank()) {
            return RankingView.of(rankings.live(y, only, cursor, limit));
        }
        return RankingView.of(rankings.frozen(rankings.snapshot(y, snapshot.strip()), only, cursor, limit));
    }

    @POST
    @Path("/awards/{year}/snapshots")
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
            @PathParam("year") @Parameter(description = YEAR_DOC, example = "2026") String year,
            @HeaderParam(IdempotencyKeys.HEADER)
            @Parameter(description = "Client-chosen key that makes retries safe", example = "snap-2026-final")
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
    @Path("/awards/{year}/snapshots")
    @RolesAllowed(Roles.UNION_ADMIN)
    @SecurityRequirement(name = "jwt")
    @Operation(summary = "A year's snapshots", description = "Newest first.")
    @APIResponse(responseCode = "200", description = "A page of snapshots")
    @APIResponse(responseCode = "400", description = "Invalid year, limit or cursor")
    @APIResponse(responseCode = "403", description = "Not a union admin")
    public Page<SnapshotView> snapshots(
            @PathParam("year") @Parameter(description = YEAR_DOC, example = "2026") String year,
            @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(100) int limit,
            @QueryParam("cursor") String cursor) {
        int y = scores.year("year", year, null);
        var page = rankings.snapshots(y, cursor, limit);
        return new Page<>(page.items().stream().map(SnapshotView::of).toList(), page.nextCursor());
    }

    @GET
    @Path("/awards/{year}/snapshots/{snapshotId}")
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
            @PathParam("year") @Parameter(description = YEAR_DOC, example = "2026") String year,
            @PathParam("snapshotId") UUID snapshotId,
            @QueryParam("district") @Size(max = 60) @Parameter(description = "Only stations of this district", example = "大兴区")
            String district,
            @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(100) int limit,
            @QueryParam("cursor") String cursor) {
        int y = scores.year("year", year, null);
        String only = district == null || district.isBlank() ? null : district.strip();
        return RankingView.of(rankings.frozen(rankings.snapshot(y, snapshotId.toString()), only, cursor, limit));
    }

    @GET
    @Path("/{id}/score")
    @RolesAllowed({Roles.UNION_ADMIN, Roles.STATION_MANAGER})
    @SecurityRequirement(name = "jwt")
    @Operation(summary = "A station's award score",
            description = "The score of one station for a year (default: this year), computed now, with the breakdown "
                    + "and whether it is eligible. Union admins, and the station's own managers.")
    @APIResponse(responseCode = "200", description = "The score card (rank absent: see the ranking)",
            content = @Content(schema = @Schema(implementation = ScoreCard.class)))
    @APIResponse(responseCode = "400", description = "Invalid year")
    @APIResponse(responseCode = "403", description = "Neither a union admin nor a manager of this station")
    @APIResponse(responseCode = "404", description = "No such station, or it was registered after that year")
    public ScoreCard score(@PathParam("id") UUID stationId,
                           @QueryParam("year") @Parameter(description = YEAR_DOC + "; default this year", example = "2026")
                           String year) {
        access.requireManageable(stationId, identity);
        int y = scores.year("year", year, scores.today().getYear());
        return scores.ofStation(stationId, y).orElseThrow(() ->
                ProblemException.notFound("该站点 " + y + " 年的得分", "A score of this station for " + y));
    }

    @POST
    @Path("/{id}/awards")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.UNION_ADMIN)
    @SecurityRequirement(name = "jwt")
    @Operation(summary = "Record an official title",
            description = "Union admins record the title a station received (district, city or national, for a year). "
                    + "Kept in the station's history and published as station.award_granted, with the station's total in "
                    + "the latest snapshot of the year. One title per station, year and level. Send an Idempotency-Key to "
                    + "make retries safe.")
    @APIResponse(responseCode = "201", description = "Recorded",
            content = @Content(schema = @Schema(implementation = AwardView.class)))
    @APIResponse(responseCode = "200", description = "A retry: the award recorded under this Idempotency-Key",
            content = @Content(schema = @Schema(implementation = AwardView.class)))
    @APIResponse(responseCode = "400", description = "Invalid request: every invalid field is listed; nothing is stored")
    @APIResponse(responseCode = "403", description = "Not a union admin")
    @APIResponse(responseCode = "404", description = "No such station")
    @APIResponse(responseCode = "409", description = "The station already has this level's title for the year")
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used for a different request")
    public RestResponse<AwardView> grant(
            @PathParam("id") UUID stationId,
            @NotNull AwardRequest request,
            @HeaderParam(IdempotencyKeys.HEADER)
            @Parameter(description = "Client-chosen key that makes retries safe", example = "award-2026-city-huangcun")
            String idempotencyKey,
            UriInfo uri) {
        access.requireExisting(stationId);
        List<Problem.FieldError> errors = new ArrayList<>();
        Set<String> flagged = new HashSet<>();
        for (ConstraintViolation<AwardRequest> v : validator.validate(request)) {
            String field = v.getPropertyPath().toString();
            if (flagged.add(field)) {
                errors.add(new Problem.FieldError(field, v.getMessage()));
            }
        }
        String title = FeedbackText.clean(request.title());
        if (request.title() != null && title == null && flagged.add("title")) {
            errors.add(new Problem.FieldError("title", "不能为空 / must not be blank"));
        }
        Integer year = null;
        if (request.year() != null) {
            try {
                year = scores.year("year", request.year().toString(), null);
            } catch (ProblemException e) {
                errors.addAll(e.errors());
            }
        }
        if (!errors.isEmpty()) {
            List<Problem.FieldError> sorted = errors.stream().sorted(Comparator.comparing(Problem.FieldError::field)).toList();
            int n = sorted.size();
            throw new ProblemException(ProblemType.VALIDATION, n + " 个字段不合法",
                    n + (n == 1 ? " field is" : " fields are") + " invalid", sorted);
        }
        var granted = awards.grant(stationId, year, request.level(), title, identity, idempotencyKey);
        var location = uri.getAbsolutePathBuilder().build();
        var response = granted.created()
                ? RestResponse.ResponseBuilder.<AwardView>created(location)
                : RestResponse.ResponseBuilder.<AwardView>ok().location(location);
        return response.entity(AwardView.of(granted.award(), null)).build();
    }

    @GET
    @Path("/{id}/awards")
    @PermitAll
    @Operation(summary = "A station's official titles",
            description = "Public, like the station itself: newest year first.")
    @APIResponse(responseCode = "200", description = "The titles")
    @APIResponse(responseCode = "404", description = "No such station")
    public List<AwardView> ofStation(@PathParam("id") UUID stationId) {
        return awards.ofStation(stationId).stream().map(a -> AwardView.of(a, null)).toList();
    }

    @GET
    @Path("/awards")
    @PermitAll
    @Operation(summary = "Every official title", description = "Public. Most recently recorded first.")
    @APIResponse(responseCode = "200", description = "A page of titles")
    @APIResponse(responseCode = "400", description = "Invalid year, level, limit or cursor")
    public Page<AwardView> all(
            @QueryParam("year") @Parameter(description = YEAR_DOC, example = "2026") String year,
            @QueryParam("level") @Parameter(description = "DISTRICT, CITY or NATIONAL", example = "CITY") String level,
            @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(100) int limit,
            @QueryParam("cursor") String cursor) {
        List<Problem.FieldError> errors = new ArrayList<>();
        Integer y = null;
        if (year != null && !year.isBlank()) {
            try {
                y = scores.year("year", year, null);
            } catch (ProblemException e) {
                errors.addAll(e.errors());
            }
        }
        AwardLevel l = null;
        if (level != null && !level.isBlank()) {
            try {
                l = AwardLevel.valueOf(level.strip());
            } catch (IllegalArgumentException e) {
                String allowed = Arrays.stream(AwardLevel.values()).map(Enum::name).collect(Collectors.joining(", "));
                errors.add(new Problem.FieldError("level", "取值必须是以下之一：" + allowed + " / must be one of: " + allowed));
            }
        }
        if (!errors.isEmpty()) {
            int n = errors.size();
            throw new ProblemException(ProblemType.VALIDATION, n + " 个字段不合法",
                    n + (n == 1 ? " field is" : " fields are") + " invalid", errors);
        }
        var page = awards.all(y, l, cursor, limit);
        return new Page<>(page.items().stream().map(a -> AwardView.of(a.award(), a.stationName())).toList(),
                page.nextCursor());
    }
}
