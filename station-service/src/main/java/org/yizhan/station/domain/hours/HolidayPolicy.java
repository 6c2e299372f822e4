package org.yizhan.station.domain.hours;

import java.time.DayOfWeek;
import java.util.Objects;
import java.util.Optional;

/**
 * How a station treats official days: which weekday's hours it keeps on public holidays (休) and on
 * make-up working days (调休上班, 班).
 *
 * @param onPublicHoliday what a public holiday means for the station
 * @param makeUpWorkdayAs weekday whose hours apply on a make-up working day, or {@code null} to keep the
 *                        weekend day's own hours (the station ignores 调休)
 */
public record HolidayPolicy(OnPublicHoliday onPublicHoliday, DayOfWeek makeUpWorkdayAs) {

    /** Weekly hours on public holidays; make-up working days have Monday's hours. */
    public static final HolidayPolicy DEFAULT = new HolidayPolicy(OnPublicHoliday.KEEP_WEEKLY_HOURS, DayOfWeek.MONDAY);

    /** The official calendar changes nothing: weekly hours on every date. */
    public static final HolidayPolicy IGNORE_CALENDAR = new HolidayPolicy(OnPublicHoliday.KEEP_WEEKLY_HOURS, null);

    /** What a public holiday (休) means for a station. */
    public enum OnPublicHoliday {
        /** Hours of the date's own weekday, as if there were no holiday. */
        KEEP_WEEKLY_HOURS,
        /** Closed all day. */
        CLOSED,
        /** Hours of Sunday. */
        SUNDAY_HOURS
    }

    public HolidayPolicy {
        Objects.requireNonNull(onPublicHoliday, "onPublicHoliday must not be null");
    }

    /** Whose hours a make-up working day has, if not its own. */
    public Optional<DayOfWeek> makeUpWorkdaySchedule() {
        return Optional.ofNullable(makeUpWorkdayAs);
    }
}
