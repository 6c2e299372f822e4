package org.yizhan.station.domain.coverage;

import org.yizhan.kit.geo.Distance;
import org.yizhan.kit.geo.GeoPoint;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which cells of a {@link CoverageGrid} have a station within a radius, and where the largest gaps are.
 *
 * <p>A cell is covered when the great-circle distance from its centre to some station is at most the
 * radius. Stations are put into buckets one radius tall and at least one radius wide (in degrees, using
 * the latitude where a degree of longitude is shortest), so a cell only looks at the stations of the 3 × 3
 * buckets around it: the work grows with cells + stations, not cells × stations.
 *
 * <p>A gap is a region of uncovered cells connected through their edges (4-neighbours). Gaps are ranked by
 * size (cells), then by how far their most remote cell is from a station. For each the most remote cell
 * is reported with its distance to the nearest station: the natural place for the next station. Distances
 * to the nearest station are found by passing each cell's nearest-station candidate on to its 8 neighbours,
 * once from the south-west and once from the north-east (a vector distance transform); the distance given
 * is always that to a real station, and at the grid's resolution it is the nearest one.
 */
public final class Coverage {

    private Coverage() {
    }

    /** One gap: its size, centroid (the mean of its cell centres) and most remote cell. */
    public record Gap(int cells, double areaKm2, GeoPoint centroid, GeoPoint farthestCell,
                      Double distanceToNearestStationMetres) {
    }

    /** The answer. {@code coveredShare} is rounded to 4 decimals; {@code gaps} has at most the asked number. */
    public record Result(CoverageGrid grid, double radiusMetres, int stations, int cells, int coveredCells,
                         double coveredShare, int uncoveredRegions, List<Gap> largestGaps, boolean[] covered,
                         double[] nearestMetres) {

        public boolean isCovered(int row, int col) {
            return covered[row * grid.cols() + col];
        }

        /** Distance from the cell centre to the nearest station; infinite without stations. */
        public double nearestMetres(int row, int col) {
            return nearestMetres[row * grid.cols() + col];
        }
    }

    /** {@code covered / cells} rounded half-up to 4 decimals; 0 for an empty grid. */
    public static double share(int covered, int cells) {
        if (cells <= 0) {
            return 0;
        }
        return Math.round(covered * 10_000.0 / cells) / 10_000.0;
    }

    public static Result compute(CoverageGrid grid, List<GeoPoint> stations, double radiusMetres, int maxGaps) {
        if (!(radiusMetres > 0)) {
            throw new IllegalArgumentException("radiusMetres must be positive, was " + radiusMetres);
        }
        int n = grid.size();
        double[] sLat = new double[stations.size()];
        double[] sLon = new double[stations.size()];
        for (int i = 0; i < sLat.length; i++) {
            sLat[i] = stations.get(i).latitude();
            sLon[i] = stations.get(i).longitude();
        }

        // Buckets: a station within the radius of a point is at most one bucket away on each axis.
        double bLat = Math.toDegrees(radiusMetres / Distance.MEAN_EARTH_RADIUS_METRES) * 1.001;
        double worstLat = Math.min(89.9, grid.box().maxAbsLat() + bLat);
        double bLon = bLat / Math.max(Math.cos(Math.toRadians(worstLat)), 0.01);
        Map<Long, List<Integer>> buckets = new HashMap<>();
        for (int i = 0; i < sLat.length; i++) {
            buckets.computeIfAbsent(key((long) Math.floor(sLat[i] / bLat), (long) Math.floor(sLon[i] / bLon)),
                    k -> new ArrayList<>()).add(i);
        }

        int[] nearest = new int[n];
        double[] dist = new double[n];
        boolean[] covered = new boolean[n];
        int coveredCells = nearestInBuckets(grid, new Buckets(buckets, bLat, bLon), sLat, sLon, radiusMetres,
                nearest, dist, covered);

        nearestEverywhere(grid, sLat, sLon, nearest, dist);
        List<Gap> gaps = new ArrayList<>();
        int regions = gaps(grid, covered, dist, maxGaps, gaps);
        return new Result(grid, radiusMetres, sLat.length, n, coveredCells, share(coveredCells, n), regions,
                List.copyOf(gaps), covered, dist);
    }

    /** Stations grouped by bucket of {@code bLat} × {@code bLon} degrees. */
    private record Buckets(Map<Long, List<Integer>> stations, double bLat, double bLon) {
    }

