package org.yizhan.station.domain.hours;

import org.junit.jupiter.api.Test;
import org.yizhan.kit.calendar.ChinaHolidayCalendar;
import org.yizhan.kit.calendar.HolidayCalendar;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The week that search tests in SQL answers exactly as the opening hours do. */
class OpenWeekTest {

    private static final HolidayCalendar CALENDAR = ChinaHolidayCalendar.official();

    private static OpeningHours hours(String zone, String weekly, HolidayPolicy policy) {
        return new OpeningHours(ZoneId.of(zone), WeeklySchedule.parse(weekly), List.of(), List.of(), policy);
    }

    /** Every minute of the days from {@code from} (UTC midnight), compared with the Java evaluation. */
    private static int assertAgrees(OpeningHours hours, LocalDate from, int days) {
        OpenWeek week = OpenWeek.of(hours).orElseThrow();
        Instant start = from.atStartOfDay(ZoneId.of("UTC")).toInstant();
        int open = 0;
        for (int minute = 0; minute < days * 24 * 60; minute++) {
            Instant at = start.plus(Duration.ofMinutes(minute)).plusSeconds(minute % 60);
            boolean expected = hours.isOpenAt(at, CALENDAR);
            assertEquals(expected, week.contains(at), () -> hours.regular() + " in " + hours.zone() + " at " + at);
            open += expected ? 1 : 0;
        }
        return open;
    }

    @Test
    void agreesWithTheHoursAcrossAWeekInShanghaiAndInOtherFixedZones() {
        LocalDate ordinaryWeek = LocalDate.of(2026, 11, 29);
        for (String zone : List.of("Asia/Shanghai", "Asia/Kolkata", "Asia/Urumqi", "UTC", "+08:00")) {
            for (String weekly : List.of("24/7", "Mo-Su 08:00-20:00", "Mo-Su 20:00-08:00",
                    "Mo-Fr 08:00-12:00,14:00-18:00; Sa 09:00-13:00; Su off", "Su 22:00-06:00; Mo 06:00-10:00",
                    "Mo 18:00-24:00; Tu 00:00-02:00,09:00-12:00", "Mo-Su off")) {
                int open = assertAgrees(hours(zone, weekly, HolidayPolicy.IGNORE_CALENDAR), ordinaryWeek, 8);
                assertTrue(weekly.equals("Mo-Su off") ? open == 0 : open > 0, weekly + " is never open");
            }
        }
    }

    @Test
    void nightPeriodsWrapFromSundayIntoMonday() {
        OpenWeek week = OpenWeek.of(hours("Asia/Shanghai", "Su 22:00-06:00", HolidayPolicy.IGNORE_CALENDAR))
                .orElseThrow();
        assertEquals("{[0,360),[9960,10080)}", week.multirange());
        assertEquals("{[0,10080)}", OpenWeek.of(OpeningHours.of(WeeklySchedule.ALWAYS_OPEN)).orElseThrow().multirange());
        assertEquals("{}", OpenWeek.of(OpeningHours.of(WeeklySchedule.CLOSED)).orElseThrow().multirange());
        assertEquals(0, OpenWeek.minuteOfWeek(Instant.parse("2026-11-29T16:00:00Z"), ZoneId.of("Asia/Shanghai")));
    }

