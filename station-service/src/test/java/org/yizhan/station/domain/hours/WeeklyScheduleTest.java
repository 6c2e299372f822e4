package org.yizhan.station.domain.hours;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.DayOfWeek;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.SATURDAY;
import static java.time.DayOfWeek.SUNDAY;
import static java.time.DayOfWeek.TUESDAY;
import static java.time.DayOfWeek.WEDNESDAY;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WeeklyScheduleTest {

    private static TimePeriod p(String open, String close) {
        return TimePeriod.of(open, close);
    }

    private static Map<DayOfWeek, List<TimePeriod>> days(Object... dayAndPeriods) {
        Map<DayOfWeek, List<TimePeriod>> map = new EnumMap<>(DayOfWeek.class);
        for (int i = 0; i < dayAndPeriods.length; i += 2) {
            @SuppressWarnings("unchecked")
            List<TimePeriod> periods = (List<TimePeriod>) dayAndPeriods[i + 1];
            map.put((DayOfWeek) dayAndPeriods[i], periods);
        }
        return map;
    }

    // --- model -------------------------------------------------------------------------------

    @Test
    void missingDaysAreClosedAndPeriodsAreSorted() {
        WeeklySchedule schedule = new WeeklySchedule(days(MONDAY, List.of(p("14:00", "18:00"), p("08:00", "12:00"))));
        assertEquals(List.of(p("08:00", "12:00"), p("14:00", "18:00")), schedule.periodsOn(MONDAY));
        assertTrue(schedule.periodsOn(TUESDAY).isEmpty());
        assertEquals(7, schedule.days().size());
    }

    @Test
    void overlappingPeriodsOnOneDayAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new WeeklySchedule(days(WEDNESDAY, List.of(p("08:00", "12:00"), p("11:00", "14:00")))));
        assertEquals("Overlapping periods on Wednesday: 08:00-12:00 and 11:00-14:00", e.getMessage());
    }

    @Test
    void nightPeriodOverlappingALaterPeriodOfTheSameDayIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new WeeklySchedule(days(MONDAY, List.of(p("22:00", "06:00"), p("23:00", "23:30")))));
        assertTrue(e.getMessage().contains("Monday"), e.getMessage());
    }

    @Test
    void earlyMorningAndNightPeriodOfTheSameDayDoNotOverlap() {
        // Monday 02:00-04:00 is Monday morning; Monday 22:00-06:00 runs into Tuesday.
        WeeklySchedule schedule = new WeeklySchedule(days(MONDAY, List.of(p("22:00", "06:00"), p("02:00", "04:00"))));
        assertEquals(List.of(p("02:00", "04:00"), p("22:00", "06:00")), schedule.periodsOn(MONDAY));
    }

    @Test
    void nightPeriodRunningIntoTheNextDaysPeriodIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new WeeklySchedule(days(FRIDAY, List.of(p("22:00", "06:00")), SATURDAY, List.of(p("05:00", "10:00")))));
        assertEquals("Overlapping periods: Friday 22:00-06:00 runs into Saturday 05:00-10:00", e.getMessage());
    }

    @Test
    void sundayNightRunningIntoMondayIsChecked() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new WeeklySchedule(days(SUNDAY, List.of(p("22:00", "02:00")), MONDAY, List.of(p("01:00", "09:00")))));
        assertTrue(e.getMessage().contains("Sunday 22:00-02:00 runs into Monday 01:00-09:00"), e.getMessage());
    }

    @Test
    void touchingPeriodsAreAllowed() {
        assertDoesNotThrow(() -> new WeeklySchedule(days(
                FRIDAY, List.of(p("12:00", "14:00"), p("22:00", "06:00"), p("14:00", "18:00")),
                SATURDAY, List.of(p("06:00", "10:00")))));
        assertDoesNotThrow(() -> WeeklySchedule.allDays(List.of(TimePeriod.ALL_DAY)));
    }

    @Test
    void wholeDayWithAnotherPeriodIsRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> new WeeklySchedule(days(MONDAY, List.of(TimePeriod.ALL_DAY, p("08:00", "09:00")))));
    }

    // --- text form ---------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {
            "Mo-Fr 08:00-12:00,14:00-18:00; Sa 09:00-13:00; Su off",
            "24/7",
            "Mo-Su off",
            "Mo-Fr 08:00-18:00; Sa,Su 00:00-24:00",
            "Mo,We 08:00-12:00; Tu,Th-Su off",
            "Mo-Th,Sa,Su off; Fr 22:00-06:00",
            "Mo-Su 18:00-24:00",
            "Mo 02:00-04:00,22:00-06:00; Tu-Su off",
    })
    void canonicalTextRoundTrips(String text) {
        WeeklySchedule schedule = WeeklySchedule.parse(text);
        assertEquals(text, schedule.toString());
        assertEquals(schedule, WeeklySchedule.parse(schedule.toString()));
    }

    @Test
    void parsedTextEqualsTheScheduleBuiltInCode() {
        List<TimePeriod> weekday = List.of(p("08:00", "12:00"), p("14:00", "18:00"));
        WeeklySchedule built = new WeeklySchedule(days(
                MONDAY, weekday, TUESDAY, weekday, WEDNESDAY, weekday, DayOfWeek.THURSDAY, weekday, FRIDAY, weekday,
                SATURDAY, List.of(p("09:00", "13:00"))));
        assertEquals(built, WeeklySchedule.parse("Mo-Fr 08:00-12:00,14:00-18:00; Sa 09:00-13:00; Su off"));
        assertEquals("Mo-Fr 08:00-12:00,14:00-18:00; Sa 09:00-13:00; Su off", built.toString());
    }

    @Test
    void twentyFourSevenIsAlwaysOpen() {
        assertEquals(WeeklySchedule.ALWAYS_OPEN, WeeklySchedule.parse(" 24/7 "));
        assertEquals(WeeklySchedule.ALWAYS_OPEN, WeeklySchedule.parse("Mo-Su 00:00-24:00"));
        assertEquals("24/7", WeeklySchedule.ALWAYS_OPEN.toString());
    }

    @Test
    void looseTextIsNormalised() {
        assertEquals("Mo-Fr 08:00-18:00; Sa 09:00-13:00; Su off",
                WeeklySchedule.parse("Su off;Mo-Fr 08:00-18:00 ;  Sa 09:00-13:00").toString());
        assertEquals("Mo,Sa,Su 10:00-16:00; Tu-Fr off", WeeklySchedule.parse("Sa-Mo 10:00-16:00").toString());
        assertEquals("Mo 08:00-09:00; Tu-Su off", WeeklySchedule.parse("Mo 08:00-09:00").toString());
        assertEquals("Mo-We 08:00-12:00,14:00-18:00; Th-Su off",
                WeeklySchedule.parse("Mo, Tu-We 14:00-18:00, 08:00-12:00").toString());
    }

    @Test
    void scheduleBuiltInCodeSurvivesTheTextForm() {
        WeeklySchedule schedule = new WeeklySchedule(days(
                MONDAY, List.of(p("07:30", "11:45")), WEDNESDAY, List.of(p("07:30", "11:45")),
                SATURDAY, List.of(p("20:00", "24:00")), SUNDAY, List.of(TimePeriod.ALL_DAY)));
        assertEquals(schedule, WeeklySchedule.parse(schedule.toString()));
        assertEquals(WeeklySchedule.CLOSED, WeeklySchedule.parse(WeeklySchedule.CLOSED.toString()));
    }

    private static OpeningHoursSyntaxException syntaxError(String text) {
        return assertThrows(OpeningHoursSyntaxException.class, () -> WeeklySchedule.parse(text));
    }

    @Test
    void syntaxErrorsNameTheirIndex() {
        OpeningHoursSyntaxException e = syntaxError("Mo-Fr 8:00-12:00");
        assertEquals(6, e.index());
        assertEquals("Expected a time HH:MM at index 6 of \"Mo-Fr 8:00-12:00\"", e.getMessage());

        assertEquals(3, syntaxError("Mo-Xy 08:00-12:00").index());
        assertEquals(2, syntaxError("Mo08:00-09:00").index());
        assertEquals(0, syntaxError("").index());
        assertEquals(18, syntaxError("Mo-Fr 08:00-12:00;").index());
        assertEquals(15, syntaxError("Mo 08:00-12:00 14:00-18:00").index());
        assertEquals(5, syntaxError("24/7 Mo 08:00-09:00").index());
        assertEquals(8, syntaxError("Mo 08:00 12:00").index());
        assertEquals(0, syntaxError("mo 08:00-12:00").index());
    }

    @Test
    void outOfRangeTimesAreSyntaxErrors() {
        OpeningHoursSyntaxException hour = syntaxError("Mo-Fr 08:00-25:00");
        assertEquals(12, hour.index());
        assertTrue(hour.getMessage().startsWith("Hour 25 is out of range"), hour.getMessage());
        assertEquals(12, syntaxError("Mo 08:00-09:60").index());
        OpeningHoursSyntaxException opening24 = syntaxError("Mo 24:00-06:00");
        assertEquals(3, opening24.index());
        assertTrue(opening24.getMessage().contains("only allowed as a closing time"), opening24.getMessage());
    }

    @Test
    void emptyPeriodIsASyntaxErrorAtThePeriod() {
        OpeningHoursSyntaxException e = syntaxError("Mo 09:00-10:00,08:00-08:00");
        assertEquals(15, e.index());
        assertTrue(e.getMessage().contains("open equals close"), e.getMessage());
    }

    @Test
    void aDayGivenTwiceIsAnError() {
        OpeningHoursSyntaxException e = syntaxError("Mo-Fr 08:00-12:00; Fr 09:00-10:00");
        assertEquals(19, e.index());
        assertTrue(e.getMessage().startsWith("Fr is given twice"), e.getMessage());
        assertEquals(3, syntaxError("Mo,Mo 08:00-12:00").index());
    }

    @Test
    void wellFormedButOverlappingTextIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> WeeklySchedule.parse("Mo 08:00-12:00,11:00-13:00"));
        assertFalse(e instanceof OpeningHoursSyntaxException);
        assertTrue(e.getMessage().contains("Overlapping periods on Monday"), e.getMessage());
    }
}
