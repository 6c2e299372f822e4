package org.yizhan.station.rest.coverage;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
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
import org.yizhan.kit.geo.CoordinateSystem;
import org.yizhan.kit.geo.Gcj02;
import org.yizhan.kit.geo.GeoPoint;
import org.yizhan.kit.http.Params;
import org.yizhan.kit.problem.FieldErrors;
import org.yizhan.kit.problem.ProblemException;
import org.yizhan.kit.security.Roles;
import org.yizhan.station.domain.coverage.BoundingBox;
import org.yizhan.station.domain.coverage.Coverage;
import org.yizhan.station.domain.coverage.CoverageGrid;
import org.yizhan.station.domain.coverage.Districts;
import org.yizhan.station.domain.coverage.TravelMode;
import org.yizhan.station.rest.ParamLimits;
import org.yizhan.station.service.coverage.CoverageService;

import java.time.Instant;
import java.util.Locale;

@Path("/api/v1/stations/coverage")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Coverage", description = "Which share of an area has a station within reach")
public class CoverageResource {

    /** The bounds of the numeric parameters, checked here and shown in the OpenAPI document. */
    static final int LAT_MIN = -90;
    static final int LAT_MAX = 90;
    static final int LON_MIN = -180;
    static final int LON_MAX = 180;
    static final int CELL_MIN = 50;
    static final int CELL_MAX = 5000;
    static final int MINUTES_MIN = 1;
    static final int MINUTES_MAX = 60;
    static final int RADIUS_MIN = 1;
    static final int RADIUS_MAX = 50_000;
    static final String LAT_MIN_TEXT = "" + LAT_MIN;
    static final String LAT_MAX_TEXT = "" + LAT_MAX;
    static final String LON_MIN_TEXT = "" + LON_MIN;
    static final String LON_MAX_TEXT = "" + LON_MAX;
    static final String CELL_MIN_TEXT = "" + CELL_MIN;
    static final String CELL_MAX_TEXT = "" + CELL_MAX;
    static final String MINUTES_MIN_TEXT = "" + MINUTES_MIN;
    static final String MINUTES_MAX_TEXT = "" + MINUTES_MAX;
    static final String RADIUS_MIN_TEXT = "" + RADIUS_MIN;
    static final String RADIUS_MAX_TEXT = "" + RADIUS_MAX;


    /** The most cells one answer computes. */
    public static final int MAX_CELLS = 40_000;
    /** The longest side of the area, in metres. */
    public static final double MAX_SIDE_METRES = 200_000;
    /** Largest gaps listed. */
    public static final int GAPS = 10;

    private final CoverageService coverage;

    public CoverageResource(CoverageService coverage) {
        this.coverage = coverage;
    }

