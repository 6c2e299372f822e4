package org.yizhan.kit.calendar;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChinaHolidayCalendarTest {

    private final ChinaHolidayCalendar official = ChinaHolidayCalendar.official();

    private long count(int year, OfficialDay.Kind kind) {
        return LocalDate.of(year, 1, 1).datesUntil(LocalDate.of(year + 1, 1, 1))
                .filter(date -> official.lookup(date).filter(d -> d.kind() == kind).isPresent())
                .count();
    }

    @Test
    void coversTheYearsOfTheBuiltInNotices() {
        assertEquals(Set.of(2025, 2026), official.coveredYears());
        assertTrue(official.covers(2026));
        assertFalse(official.covers(2027));
        assertEquals(Optional.empty(), official.lookup(LocalDate.of(2027, 1, 1)), "no data for 2027 yet");
    }

    @Test
    void totalsMatchTheNotices() {
        // 2025: 1 + 8 + 3 + 5 + 3 + 8 rest days; 班 01-26, 02-08, 04-27, 09-28, 10-11.
        assertEquals(28, count(2025, OfficialDay.Kind.PUBLIC_HOLIDAY));
        assertEquals(5, count(2025, OfficialDay.Kind.MAKE_UP_WORKDAY));
        // 2026: 3 + 9 + 3 + 5 + 3 + 3 + 7 rest days; 班 01-04, 02-14, 02-28, 05-09, 09-20, 10-10.
        assertEquals(33, count(2026, OfficialDay.Kind.PUBLIC_HOLIDAY));
        assertEquals(6, count(2026, OfficialDay.Kind.MAKE_UP_WORKDAY));
    }

    /** Every first and last day and every 班 day of the notices, with the weekday the notice prints beside it. */
    @ParameterizedTest
    @CsvSource({
            "2025-01-01, WEDNESDAY, PUBLIC_HOLIDAY, 元旦",
            "2025-01-28, TUESDAY, PUBLIC_HOLIDAY, 春节",
            "2025-02-04, TUESDAY, PUBLIC_HOLIDAY, 春节",
            "2025-01-26, SUNDAY, MAKE_UP_WORKDAY, 春节",
            "2025-02-08, SATURDAY, MAKE_UP_WORKDAY, 春节",
            "2025-04-04, FRIDAY, PUBLIC_HOLIDAY, 清明节",
            "2025-04-06, SUNDAY, PUBLIC_HOLIDAY, 清明节",
            "2025-05-01, THURSDAY, PUBLIC_HOLIDAY, 劳动节",
            "2025-05-05, MONDAY, PUBLIC_HOLIDAY, 劳动节",
            "2025-04-27, SUNDAY, MAKE_UP_WORKDAY, 劳动节",
            "2025-05-31, SATURDAY, PUBLIC_HOLIDAY, 端午节",
            "2025-06-02, MONDAY, PUBLIC_HOLIDAY, 端午节",
            "2025-10-01, WEDNESDAY, PUBLIC_HOLIDAY, 国庆节、中秋节",
            "2025-10-08, WEDNESDAY, PUBLIC_HOLIDAY, 国庆节、中秋节",
            "2025-09-28, SUNDAY, MAKE_UP_WORKDAY, 国庆节、中秋节",
            "2025-10-11, SATURDAY, MAKE_UP_WORKDAY, 国庆节、中秋节",
            "2026-01-01, THURSDAY, PUBLIC_HOLIDAY, 元旦",
            "2026-01-03, SATURDAY, PUBLIC_HOLIDAY, 元旦",
            "2026-01-04, SUNDAY, MAKE_UP_WORKDAY, 元旦",
            "2026-02-15, SUNDAY, PUBLIC_HOLIDAY, 春节",
            "2026-02-23, MONDAY, PUBLIC_HOLIDAY, 春节",
            "2026-02-14, SATURDAY, MAKE_UP_WORKDAY, 春节",
            "2026-02-28, SATURDAY, MAKE_UP_WORKDAY, 春节",
            "2026-04-04, SATURDAY, PUBLIC_HOLIDAY, 清明节",
            "2026-04-06, MONDAY, PUBLIC_HOLIDAY, 清明节",
            "2026-05-01, FRIDAY, PUBLIC_HOLIDAY, 劳动节",
            "2026-05-05, TUESDAY, PUBLIC_HOLIDAY, 劳动节",
            "2026-05-09, SATURDAY, MAKE_UP_WORKDAY, 劳动节",
            "2026-06-19, FRIDAY, PUBLIC_HOLIDAY, 端午节",
            "2026-06-21, SUNDAY, PUBLIC_HOLIDAY, 端午节",
            "2026-09-25, FRIDAY, PUBLIC_HOLIDAY, 中秋节",
            "2026-09-27, SUNDAY, PUBLIC_HOLIDAY, 中秋节",
            "2026-10-01, THURSDAY, PUBLIC_HOLIDAY, 国庆节",
            "2026-10-07, WEDNESDAY, PUBLIC_HOLIDAY, 国庆节",
            "2026-09-20, SUNDAY, MAKE_UP_WORKDAY, 国庆节",
            "2026-10-10, SATURDAY, MAKE_UP_WORKDAY, 国庆节",
    })
    void datesOfTheNotices(LocalDate date, DayOfWeek weekdayInNotice, OfficialDay.Kind kind, String name) {
        assertEquals(weekdayInNotice, date.getDayOfWeek(), "weekday printed in the notice");
        assertEquals(Optional.of(new OfficialDay(date, kind, name)), official.lookup(date));
    }

    @ParameterizedTest
    @CsvSource({"2025-01-27", "2025-02-05", "2025-10-09", "2026-01-05", "2026-02-24", "2026-09-28", "2026-10-08"})
    void daysJustOutsideTheHolidaysAreOrdinary(LocalDate date) {
        assertEquals(Optional.empty(), official.lookup(date));
    }

    @Test
    void convenienceQuestions() {
        assertTrue(official.isPublicHoliday(LocalDate.of(2026, 2, 17)));
        assertFalse(official.isMakeUpWorkday(LocalDate.of(2026, 2, 17)));
        assertTrue(official.isMakeUpWorkday(LocalDate.of(2026, 2, 14)));
        assertFalse(official.isPublicHoliday(LocalDate.of(2026, 2, 14)));
        assertEquals("休", OfficialDay.Kind.PUBLIC_HOLIDAY.label());
        assertEquals("班", OfficialDay.Kind.MAKE_UP_WORKDAY.label());
        assertFalse(HolidayCalendar.none().isPublicHoliday(LocalDate.of(2026, 10, 1)));
    }

    @Test
    void rangeMayStartInThePreviousYear() {
        ChinaHolidayCalendar calendar = ChinaHolidayCalendar.parse("""
                # 2023 元旦 began on the last day of 2022
                2023 元旦 休 2022-12-31..01-02
                """);
        assertTrue(calendar.isPublicHoliday(LocalDate.of(2022, 12, 31)));
        assertTrue(calendar.isPublicHoliday(LocalDate.of(2023, 1, 2)));
        assertFalse(calendar.isPublicHoliday(LocalDate.of(2023, 1, 3)));
        assertEquals(Set.of(2023), calendar.coveredYears());
    }

    private static String parseError(String data) {
        return assertThrows(IllegalArgumentException.class, () -> ChinaHolidayCalendar.parse(data)).getMessage();
    }

    @Test
    void badDataNamesTheLine() {
        String weekday = parseError("# comment\n2026 测试 休 03-07 班 03-03\n");
        assertTrue(weekday.startsWith("Holiday data line 2 "), weekday);
        assertTrue(weekday.contains("make-up working day 2026-03-03 is a TUESDAY, not a weekend day"), weekday);

        String twice = parseError("2026 甲 休 03-02..03-04\n2026 乙 休 03-04");
        assertTrue(twice.startsWith("Holiday data line 2 ") && twice.contains("2026-03-04 is already listed (甲 休)"), twice);

        assertTrue(parseError("2026 元旦 班 01-04").contains("expected 休 after the name"));
        assertTrue(parseError("2026 元旦 休 01-03..01-01").contains("ends before it starts"));
        assertTrue(parseError("2026 测试 休 02-29").contains("02-29 does not exist in 2026"));
        assertTrue(parseError("2026 测试 休 13-01").startsWith("Holiday data line 1 "));
        assertTrue(parseError("二〇二六 测试 休 01-01").contains("is not a number"));
        assertTrue(parseError("2026 测试").contains("expected '<year> <name> 休 <dates> [班 <dates>]'"));
    }
}
