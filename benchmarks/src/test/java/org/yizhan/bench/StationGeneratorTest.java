package org.yizhan.bench;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StationGeneratorTest {

    @Test
    void theSameSeedGivesTheSameStations() {
        StationGenerator a = new StationGenerator(7);
        StationGenerator b = new StationGenerator(7);
        for (int i = 0; i < 100; i++) {
            assertEquals(a.next(i), b.next(i));
        }
    }

    @Test
    void stationsLieInChinaAndMixStatusesAmenitiesAndHours() {
        StationGenerator generator = new StationGenerator(42);
        int active = 0;
        int charging = 0;
        int n = 20_000;
        java.util.Set<String> hours = new java.util.HashSet<>();
        for (int i = 0; i < n; i++) {
            StationGenerator.GeneratedStation s = generator.next(i);
            assertTrue(s.latitude() >= 18 && s.latitude() <= 53.5, "latitude " + s.latitude());
            assertTrue(s.longitude() >= 73.5 && s.longitude() <= 134.8, "longitude " + s.longitude());
            active += s.status().equals("ACTIVE") ? 1 : 0;
            charging += s.workingAmenities().contains("PHONE_CHARGING") ? 1 : 0;
            hours.add(s.openingHours());
        }
        assertEquals(0.95, active / (double) n, 0.01);
        assertEquals(0.60, charging / (double) n, 0.02);
        assertEquals(StationGenerator.HOURS.length, hours.size());
    }
}
