package org.yizhan.station.domain.coverage;

import org.yizhan.kit.geo.GeoPoint;

/**
 * Square cells of {@code cellMetres} laid over a bounding box. Cells are {@code cellMetres} apart
 * north-south, and east-west along the box's middle latitude (so in a box 200 km tall they are a
 * little more than 1 % narrower at the northern edge than at the southern one, in China). There are
 * {@code ceil(height / cellMetres)} rows and {@code ceil(width / cellMetres)} columns, centred on
 * the box: every cell centre lies inside the box and the grid overhangs each edge by less than half a cell.
 * Cell (row, col) counts from the south-west; its index is {@code row * cols + col}.
 */
public final class CoverageGrid {

    private final BoundingBox box;
    private final double cellMetres;
    private final int rows;
    private final int cols;
    private final double dLat;
    private final double dLon;
    private final double firstLat;
    private final double firstLon;

    private CoverageGrid(BoundingBox box, double cellMetres, int rows, int cols) {
        this.box = box;
        this.cellMetres = cellMetres;
        this.rows = rows;
        this.cols = cols;
        this.dLat = cellMetres / BoundingBox.METRES_PER_DEGREE;
        this.dLon = dLat / Math.cos(Math.toRadians(box.midLat()));
        this.firstLat = box.midLat() - (rows - 1) / 2.0 * dLat;
        this.firstLon = box.midLon() - (cols - 1) / 2.0 * dLon;
    }

    /** Rows a grid of {@code cellMetres} over {@code box} would have. */
    public static long rowsFor(BoundingBox box, double cellMetres) {
        return count(box.heightMetres(), cellMetres);
    }

    /** Columns a grid of {@code cellMetres} over {@code box} would have. */
    public static long colsFor(BoundingBox box, double cellMetres) {
        return count(box.widthMetres(), cellMetres);
    }

    private static long count(double metres, double cellMetres) {
        return Math.max(1, (long) Math.ceil(metres / cellMetres - 1e-9));
    }

    /**
     * The grid over {@code box}.
     *
     * @throws TooManyCellsException if it would have more than {@code maxCells} cells
     */
    public static CoverageGrid over(BoundingBox box, double cellMetres, int maxCells) {
        if (!(cellMetres > 0)) {
            throw new IllegalArgumentException("cellMetres must be positive, was " + cellMetres);
        }
        long rows = rowsFor(box, cellMetres);
        long cols = colsFor(box, cellMetres);
        if (rows * cols > maxCells) {
            throw new TooManyCellsException(rows * cols, maxCells);
        }
        return new CoverageGrid(box, cellMetres, (int) rows, (int) cols);
    }

    public BoundingBox box() {
        return box;
    }

    public double cellMetres() {
        return cellMetres;
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    public int size() {
        return rows * cols;
    }

    /** Latitude of the centres of row {@code row}. */
    public double latOf(int row) {
        return firstLat + row * dLat;
    }

    /** Longitude of the centres of column {@code col}. */
    public double lonOf(int col) {
        return firstLon + col * dLon;
    }

    public GeoPoint centre(int row, int col) {
        return new GeoPoint(latOf(row), lonOf(col));
    }

    /** The row whose centre is nearest to {@code lat}, clamped to the grid. */
    int nearestRow(double lat) {
        return (int) Math.max(0, Math.min(rows - 1, Math.round((lat - firstLat) / dLat)));
    }

    /** The column whose centre is nearest to {@code lon}, clamped to the grid. */
    int nearestCol(double lon) {
        return (int) Math.max(0, Math.min(cols - 1, Math.round((lon - firstLon) / dLon)));
    }

    /** A grid that would have more cells than allowed. */
    public static final class TooManyCellsException extends IllegalArgumentException {

        private final long cells;
        private final int limit;

        public TooManyCellsException(long cells, int limit) {
            super("the grid would have " + cells + " cells, more than " + limit);
            this.cells = cells;
            this.limit = limit;
        }

        public long cells() {
            return cells;
        }

        public int limit() {
            return limit;
        }
    }
}
