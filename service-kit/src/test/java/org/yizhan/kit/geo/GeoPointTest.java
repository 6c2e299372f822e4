package org.yizhan.kit.geo;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GeoPointTest {

    @Test
    void acceptsTheInclusiveRangeLimits() {
        assertDoesNotThrow(() -> new GeoPoint(90.0, 180.0));
        assertDoesNotThrow(() -> new GeoPoint(-90.0, -180.0));
        assertDoesNotThrow(() -> new GeoPoint(0.0, 0.0));
        GeoPoint p = new GeoPoint(39.9087, 116.3975);
        assertEquals(39.9087, p.latitude());
        assertEquals(116.3975, p.longitude());
    }

    @ParameterizedTest
    @CsvSource({"90.000001", "-90.000001", "180", "NaN", "Infinity", "-Infinity"})
    void rejectsLatitudeOutOfRange(double latitude) {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> new GeoPoint(latitude, 116.0));
        assertTrue(e.getMessage().contains("latitude"), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource({"180.000001", "-180.000001", "360", "NaN", "Infinity", "-Infinity"})
    void rejectsLongitudeOutOfRange(double longitude) {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> new GeoPoint(39.0, longitude));
        assertTrue(e.getMessage().contains("longitude"), e.getMessage());
    }
}
