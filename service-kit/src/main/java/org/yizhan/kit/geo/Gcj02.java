package org.yizhan.kit.geo;

import java.util.Objects;

/**
 * Conversion between WGS-84 and GCJ-02, the obfuscated datum that Chinese map SDKs
 * (AMap/Gaode, Tencent) use in mainland China.
 *
 * <p>The forward transform is the widely published GCJ-02 algorithm: two fixed trigonometric
 * polynomials in the offset from (105°E, 35°N) give a displacement in metres-like units, which
 * is turned into degrees with the radii of curvature of the Krasovsky 1940 ellipsoid. Like the
 * SDKs, points outside a rough bounding box of China (longitude 72.004..137.8347, latitude
 * 0.8293..55.8271) are not shifted at all.
 *
 * <p>No closed-form inverse exists. The simple one-step inverse used by many libraries
 * ({@code wgs ≈ gcj − delta(gcj)}) evaluates the displacement at the wrong point, about 500 m
 * away; its error averages under 1 m but reaches 2–3 m in populated regions and about 5 m near
 * the northern edge of the box. {@link #toWgs84} therefore refines that estimate by fixed-point
 * iteration until the forward transform of the estimate reproduces the input to
 * {@value #INVERSE_TOLERANCE_DEGREES} degrees. The displacement varies slowly (its derivative is of the order of 10⁻³), so each
 * iteration shrinks the error by roughly three orders of magnitude and two or three iterations
 * normally suffice; a WGS-84 → GCJ-02 → WGS-84 round trip is then exact to well under a
 * millimetre.
 */
public final class Gcj02 {

    /** Semi-major axis of the Krasovsky 1940 ellipsoid in metres. */
    static final double KRASOVSKY_A = 6378245.0;

    /** First eccentricity squared of the Krasovsky 1940 ellipsoid (1/f = 298.3). */
    static final double KRASOVSKY_EE = 0.00669342162296594323;

    static final double CHINA_MIN_LONGITUDE = 72.004;
    static final double CHINA_MAX_LONGITUDE = 137.8347;
    static final double CHINA_MIN_LATITUDE = 0.8293;
    static final double CHINA_MAX_LATITUDE = 55.8271;

    /** Stop iterating the inverse once the forward image matches the input this closely (degrees). */
    static final double INVERSE_TOLERANCE_DEGREES = 1e-9;

    /** Upper bound on inverse iterations; convergence normally takes two or three. */
    static final int INVERSE_MAX_ITERATIONS = 30;

    private Gcj02() {
    }

    /**
     * Converts a WGS-84 point to GCJ-02 as Chinese map SDKs do. Points outside the rough
     * bounding box of China are returned unchanged.
     */
    public static GeoPoint toGcj02(GeoPoint wgs84) {
        Objects.requireNonNull(wgs84, "wgs84");
        if (outOfChina(wgs84)) {
            return wgs84;
        }
        double[] d = offset(wgs84.latitude(), wgs84.longitude());
        return new GeoPoint(wgs84.latitude() + d[0], wgs84.longitude() + d[1]);
    }

