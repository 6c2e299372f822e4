package org.yizhan.station.domain.hours;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.MonthDay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ValidityWindowTest {

    private static ValidityWindow yearly(int fromMonth, int fromDay, int toMonth, int toDay) {
        return ValidityWindow.everyYear(MonthDay.of(fromMonth, fromDay), MonthDay.of(toMonth, toDay));
    }

    private static ValidityWindow dated(String from, String to) {
        return ValidityWindow.between(LocalDate.parse(from), LocalDate.parse(to));
    }

    @Test
    void yearlyWindowsOverlap() {
        assertTrue(yearly(5, 1, 9, 30).overlaps(yearly(9, 30, 10, 31)), "sharing the last day");
        assertFalse(yearly(5, 1, 9, 30).overlaps(yearly(10, 1, 4, 30)));
        assertTrue(yearly(11, 1, 2, 28).overlaps(yearly(2, 1, 3, 31)), "wrapping window");
        assertTrue(yearly(11, 1, 2, 28).overlaps(yearly(12, 24, 12, 26)), "inside a wrapping window");
        assertTrue(yearly(12, 24, 12, 26).overlaps(yearly(11, 1, 2, 28)), "symmetric");
        assertTrue(yearly(1, 1, 12, 31).overlaps(yearly(7, 1, 7, 1)));
    }

    @Test
    void datedWindowsOverlap() {
        assertTrue(dated("2026-06-01", "2026-08-31").overlaps(dated("2026-08-31", "2026-09-30")));
        assertFalse(dated("2026-06-01", "2026-08-31").overlaps(dated("2026-09-01", "2026-09-30")));
    }

    @Test
    void datedAndYearlyWindowsOverlap() {
        assertTrue(dated("2026-12-20", "2027-01-10").overlaps(yearly(1, 5, 1, 6)));
        assertTrue(yearly(1, 5, 1, 6).overlaps(dated("2026-12-20", "2027-01-10")));
        assertFalse(dated("2026-12-20", "2027-01-10").overlaps(yearly(2, 1, 2, 10)));
        assertTrue(dated("2027-01-01", "2029-12-31").overlaps(yearly(2, 29, 2, 29)), "2028 is a leap year");
        assertFalse(dated("2029-01-01", "2031-12-31").overlaps(yearly(2, 29, 2, 29)), "no leap year in 2029-2031");
        assertTrue(dated("2000-01-01", "2099-12-31").overlaps(yearly(2, 29, 2, 29)), "long window");
    }

    @Test
    void containsIsInclusive() {
        assertTrue(dated("2026-06-01", "2026-08-31").contains(LocalDate.parse("2026-06-01")));
        assertTrue(dated("2026-06-01", "2026-08-31").contains(LocalDate.parse("2026-08-31")));
        assertFalse(dated("2026-06-01", "2026-08-31").contains(LocalDate.parse("2026-09-01")));
        assertTrue(yearly(5, 1, 9, 30).contains(LocalDate.parse("2031-09-30")));
        assertFalse(yearly(5, 1, 9, 30).contains(LocalDate.parse("2031-04-30")));
    }

    @Test
    void datedWindowMustNotEndBeforeItStarts() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> dated("2026-08-31", "2026-06-01"));
        assertEquals("Validity window ends 2026-06-01 before it starts 2026-08-31", e.getMessage());
    }
}
