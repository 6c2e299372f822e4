package org.yizhan.station.domain.coverage;

import org.yizhan.kit.geo.Distance;

/**
 * A latitude/longitude rectangle in decimal degrees (WGS-84 unless the context says otherwise).
 * It does not cross the antimeridian; {@code min < max} on both axes.
 */
public record BoundingBox(double minLat, double minLon, double maxLat, double maxLon) {

    /** Metres per degree of latitude on the mean sphere that {@link Distance} uses. */
    public static final double METRES_PER_DEGREE = Distance.MEAN_EARTH_RADIUS_METRES * Math.PI / 180.0;

    public BoundingBox {
        if (!(minLat < maxLat) || !(minLon < maxLon) || minLat < -90 || maxLat > 90 || minLon < -180 || maxLon > 180) {
            throw new IllegalArgumentException("not a bounding box: " + minLat + "," + minLon + " .. " + maxLat + "," + maxLon);
        }
    }

    public double midLat() {
        return (minLat + maxLat) / 2.0;
    }

    public double midLon() {
        return (minLon + maxLon) / 2.0;
    }

    /** North-south extent in metres. */
    public double heightMetres() {
        return (maxLat - minLat) * METRES_PER_DEGREE;
    }

    /** East-west extent in metres, measured along the middle latitude. */
    public double widthMetres() {
        return (maxLon - minLon) * METRES_PER_DEGREE * Math.cos(Math.toRadians(midLat()));
    }

    /** The largest |latitude| inside the box. */
    public double maxAbsLat() {
        return Math.max(Math.abs(minLat), Math.abs(maxLat));
    }

    /**
     * This box grown by {@code metres} on every side, so that it contains every point within {@code metres} of
     * a point inside it (the longitude margin uses the latitude where a degree of longitude is shortest, like the
     * bounding box of the near-me search).
     */
    public BoundingBox expandedBy(double metres) {
        double dLat = Math.toDegrees(metres / Distance.MEAN_EARTH_RADIUS_METRES) * 1.001;
        double lat = Math.min(90, maxAbsLat() + dLat);
        double dLon = Math.min(180, dLat / Math.max(Math.cos(Math.toRadians(lat)), 0.01));
        return new BoundingBox(Math.max(-90, minLat - dLat), Math.max(-180, minLon - dLon),
                Math.min(90, maxLat + dLat), Math.min(180, maxLon + dLon));
    }
}
