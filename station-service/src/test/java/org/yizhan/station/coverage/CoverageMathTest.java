package org.yizhan.station.coverage;

import org.junit.jupiter.api.Test;
import org.yizhan.kit.geo.Distance;
import org.yizhan.kit.geo.GeoPoint;
import org.yizhan.station.domain.coverage.BoundingBox;
import org.yizhan.station.domain.coverage.Coverage;
import org.yizhan.station.domain.coverage.CoverageGrid;
import org.yizhan.station.domain.coverage.Districts;
import org.yizhan.station.domain.coverage.TravelMode;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The grid and coverage arithmetic, without a database. */
class CoverageMathTest {

    static final double MPD = Distance.MEAN_EARTH_RADIUS_METRES * Math.PI / 180;

    /** A box {@code northSouth} × {@code eastWest} metres centred on {@code c}. */
    static BoundingBox box(GeoPoint c, double northSouth, double eastWest) {
        double dLat = northSouth / 2 / MPD;
        double dLon = eastWest / 2 / (MPD * Math.cos(Math.toRadians(c.latitude())));
        return new BoundingBox(c.latitude() - dLat, c.longitude() - dLon, c.latitude() + dLat, c.longitude() + dLon);
    }

    static GeoPoint offset(GeoPoint c, double north, double east) {
        return new GeoPoint(c.latitude() + north / MPD,
                c.longitude() + east / (MPD * Math.cos(Math.toRadians(c.latitude()))));
    }