    @GET
    @RolesAllowed(Roles.UNION_ADMIN)
    @SecurityRequirement(name = "jwt")
    @Operation(summary = "Coverage of an area by stations (15-minute service circle)",
            description = "Lays a grid of cellMetres over the area (a bounding box, or district=大兴区) and counts the "
                    + "cells whose centre is within the radius of an ACTIVE station (with `at`: of a station open "
                    + "then; stations without known hours do not count). The radius is a straight line: minutes at "
                    + "4.5 km/h for WALK (15 min = 1,125 m) or 15 km/h for RIDE (15 min = 3,750 m), or radiusMetres. "
                    + "largestGaps: connected regions of uncovered cells, largest first, each with the cell farthest "
                    + "from any station. At most 40,000 cells and 200 km a side. Union admins only. Example: "
                    + "?minLat=39.70&minLon=116.28&maxLat=39.78&maxLon=116.40&cellMetres=250&mode=RIDE&minutes=10")
    @APIResponse(responseCode = "200", description = "The coverage",
            content = @Content(schema = @Schema(implementation = CoverageView.class)))
    @APIResponse(responseCode = "400", description = "Invalid area, cell size, mode, minutes, radius or time, or too many cells")
    @APIResponse(responseCode = "403", description = "Not a union admin")
    public CoverageView coverage(
            @QueryParam("minLat") @Parameter(description = "South edge",
                    example = "39.70",
                    schema = @Schema(type = SchemaType.NUMBER, minimum = LAT_MIN_TEXT,
                            maximum = LAT_MAX_TEXT)) String minLat,
            @QueryParam("minLon") @Parameter(description = "West edge",
                    example = "116.28",
                    schema = @Schema(type = SchemaType.NUMBER, minimum = LON_MIN_TEXT,
                            maximum = LON_MAX_TEXT)) String minLon,
            @QueryParam("maxLat") @Parameter(description = "North edge",
                    example = "39.78",
                    schema = @Schema(type = SchemaType.NUMBER, minimum = LAT_MIN_TEXT,
                            maximum = LAT_MAX_TEXT)) String maxLat,
            @QueryParam("maxLon") @Parameter(description = "East edge",
                    example = "116.40",
                    schema = @Schema(type = SchemaType.NUMBER, minimum = LON_MIN_TEXT,
                            maximum = LON_MAX_TEXT)) String maxLon,
            @QueryParam("district") @Size(max = ParamLimits.DISTRICT)
                    @Parameter(description = "Instead of the box: 大兴区 (daxing), its rectangle")
            String district,
            @QueryParam("cellMetres") @Parameter(description = "Cell side, 50–5,000, default 500",
                    schema = @Schema(type = SchemaType.NUMBER, minimum = CELL_MIN_TEXT,
                            maximum = CELL_MAX_TEXT)) String cellMetres,
            @QueryParam("mode") @Size(max = ParamLimits.CODE)
                    @Parameter(description = "WALK (4.5 km/h, default) or RIDE (15 km/h)") String mode,
            @QueryParam("minutes") @Parameter(description = "1–60, default 15",
                    schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = MINUTES_MIN_TEXT,
                            maximum = MINUTES_MAX_TEXT)) String minutes,
            @QueryParam("radiusMetres") @Parameter(description = "1–50,000; overrides mode and minutes",
                    schema = @Schema(type = SchemaType.NUMBER, minimum = RADIUS_MIN_TEXT, maximum = RADIUS_MAX_TEXT))
            String radiusMetres,
            @QueryParam("at") @Size(max = ParamLimits.INSTANT)
                    @Parameter(description = "Only stations open at this instant, e.g. 2026-11-29T21:40:00+08:00")
            String at,
            @QueryParam("coordSys") @Size(max = ParamLimits.CODE)
                    @Parameter(description = "wgs84 (default) or gcj02, for the box and the answer")
            String coordSys) {
        Params params = new Params();
        CoordinateSystem system = coordSys(coordSys, params.errors());
        Double cellAsked = params.number("cellMetres", cellMetres, CELL_MIN, CELL_MAX);
        double cell = cellAsked == null ? 500 : cellAsked;
        Integer mins = params.integer("minutes", minutes, MINUTES_MIN, MINUTES_MAX, 15);
        TravelMode travel = mode(mode, params.errors());
        Double radius = params.number("radiusMetres", radiusMetres, RADIUS_MIN, RADIUS_MAX);
        Instant instant = params.instant("at", at);
        BoundingBox asked = area(minLat, minLon, maxLat, maxLon, district, params);
        params.throwIfAny();
        CoverageGrid grid = grid(wgs84(asked, system), cell);
        double r = radius != null ? radius : travel.radiusMetres(mins);
        Coverage.Result result = coverage.coverage(grid, r, instant, GAPS);
        return new CoverageView(new CoverageView.Area(asked.minLat(), asked.minLon(), asked.maxLat(), asked.maxLon()),
                district == null || district.isBlank() ? null : district.strip(), system.queryValue(), cell,
                grid.rows(), grid.cols(), result.cells(), result.coveredCells(), result.coveredShare(),
                radius == null ? travel.name() : null, radius == null ? mins : null, r, instant,
                result.stations(), result.uncoveredRegions(),
                result.largestGaps().stream().map(g -> gap(g, system)).toList());
    }

    private static CoverageView.Gap gap(Coverage.Gap g, CoordinateSystem system) {
        return new CoverageView.Gap(g.cells(), g.areaKm2(), point(g.centroid(), system), point(g.farthestCell(), system),
                g.distanceToNearestStationMetres() == null ? null
                        : Math.round(g.distanceToNearestStationMetres() * 10) / 10.0);
    }

    /** A GCJ-02 box becomes the WGS-84 box of its corners (the shift is nearly uniform over a district). */
    private static BoundingBox wgs84(BoundingBox asked, CoordinateSystem system) {
        GeoPoint sw = Gcj02.convert(new GeoPoint(asked.minLat(), asked.minLon()), system, CoordinateSystem.WGS84);
        GeoPoint ne = Gcj02.convert(new GeoPoint(asked.maxLat(), asked.maxLon()), system, CoordinateSystem.WGS84);
        return new BoundingBox(sw.latitude(), sw.longitude(), ne.latitude(), ne.longitude());
    }

    /** The grid over {@code box}; a 400 on cellMetres when it would have too many cells. */
    private static CoverageGrid grid(BoundingBox box, double cell) {
        try {
            return CoverageGrid.over(box, cell, MAX_CELLS);
        } catch (CoverageGrid.TooManyCellsException e) {
            throw ProblemException.invalidField("cellMetres", "网格将有 " + e.cells() + " 个格子，超过上限 "
                    + e.limit() + "；请增大 cellMetres 或缩小范围 / the grid would have " + e.cells()
                    + " cells, more than " + e.limit() + "; use a larger cellMetres or a smaller area");
        }
    }

    private static CoverageView.Point point(GeoPoint wgs84, CoordinateSystem to) {
        GeoPoint p = Gcj02.convert(wgs84, CoordinateSystem.WGS84, to);
        return new CoverageView.Point(Math.round(p.latitude() * 1e6) / 1e6, Math.round(p.longitude() * 1e6) / 1e6);
    }

    private static BoundingBox area(String minLat, String minLon, String maxLat, String maxLon, String district,
                                    Params params) {
        FieldErrors errors = params.errors();
        boolean anyCorner = minLat != null || minLon != null || maxLat != null || maxLon != null;
        if (district != null && !district.isBlank()) {
            if (anyCorner) {
                errors.add("district", "district 与 minLat/minLon/maxLat/maxLon 只能选一种 / give a district or a box, not both");
                return null;
            }
            BoundingBox box = Districts.byName(district).orElse(null);
            if (box == null) {
                errors.add("district", "未知的区，可用：" + Districts.names() + " / unknown district, known: " + Districts.names());
            }
            return box;
        }
        Double south = required("minLat", minLat, LAT_MIN, LAT_MAX, params);
        Double west = required("minLon", minLon, LON_MIN, LON_MAX, params);
        Double north = required("maxLat", maxLat, LAT_MIN, LAT_MAX, params);
        Double east = required("maxLon", maxLon, LON_MIN, LON_MAX, params);
        if (south == null || west == null || north == null || east == null) {
            return null;
        }
        if (!(south < north)) {
            errors.add("maxLat", "maxLat 必须大于 minLat / maxLat must be greater than minLat");
        }
        if (!(west < east)) {
            errors.add("maxLon", "maxLon 必须大于 minLon / maxLon must be greater than minLon");
        }
        if (!(south < north) || !(west < east)) {
            return null;
        }
        BoundingBox box = new BoundingBox(south, west, north, east);
        if (box.heightMetres() > MAX_SIDE_METRES) {
            errors.add("maxLat", "南北跨度不能超过 200 公里 / the box may be at most 200 km north to south");
        }
        if (box.widthMetres() > MAX_SIDE_METRES) {
            errors.add("maxLon", "东西跨度不能超过 200 公里 / the box may be at most 200 km east to west");
        }
        return box;
    }

    private static Double required(String field, String text, double min, double max, Params params) {
        if (text == null || text.isBlank()) {
            params.errors().add(field, "必填（或给出 district）/ required (or give a district)");
            return null;
        }
        return params.number(field, text, min, max);
    }

    private static TravelMode mode(String text, FieldErrors errors) {
        if (text == null || text.isBlank()) {
            return TravelMode.WALK;
        }
        try {
            return TravelMode.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add("mode", "取值必须是 WALK 或 RIDE / must be WALK or RIDE");
            return null;
        }
    }

    private static CoordinateSystem coordSys(String text, FieldErrors errors) {
        if (text == null || text.isBlank()) {
            return CoordinateSystem.WGS84;
        }
        try {
            return CoordinateSystem.fromQueryValue(text.strip());
        } catch (IllegalArgumentException e) {
            errors.add("coordSys", "取值必须是 wgs84 或 gcj02 / must be wgs84 or gcj02");
            return null;
        }
    }
}
