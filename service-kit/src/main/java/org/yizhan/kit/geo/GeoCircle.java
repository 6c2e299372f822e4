package org.yizhan.kit.geo;

import java.util.Objects;

/**
 * "Within this distance of a point", the way near-me searches ask PostgreSQL without PostGIS
 * (ADR 0006): first the {@link #box() bounding box} of the circle, which an index on latitude and
 * longitude (or a GiST index on {@code point(longitude, latitude)}) answers, then the exact
 * great-circle distance of {@link Distance} for the rows inside it, in SQL with
 * {@link #distanceSql}.
 *
 * <pre>{@code
 * GeoCircle near = new GeoCircle(new GeoPoint(39.73, 116.33), 3000);
 * GeoCircle.Box box = near.box();
 * String sql = "select id, " + GeoCircle.distanceSql("s.latitude", "s.longitude", ":lat", ":lon") + " as distance"
 *         + " from station s where s.latitude between :minLat and :maxLat and s.longitude between :minLon and :maxLon";
 * }</pre>
 */
public record GeoCircle(GeoPoint centre, double radiusMetres) {

    /** A latitude/longitude rectangle in degrees that holds the whole circle. */
    public record Box(double minLatitude, double minLongitude, double maxLatitude, double maxLongitude) {
    }

    public GeoCircle {
        Objects.requireNonNull(centre, "centre");
        if (!Double.isFinite(radiusMetres) || radiusMetres < 0) {
            throw new IllegalArgumentException("radius must be a finite number of metres >= 0, was " + radiusMetres);
        }
    }

    /**
     * The bounding box of the circle. Degrees of longitude shrink towards the poles; the box takes
     * the cosine at the centre's latitude (at least 0.01), which is what a few kilometres need.
     */
    public Box box() {
        double lat = centre.latitude();
        double lon = centre.longitude();
        double dLat = Math.toDegrees(radiusMetres / Distance.MEAN_EARTH_RADIUS_METRES);
        double dLon = Math.min(180, dLat / Math.max(Math.cos(Math.toRadians(lat)), 0.01));
        return new Box(lat - dLat, lon - dLon, lat + dLat, lon + dLon);
    }

    /** Whether {@code point} lies within the circle (great-circle distance). */
    public boolean contains(GeoPoint point) {
        return Distance.metres(centre, point) <= radiusMetres;
    }

    /**
     * {@link Distance#metres} as a PostgreSQL expression: the great-circle distance in metres
     * between the row's {@code latitudeColumn}/{@code longitudeColumn} and the point given by the
     * parameters {@code latitudeParam}/{@code longitudeParam} (named, like {@code :lat}, or
     * {@code ?}; with {@code ?} the parameters come in the order latitude, latitude, longitude).
     */
    public static String distanceSql(String latitudeColumn, String longitudeColumn, String latitudeParam,
                                     String longitudeParam) {
        return "(2 * " + Distance.MEAN_EARTH_RADIUS_METRES + " * asin(sqrt(power(sin(radians(" + latitudeColumn + " - "
                + latitudeParam + ") / 2), 2) + cos(radians(" + latitudeParam + ")) * cos(radians(" + latitudeColumn
                + ")) * power(sin(radians(" + longitudeColumn + " - " + longitudeParam + ") / 2), 2))))";
    }
}