    /** Cell centres as the README defines them, computed here independently of CoverageGrid. */
    static List<GeoPoint> centres(BoundingBox b, double cell) {
        double mid = (b.minLat() + b.maxLat()) / 2;
        double midLon = (b.minLon() + b.maxLon()) / 2;
        double h = (b.maxLat() - b.minLat()) * MPD;
        double w = (b.maxLon() - b.minLon()) * MPD * Math.cos(Math.toRadians(mid));
        int rows = (int) Math.ceil(h / cell - 1e-9);
        int cols = (int) Math.ceil(w / cell - 1e-9);
        double dLat = cell / MPD;
        double dLon = dLat / Math.cos(Math.toRadians(mid));
        List<GeoPoint> out = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                GeoPoint p = new GeoPoint(mid + (r - (rows - 1) / 2.0) * dLat, midLon + (c - (cols - 1) / 2.0) * dLon);
                assertTrue(p.latitude() > b.minLat() && p.latitude() < b.maxLat()
                        && p.longitude() > b.minLon() && p.longitude() < b.maxLon(), "every centre is inside the box");
                out.add(p);
            }
        }
        return out;
    }

    static double nearest(GeoPoint p, List<GeoPoint> stations) {
        return stations.stream().mapToDouble(s -> Distance.metres(p, s)).min().orElse(Double.POSITIVE_INFINITY);
    }

    @Test
    void oneStationInTheMiddleCoversExactlyTheCellsWithinTheRadius() {
        GeoPoint c = new GeoPoint(39.7046, 116.3127);
        BoundingBox b = box(c, 5_050, 4_930);
        List<GeoPoint> stations = List.of(offset(c, 37, -12));
        double radius = TravelMode.WALK.radiusMetres(15);

        List<GeoPoint> centres = centres(b, 100);
        long expected = centres.stream().filter(p -> nearest(p, stations) <= radius).count();
        Coverage.Result result = Coverage.compute(CoverageGrid.over(b, 100, 40_000), stations, radius, 10);

        assertEquals(51 * 50, centres.size());
        assertEquals(centres.size(), result.cells());
        assertEquals(51, result.grid().rows());
        assertEquals(50, result.grid().cols());
        assertEquals(expected, result.coveredCells());
        // ... and that is about the disc's area in cells.
        assertEquals(Math.PI * radius * radius / 10_000, expected, 20);
        assertEquals(Coverage.share((int) expected, centres.size()), result.coveredShare());
        assertEquals(1, result.stations());
        assertEquals(1, result.uncoveredRegions(), "the ring around the disc is one region");
    }

    @Test
    void bucketsFindTheSameCellsAndDistancesAsBruteForce() {
        Random random = new Random(42);
        GeoPoint c = new GeoPoint(30.5, 114.3);
        BoundingBox b = box(c, 20_000, 24_000);
        List<GeoPoint> stations = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            stations.add(offset(c, (random.nextDouble() - 0.5) * 26_000, (random.nextDouble() - 0.5) * 30_000));
        }
        double radius = 1_500;
        CoverageGrid grid = CoverageGrid.over(b, 200, 40_000);
        Coverage.Result result = Coverage.compute(grid, stations, radius, 10);

        List<GeoPoint> centres = centres(b, 200);
        int covered = 0;
        for (int r = 0; r < grid.rows(); r++) {
            for (int col = 0; col < grid.cols(); col++) {
                GeoPoint p = centres.get(r * grid.cols() + col);
                double brute = nearest(p, stations);
                assertEquals(brute <= radius, result.isCovered(r, col), "cell " + r + "," + col);
                covered += brute <= radius ? 1 : 0;
                assertTrue(result.nearestMetres(r, col) >= brute - 1e-6);
                assertEquals(brute, result.nearestMetres(r, col), 1e-6, "nearest station of cell " + r + "," + col);
            }
        }
        assertEquals(covered, result.coveredCells());
    }

    @Test
    void shareIsCoveredOverCellsToFourDecimals() {
        assertEquals(0.3333, Coverage.share(1, 3));
        assertEquals(0.6667, Coverage.share(2, 3));
        assertEquals(0.0001, Coverage.share(1, 20_000), "half a ten-thousandth rounds up");
        assertEquals(0.0, Coverage.share(1, 20_001));
        assertEquals(1.0, Coverage.share(40_000, 40_000));
        assertEquals(0.0, Coverage.share(0, 7));

        GeoPoint c = new GeoPoint(25.0, 102.7);
        BoundingBox b = box(c, 1_000, 3_000);
        Coverage.Result result = Coverage.compute(CoverageGrid.over(b, 100, 40_000),
                List.of(offset(c, 0, -1_500)), 1_000, 10);
        assertEquals(300, result.cells());
        assertEquals(Coverage.share(result.coveredCells(), 300), result.coveredShare());
        assertTrue(result.coveredShare() > 0.25 && result.coveredShare() < 0.4, "about a third: " + result.coveredShare());
    }

    @Test
    void gapsAreConnectedRegionsLargestFirstWithTheirMostRemoteCell() {
        // A strip 1 km tall and 10 km wide; stations 3 km and 5 km from its west end cut it into three gaps.
        GeoPoint c = new GeoPoint(31.2, 121.4);
        BoundingBox b = box(c, 1_000, 10_000);
        GeoPoint west = offset(c, 0, -2_000);
        GeoPoint east = offset(c, 0, 0);
        List<GeoPoint> stations = List.of(west, east);
        CoverageGrid grid = CoverageGrid.over(b, 100, 40_000);
        Coverage.Result result = Coverage.compute(grid, stations, 500, 10);

        assertEquals(3, result.uncoveredRegions());
        List<Coverage.Gap> gaps = result.largestGaps();
        assertEquals(3, gaps.size());
        assertTrue(gaps.get(0).cells() > gaps.get(1).cells() && gaps.get(1).cells() > gaps.get(2).cells());
        assertEquals(result.cells() - result.coveredCells(), gaps.stream().mapToInt(Coverage.Gap::cells).sum());
        assertTrue(gaps.get(0).centroid().longitude() > east.longitude(), "largest: east of both stations");
        assertTrue(gaps.get(1).centroid().longitude() < west.longitude(), "then: west of both");
        assertTrue(gaps.get(2).centroid().longitude() > west.longitude()
                && gaps.get(2).centroid().longitude() < east.longitude(), "smallest: between them");
        assertEquals(gaps.get(0).cells() * 0.01, gaps.get(0).areaKm2(), 1e-9);

        // The most remote cell of the east gap: brute force over the uncovered cells east of the stations.
        double farthest = 0;
        GeoPoint where = null;
        for (int r = 0; r < grid.rows(); r++) {
            for (int col = 0; col < grid.cols(); col++) {
                GeoPoint p = grid.centre(r, col);
                if (!result.isCovered(r, col) && p.longitude() > east.longitude() && nearest(p, stations) > farthest) {
                    farthest = nearest(p, stations);
                    where = p;
                }
            }
        }
        assertEquals(farthest, gaps.get(0).distanceToNearestStationMetres(), 1e-6);
        assertEquals(where.longitude(), gaps.get(0).farthestCell().longitude(), 1e-9);
        assertEquals(Math.hypot(4_950, 450), farthest, 30);

        assertEquals(2, Coverage.compute(grid, stations, 500, 2).largestGaps().size());
        assertEquals(3, Coverage.compute(grid, stations, 500, 2).uncoveredRegions());
    }

    @Test
    void withoutStationsNothingIsCoveredAndTheWholeAreaIsOneGap() {
        GeoPoint c = new GeoPoint(34.26, 108.94);
        Coverage.Result result = Coverage.compute(CoverageGrid.over(box(c, 2_000, 2_000), 250, 40_000),
                List.of(), 1_125, 10);
        assertEquals(64, result.cells());
        assertEquals(0, result.coveredCells());
        assertEquals(0.0, result.coveredShare());
        assertEquals(1, result.largestGaps().size());
        assertEquals(64, result.largestGaps().get(0).cells());
        assertNull(result.largestGaps().get(0).distanceToNearestStationMetres());
        assertEquals(c.latitude(), result.largestGaps().get(0).centroid().latitude(), 1e-9);
    }

    @Test
    void tooManyCellsAreRefusedBeforeAnythingIsComputed() {
        GeoPoint c = new GeoPoint(39.64, 116.45);
        BoundingBox b = box(c, 100_000, 100_000);
        CoverageGrid exact = CoverageGrid.over(b, 500, 40_000);
        assertEquals(200, exact.rows());
        assertEquals(200, exact.cols());
        CoverageGrid.TooManyCellsException e = assertThrows(CoverageGrid.TooManyCellsException.class,
                () -> CoverageGrid.over(b, 499, 40_000));
        assertEquals(201L * 201L, e.cells());
        assertEquals(40_000, e.limit());
        assertThrows(CoverageGrid.TooManyCellsException.class, () -> CoverageGrid.over(box(c, 200_000, 200_000), 50, 40_000));
    }

    @Test
    void modesTurnMinutesIntoAStraightLineRadius() {
        assertEquals(1_125.0, TravelMode.WALK.radiusMetres(15), 1e-9);
        assertEquals(3_750.0, TravelMode.RIDE.radiusMetres(15), 1e-9);
        assertEquals(250.0, TravelMode.RIDE.radiusMetres(1), 1e-9);
    }

    @Test
    void theBoxGrownByTheRadiusHoldsEveryPointThatFar() {
        BoundingBox b = box(new GeoPoint(45.0, 126.6), 3_000, 3_000);
        BoundingBox grown = b.expandedBy(3_750);
        GeoPoint corner = new GeoPoint(b.maxLat(), b.maxLon());
        for (int bearing = 0; bearing < 360; bearing += 5) {
            double north = 3_749 * Math.cos(Math.toRadians(bearing));
            double east = 3_749 * Math.sin(Math.toRadians(bearing));
            GeoPoint p = new GeoPoint(corner.latitude() + north / MPD,
                    corner.longitude() + east / (MPD * Math.cos(Math.toRadians(corner.latitude()))));
            assertTrue(Distance.metres(corner, p) < 3_750.5);
            assertTrue(p.latitude() <= grown.maxLat() && p.longitude() <= grown.maxLon()
                    && p.latitude() >= grown.minLat() && p.longitude() >= grown.minLon(), "bearing " + bearing);
        }
        assertTrue(Districts.byName("大兴区").isPresent());
        assertEquals(Districts.byName("大兴区"), Districts.byName(" Daxing "));
        assertFalse(Districts.byName("朝阳区").isPresent());
    }
}
