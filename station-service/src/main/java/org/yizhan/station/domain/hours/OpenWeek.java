package org.yizhan.station.domain.hours;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Opening hours reduced to the minutes of a week in the station's zone, so that a database can
 * answer "open at this instant?" with one range test: minute 0 is Monday 00:00 local time, the
 * week has {@link #MINUTES_PER_WEEK} minutes, and a night period running past Sunday midnight
 * continues at minute 0.
 *
 * <p>Only hours whose answer depends on nothing but the local time of the week reduce: no seasons,
 * no dated exceptions, and a zone whose clocks do not change any more. The week then answers
 * exactly as {@link OpeningHours#isOpenAt} does for every instant from {@link #validFrom()} on,
 * on ordinary days; on a public holiday or make-up working day (and the day after, which a night
 * period may reach) it answers the same only if {@link #calendarFree()}.
 *
 * @param zone         the station's zone, in which the minutes count
 * @param ranges       sorted, disjoint, non-adjacent half-open minute ranges {@code [start, end)}
 * @param calendarFree whether official days (休, 班) leave the hours as they are
 * @param validFrom    from when on the zone's offset is fixed (two days after its last change)
 */
public record OpenWeek(ZoneId zone, List<int[]> ranges, boolean calendarFree, Instant validFrom) {

    /** Minutes in a week. */
    public static final int MINUTES_PER_WEEK = 7 * TimePeriod.MINUTES_PER_DAY;

    /** Before any zone's clock changes. */
    private static final Instant BEGINNING = Instant.parse("1900-01-01T00:00:00Z");

    public OpenWeek {
        Objects.requireNonNull(zone, "zone must not be null");
        ranges = List.copyOf(ranges);
        Objects.requireNonNull(validFrom, "validFrom must not be null");
    }

    /** The week of these hours, or empty when they depend on more than the local time of the week. */
    public static Optional<OpenWeek> of(OpeningHours hours) {
        if (!hours.seasons().isEmpty() || !hours.exceptions().isEmpty()) {
            return Optional.empty();
        }
        ZoneRules rules = hours.zone().getRules();
        Instant validFrom = BEGINNING;
        if (!rules.isFixedOffset()) {
            // Recurring clock changes: never a fixed week. A single change, past or scheduled, only
            // moves validFrom after it.
            if (!rules.getTransitionRules().isEmpty()) {
                return Optional.empty();
            }
            List<ZoneOffsetTransition> past = rules.getTransitions();
            if (!past.isEmpty()) {
                // The day after a change still sees the previous day's periods at the old offset.
                validFrom = past.get(past.size() - 1).getInstant().plus(Duration.ofDays(2));
            }
        }
        WeeklySchedule week = hours.regular();
        List<int[]> pieces = new ArrayList<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            int base = (day.getValue() - 1) * TimePeriod.MINUTES_PER_DAY;
            for (TimePeriod period : week.periodsOn(day)) {
                int start = base + period.startMinute();
                int end = base + period.endMinute();
                if (end > MINUTES_PER_WEEK) {
                    pieces.add(new int[] {start, MINUTES_PER_WEEK});
                    pieces.add(new int[] {0, end - MINUTES_PER_WEEK});
                } else {
                    pieces.add(new int[] {start, end});
                }
            }
        }
        pieces.sort((a, b) -> Integer.compare(a[0], b[0]));
        List<int[]> merged = new ArrayList<>();
        for (int[] piece : pieces) {
            int[] last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && piece[0] <= last[1]) {
                last[1] = Math.max(last[1], piece[1]);
            } else {
                merged.add(new int[] {piece[0], piece[1]});
            }
        }
        return Optional.of(new OpenWeek(hours.zone(), merged, calendarFree(week, hours.holidayPolicy()), validFrom));
    }

    /** Whether no official day can change these weekly hours under this policy. */
    private static boolean calendarFree(WeeklySchedule week, HolidayPolicy policy) {
        boolean holidaysFree = switch (policy.onPublicHoliday()) {
            case KEEP_WEEKLY_HOURS -> true;
            case CLOSED -> everyDayLike(week, List.of());
            case SUNDAY_HOURS -> everyDayLike(week, week.periodsOn(DayOfWeek.SUNDAY));
        };
        boolean makeUpFree = policy.makeUpWorkdaySchedule()
                .map(day -> everyDayLike(week, week.periodsOn(day))).orElse(true);
        return holidaysFree && makeUpFree;
    }

    private static boolean everyDayLike(WeeklySchedule week, List<TimePeriod> periods) {
        for (DayOfWeek day : DayOfWeek.values()) {
            if (!week.periodsOn(day).equals(periods)) {
                return false;
            }
        }
        return true;
    }

    /** The minute of the week of an instant in a zone. */
    public static int minuteOfWeek(Instant instant, ZoneId zone) {
        LocalDateTime local = LocalDateTime.ofInstant(instant, zone);
        return (local.getDayOfWeek().getValue() - 1) * TimePeriod.MINUTES_PER_DAY
                + local.getHour() * 60 + local.getMinute();
    }

    /** Whether the week has the station open at the instant (by the local time of the week alone). */
    public boolean contains(Instant instant) {
        int minute = minuteOfWeek(instant, zone);
        for (int[] range : ranges) {
            if (minute >= range[0] && minute < range[1]) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether no date that is "today" or "yesterday" somewhere on Earth at the instant is an
     * official day: then every week answers as its hours do, calendar-free or not.
     */
    public static boolean ordinaryDaysAround(Instant instant, HolidayCalendar calendar) {
        LocalDate utc = LocalDate.ofInstant(instant, ZoneOffset.UTC);
        for (LocalDate date = utc.minusDays(2); !date.isAfter(utc.plusDays(1)); date = date.plusDays(1)) {
            if (calendar.lookup(date).isPresent()) {
                return false;
            }
        }
        return true;
    }

    /** PostgreSQL's text form of an {@code int4multirange}, e.g. {@code {[480,1200),[1920,2640)}}. */
    public String multirange() {
        StringBuilder text = new StringBuilder("{");
        for (int[] range : ranges) {
            if (text.length() > 1) {
                text.append(',');
            }
            text.append('[').append(range[0]).append(',').append(range[1]).append(')');
        }
        return text.append('}').toString();
    }
}
