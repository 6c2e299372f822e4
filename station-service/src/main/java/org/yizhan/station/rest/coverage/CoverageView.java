package org.yizhan.station.rest.coverage;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.yizhan.station.domain.FieldLimits;

import java.time.Instant;
import java.util.List;

/** The coverage of an area; coordinates in {@code coordSys}. */
@Schema(name = "Coverage")
public record CoverageView(
        @Schema(description = "The area asked for, as given (a named district: its rectangle)") Area area,
        @Schema(description = "The district named, if any", maxLength = FieldLimits.DISTRICT) String district,
        @Schema(maxLength = FieldLimits.CODE) String coordSys,
        double cellMetres,
        @Schema(minimum = "0", maximum = FieldLimits.COUNT_MAX) int rows,
        @Schema(minimum = "0", maximum = FieldLimits.COUNT_MAX) int cols,
        @Schema(description = "Cells in the grid", minimum = "0", maximum = FieldLimits.COUNT_MAX) int cells,
        @Schema(description = "Cells whose centre is within radiusMetres of a station", minimum = "0",
                maximum = FieldLimits.COUNT_MAX) int coveredCells,
        @Schema(description = "coveredCells / cells, 0..1, 4 decimals") double coveredShare,
        @Schema(description = "WALK or RIDE; null when radiusMetres was given",
                maxLength = FieldLimits.CODE) String mode,
        @Schema(description = "Travel time; null when radiusMetres was given", minimum = "0",
                maximum = FieldLimits.COUNT_MAX) Integer minutes,
        @Schema(description = "Straight-line radius used") double radiusMetres,
        @Schema(description = "Only stations open at this instant counted; null = any time") Instant at,
        @Schema(description = "ACTIVE stations (open at `at`) within the area grown by the radius", minimum = "0",
                maximum = FieldLimits.COUNT_MAX) int stationsConsidered,
        @Schema(description = "Connected regions of uncovered cells", minimum = "0",
                maximum = FieldLimits.COUNT_MAX) int uncoveredRegions,
        @Schema(description = "The largest uncovered regions (at most 10), largest first",
                maxItems = 10) List<Gap> largestGaps) {

    /** A rectangle. */
    @Schema(name = "CoverageArea")
    public record Area(double minLat, double minLon, double maxLat, double maxLon) {
    }

    /** A point. */
    @Schema(name = "CoveragePoint")
    public record Point(double lat, double lon) {
    }

    /** A connected region of uncovered cells. */
    @Schema(name = "CoverageGap")
    public record Gap(
            @Schema(description = "Cells in the region", minimum = "0", maximum = FieldLimits.COUNT_MAX) int cells,
            @Schema(description = "cells × cellMetres², km²") double areaKm2,
            @Schema(description = "Mean of the cell centres (may lie outside a curved region)") Point centroid,
            @Schema(description = "Centre of the region's cell farthest from any station: where a new station helps most")
            Point centre,
            @Schema(description = "From `centre` to the nearest station considered; null when there is none")
            Double distanceToNearestStationMetres) {
    }
}
