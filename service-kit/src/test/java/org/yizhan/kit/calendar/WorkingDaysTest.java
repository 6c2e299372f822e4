package org.yizhan.kit.calendar;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WorkingDaysTest {

    private final WorkingDays china = WorkingDays.china();

    @Test
    void holidaysAreOffAndMakeUpWeekendDaysAreOn() {
        assertFalse(china.isWorkingDay(LocalDate.parse("2026-02-16")), "春节, a Monday");
        assertTrue(china.isWorkingDay(LocalDate.parse("2026-02-14")), "班, a Saturday");
        assertTrue(china.isWorkingDay(LocalDate.parse("2026-02-13")), "an ordinary Friday");
        assertFalse(china.isWorkingDay(LocalDate.parse("2026-03-07")), "an ordinary Saturday");
    }

    @Test
    void sevenWorkingDaysAcrossTheNationalDayWeek() {
        // 10-01..10-07 off; 10-08 Thu, 10-09 Fri, 10-10 Sat (班), 10-12..10-15 Mon..Thu.
        assertEquals(LocalDate.parse("2026-10-15"), china.plus(LocalDate.parse("2026-09-30"), 7));
        assertEquals(7, china.between(LocalDate.parse("2026-09-30"), LocalDate.parse("2026-10-15")));
    }

    @Test
    void theStartDayIsNotCounted() {
        assertEquals(LocalDate.parse("2026-02-14"), china.plus(LocalDate.parse("2026-02-13"), 1));
        assertEquals(LocalDate.parse("2026-02-24"), china.plus(LocalDate.parse("2026-02-14"), 1));
        assertEquals(LocalDate.parse("2026-02-14"), china.plus(LocalDate.parse("2026-02-14"), 0));
        assertEquals(0, china.between(LocalDate.parse("2026-02-14"), LocalDate.parse("2026-02-14")));
        assertEquals(0, china.between(LocalDate.parse("2026-02-16"), LocalDate.parse("2026-02-15")));
    }

    @Test
    void nextOrSameSkipsTheHoliday() {
        assertEquals(LocalDate.parse("2026-02-24"), china.nextOrSame(LocalDate.parse("2026-02-15")));
        assertEquals(LocalDate.parse("2026-02-13"), china.nextOrSame(LocalDate.parse("2026-02-13")));
    }

    @Test
    void uncoveredYearsAreReportedAndCountOnlyWeekends() {
        assertTrue(china.covers(LocalDate.parse("2025-12-20"), LocalDate.parse("2026-01-10")));
        assertFalse(china.covers(LocalDate.parse("2026-12-20"), LocalDate.parse("2027-01-10")));
        WorkingDays plain = new WorkingDays(HolidayCalendar.none());
        assertEquals(LocalDate.parse("2026-10-09"), plain.plus(LocalDate.parse("2026-09-30"), 7));
    }

    @Test
    void negativeDaysAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> china.plus(LocalDate.parse("2026-01-05"), -1));
    }
}