    @Test
    void calendarFreeWeeksAgreeOnHolidaysAndMakeUpWorkingDaysToo() {
        // Spring Festival 2026: 02-14 (Sa) make-up working day, 02-15..02-23 holiday, 02-28 (Sa) working day.
        LocalDate springFestival = LocalDate.of(2026, 2, 12);
        List<OpeningHours> free = List.of(
                hours("Asia/Shanghai", "24/7", HolidayPolicy.DEFAULT),
                hours("Asia/Shanghai", "Mo-Su 08:00-20:00", HolidayPolicy.DEFAULT),
                hours("Asia/Shanghai", "Mo-Fr 09:00-17:00; Sa-Su off", HolidayPolicy.IGNORE_CALENDAR),
                hours("Asia/Shanghai", "Mo-Su 10:00-16:00",
                        new HolidayPolicy(HolidayPolicy.OnPublicHoliday.SUNDAY_HOURS, DayOfWeek.WEDNESDAY)),
                hours("Asia/Shanghai", "Mo-Su off", new HolidayPolicy(HolidayPolicy.OnPublicHoliday.CLOSED, null)));
        for (OpeningHours h : free) {
            assertTrue(OpenWeek.of(h).orElseThrow().calendarFree(), h.regular().toString());
            assertAgrees(h, springFestival, 18);
        }
        List<OpeningHours> dependent = List.of(
                hours("Asia/Shanghai", "Mo-Fr 09:00-17:00; Sa-Su off", HolidayPolicy.DEFAULT),
                hours("Asia/Shanghai", "Mo-Su 08:00-20:00", new HolidayPolicy(HolidayPolicy.OnPublicHoliday.CLOSED, null)),
                hours("Asia/Shanghai", "Mo-Sa 08:00-20:00; Su 10:00-14:00",
                        new HolidayPolicy(HolidayPolicy.OnPublicHoliday.SUNDAY_HOURS, null)));
        for (OpeningHours h : dependent) {
            OpenWeek week = OpenWeek.of(h).orElseThrow();
            assertFalse(week.calendarFree(), h.regular().toString());
            // On ordinary days they still agree.
            assertAgrees(h, LocalDate.of(2026, 11, 29), 8);
        }
        // ...and the week of the office hours would be wrong on the make-up Saturday: hence the Java check.
        OpeningHours office = dependent.get(0);
        Instant makeUpSaturday = Instant.parse("2026-02-14T02:00:00Z");
        assertTrue(office.isOpenAt(makeUpSaturday, CALENDAR));
        assertFalse(OpenWeek.of(office).orElseThrow().contains(makeUpSaturday));
    }

    @Test
    void ordinaryDaysAroundAnInstantExcludeOfficialDaysAndTheirNeighbours() {
        assertTrue(OpenWeek.ordinaryDaysAround(Instant.parse("2026-11-29T13:00:00Z"), CALENDAR));
        assertFalse(OpenWeek.ordinaryDaysAround(Instant.parse("2026-02-14T02:00:00Z"), CALENDAR));
        // The day after a holiday: yesterday's night period may follow the holiday rule.
        assertFalse(OpenWeek.ordinaryDaysAround(Instant.parse("2026-01-04T20:00:00Z"), CALENDAR));
        // The evening before: already the next day east of UTC.
        assertFalse(OpenWeek.ordinaryDaysAround(Instant.parse("2026-09-30T18:00:00Z"), CALENDAR));
        assertTrue(OpenWeek.ordinaryDaysAround(Instant.parse("2026-10-14T12:00:00Z"), CALENDAR));
    }

    @Test
    void seasonsExceptionsAndZonesWithClockChangesAreLeftToTheJavaEvaluation() {
        WeeklySchedule weekly = WeeklySchedule.parse("Mo-Su 08:00-20:00");
        OpeningHours seasonal = new OpeningHours(OpeningHours.DEFAULT_ZONE, weekly,
                List.of(new SeasonalSchedule(ValidityWindow.everyYear(MonthDay.of(6, 1), MonthDay.of(9, 30)),
                        WeeklySchedule.parse("Mo-Su 07:00-21:00"))), List.of(), HolidayPolicy.DEFAULT);
        OpeningHours exception = new OpeningHours(OpeningHours.DEFAULT_ZONE, weekly, List.of(),
                List.of(DateException.closed(LocalDate.of(2026, 12, 31), "跨年闭站")), HolidayPolicy.DEFAULT);
        assertEquals(Optional.empty(), OpenWeek.of(seasonal));
        assertEquals(Optional.empty(), OpenWeek.of(exception));
        assertEquals(Optional.empty(), OpenWeek.of(hours("Europe/Berlin", "Mo-Su 08:00-20:00", HolidayPolicy.DEFAULT)));
        assertEquals(Optional.empty(), OpenWeek.of(hours("America/New_York", "24/7", HolidayPolicy.DEFAULT)));
    }

    @Test
    void aWeekHoldsOnlyAfterTheZonesLastClockChange() {
        // Shanghai last changed its clocks in September 1991 (summer time 1986-1991).
        OpenWeek week = OpenWeek.of(hours("Asia/Shanghai", "Mo-Su 08:00-20:00", HolidayPolicy.DEFAULT)).orElseThrow();
        assertTrue(week.validFrom().isAfter(Instant.parse("1991-09-01T00:00:00Z")));
        assertTrue(week.validFrom().isBefore(Instant.parse("1991-10-01T00:00:00Z")));
        assertTrue(OpenWeek.of(hours("+08:00", "24/7", HolidayPolicy.DEFAULT)).orElseThrow().validFrom()
                .isBefore(Instant.parse("1901-01-01T00:00:00Z")));
    }
}
