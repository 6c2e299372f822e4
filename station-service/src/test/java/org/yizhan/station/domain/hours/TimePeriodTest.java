package org.yizhan.station.domain.hours;

import org.junit.jupiter.api.Test;

import java.time.LocalTime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TimePeriodTest {

    @Test
    void dayPeriodDoesNotCrossMidnight() {
        TimePeriod period = TimePeriod.of("08:00", "12:00");
        assertFalse(period.endsNextDay());
        assertEquals("08:00-12:00", period.toString());
    }

    @Test
    void closeBeforeOpenCrossesMidnight() {
        TimePeriod period = TimePeriod.of("22:00", "06:00");
        assertTrue(period.endsNextDay());
        assertEquals("22:00-06:00", period.toString());
    }

    @Test
    void closeAt24IsMidnightAndWrittenAs24() {
        TimePeriod period = TimePeriod.of("18:00", "24:00");
        assertEquals(LocalTime.MIDNIGHT, period.close());
        assertEquals("18:00-24:00", period.toString());
    }

    @Test
    void wholeDayIsMidnightToMidnight() {
        TimePeriod period = TimePeriod.of("00:00", "24:00");
        assertEquals(TimePeriod.ALL_DAY, period);
        assertTrue(period.isAllDay());
        assertEquals("00:00-24:00", period.toString());
        assertFalse(TimePeriod.of("00:00", "23:59").isAllDay());
    }

    @Test
    void openEqualToCloseIsRejectedUnlessWholeDay() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new TimePeriod(LocalTime.of(8, 0), LocalTime.of(8, 0)));
        assertTrue(e.getMessage().contains("Empty period 08:00-08:00"), e.getMessage());
    }

    @Test
    void secondsAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new TimePeriod(LocalTime.of(8, 0, 30), LocalTime.of(12, 0)));
        assertTrue(e.getMessage().contains("whole minutes"), e.getMessage());
    }

    @Test
    void nullTimesAreRejected() {
        assertThrows(NullPointerException.class, () -> new TimePeriod(null, LocalTime.NOON));
        assertThrows(NullPointerException.class, () -> new TimePeriod(LocalTime.NOON, null));
    }
}
