package org.yizhan.kit.geo;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CoordinateSystemTest {

    @ParameterizedTest
    @ValueSource(strings = {"wgs84", "WGS84", "Wgs84"})
    void parsesWgs84CaseInsensitively(String value) {
        assertEquals(CoordinateSystem.WGS84, CoordinateSystem.fromQueryValue(value));
    }

    @ParameterizedTest
    @ValueSource(strings = {"gcj02", "GCJ02", "Gcj02"})
    void parsesGcj02CaseInsensitively(String value) {
        assertEquals(CoordinateSystem.GCJ02, CoordinateSystem.fromQueryValue(value));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "bd09", "wgs-84", "gcj-02", "gcj", " gcj02", "epsg:4326"})
    void rejectsOtherValuesListingTheAllowedOnes(String value) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CoordinateSystem.fromQueryValue(value));
        assertTrue(e.getMessage().contains("wgs84"), e.getMessage());
        assertTrue(e.getMessage().contains("gcj02"), e.getMessage());
        assertTrue(e.getMessage().contains("coordSys"), e.getMessage());
    }

    @Test
    void queryValueRoundTrips() {
        for (CoordinateSystem system : CoordinateSystem.values()) {
            assertEquals(system, CoordinateSystem.fromQueryValue(system.queryValue()));
        }
        assertEquals("wgs84", CoordinateSystem.WGS84.queryValue());
        assertEquals("gcj02", CoordinateSystem.GCJ02.queryValue());
    }
}
