package org.yizhan.station.domain.hours;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.yizhan.kit.calendar.ChinaHolidayCalendar;
import org.yizhan.kit.calendar.HolidayCalendar;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Week used throughout: Monday 2026-03-02 .. Sunday 2026-03-08 (no official days in it).
 */
class OpeningHoursTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final HolidayCalendar NO_HOLIDAYS = HolidayCalendar.none();
    private static final HolidayCalendar OFFICIAL = ChinaHolidayCalendar.official();

    /** An instant given as Shanghai wall-clock time, e.g. {@code "2026-03-06T23:00"}. */
    private static Instant sh(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant();
    }

    private static LocalDate d(String date) {
        return LocalDate.parse(date);
    }

    private static TimePeriod p(String open, String close) {
        return TimePeriod.of(open, close);
    }

    private static OpeningHours hours(String weekly) {
        return OpeningHours.of(WeeklySchedule.parse(weekly));
    }

    private static OpeningHours hours(String weekly, HolidayPolicy policy) {
        return new OpeningHours(SHANGHAI, WeeklySchedule.parse(weekly), List.of(), List.of(), policy);
    }

    private static OpeningHours hours(String weekly, DateException... exceptions) {
        return new OpeningHours(SHANGHAI, WeeklySchedule.parse(weekly), List.of(), List.of(exceptions), HolidayPolicy.DEFAULT);
    }

    private static OpeningHours seasonal(String regular, SeasonalSchedule... seasons) {
        return new OpeningHours(SHANGHAI, WeeklySchedule.parse(regular), List.of(seasons), List.of(), HolidayPolicy.DEFAULT);
    }

    @Nested
    class SplitShifts {

        private final OpeningHours station = hours("Mo-Fr 08:00-12:00,14:00-18:00; Sa 09:00-13:00; Su off");

        @Test
        void openingIsInclusiveAndClosingExclusive() {
            assertFalse(station.isOpenAt(sh("2026-03-04T07:59:59"), NO_HOLIDAYS));
            assertTrue(station.isOpenAt(sh("2026-03-04T08:00"), NO_HOLIDAYS));
            assertTrue(station.isOpenAt(sh("2026-03-04T11:59"), NO_HOLIDAYS));
            assertFalse(station.isOpenAt(sh("2026-03-04T12:00"), NO_HOLIDAYS));
            assertFalse(station.isOpenAt(sh("2026-03-04T13:59"), NO_HOLIDAYS));
            assertTrue(station.isOpenAt(sh("2026-03-04T14:00"), NO_HOLIDAYS));
            assertTrue(station.isOpenAt(sh("2026-03-04T17:59:59.999"), NO_HOLIDAYS));
            assertFalse(station.isOpenAt(sh("2026-03-04T18:00"), NO_HOLIDAYS));
        }

        @Test
        void saturdayAndSundayFollowTheirOwnLines() {
            assertTrue(station.isOpenAt(sh("2026-03-07T12:59"), NO_HOLIDAYS));
            assertFalse(station.isOpenAt(sh("2026-03-07T14:00"), NO_HOLIDAYS));
            assertFalse(station.isOpenAt(sh("2026-03-08T10:00"), NO_HOLIDAYS));
        }

        @Test
        void nextChangeFromAnOpeningInstantIsTheLunchBreak() {
            assertEquals(Optional.of(sh("2026-03-04T12:00")), station.nextChange(sh("2026-03-04T08:00"), NO_HOLIDAYS));
            assertEquals(Optional.of(sh("2026-03-04T14:00")), station.nextChange(sh("2026-03-04T12:00"), NO_HOLIDAYS));
        }

        @Test
        void nextChangeSkipsTheClosedSunday() {
            assertEquals(Optional.of(sh("2026-03-09T08:00")), station.nextChange(sh("2026-03-07T13:00"), NO_HOLIDAYS));
        }
    }

    @Nested
    class TwentyFourHours {

        @Test
        void alwaysOpenStationIsOpenAtEveryMidnightAndNeverChanges() {
            OpeningHours station = OpeningHours.of(WeeklySchedule.ALWAYS_OPEN);
            for (int day = 1; day <= 8; day++) {
                Instant midnight = sh("2026-03-01T00:00").plusSeconds(86_400L * day);
                assertTrue(station.isOpenAt(midnight, OFFICIAL));
                assertTrue(station.isOpenAt(midnight.minusMillis(1), OFFICIAL));
            }
            assertEquals(Optional.empty(), station.nextChange(sh("2026-03-04T10:00"), OFFICIAL));
        }

        @Test
        void roundTheClockOnWeekdaysClosesAtSaturdayMidnight() {
            OpeningHours station = hours("Mo-Fr 00:00-24:00; Sa,Su off");
            assertTrue(station.isOpenAt(sh("2026-03-06T23:59:59"), NO_HOLIDAYS));
            assertFalse(station.isOpenAt(sh("2026-03-07T00:00"), NO_HOLIDAYS));
            // Midnights between two whole days are no change.
            assertEquals(Optional.of(sh("2026-03-07T00:00")), station.nextChange(sh("2026-03-03T12:00"), NO_HOLIDAYS));
            assertEquals(Optional.of(sh("2026-03-09T00:00")), station.nextChange(sh("2026-03-07T00:00"), NO_HOLIDAYS));
        }

        @Test
        void closedStationNeverChanges() {
            assertEquals(Optional.empty(), OpeningHours.of(WeeklySchedule.CLOSED).nextChange(sh("2026-03-04T10:00"), OFFICIAL));
            assertFalse(OpeningHours.of(WeeklySchedule.CLOSED).isOpenAt(sh("2026-03-04T10:00"), OFFICIAL));
        }
    }

    @Nested
    class Overnight {

        private final OpeningHours station = hours("Fr 22:00-06:00");

        @Test
        void fridayNightRunsUntilSaturdaySix() {
            assertFalse(station.isOpenAt(sh("2026-03-06T21:59"), NO_HOLIDAYS));
            assertTrue(station.isOpenAt(sh("2026-03-06T22:00"), NO_HOLIDAYS));
            assertTrue(station.isOpenAt(sh("2026-03-06T23:00"), NO_HOLIDAYS));
            assertTrue(station.isOpenAt(sh("2026-03-07T00:00"), NO_HOLIDAYS));
            assertTrue(station.isOpenAt(sh("2026-03-07T05:59"), NO_HOLIDAYS));
            assertFalse(station.isOpenAt(sh("2026-03-07T06:00"), NO_HOLIDAYS));
            assertFalse(station.isOpenAt(sh("2026-03-06T05:00"), NO_HOLIDAYS), "Friday morning is Thursday night");
        }

        @Test
        void theNightPeriodBelongsToFriday() {
            assertEquals(List.of(p("22:00", "06:00")), station.periodsOn(d("2026-03-06"), NO_HOLIDAYS));
            assertEquals(List.of(), station.periodsOn(d("2026-03-07"), NO_HOLIDAYS));
        }

        @Test
        void utcInstantIsJudgedOnTheShanghaiCalendarDay() {
            // 17:30 UTC on Friday is 01:30 on Saturday in Shanghai, inside Friday's night period.
            assertTrue(station.isOpenAt(Instant.parse("2026-03-06T17:30:00Z"), NO_HOLIDAYS));
            assertFalse(station.isOpenAt(Instant.parse("2026-03-06T13:30:00Z"), NO_HOLIDAYS), "Friday 21:30 Shanghai");
            assertTrue(station.isOpenAt(Instant.parse("2026-03-06T14:00:00Z"), NO_HOLIDAYS), "Friday 22:00 Shanghai");
            assertFalse(station.isOpenAt(Instant.parse("2026-03-06T22:00:00Z"), NO_HOLIDAYS), "Saturday 06:00 Shanghai");
            assertEquals(Optional.of(Instant.parse("2026-03-06T22:00:00Z")),
                    station.nextChange(Instant.parse("2026-03-06T17:30:00Z"), NO_HOLIDAYS));
        }

        @Test
        void theSameHoursInAnotherZoneAreOtherInstants() {
            OpeningHours berlin = new OpeningHours(ZoneId.of("Europe/Berlin"), WeeklySchedule.parse("Fr 22:00-06:00"),
                    List.of(), List.of(), HolidayPolicy.DEFAULT);
            assertFalse(berlin.isOpenAt(Instant.parse("2026-03-06T17:30:00Z"), NO_HOLIDAYS));
            assertTrue(berlin.isOpenAt(Instant.parse("2026-03-06T21:30:00Z"), NO_HOLIDAYS));
        }

        @Test
        void nextChangeCrossesMidnight() {
            assertEquals(Optional.of(sh("2026-03-06T22:00")), station.nextChange(sh("2026-03-06T21:00"), NO_HOLIDAYS));
            assertEquals(Optional.of(sh("2026-03-07T06:00")), station.nextChange(sh("2026-03-06T23:00"), NO_HOLIDAYS));
            assertEquals(Optional.of(sh("2026-03-13T22:00")), station.nextChange(sh("2026-03-07T06:00"), NO_HOLIDAYS));
        }

        @Test
        void sundayNightRunsIntoMonday() {
            OpeningHours sunday = hours("Su 22:00-02:00");
            assertTrue(sunday.isOpenAt(sh("2026-03-09T01:00"), NO_HOLIDAYS));
            assertFalse(sunday.isOpenAt(sh("2026-03-09T02:00"), NO_HOLIDAYS));
        }

        @Test
        void touchingPeriodsOverMidnightAreOneSpan() {
            OpeningHours station = hours("Mo 18:00-24:00; Tu 00:00-06:00");
            assertTrue(station.isOpenAt(sh("2026-03-03T00:00"), NO_HOLIDAYS));
            assertEquals(Optional.of(sh("2026-03-03T06:00")), station.nextChange(sh("2026-03-02T19:00"), NO_HOLIDAYS));
        }

        @Test
        void closedExceptionOnSaturdayKeepsFridaysNightPeriod() {
            OpeningHours withClosure = hours("Fr 22:00-06:00", DateException.closed(d("2026-03-07"), "消防检查"));
            assertTrue(withClosure.isOpenAt(sh("2026-03-07T05:00"), NO_HOLIDAYS));
            assertFalse(withClosure.isOpenAt(sh("2026-03-07T06:00"), NO_HOLIDAYS));
        }

        @Test
        void fridayExceptionEndingAtMidnightClosesBeforeSaturday() {
            OpeningHours cut = hours("Fr 22:00-06:00", DateException.open(d("2026-03-06"), "周六停电", p("22:00", "24:00")));
            assertTrue(cut.isOpenAt(sh("2026-03-06T23:59"), NO_HOLIDAYS));
            assertFalse(cut.isOpenAt(sh("2026-03-07T00:00"), NO_HOLIDAYS));
            assertEquals(Optional.of(sh("2026-03-07T00:00")), cut.nextChange(sh("2026-03-06T22:30"), NO_HOLIDAYS));
        }
    }

    @Nested
    class DatedExceptions {

        private static final String WEEKDAYS = "Mo-Fr 08:00-18:00; Sa,Su off";

        @Test
        void closedAllDay() {
            OpeningHours station = hours(WEEKDAYS, DateException.closed(d("2026-03-04"), "设备检修"));
            assertTrue(station.isOpenAt(sh("2026-03-03T10:00"), NO_HOLIDAYS));
            assertFalse(station.isOpenAt(sh("2026-03-04T10:00"), NO_HOLIDAYS));
            assertTrue(station.isOpenAt(sh("2026-03-05T10:00"), NO_HOLIDAYS));
            assertEquals(List.of(), station.periodsOn(d("2026-03-04"), NO_HOLIDAYS));
            assertEquals("设备检修", station.exceptionOn(d("2026-03-04")).orElseThrow().reason());
        }

        @Test
        void nextChangeCrossesTheClosedDay() {
            OpeningHours station = hours(WEEKDAYS, DateException.closed(d("2026-03-04"), "设备检修"));
            assertEquals(Optional.of(sh("2026-03-05T08:00")), station.nextChange(sh("2026-03-03T18:00"), NO_HOLIDAYS));
            assertEquals(Optional.of(sh("2026-03-05T08:00")), station.nextChange(sh("2026-03-04T10:00"), NO_HOLIDAYS));
        }

        @Test
        void otherHoursThatDay() {
            OpeningHours station = hours(WEEKDAYS, DateException.open(d("2026-03-04"), "半天培训", p("10:00", "14:00")));
            assertFalse(station.isOpenAt(sh("2026-03-04T09:59"), NO_HOLIDAYS));
            assertTrue(station.isOpenAt(sh("2026-03-04T13:59"), NO_HOLIDAYS));
            assertFalse(station.isOpenAt(sh("2026-03-04T14:00"), NO_HOLIDAYS));
            assertEquals(List.of(p("10:00", "14:00")), station.periodsOn(d("2026-03-04"), NO_HOLIDAYS));
        }

        @Test
        void extraOpeningOnAClosedSunday() {
            OpeningHours station = hours(WEEKDAYS, DateException.open(d("2026-03-08"), "妇女节慰问", p("09:00", "12:00")));
            assertTrue(station.isOpenAt(sh("2026-03-08T11:00"), NO_HOLIDAYS));
            assertEquals(Optional.of(sh("2026-03-08T09:00")), station.nextChange(sh("2026-03-06T18:00"), NO_HOLIDAYS));
        }

        @Test
        void exceptionsAreValidated() {
            IllegalArgumentException twice = assertThrows(IllegalArgumentException.class, () -> hours(WEEKDAYS,
                    DateException.closed(d("2026-03-04"), "检修"), DateException.closed(d("2026-03-04"), "停电")));
            assertEquals("Two exceptions for 2026-03-04: \"检修\" and \"停电\"", twice.getMessage());
            IllegalArgumentException noReason = assertThrows(IllegalArgumentException.class,
                    () -> DateException.closed(d("2026-03-04"), " "));
            assertTrue(noReason.getMessage().contains("needs a reason"), noReason.getMessage());
            IllegalArgumentException overlap = assertThrows(IllegalArgumentException.class,
                    () -> DateException.open(d("2026-03-04"), "x", p("08:00", "12:00"), p("11:00", "13:00")));
            assertEquals("Overlapping periods on 2026-03-04: 08:00-12:00 and 11:00-13:00", overlap.getMessage());
            assertThrows(IllegalArgumentException.class, () -> DateException.open(d("2026-03-04"), "x"));
        }
    }

    @Nested
    class PublicHolidays {

        private static final String WEEKLY = "Mo-Fr 08:00-18:00; Sa,Su 10:00-16:00";
        /** Thursday, 国庆节 2026. */
        private final LocalDate nationalDay = d("2026-10-01");

        @Test
        void keepWeeklyHours() {
            OpeningHours station = hours(WEEKLY, new HolidayPolicy(HolidayPolicy.OnPublicHoliday.KEEP_WEEKLY_HOURS, DayOfWeek.MONDAY));
            assertEquals(List.of(p("08:00", "18:00")), station.periodsOn(nationalDay, OFFICIAL));
            assertTrue(station.isOpenAt(sh("2026-10-01T09:00"), OFFICIAL));
        }

        @Test
        void closedOnPublicHolidays() {
            OpeningHours station = hours(WEEKLY, new HolidayPolicy(HolidayPolicy.OnPublicHoliday.CLOSED, DayOfWeek.MONDAY));
            assertEquals(List.of(), station.periodsOn(nationalDay, OFFICIAL));
            assertFalse(station.isOpenAt(sh("2026-10-01T12:00"), OFFICIAL));
            assertTrue(station.isOpenAt(sh("2026-10-01T12:00"), NO_HOLIDAYS), "without the calendar it is a Thursday");
            // 国庆节 2026 is 10-01..10-07; Thursday 10-08 is an ordinary working day again.
            assertEquals(Optional.of(sh("2026-10-08T08:00")), station.nextChange(sh("2026-09-30T18:00"), OFFICIAL));
            // 2025's arrangement (国庆节、中秋节 10-01..10-08) closes Wednesday 2025-10-08 too.
            assertFalse(station.isOpenAt(sh("2025-10-08T12:00"), OFFICIAL));
        }

        @Test
        void sundayHoursOnPublicHolidays() {
            OpeningHours station = hours(WEEKLY, new HolidayPolicy(HolidayPolicy.OnPublicHoliday.SUNDAY_HOURS, DayOfWeek.MONDAY));
            assertEquals(List.of(p("10:00", "16:00")), station.periodsOn(nationalDay, OFFICIAL));
            assertFalse(station.isOpenAt(sh("2026-10-01T09:00"), OFFICIAL));
            assertTrue(station.isOpenAt(sh("2026-10-01T15:59"), OFFICIAL));
            assertFalse(station.isOpenAt(sh("2026-10-01T16:00"), OFFICIAL));
        }

        @Test
        void exceptionOverridesTheHolidayPolicy() {
            OpeningHours station = new OpeningHours(SHANGHAI, WeeklySchedule.parse(WEEKLY), List.of(),
                    List.of(DateException.open(nationalDay, "国庆值班", p("09:00", "12:00"))),
                    new HolidayPolicy(HolidayPolicy.OnPublicHoliday.CLOSED, DayOfWeek.MONDAY));
            assertTrue(station.isOpenAt(sh("2026-10-01T10:00"), OFFICIAL));
            assertFalse(station.isOpenAt(sh("2026-10-02T10:00"), OFFICIAL));
        }

        @Test
        void holidayUsesTheSundayOfTheSeasonInForce() {
            OpeningHours station = new OpeningHours(SHANGHAI, WeeklySchedule.parse(WEEKLY),
                    List.of(new SeasonalSchedule(ValidityWindow.everyYear(MonthDay.of(5, 1), MonthDay.of(9, 30)),
                            WeeklySchedule.parse("Mo-Fr 07:00-19:00; Sa,Su 08:00-20:00"))),
                    List.of(), new HolidayPolicy(HolidayPolicy.OnPublicHoliday.SUNDAY_HOURS, DayOfWeek.MONDAY));
            // 端午节 2026-06-19 is a Friday inside the summer season.
            assertEquals(List.of(p("08:00", "20:00")), station.periodsOn(d("2026-06-19"), OFFICIAL));
        }
    }

    @Nested
    class MakeUpWorkdays {

        private static final String WEEKLY = "Mo-Fr 08:00-18:00; Sa,Su 10:00-16:00";

        @Test
        void saturdayMakeUpDayHasMondayHoursByDefault() {
            OpeningHours station = hours(WEEKLY);
            // 2026-10-10 is a Saturday and an official working day (国庆节 调休).
            assertEquals(List.of(p("08:00", "18:00")), station.periodsOn(d("2026-10-10"), OFFICIAL));
            assertTrue(station.isOpenAt(sh("2026-10-10T08:30"), OFFICIAL));
            assertFalse(station.isOpenAt(sh("2026-10-10T08:30"), NO_HOLIDAYS));
            assertEquals(List.of(p("10:00", "16:00")), station.periodsOn(d("2026-10-17"), OFFICIAL), "an ordinary Saturday");
        }

        @Test
        void sundayMakeUpDayOpensAStationClosedAtWeekends() {
            OpeningHours station = hours("Mo-Fr 08:00-18:00; Sa,Su off");
            // 2026-09-20 (Sunday) and 2025-01-26 (Sunday, 春节 调休) are working days.
            assertTrue(station.isOpenAt(sh("2026-09-20T09:00"), OFFICIAL));
            assertTrue(station.isOpenAt(sh("2025-01-26T09:00"), OFFICIAL));
            assertFalse(station.isOpenAt(sh("2026-09-13T09:00"), OFFICIAL));
            assertEquals(Optional.of(sh("2026-09-20T08:00")), station.nextChange(sh("2026-09-18T18:00"), OFFICIAL));
        }

        @Test
        void chosenWeekday() {
            OpeningHours station = hours("Mo-Th 08:00-18:00; Fr 08:00-20:00; Sa,Su off",
                    new HolidayPolicy(HolidayPolicy.OnPublicHoliday.CLOSED, DayOfWeek.FRIDAY));
            assertEquals(List.of(p("08:00", "20:00")), station.periodsOn(d("2026-10-10"), OFFICIAL));
        }

        @Test
        void stationIgnoringTheCalendarKeepsWeekendHours() {
            OpeningHours station = hours("Mo-Fr 08:00-18:00; Sa,Su off", HolidayPolicy.IGNORE_CALENDAR);
            assertFalse(station.isOpenAt(sh("2026-09-20T09:00"), OFFICIAL));
            assertTrue(station.isOpenAt(sh("2026-10-01T09:00"), OFFICIAL));
        }
    }

    @Nested
    class Seasons {

        private static final String REGULAR = "Mo-Su 09:00-17:00";
        private final SeasonalSchedule summer = new SeasonalSchedule(
                ValidityWindow.everyYear(MonthDay.of(5, 1), MonthDay.of(9, 30)), WeeklySchedule.parse("Mo-Su 07:00-20:00"));

        @Test
        void yearlySeasonSwitchesOnItsFirstAndLastDay() {
            OpeningHours station = seasonal(REGULAR, summer);
            assertFalse(station.isOpenAt(sh("2026-04-30T18:00"), NO_HOLIDAYS));
            assertTrue(station.isOpenAt(sh("2026-05-01T07:00"), NO_HOLIDAYS));
            assertTrue(station.isOpenAt(sh("2026-05-01T18:00"), NO_HOLIDAYS));
            assertTrue(station.isOpenAt(sh("2026-09-30T19:59"), NO_HOLIDAYS));
            assertFalse(station.isOpenAt(sh("2026-10-01T19:59"), NO_HOLIDAYS));
            assertFalse(station.isOpenAt(sh("2027-04-30T18:00"), NO_HOLIDAYS));
            assertTrue(station.isOpenAt(sh("2027-05-01T18:00"), NO_HOLIDAYS), "every year");
            assertEquals(Optional.of(sh("2026-05-01T07:00")), station.nextChange(sh("2026-04-30T17:00"), NO_HOLIDAYS));
        }

        @Test
        void datedSeasonSwitchesOnItsFirstAndLastDay() {
            OpeningHours station = seasonal(REGULAR, new SeasonalSchedule(
                    ValidityWindow.between(d("2026-06-01"), d("2026-08-31")), WeeklySchedule.parse("Mo-Su 06:00-22:00")));
            assertEquals(List.of(p("09:00", "17:00")), station.periodsOn(d("2026-05-31"), NO_HOLIDAYS));
            assertEquals(List.of(p("06:00", "22:00")), station.periodsOn(d("2026-06-01"), NO_HOLIDAYS));
            assertEquals(List.of(p("06:00", "22:00")), station.periodsOn(d("2026-08-31"), NO_HOLIDAYS));
            assertEquals(List.of(p("09:00", "17:00")), station.periodsOn(d("2026-09-01"), NO_HOLIDAYS));
            assertEquals(List.of(p("09:00", "17:00")), station.periodsOn(d("2027-06-01"), NO_HOLIDAYS), "once only");
        }

        @Test
        void winterWindowWrapsOverNewYearAndTakesLeapDay() {
            OpeningHours station = seasonal(REGULAR, new SeasonalSchedule(
                    ValidityWindow.everyYear(MonthDay.of(11, 1), MonthDay.of(2, 29)), WeeklySchedule.parse("Mo-Su 10:00-16:00")));
            List<TimePeriod> winter = List.of(p("10:00", "16:00"));
            List<TimePeriod> regular = List.of(p("09:00", "17:00"));
            assertEquals(regular, station.periodsOn(d("2026-10-31"), NO_HOLIDAYS));
            assertEquals(winter, station.periodsOn(d("2026-11-01"), NO_HOLIDAYS));
            assertEquals(winter, station.periodsOn(d("2027-01-01"), NO_HOLIDAYS));
            assertEquals(winter, station.periodsOn(d("2027-02-28"), NO_HOLIDAYS));
            assertEquals(regular, station.periodsOn(d("2027-03-01"), NO_HOLIDAYS));
            assertEquals(winter, station.periodsOn(d("2028-02-29"), NO_HOLIDAYS));
            assertEquals(regular, station.periodsOn(d("2028-03-01"), NO_HOLIDAYS));
        }

        @Test
        void overlappingWindowsAreRejected() {
            SeasonalSchedule autumn = new SeasonalSchedule(
                    ValidityWindow.between(d("2026-09-15"), d("2026-10-15")), WeeklySchedule.parse("Mo-Su 08:00-18:00"));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> seasonal(REGULAR, summer, autumn));
            assertEquals("Seasonal schedules overlap: 05-01..09-30 every year and 2026-09-15..2026-10-15", e.getMessage());
        }

        @Test
        void adjacentWindowsAreAllowed() {
            SeasonalSchedule winter = new SeasonalSchedule(
                    ValidityWindow.everyYear(MonthDay.of(10, 1), MonthDay.of(4, 30)), WeeklySchedule.parse("Mo-Su 10:00-16:00"));
            assertDoesNotThrow(() -> seasonal(REGULAR, summer, winter));
        }

        @Test
        void nextChangeLooksAheadFourteenDaysInclusive() {
            OpeningHours station = new OpeningHours(SHANGHAI, WeeklySchedule.CLOSED,
                    List.of(new SeasonalSchedule(ValidityWindow.between(d("2026-03-20"), d("2026-03-31")),
                            WeeklySchedule.parse("Mo-Su 08:00-18:00"))),
                    List.of(), HolidayPolicy.DEFAULT);
            assertEquals(Optional.of(sh("2026-03-20T08:00")), station.nextChange(sh("2026-03-06T08:00"), NO_HOLIDAYS));
            assertEquals(Optional.empty(), station.nextChange(sh("2026-03-06T07:59"), NO_HOLIDAYS));
            assertEquals(Optional.empty(), station.nextChange(sh("2026-03-02T00:00"), NO_HOLIDAYS));
        }
    }

    @Test
    void defaultsAreShanghaiAndTheDefaultPolicy() {
        OpeningHours station = OpeningHours.of(WeeklySchedule.ALWAYS_OPEN);
        assertEquals(ZoneId.of("Asia/Shanghai"), station.zone());
        assertEquals(HolidayPolicy.DEFAULT, station.holidayPolicy());
        assertEquals(Optional.of(DayOfWeek.MONDAY), HolidayPolicy.DEFAULT.makeUpWorkdaySchedule());
        assertEquals(Optional.empty(), HolidayPolicy.IGNORE_CALENDAR.makeUpWorkdaySchedule());
    }

    @Test
    void missingPartsAreRejected() {
        assertThrows(NullPointerException.class,
                () -> new OpeningHours(null, WeeklySchedule.CLOSED, List.of(), List.of(), HolidayPolicy.DEFAULT));
        assertThrows(NullPointerException.class,
                () -> new OpeningHours(SHANGHAI, WeeklySchedule.CLOSED, List.of(), List.of(), null));
        assertThrows(NullPointerException.class, () -> new HolidayPolicy(null, DayOfWeek.MONDAY));
    }
}
