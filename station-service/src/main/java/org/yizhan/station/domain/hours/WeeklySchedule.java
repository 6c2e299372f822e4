package org.yizhan.station.domain.hours;

import java.time.DayOfWeek;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The periods of each day of the week; a day that is absent or has no periods is closed.
 *
 * <p>Text form (see {@link #parse(String)}): {@code Mo-Fr 08:00-12:00,14:00-18:00; Sa 09:00-13:00; Su off}
 * or {@code 24/7}.
 */
public final class WeeklySchedule {

    /** Open all day every day. */
    public static final WeeklySchedule ALWAYS_OPEN = allDays(List.of(TimePeriod.ALL_DAY));

    /** Closed every day. */
    public static final WeeklySchedule CLOSED = new WeeklySchedule(Map.of());

    private final Map<DayOfWeek, List<TimePeriod>> days;

    /**
     * @param days periods per weekday; missing days are closed
     * @throws IllegalArgumentException if periods of a day overlap, or a period that crosses midnight
     *                                  overlaps the next day's first period
     */
    public WeeklySchedule(Map<DayOfWeek, List<TimePeriod>> days) {
        Objects.requireNonNull(days, "days must not be null");
        EnumMap<DayOfWeek, List<TimePeriod>> copy = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            List<TimePeriod> periods = days.get(day);
            copy.put(day, periods == null ? List.of() : TimePeriod.normalise(periods, TimePeriod.dayName(day)));
        }
        for (DayOfWeek day : DayOfWeek.values()) {
            checkNightRunsIntoNextDay(day, copy.get(day), day.plus(1), copy.get(day.plus(1)));
        }
        this.days = Collections.unmodifiableMap(copy);
    }

    /** The same periods on all seven days. */
    public static WeeklySchedule allDays(List<TimePeriod> periods) {
        EnumMap<DayOfWeek, List<TimePeriod>> map = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            map.put(day, periods);
        }
        return new WeeklySchedule(map);
    }

    /**
     * Parses the text form; the inverse of {@link #toString()}.
     *
     * @throws OpeningHoursSyntaxException naming the index of the first error
     * @throws IllegalArgumentException    if the text is well-formed but the periods overlap
     */
    public static WeeklySchedule parse(String text) {
        return WeeklyScheduleFormat.parse(text);
    }

    /** The periods that start on this weekday, sorted by opening time; empty when closed. */
    public List<TimePeriod> periodsOn(DayOfWeek day) {
        return days.get(Objects.requireNonNull(day, "day must not be null"));
    }

    /** All seven days, Monday first, each with its (possibly empty) periods. */
    public Map<DayOfWeek, List<TimePeriod>> days() {
        return days;
    }

    private static void checkNightRunsIntoNextDay(DayOfWeek day, List<TimePeriod> periods,
                                                  DayOfWeek next, List<TimePeriod> nextPeriods) {
        if (periods.isEmpty() || nextPeriods.isEmpty()) {
            return;
        }
        TimePeriod last = periods.get(periods.size() - 1);
        TimePeriod firstNext = nextPeriods.get(0);
        if (last.endMinute() > TimePeriod.MINUTES_PER_DAY + firstNext.startMinute()) {
            throw new IllegalArgumentException("Overlapping periods: " + TimePeriod.dayName(day) + " " + last
                    + " runs into " + TimePeriod.dayName(next) + " " + firstNext);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof WeeklySchedule that && days.equals(that.days);
    }

    @Override
    public int hashCode() {
        return days.hashCode();
    }

    /** The canonical text form, e.g. {@code Mo-Fr 08:00-18:00; Sa,Su off}; parses back to an equal schedule. */
    @Override
    public String toString() {
        return WeeklyScheduleFormat.format(this);
    }
}
