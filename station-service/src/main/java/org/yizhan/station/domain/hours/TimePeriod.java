package org.yizhan.station.domain.hours;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/** One opening period of a day, half-open {@code [open, close)}; crosses midnight when close is not after open. */
public record TimePeriod(LocalTime open, LocalTime close) {

    /** The whole day, 00:00-24:00. */
    public static final TimePeriod ALL_DAY = new TimePeriod(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT);

    static final int MINUTES_PER_DAY = 24 * 60;

    public TimePeriod {
        Objects.requireNonNull(open, "open must not be null");
        Objects.requireNonNull(close, "close must not be null");
        // The text form has minutes only; finer times could not round-trip.
        if (open.getSecond() != 0 || open.getNano() != 0 || close.getSecond() != 0 || close.getNano() != 0) {
            throw new IllegalArgumentException("Opening hours are whole minutes, got " + open + "-" + close);
        }
        if (open.equals(close) && !open.equals(LocalTime.MIDNIGHT)) {
            throw new IllegalArgumentException("Empty period " + format(open) + "-" + format(close)
                    + ": open equals close; only 00:00-24:00 (the whole day) may have open == close");
        }
    }

    /** A period from two {@code HH:MM} strings; {@code "24:00"} is accepted as a close time. */
    public static TimePeriod of(String open, String close) {
        return new TimePeriod(LocalTime.parse(open), "24:00".equals(close) ? LocalTime.MIDNIGHT : LocalTime.parse(close));
    }

    /** Whether the period ends on the following day (also true for a close of 24:00 and for {@link #ALL_DAY}). */
    public boolean endsNextDay() {
        return !close.isAfter(open);
    }

    /** Whether the period is the whole day 00:00-24:00. */
    public boolean isAllDay() {
        return equals(ALL_DAY);
    }

    /** Start, in minutes after the start of its day. */
    int startMinute() {
        return open.getHour() * 60 + open.getMinute();
    }

    /** End, in minutes after the start of the day the period starts on (up to 2 days' worth). */
    int endMinute() {
        int end = close.getHour() * 60 + close.getMinute();
        return endsNextDay() ? end + MINUTES_PER_DAY : end;
    }

    /** {@code HH:MM-HH:MM}, a close at midnight written {@code 24:00}. */
    @Override
    public String toString() {
        return format(open) + "-" + (close.equals(LocalTime.MIDNIGHT) ? "24:00" : format(close));
    }

    private static String format(LocalTime time) {
        return String.format(Locale.ROOT, "%02d:%02d", time.getHour(), time.getMinute());
    }

    /** Sorted, immutable copy; rejects overlaps so that a day's list is unambiguous. */
    static List<TimePeriod> normalise(List<TimePeriod> periods, String day) {
        Objects.requireNonNull(periods, () -> "periods of " + day + " must not be null");
        List<TimePeriod> sorted = new ArrayList<>(periods.size());
        for (TimePeriod period : periods) {
            sorted.add(Objects.requireNonNull(period, () -> "a period of " + day + " is null"));
        }
        sorted.sort(Comparator.comparingInt(TimePeriod::startMinute));
        for (int i = 1; i < sorted.size(); i++) {
            TimePeriod previous = sorted.get(i - 1);
            TimePeriod current = sorted.get(i);
            if (current.startMinute() < previous.endMinute()) {
                throw new IllegalArgumentException("Overlapping periods on " + day + ": " + previous + " and " + current);
            }
        }
        return List.copyOf(sorted);
    }

    static String dayName(DayOfWeek day) {
        return day.getDisplayName(TextStyle.FULL, Locale.ENGLISH);
    }
}
