package org.yizhan.kit.geo;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class DistanceTest {

    private static final GeoPoint TIANANMEN = new GeoPoint(39.9087, 116.3975);
    private static final GeoPoint PEOPLES_SQUARE_SHANGHAI = new GeoPoint(31.2304, 121.4737);

    @Test
    void beijingTiananmenToShanghaiPeoplesSquareIsAbout1067Km() {
        assertEquals(1_067_000.0, Distance.metres(TIANANMEN, PEOPLES_SQUARE_SHANGHAI), 5_000.0);
    }

    @Test
    void zeroForTheSamePoint() {
        assertEquals(0.0, Distance.metres(TIANANMEN, TIANANMEN), 0.0);
        assertEquals(0.0, Distance.metres(TIANANMEN, new GeoPoint(39.9087, 116.3975)), 0.0);
    }

    @Test
    void symmetric() {
        assertEquals(Distance.metres(TIANANMEN, PEOPLES_SQUARE_SHANGHAI),
                Distance.metres(PEOPLES_SQUARE_SHANGHAI, TIANANMEN), 1e-6);
        GeoPoint urumqi = new GeoPoint(43.8256, 87.6168);
        GeoPoint sanya = new GeoPoint(18.2528, 109.5120);
        assertEquals(Distance.metres(urumqi, sanya), Distance.metres(sanya, urumqi), 1e-6);
    }

    @Test
    void oneDegreeOfLatitudeUsesTheMeanEarthRadius() {
        double expected = Distance.MEAN_EARTH_RADIUS_METRES * Math.PI / 180.0; // ≈ 111,195.08 m
        assertEquals(expected, Distance.metres(new GeoPoint(30.0, 116.0), new GeoPoint(31.0, 116.0)), 1e-6);
        assertEquals(111_195.08, expected, 0.01);
    }

    @Test
    void antipodesAreHalfACircumferenceApart() {
        assertEquals(Math.PI * Distance.MEAN_EARTH_RADIUS_METRES,
                Distance.metres(new GeoPoint(0.0, 0.0), new GeoPoint(0.0, 180.0)), 1e-3);
        assertEquals(Math.PI * Distance.MEAN_EARTH_RADIUS_METRES,
                Distance.metres(new GeoPoint(90.0, 0.0), new GeoPoint(-90.0, 0.0)), 1e-3);
    }

    @Test
    void shortDistancesAreAccurate() {
        // 1e-5 degree of latitude ≈ 1.11 m; haversine stays accurate at this scale.
        assertEquals(1.1119508, Distance.metres(new GeoPoint(39.0, 116.0), new GeoPoint(39.00001, 116.0)), 1e-6);
    }

    @Test
    void rejectsNulls() {
        assertThrows(NullPointerException.class, () -> Distance.metres(null, TIANANMEN));
        assertThrows(NullPointerException.class, () -> Distance.metres(TIANANMEN, null));
    }
}
