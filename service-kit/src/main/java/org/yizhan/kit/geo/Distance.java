package org.yizhan.kit.geo;

import java.util.Objects;

/** Great-circle distances on a spherical Earth. */
public final class Distance {

    /** IUGG mean Earth radius R1 in metres. */
    public static final double MEAN_EARTH_RADIUS_METRES = 6_371_008.8;

    private Distance() {
    }

    /**
     * Great-circle distance between two points in metres (haversine formula on a sphere of
     * radius {@link #MEAN_EARTH_RADIUS_METRES}; error versus the ellipsoid is below about 0.5 %).
     * Both points must be in the same coordinate system.
     */
    public static double metres(GeoPoint a, GeoPoint b) {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        double phi1 = Math.toRadians(a.latitude());
        double phi2 = Math.toRadians(b.latitude());
        double sinHalfDPhi = Math.sin((phi2 - phi1) / 2.0);
        double sinHalfDLambda = Math.sin(Math.toRadians(b.longitude() - a.longitude()) / 2.0);
        double h = sinHalfDPhi * sinHalfDPhi
                + Math.cos(phi1) * Math.cos(phi2) * sinHalfDLambda * sinHalfDLambda;
        h = Math.min(1.0, Math.max(0.0, h)); // guard against rounding just outside [0, 1]
        return 2.0 * MEAN_EARTH_RADIUS_METRES * Math.asin(Math.sqrt(h));
    }
}