    /**
     * The nearest station of each cell among the buckets around it, and whether it is within the
     * radius; returns how many cells are covered.
     */
    private static int nearestInBuckets(CoverageGrid grid, Buckets b, double[] sLat, double[] sLon, double radiusMetres,
                                        int[] nearest, double[] dist, boolean[] covered) {
        Map<Long, List<Integer>> buckets = b.stations();
        double bLat = b.bLat();
        double bLon = b.bLon();
        int rows = grid.rows();
        int cols = grid.cols();
        int coveredCells = 0;
        for (int r = 0; r < rows; r++) {
            double lat = grid.latOf(r);
            long br = (long) Math.floor(lat / bLat);
            for (int c = 0; c < cols; c++) {
                double lon = grid.lonOf(c);
                long bc = (long) Math.floor(lon / bLon);
                int best = -1;
                double bestD = Double.POSITIVE_INFINITY;
                for (long i = br - 1; i <= br + 1; i++) {
                    for (long j = bc - 1; j <= bc + 1; j++) {
                        List<Integer> bucket = buckets.get(key(i, j));
                        if (bucket == null) {
                            continue;
                        }
                        for (int s : bucket) {
                            double d = metres(lat, lon, sLat[s], sLon[s]);
                            if (d < bestD) {
                                bestD = d;
                                best = s;
                            }
                        }
                    }
                }
                int cell = r * cols + c;
                nearest[cell] = best;
                dist[cell] = bestD;
                if (bestD <= radiusMetres) {
                    covered[cell] = true;
                    coveredCells++;
                }
            }
        }
        return coveredCells;
    }

