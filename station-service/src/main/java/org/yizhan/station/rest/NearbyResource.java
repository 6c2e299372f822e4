package org.yizhan.station.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.yizhan.kit.http.Params;
import org.yizhan.kit.paging.KeysetCursor;
import org.yizhan.kit.time.AppClock;
import org.yizhan.station.domain.Amenity;
import org.yizhan.station.domain.HostType;
import org.yizhan.station.domain.StationStatus;
import org.yizhan.station.domain.geo.CoordinateSystem;
import org.yizhan.station.domain.geo.Gcj02;
import org.yizhan.station.domain.geo.GeoPoint;
import org.yizhan.station.service.StationSearch;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

@Path("/api/v1/stations/nearby")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Search", description = "Find stations near a point")
public class NearbyResource {

    /** A station found near the point, with its distance; {@code open} answers openNow/openAt. */
    @Schema(name = "NearbyStation")
    public record NearbyStation(StationView station, double distanceMetres, Boolean open) {
    }

    /** The compact form for map pins. */
    @Schema(name = "StationPin")
    public record Pin(UUID id, String name, LocationDto location, StationStatus status, double distanceMetres,
                      Boolean open) {
    }

    /** A page of results; {@code nextCursor} continues it. */
    @Schema(name = "NearbyPage")
    public record NearbyPage<T>(List<T> items, String coordSys, String nextCursor) {
    }

    private static final String CURSOR = "nearby";

    private final StationSearch search;
    private final AppClock clock;

    public NearbyResource(StationSearch search, AppClock clock) {
        this.search = search;
        this.clock = clock;
    }

    @GET
    @PermitAll
    @Operation(summary = "Stations near a point, nearest first",
            description = "Public. Filters combine: radius, status (default ACTIVE), all of the listed amenities "
                    + "working, host type, a keyword in the name or address, and open now / open at a time "
                    + "(stations whose hours are unknown are left out by those two). view=pins returns the compact "
                    + "form for map pins. Example: ?lat=39.73&lon=116.33&radius=3000&openNow=true"
                    + "&amenities=PHONE_CHARGING,MICROWAVE")
    public NearbyPage<?> nearby(
            @QueryParam("lat") @NotNull @DecimalMin("-90") @DecimalMax("90") @Parameter(example = "39.7300") Double lat,
            @QueryParam("lon") @NotNull @DecimalMin("-180") @DecimalMax("180") @Parameter(example = "116.3300") Double lon,
            @QueryParam("radius") @DefaultValue("3000") @Min(1) @Max(50000)
            @Parameter(description = "Metres") int radius,
            @QueryParam("coordSys") @Parameter(description = "wgs84 (default) or gcj02, for lat/lon and the answer")
            String coordSys,
            @QueryParam("openNow") @DefaultValue("false") boolean openNow,
            @QueryParam("openAt") @Parameter(description = "An instant, e.g. 2026-11-29T13:40:00Z") String openAt,
            @QueryParam("amenities") @Parameter(
                    description = "Comma-separated codes, all required; a list that names none (amenities=,) is a 400",
                    example = "PHONE_CHARGING,MICROWAVE") String amenities,
            @QueryParam("hostType") @Parameter(description = "One host type, e.g. RESTAURANT") String hostType,
            @QueryParam("q") @Size(max = 50) @Parameter(description = "Part of the name or address") String keyword,
            @QueryParam("status") @Parameter(description = "Comma-separated statuses; default ACTIVE. "
                    + "A list that names no status (status=,) is a 400") String status,
            @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(100) int limit,
            @QueryParam("cursor") String cursor,
            @QueryParam("view") @DefaultValue("full") @Pattern(regexp = "full|pins") String view) {
        CoordinateSystem system = Coordinates.parse(coordSys);
        Params params = new Params();
        Instant asked = params.instant("openAt", openAt);
        if (openNow && asked != null) {
            params.errors().add("openAt", "openNow 与 openAt 只能选一个 / use openNow or openAt, not both");
        }
        Set<StationStatus> statuses = params.enumList(StationStatus.class, "status", listed(status));
        Set<Amenity> wanted = params.enumList(Amenity.class, "amenities", listed(amenities));
        HostType host = params.enumValue(HostType.class, "hostType", hostType);
        params.throwIfAny();
        Instant at = openNow ? clock.now() : asked;
        GeoPoint centre = Gcj02.convert(new GeoPoint(lat, lon), system, CoordinateSystem.WGS84);
        String trimmed = keyword == null || keyword.isBlank() ? null : keyword.strip();
        StationSearch.Result result = search.search(new StationSearch.SearchQuery(centre, radius,
                statuses.isEmpty() ? EnumSet.of(StationStatus.ACTIVE) : statuses, wanted, host, trimmed, at,
                decode(cursor), limit));
        String next = result.next() == null ? null : encode(result.next());
        if ("pins".equals(view)) {
            return new NearbyPage<>(result.hits().stream().map(h -> new Pin(h.station().id, h.station().name,
                    Coordinates.out(h.station().latitude, h.station().longitude, system), h.station().status,
                    round(h.distanceMetres()), h.open())).toList(), system.queryValue(), next);
        }
        return new NearbyPage<>(result.hits().stream().map(h -> new NearbyStation(StationView.of(h.station(), system),
                round(h.distanceMetres()), h.open())).toList(), system.queryValue(), next);
    }

    private static double round(double metres) {
        return Math.round(metres * 10) / 10.0;
    }

    private static List<String> listed(String text) {
        return text == null ? List.of() : List.of(text);
    }

    private static String encode(StationSearch.Position p) {
        return KeysetCursor.of(CURSOR, p.distanceMetres(), p.id()).encode();
    }

    private static StationSearch.Position decode(String cursor) {
        KeysetCursor after = KeysetCursor.decode(CURSOR, cursor, 2);
        return after == null ? null : new StationSearch.Position(after.real(0), after.uuid(1));
    }
}
