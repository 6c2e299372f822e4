package org.yizhan.kit.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Objects;

/**
 * Working-day arithmetic on the official calendar: Monday to Friday are working days unless they
 * are public holidays (休), and a weekend day is one when it is a make-up working day (班, 调休).
 *
 * <p>Deadlines follow the rule of Chinese procedure law that the day on which a period starts is
 * not counted: "7 working days from 2026-09-30" ends on the seventh working day after it. For a
 * year the calendar does not cover, only weekends are known; {@link #covers} tells callers when an
 * answer rests on that.
 */
public final class WorkingDays {

    private static final WorkingDays CHINA = new WorkingDays(ChinaHolidayCalendar.official());

    private final HolidayCalendar calendar;

    public WorkingDays(HolidayCalendar calendar) {
        this.calendar = Objects.requireNonNull(calendar, "calendar");
    }

    /** Working days of mainland China (the built-in State Council arrangements). */
    public static WorkingDays china() {
        return CHINA;
    }

    /** Whether people work on the date. */
    public boolean isWorkingDay(LocalDate date) {
        return calendar.lookup(date)
                .map(day -> day.kind() == OfficialDay.Kind.MAKE_UP_WORKDAY)
                .orElseGet(() -> date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY);
    }

    /**
     * The {@code days}-th working day after {@code start} (the start day itself is not counted);
     * {@code start} when {@code days} is 0.
     *
     * @throws IllegalArgumentException if {@code days} is negative
     */
    public LocalDate plus(LocalDate start, int days) {
        if (days < 0) {
            throw new IllegalArgumentException("days must not be negative, was " + days);
        }
        LocalDate date = start;
        for (int counted = 0; counted < days; ) {
            date = date.plusDays(1);
            if (isWorkingDay(date)) {
                counted++;
            }
        }
        return date;
    }

    /** The working days after {@code from} up to and including {@code to}; 0 when {@code to} is not after {@code from}. */
    public int between(LocalDate from, LocalDate to) {
        int days = 0;
        for (LocalDate date = from.plusDays(1); !date.isAfter(to); date = date.plusDays(1)) {
            if (isWorkingDay(date)) {
                days++;
            }
        }
        return days;
    }

    /** The date itself if it is a working day, otherwise the next working day. */
    public LocalDate nextOrSame(LocalDate date) {
        LocalDate day = date;
        while (!isWorkingDay(day)) {
            day = day.plusDays(1);
        }
        return day;
    }

    /** Whether every year from {@code from} to {@code to} has the official arrangement in the calendar. */
    public boolean covers(LocalDate from, LocalDate to) {
        for (int year = from.getYear(); year <= to.getYear(); year++) {
            if (!calendar.covers(year)) {
                return false;
            }
        }
        return true;
    }
}