    /**
     * Converts a GCJ-02 point back to WGS-84, iterating until the forward transform of the
     * result matches the input within {@value #INVERSE_TOLERANCE_DEGREES} degrees (at most
     * {@value #INVERSE_MAX_ITERATIONS} iterations). Points outside the rough bounding box of
     * China are returned unchanged.
     *
     * <p>Within about 700 m of the bounding box edge (open sea or foreign territory) forward and
     * inverse are not mutually consistent, because the box test is applied to the input of each
     * direction; this matches the behaviour of the SDKs.
     */
    public static GeoPoint toWgs84(GeoPoint gcj02) {
        Objects.requireNonNull(gcj02, "gcj02");
        if (outOfChina(gcj02)) {
            return gcj02;
        }
        double targetLat = gcj02.latitude();
        double targetLon = gcj02.longitude();

        // Initial estimate: the usual one-step inverse, displacement evaluated at the GCJ-02 point.
        double[] d = offset(targetLat, targetLon);
        double lat = targetLat - d[0];
        double lon = targetLon - d[1];

        // Fixed-point iteration on x = target - offset(x): subtract the forward residual each step.
        for (int i = 0; i < INVERSE_MAX_ITERATIONS; i++) {
            d = offset(lat, lon);
            double residualLat = lat + d[0] - targetLat;
            double residualLon = lon + d[1] - targetLon;
            if (Math.abs(residualLat) <= INVERSE_TOLERANCE_DEGREES
                    && Math.abs(residualLon) <= INVERSE_TOLERANCE_DEGREES) {
                break;
            }
            lat -= residualLat;
            lon -= residualLon;
        }
        return new GeoPoint(lat, lon);
    }

    /** Converts {@code point} from one coordinate system to another (identity if they are equal). */
    public static GeoPoint convert(GeoPoint point, CoordinateSystem from, CoordinateSystem to) {
        Objects.requireNonNull(point, "point");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (from == to) {
            return point;
        }
        return to == CoordinateSystem.GCJ02 ? toGcj02(point) : toWgs84(point);
    }

    /** Whether the SDKs leave this point unshifted (outside the rough bounding box of China). */
    public static boolean outOfChina(GeoPoint point) {
        double lat = point.latitude();
        double lon = point.longitude();
        return lon < CHINA_MIN_LONGITUDE || lon > CHINA_MAX_LONGITUDE
                || lat < CHINA_MIN_LATITUDE || lat > CHINA_MAX_LATITUDE;
    }

    /** GCJ-02 displacement {dLat, dLon} in degrees for a WGS-84 position, ignoring the China box. */
    private static double[] offset(double lat, double lon) {
        double x = lon - 105.0;
        double y = lat - 35.0;
        double phi = lat / 180.0 * Math.PI;
        double sinPhi = Math.sin(phi);
        double w2 = 1.0 - KRASOVSKY_EE * sinPhi * sinPhi;
        double w = Math.sqrt(w2);
        // Meridional radius M = a(1-e²)/W³ and prime-vertical radius N = a/W.
        double meridianRadius = KRASOVSKY_A * (1.0 - KRASOVSKY_EE) / (w2 * w);
        double primeVerticalRadius = KRASOVSKY_A / w;
        double dLat = latitudeShift(x, y) * 180.0 / (meridianRadius * Math.PI);
        double dLon = longitudeShift(x, y) * 180.0 / (primeVerticalRadius * Math.cos(phi) * Math.PI);
        return new double[] {dLat, dLon};
    }

    /** Trigonometric terms shared by both polynomials. */
    private static double commonWave(double x) {
        return 20.0 * Math.sin(6.0 * Math.PI * x) + 20.0 * Math.sin(2.0 * Math.PI * x);
    }

    private static double latitudeShift(double x, double y) {
        double polynomial = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y
                + 0.2 * Math.sqrt(Math.abs(x));
        double waves = commonWave(x)
                + 20.0 * Math.sin(Math.PI * y) + 40.0 * Math.sin(Math.PI * y / 3.0)
                + 160.0 * Math.sin(Math.PI * y / 12.0) + 320.0 * Math.sin(Math.PI * y / 30.0);
        return polynomial + waves * 2.0 / 3.0;
    }

    private static double longitudeShift(double x, double y) {
        double polynomial = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y
                + 0.1 * Math.sqrt(Math.abs(x));
        double waves = commonWave(x)
                + 20.0 * Math.sin(Math.PI * x) + 40.0 * Math.sin(Math.PI * x / 3.0)
                + 150.0 * Math.sin(Math.PI * x / 12.0) + 300.0 * Math.sin(Math.PI * x / 30.0);
        return polynomial + waves * 2.0 / 3.0;
    }
}
