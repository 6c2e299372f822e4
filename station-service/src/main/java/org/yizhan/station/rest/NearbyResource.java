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
import org.yizhan.kit.problem.ProblemException;
import org.yizhan.station.domain.Amenity;
import org.yizhan.station.domain.HostType;
import org.yizhan.station.domain.StationStatus;
import org.yizhan.station.domain.geo.CoordinateSystem;
import org.yizhan.station.domain.geo.Gcj02;
import org.yizhan.station.domain.geo.GeoPoint;
import org.yizhan.station.service.StationSearch;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Base64;
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

    private final StationSearch search;

    public NearbyResource(StationSearch search) {
        this.search = search;
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
            @QueryParam("amenities") @Parameter(description = "Comma-separated codes, all required",
                    example = "PHONE_CHARGING,MICROWAVE") String amenities,
            @QueryParam("hostType") @Parameter(description = "One host type, e.g. RESTAURANT") String hostType,
            @QueryParam("q") @Size(max = 50) @Parameter(description = "Part of the name or address") String keyword,
            @QueryParam("status") @Parameter(description = "Comma-separated statuses; default ACTIVE") String status,
            @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(100) int limit,
            @QueryParam("cursor") String cursor,
            @QueryParam("view") @DefaultValue("full") @Pattern(regexp = "full|pins") String view) {
        CoordinateSystem system = Coordinates.parse(coordSys);
        if (openNow && openAt != null) {
            throw invalid("openAt", "openNow 与 openAt 只能选一个 / use openNow or openAt, not both");
        }
        Instant at = openNow ? Instant.now() : parseInstant(openAt);
        GeoPoint centre = Gcj02.convert(new GeoPoint(lat, lon), system, CoordinateSystem.WGS84);
        String trimmed = keyword == null || keyword.isBlank() ? null : keyword.strip();
        StationSearch.Result result = search.search(new StationSearch.SearchQuery(centre, radius, statuses(status),
                amenities(amenities), hostType(hostType), trimmed, at, decode(cursor), limit));
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

    private static Instant parseInstant(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(text.strip());
        } catch (DateTimeParseException e) {
            try {
                return java.time.OffsetDateTime.parse(text.strip()).toInstant();
            } catch (DateTimeParseException again) {
                throw invalid("openAt", "ISO-8601 时刻，如 2026-11-29T21:40:00+08:00 / an ISO-8601 instant");
            }
        }
    }

    private static HostType hostType(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return HostType.valueOf(text.strip());
        } catch (IllegalArgumentException e) {
            throw invalid("hostType", "取值必须是以下之一 / must be one of: " + Arrays.toString(HostType.values()));
        }
    }

    private static Set<Amenity> amenities(String text) {
        Set<Amenity> set = EnumSet.noneOf(Amenity.class);
        if (text == null || text.isBlank()) {
            return set;
        }
        for (String code : text.split(",")) {
            try {
                set.add(Amenity.valueOf(code.strip()));
            } catch (IllegalArgumentException e) {
                throw invalid("amenities", "未知的设施代码 " + code.strip() + "，见 /api/v1/stations/amenities"
                        + " / unknown amenity code, see /api/v1/stations/amenities");
            }
        }
        return set;
    }

    private static Set<StationStatus> statuses(String text) {
        if (text == null || text.isBlank()) {
            return EnumSet.of(StationStatus.ACTIVE);
        }
        Set<StationStatus> set = EnumSet.noneOf(StationStatus.class);
        for (String s : text.split(",")) {
            try {
                set.add(StationStatus.valueOf(s.strip()));
            } catch (IllegalArgumentException e) {
                throw invalid("status", "取值必须是以下之一 / must be one of: " + Arrays.toString(StationStatus.values()));
            }
        }
        return set;
    }

    private static String encode(StationSearch.Position p) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((p.distanceMetres() + "|" + p.id()).getBytes(StandardCharsets.UTF_8));
    }

    private static StationSearch.Position decode(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int bar = raw.indexOf('|');
            return new StationSearch.Position(Double.parseDouble(raw.substring(0, bar)),
                    UUID.fromString(raw.substring(bar + 1)));
        } catch (RuntimeException e) {
            throw invalid("cursor", "不是本接口返回的游标 / not a cursor returned by this API");
        }
    }

    private static ProblemException invalid(String field, String message) {
        return ProblemException.invalidField(field, message);
    }
}
