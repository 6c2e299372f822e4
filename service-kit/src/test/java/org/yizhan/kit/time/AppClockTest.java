package org.yizhan.kit.time;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AppClockTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Test
    void nowIsInMicroseconds() {
        assertEquals(0, new AppClock(true).now().getNano() % 1_000);
    }

    @Test
    void aShiftMovesNowTodayAndTheClockViewUntilReset() {
        AppClock clock = new AppClock(true);
        Instant before = Instant.now();
        clock.shift(Duration.ofDays(400));
        Instant shifted = clock.now();
        assertFalse(shifted.isBefore(before.plus(Duration.ofDays(400)).minusMillis(1)), shifted.toString());
        assertEquals(LocalDate.ofInstant(shifted, SHANGHAI), clock.today(SHANGHAI));
        assertTrue(Duration.between(shifted, clock.clock().instant()).abs().toSeconds() < 5);
        assertEquals(SHANGHAI, clock.clock().withZone(SHANGHAI).getZone());
        assertTrue(Duration.between(shifted, clock.clock().withZone(SHANGHAI).instant()).abs().toSeconds() < 5);
        clock.reset();
        assertTrue(Duration.between(Instant.now(), clock.now()).abs().toSeconds() < 5);
    }

    @Test
    void productionClockCannotBeMoved() {
        AppClock clock = new AppClock(false);
        assertThrows(IllegalStateException.class, () -> clock.shift(Duration.ofHours(1)));
    }
}
