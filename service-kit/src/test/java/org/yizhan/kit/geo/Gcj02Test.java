package org.yizhan.kit.geo;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class Gcj02Test {

    private static final double REFERENCE_TOLERANCE = 1e-6;
    private static final double ROUND_TRIP_TOLERANCE = 1e-7;

    /**
     * WGS-84 → GCJ-02 reference pairs. The Shanghai, Shenzhen and Beijing values are the test
     * vectors of the open-source eviltransform project (googollee/eviltransform); the (45°N, 123°E)
     * pair is from the test suite of the gcoord project (hujiulong/gcoord).
     *
     * <p>Every pair must match to 1e-6°. The eviltransform values are published at full double
     * precision, so they are also checked to 1e-10°, which pins down the ellipsoid constants
     * (a WGS-84 instead of Krasovsky eccentricity shifts the result by about 1e-9°).
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
            // name,                 wgsLat,     wgsLon,      gcjLat,             gcjLon,             tightTolerance
            "eviltransform Shanghai, 31.1774276, 121.5272106, 31.17530398364597,  121.531541859215,   1e-10",
            "eviltransform Shenzhen, 22.543847,  113.912316,  22.540796131694766, 113.9171764808363,  1e-10",
            "eviltransform Beijing,  39.911954,  116.377817,  39.91334545536069,  116.38404722455657, 1e-10",
            "gcoord 45N 123E,        45.0,       123.0,       45.00197815,        123.00607541,       1e-6",
    })
    void matchesPublishedReferenceVectors(String name, double wgsLat, double wgsLon,
                                          double gcjLat, double gcjLon, double tightTolerance) {
        GeoPoint gcj = Gcj02.toGcj02(new GeoPoint(wgsLat, wgsLon));
        assertEquals(gcjLat, gcj.latitude(), REFERENCE_TOLERANCE, name + " latitude");
        assertEquals(gcjLon, gcj.longitude(), REFERENCE_TOLERANCE, name + " longitude");
        assertEquals(gcjLat, gcj.latitude(), tightTolerance, name + " latitude (tight)");
        assertEquals(gcjLon, gcj.longitude(), tightTolerance, name + " longitude (tight)");

        GeoPoint wgs = Gcj02.toWgs84(new GeoPoint(gcjLat, gcjLon));
        assertEquals(wgsLat, wgs.latitude(), REFERENCE_TOLERANCE, name + " inverse latitude");
        assertEquals(wgsLon, wgs.longitude(), REFERENCE_TOLERANCE, name + " inverse longitude");
    }

    @Test
    void daxingOffsetIsPlausible() {
        GeoPoint wgs = new GeoPoint(39.7046, 116.3127);
        GeoPoint gcj = Gcj02.toGcj02(wgs);
        double dLat = gcj.latitude() - wgs.latitude();
        double dLon = gcj.longitude() - wgs.longitude();
        // Expected roughly +0.0013° latitude and +0.0062° longitude (a few hundred metres north-east).
        assertTrue(dLat > 0.0008 && dLat < 0.0018, "dLat " + dLat);
        assertTrue(dLon > 0.0050 && dLon < 0.0075, "dLon " + dLon);
        double metres = Distance.metres(wgs, gcj);
        assertTrue(metres > 100.0 && metres < 700.0, "offset " + metres + " m");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "Urumqi,              43.8256, 87.6168",
            "Harbin,              45.8038, 126.5350",
            "Sanya,               18.2528, 109.5120",
            "Lhasa,               29.6525, 91.1721",
            "Kashgar,             39.4704, 75.9898",
            "Mohe,                52.9721, 122.5383",
            "Tiananmen,           39.9087, 116.3975",
            "Daxing,              39.7046, 116.3127",
            "transform origin,    35.0,    105.0",
            "just east of 105E,   30.0,    105.0000000001",
            "just west of 105E,   30.0,    104.9999999999",
    })
    void roundTripOfNamedPlacesIsExact(String name, double lat, double lon) {
        GeoPoint wgs = new GeoPoint(lat, lon);
        GeoPoint gcj = Gcj02.toGcj02(wgs);
        assertNotEquals(wgs, gcj, name + " should be shifted");
        assertRoundTrip(name, wgs, Gcj02.toWgs84(gcj));
        // and the other way round: GCJ-02 → WGS-84 → GCJ-02
        assertRoundTrip(name + " (reverse)", wgs, Gcj02.toGcj02(Gcj02.toWgs84(wgs)));
    }

    @Test
    void roundTripOverAGridCoveringChinasBox() {
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (int lat = 2; lat <= 54; lat += 2) {
            for (int lon = 74; lon <= 136; lon += 2) {
                GeoPoint wgs = new GeoPoint(lat, lon);
                GeoPoint back = Gcj02.toWgs84(Gcj02.toGcj02(wgs));
                double error = Math.max(Math.abs(back.latitude() - lat), Math.abs(back.longitude() - lon));
                if (!(error <= ROUND_TRIP_TOLERANCE)) {
                    failures.add(wgs + " -> " + back + " (error " + error + "°)");
                }
                checked++;
            }
        }
        assertEquals(27 * 32, checked);
        assertTrue(failures.isEmpty(), failures.size() + " round trips off: " + failures);
    }

    @Test
    void iterationBeatsTheOneStepInverse() {
        // Harbin: the one-step inverse (gcj - delta(gcj)) is off by decimetres to metres here.
        GeoPoint wgs = new GeoPoint(45.8038, 126.5350);
        GeoPoint gcj = Gcj02.toGcj02(wgs);
        GeoPoint shiftedAgain = Gcj02.toGcj02(gcj);
        GeoPoint oneStep = new GeoPoint(2 * gcj.latitude() - shiftedAgain.latitude(),
                2 * gcj.longitude() - shiftedAgain.longitude());
        assertTrue(Distance.metres(wgs, oneStep) > 0.1, "one-step error " + Distance.metres(wgs, oneStep));
        assertTrue(Distance.metres(wgs, Gcj02.toWgs84(gcj)) < 0.01);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "Tokyo,   35.6762, 139.6503",
            "London,  51.5074, -0.1278",
            "Sydney, -33.8688, 151.2093",
    })
    void pointsOutsideChinaAreUnchangedBothWays(String name, double lat, double lon) {
        GeoPoint p = new GeoPoint(lat, lon);
        assertEquals(p, Gcj02.toGcj02(p), name);
        assertEquals(p, Gcj02.toWgs84(p), name);
        assertEquals(p, Gcj02.convert(p, CoordinateSystem.WGS84, CoordinateSystem.GCJ02), name);
        assertEquals(p, Gcj02.convert(p, CoordinateSystem.GCJ02, CoordinateSystem.WGS84), name);
        assertTrue(Gcj02.outOfChina(p), name);
    }

    @ParameterizedTest(name = "({0}, {1}) outside={2}")
    @CsvSource({
            "40.0,    72.0,     true",
            "40.0,    72.01,    false",
            "40.0,    137.84,   true",
            "40.0,    137.83,   false",
            "0.82,    110.0,    true",
            "0.83,    110.0,    false",
            "55.83,   120.0,    true",
            "55.82,   120.0,    false",
    })
    void boundingBoxEdges(double lat, double lon, boolean outside) {
        GeoPoint p = new GeoPoint(lat, lon);
        assertEquals(outside, Gcj02.outOfChina(p));
        assertEquals(outside, p.equals(Gcj02.toGcj02(p)));
    }

    @Test
    void convertDispatchesOnTheSystems() {
        GeoPoint p = new GeoPoint(39.911954, 116.377817);
        assertSame(p, Gcj02.convert(p, CoordinateSystem.WGS84, CoordinateSystem.WGS84));
        assertSame(p, Gcj02.convert(p, CoordinateSystem.GCJ02, CoordinateSystem.GCJ02));
        assertEquals(Gcj02.toGcj02(p), Gcj02.convert(p, CoordinateSystem.WGS84, CoordinateSystem.GCJ02));
        assertEquals(Gcj02.toWgs84(p), Gcj02.convert(p, CoordinateSystem.GCJ02, CoordinateSystem.WGS84));
        assertNotEquals(Gcj02.toGcj02(p), Gcj02.toWgs84(p));
    }

    @Test
    void rejectsNulls() {
        GeoPoint p = new GeoPoint(39.9, 116.4);
        assertThrows(NullPointerException.class, () -> Gcj02.toGcj02(null));
        assertThrows(NullPointerException.class, () -> Gcj02.toWgs84(null));
        assertThrows(NullPointerException.class, () -> Gcj02.convert(null, CoordinateSystem.WGS84, CoordinateSystem.GCJ02));
        assertThrows(NullPointerException.class, () -> Gcj02.convert(p, null, CoordinateSystem.GCJ02));
        assertThrows(NullPointerException.class, () -> Gcj02.convert(p, CoordinateSystem.WGS84, null));
    }

    private static void assertRoundTrip(String name, GeoPoint expected, GeoPoint actual) {
        assertEquals(expected.latitude(), actual.latitude(), ROUND_TRIP_TOLERANCE, name + " latitude");
        assertEquals(expected.longitude(), actual.longitude(), ROUND_TRIP_TOLERANCE, name + " longitude");
    }
}