    /** Completes {@code nearest}/{@code dist} for cells with no station in the buckets around them. */
    private static void nearestEverywhere(CoverageGrid grid, double[] sLat, double[] sLon, int[] nearest,
                                          double[] dist) {
        int rows = grid.rows();
        int cols = grid.cols();
        // Every station seeds the cell nearest to it (stations outside the grid: the nearest edge cell).
        for (int s = 0; s < sLat.length; s++) {
            int cell = grid.nearestRow(sLat[s]) * cols + grid.nearestCol(sLon[s]);
            offer(grid, cell, s, sLat, sLon, nearest, dist);
        }
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                pull(grid, r, c, r - 1, c - 1, sLat, sLon, nearest, dist);
                pull(grid, r, c, r - 1, c, sLat, sLon, nearest, dist);
                pull(grid, r, c, r - 1, c + 1, sLat, sLon, nearest, dist);
                pull(grid, r, c, r, c - 1, sLat, sLon, nearest, dist);
            }
            for (int c = cols - 1; c >= 0; c--) {
                pull(grid, r, c, r, c + 1, sLat, sLon, nearest, dist);
            }
        }
        for (int r = rows - 1; r >= 0; r--) {
            for (int c = cols - 1; c >= 0; c--) {
                pull(grid, r, c, r + 1, c + 1, sLat, sLon, nearest, dist);
                pull(grid, r, c, r + 1, c, sLat, sLon, nearest, dist);
                pull(grid, r, c, r + 1, c - 1, sLat, sLon, nearest, dist);
                pull(grid, r, c, r, c + 1, sLat, sLon, nearest, dist);
            }
            for (int c = 0; c < cols; c++) {
                pull(grid, r, c, r, c - 1, sLat, sLon, nearest, dist);
            }
        }
    }

    private static void pull(CoverageGrid grid, int r, int c, int fromR, int fromC, double[] sLat, double[] sLon,
                             int[] nearest, double[] dist) {
        if (fromR < 0 || fromC < 0 || fromR >= grid.rows() || fromC >= grid.cols()) {
            return;
        }
        int s = nearest[fromR * grid.cols() + fromC];
        if (s >= 0) {
            offer(grid, r * grid.cols() + c, s, sLat, sLon, nearest, dist);
        }
    }

    private static void offer(CoverageGrid grid, int cell, int s, double[] sLat, double[] sLon, int[] nearest,
                              double[] dist) {
        if (nearest[cell] == s) {
            return;
        }
        int r = cell / grid.cols();
        int c = cell % grid.cols();
        double d = metres(grid.latOf(r), grid.lonOf(c), sLat[s], sLon[s]);
        if (d < dist[cell]) {
            dist[cell] = d;
            nearest[cell] = s;
        }
    }

    /** Finds the 4-connected regions of uncovered cells, adds the largest to {@code out}; returns how many there are. */
    private static int gaps(CoverageGrid grid, boolean[] covered, double[] dist, int maxGaps, List<Gap> out) {
        int rows = grid.rows();
        int cols = grid.cols();
        int n = grid.size();
        boolean[] seen = new boolean[n];
        int[] queue = new int[n];
        double cellKm2 = grid.cellMetres() * grid.cellMetres() / 1_000_000.0;
        List<Found> found = new ArrayList<>();
        for (int start = 0; start < n; start++) {
            if (covered[start] || seen[start]) {
                continue;
            }
            int head = 0;
            int tail = 0;
            queue[tail++] = start;
            seen[start] = true;
            double sumLat = 0;
            double sumLon = 0;
            int farthest = start;
            while (head < tail) {
                int cell = queue[head++];
                int r = cell / cols;
                int c = cell % cols;
                sumLat += grid.latOf(r);
                sumLon += grid.lonOf(c);
                if (dist[cell] > dist[farthest]) {
                    farthest = cell;
                }
                if (r > 0) {
                    tail = visit(cell - cols, covered, seen, queue, tail);
                }
                if (r < rows - 1) {
                    tail = visit(cell + cols, covered, seen, queue, tail);
                }
                if (c > 0) {
                    tail = visit(cell - 1, covered, seen, queue, tail);
                }
                if (c < cols - 1) {
                    tail = visit(cell + 1, covered, seen, queue, tail);
                }
            }
            int size = tail;
            GeoPoint centroid = new GeoPoint(sumLat / size, sumLon / size);
            Double distance = Double.isFinite(dist[farthest]) ? dist[farthest] : null;
            if (distance == null) {
                // No station at all: the most remote cell is undefined; point at the cell nearest the centroid.
                farthest = nearestCell(grid, queue, size, centroid);
            }
            GeoPoint remote = grid.centre(farthest / cols, farthest % cols);
            found.add(new Found(new Gap(size, Math.round(size * cellKm2 * 100) / 100.0, centroid, remote, distance),
                    distance == null ? Double.POSITIVE_INFINITY : distance, start));
        }
        found.stream()
                .sorted(Comparator.comparingInt((Found f) -> -f.gap().cells())
                        .thenComparing(Found::remoteness, Comparator.reverseOrder())
                        .thenComparingInt(Found::firstCell))
                .limit(Math.max(0, maxGaps))
                .forEach(f -> out.add(f.gap()));
        return found.size();
    }

    /** An uncovered region found, how far its most remote cell is from a station, and where it starts. */
    private record Found(Gap gap, double remoteness, int firstCell) {
    }

    /** Of the first {@code size} cells of {@code queue}, the one nearest {@code point}. */
    private static int nearestCell(CoverageGrid grid, int[] queue, int size, GeoPoint point) {
        int cols = grid.cols();
        int nearest = queue[0];
        double bestD = Double.POSITIVE_INFINITY;
        for (int i = 0; i < size; i++) {
            int cell = queue[i];
            double d = metres(point.latitude(), point.longitude(), grid.latOf(cell / cols), grid.lonOf(cell % cols));
            if (d < bestD) {
                bestD = d;
                nearest = cell;
            }
        }
        return nearest;
    }

    private static int visit(int cell, boolean[] covered, boolean[] seen, int[] queue, int tail) {
        if (!covered[cell] && !seen[cell]) {
            seen[cell] = true;
            queue[tail++] = cell;
        }
        return tail;
    }

    private static long key(long row, long col) {
        return (row << 32) ^ (col & 0xffffffffL);
    }

    /** Great-circle distance like {@link Distance#metres}, without allocating points. */
    static double metres(double lat1, double lon1, double lat2, double lon2) {
        double phi1 = Math.toRadians(lat1);
        double phi2 = Math.toRadians(lat2);
        double a = Math.sin((phi2 - phi1) / 2.0);
        double b = Math.sin(Math.toRadians(lon2 - lon1) / 2.0);
        double h = Math.min(1.0, Math.max(0.0, a * a + Math.cos(phi1) * Math.cos(phi2) * b * b));
        return 2.0 * Distance.MEAN_EARTH_RADIUS_METRES * Math.asin(Math.sqrt(h));
    }
}
