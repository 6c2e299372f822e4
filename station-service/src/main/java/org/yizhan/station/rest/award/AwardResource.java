package org.yizhan.station.rest.award;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.yizhan.kit.http.Params;
import org.yizhan.kit.idempotency.IdempotencyKeys;
import org.yizhan.kit.paging.Page;
import org.yizhan.kit.problem.FieldErrors;
import org.yizhan.kit.problem.ProblemException;
import org.yizhan.kit.security.Roles;
import org.yizhan.kit.validation.Validation;
import org.yizhan.station.domain.FieldLimits;
import org.yizhan.station.domain.award.AwardLevel;
import org.yizhan.station.rest.ParamLimits;
import org.yizhan.station.service.StationAccess;
import org.yizhan.station.service.award.AwardRegistry;
import org.yizhan.station.service.award.AwardScores;
import org.yizhan.station.service.award.ScoreCard;
import org.yizhan.station.service.feedback.FeedbackText;

import java.util.List;
import java.util.UUID;

@Path("/api/v1/stations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Awards", description = "The yearly most beautiful station awards (最美站点): scores, rankings, snapshots, titles")
public class AwardResource {

    static final String YEAR_DOC = "A year from yizhan.awards.first-year (2020) to the current year";

    private final AwardScores scores;
    private final AwardRegistry awards;
    private final StationAccess access;
    private final SecurityIdentity identity;
    private final Validation validation;

    public AwardResource(AwardScores scores, AwardRegistry awards, StationAccess access,
                         SecurityIdentity identity, Validation validation) {
        this.scores = scores;
        this.awards = awards;
        this.access = access;
        this.identity = identity;
        this.validation = validation;
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
                           @QueryParam("year") @Parameter(description = YEAR_DOC + "; default this year",
                                   example = "2026",
                    schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = FieldLimits.YEAR_FIRST,
                            maximum = FieldLimits.YEAR_LAST))
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
            AwardRequest request,
            @HeaderParam(IdempotencyKeys.HEADER)
            @Parameter(description = "Client-chosen key that makes retries safe", example = "award-2026-city-huangcun",
                    schema = @Schema(type = SchemaType.STRING, maxLength = IdempotencyKeys.MAX_LENGTH,
                            pattern = IdempotencyKeys.PATTERN))
            String idempotencyKey,
            UriInfo uri) {
        access.requireExisting(stationId);
        FieldErrors errors = validation.check(request);
        String title = request == null ? null : FeedbackText.clean(request.title());
        if (request != null && request.title() != null && title == null) {
            errors.add("title", "不能为空 / must not be blank");
        }
        if (request != null) {
            scores.checkYear(errors, "year", request.year());
        }
        errors.throwIfAny();
        var granted = awards.grant(stationId, request.year(), request.level(), title, identity, idempotencyKey);
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
    @APIResponse(responseCode = "200", description = "The titles", content = @Content(schema = @Schema(
            type = SchemaType.ARRAY, implementation = AwardView.class, maxItems = FieldLimits.LIST)))
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
            @QueryParam("year") @Parameter(description = YEAR_DOC,
                    example = "2026",
                    schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = FieldLimits.YEAR_FIRST,
                            maximum = FieldLimits.YEAR_LAST)) String year,
            @QueryParam("level") @Size(max = ParamLimits.CODE) @Parameter(description = "DISTRICT, CITY or NATIONAL",
                    example = "CITY") String level,
            @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(100) int limit,
            @QueryParam("cursor") @Size(max = ParamLimits.CURSOR) String cursor) {
        Params params = new Params();
        Integer y = params.integer("year", year, Integer.MIN_VALUE, Integer.MAX_VALUE, null);
        scores.checkYear(params.errors(), "year", y);
        AwardLevel l = params.enumValue(AwardLevel.class, "level", level);
        params.throwIfAny();
        var page = awards.all(y, l, cursor, limit);
        return new Page<>(page.items().stream().map(a -> AwardView.of(a.award(), a.stationName())).toList(),
                page.nextCursor());
    }
}
