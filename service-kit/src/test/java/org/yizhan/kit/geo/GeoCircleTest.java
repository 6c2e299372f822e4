package org.yizhan.kit.geo;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GeoCircleTest {

    private static final GeoPoint DAXING = new GeoPoint(39.7268, 116.3411);

    @Test
    void theBoxHoldsEveryPointOfTheCircle() {
        GeoCircle circle = new GeoCircle(DAXING, 3000);
        GeoCircle.Box box = circle.box();
        for (int bearing = 0; bearing < 360; bearing += 15) {
            GeoPoint edge = towards(DAXING, bearing, 2999);
            assertTrue(circle.contains(edge), "bearing " + bearing);
            assertTrue(edge.latitude() >= box.minLatitude() && edge.latitude() <= box.maxLatitude(), "bearing " + bearing);
            assertTrue(edge.longitude() >= box.minLongitude() && edge.longitude() <= box.maxLongitude(), "bearing " + bearing);
        }
        assertFalse(circle.contains(towards(DAXING, 45, 3001)));
        // 3 km is about 0.027 degrees of latitude, and more degrees of longitude at 39.7 degrees north.
        assertEquals(0.02698, box.maxLatitude() - DAXING.latitude(), 1e-4);
        assertEquals(0.02698 / Math.cos(Math.toRadians(39.7268)), box.maxLongitude() - DAXING.longitude(), 1e-4);
    }

    @Test
    void theSqlNamesTheColumnsAndParameters() {
        String sql = GeoCircle.distanceSql("v.latitude", "v.longitude", ":lat", ":lon");
        assertEquals("(2 * 6371008.8 * asin(sqrt(power(sin(radians(v.latitude - :lat) / 2), 2) + cos(radians(:lat))"
                + " * cos(radians(v.latitude)) * power(sin(radians(v.longitude - :lon) / 2), 2))))", sql);
    }

    @Test
    void aRadiusIsAFiniteNumberOfMetres() {
        assertThrows(IllegalArgumentException.class, () -> new GeoCircle(DAXING, -1));
        assertThrows(IllegalArgumentException.class, () -> new GeoCircle(DAXING, Double.NaN));
        assertThrows(NullPointerException.class, () -> new GeoCircle(null, 1));
    }

    /** The point {@code metres} from {@code from} in the direction {@code bearing} (degrees from north), on the sphere. */
    private static GeoPoint towards(GeoPoint from, double bearing, double metres) {
        double d = metres / Distance.MEAN_EARTH_RADIUS_METRES;
        double b = Math.toRadians(bearing);
        double lat1 = Math.toRadians(from.latitude());
        double lon1 = Math.toRadians(from.longitude());
        double lat2 = Math.asin(Math.sin(lat1) * Math.cos(d) + Math.cos(lat1) * Math.sin(d) * Math.cos(b));
        double lon2 = lon1 + Math.atan2(Math.sin(b) * Math.sin(d) * Math.cos(lat1), Math.cos(d) - Math.sin(lat1) * Math.sin(lat2));
        return new GeoPoint(Math.toDegrees(lat2), Math.toDegrees(lon2));
    }
}
