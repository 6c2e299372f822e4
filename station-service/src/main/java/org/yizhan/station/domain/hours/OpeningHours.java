package org.yizhan.station.domain.hours;

import org.yizhan.kit.calendar.HolidayCalendar;
import org.yizhan.kit.calendar.OfficialDay;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The opening hours of a station in its time zone: regular weekly hours, seasonal hours, dated
 * exceptions and a holiday policy. The rules are in the package documentation.
 */
public record OpeningHours(ZoneId zone, WeeklySchedule regular, List<SeasonalSchedule> seasons,
                           List<DateException> exceptions, HolidayPolicy holidayPolicy) {

    /** Zone of a station unless it says otherwise. */
    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Shanghai");

    /** How far {@link #nextChange} looks ahead. */
    public static final Duration LOOKAHEAD = Duration.ofDays(14);

    /**
     * @throws IllegalArgumentException if two seasonal windows overlap or two exceptions share a date
     */
    public OpeningHours {
        Objects.requireNonNull(zone, "zone must not be null");
        Objects.requireNonNull(regular, "regular must not be null");
        Objects.requireNonNull(holidayPolicy, "holidayPolicy must not be null");
        seasons = List.copyOf(Objects.requireNonNull(seasons, "seasons must not be null"));
        for (int i = 0; i < seasons.size(); i++) {
            for (int j = i + 1; j < seasons.size(); j++) {
                ValidityWindow a = seasons.get(i).validity();
                ValidityWindow b = seasons.get(j).validity();
                if (a.overlaps(b)) {
                    throw new IllegalArgumentException("Seasonal schedules overlap: " + a + " and " + b);
                }
            }
        }
        List<DateException> sorted = new ArrayList<>(Objects.requireNonNull(exceptions, "exceptions must not be null"));
        sorted.forEach(e -> Objects.requireNonNull(e, "an exception is null"));
        sorted.sort(Comparator.comparing(DateException::date));
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).date().equals(sorted.get(i - 1).date())) {
                throw new IllegalArgumentException("Two exceptions for " + sorted.get(i).date() + ": \""
                        + sorted.get(i - 1).reason() + "\" and \"" + sorted.get(i).reason() + "\"");
            }
        }
        exceptions = List.copyOf(sorted);
    }

    /** Weekly hours only, in {@link #DEFAULT_ZONE}, with {@link HolidayPolicy#DEFAULT}. */
    public static OpeningHours of(WeeklySchedule regular) {
        return new OpeningHours(DEFAULT_ZONE, regular, List.of(), List.of(), HolidayPolicy.DEFAULT);
    }

    /** The weekly schedule in force on the date: its seasonal schedule, else the regular one. */
    public WeeklySchedule scheduleOn(LocalDate date) {
        for (SeasonalSchedule season : seasons) {
            if (season.validity().contains(date)) {
                return season.schedule();
            }
        }
        return regular;
    }

    /** The dated exception for the date, if any. */
    public Optional<DateException> exceptionOn(LocalDate date) {
        return exceptions.stream().filter(e -> e.date().equals(date)).findFirst();
    }

    /**
     * The periods that start on the date (a night period among them may end the next day); the
     * previous day's night period is not included even where it reaches into this date.
     */
    public List<TimePeriod> periodsOn(LocalDate date, HolidayCalendar calendar) {
        Objects.requireNonNull(date, "date must not be null");
        Objects.requireNonNull(calendar, "calendar must not be null");
        Optional<DateException> exception = exceptionOn(date);
        if (exception.isPresent()) {
            return exception.get().periods();
        }
        WeeklySchedule schedule = scheduleOn(date);
        DayOfWeek weekday = date.getDayOfWeek();
        Optional<OfficialDay> official = calendar.lookup(date);
        if (official.isPresent()) {
            if (official.get().kind() == OfficialDay.Kind.PUBLIC_HOLIDAY) {
                switch (holidayPolicy.onPublicHoliday()) {
                    case CLOSED:
                        return List.of();
                    case SUNDAY_HOURS:
                        weekday = DayOfWeek.SUNDAY;
                        break;
                    case KEEP_WEEKLY_HOURS:
                        break;
                    default:
                        throw new IllegalStateException("Unknown holiday rule " + holidayPolicy.onPublicHoliday());
                }
            } else {
                weekday = holidayPolicy.makeUpWorkdaySchedule().orElse(weekday);
            }
        }
        return schedule.periodsOn(weekday);
    }

    /** Whether the station is open at the instant (opening time inclusive, closing time exclusive). */
    public boolean isOpenAt(Instant instant, HolidayCalendar calendar) {
        LocalDate today = LocalDate.ofInstant(Objects.requireNonNull(instant, "instant must not be null"), zone);
        // Yesterday's night period may still be running.
        for (Span span : openSpans(today.minusDays(1), today, calendar)) {
            if (!instant.isBefore(span.start) && instant.isBefore(span.end)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The first instant after {@code instant} at which the station opens or closes, if there is one
     * within {@link #LOOKAHEAD}. Adjacent periods (Monday 18:00-24:00 and Tuesday 00:00-06:00) count
     * as one, so midnight between them is no change; empty for a station that is open or closed
     * throughout the look-ahead.
     */
    public Optional<Instant> nextChange(Instant instant, HolidayCalendar calendar) {
        Objects.requireNonNull(instant, "instant must not be null");
        Instant horizon = instant.plus(LOOKAHEAD);
        LocalDate first = LocalDate.ofInstant(instant, zone).minusDays(1);
        // One day beyond the horizon, so that a span still running at the horizon is not cut short there.
        LocalDate last = LocalDate.ofInstant(horizon, zone).plusDays(1);
        for (Span span : openSpans(first, last, calendar)) {
            if (span.end.isAfter(instant)) {
                Instant change = span.start.isAfter(instant) ? span.start : span.end;
                return change.isAfter(horizon) ? Optional.empty() : Optional.of(change);
            }
        }
        return Optional.empty();
    }

    /** The open spans from periods starting between the dates inclusive, sorted, with touching or overlapping ones merged. */
    private List<Span> openSpans(LocalDate first, LocalDate last, HolidayCalendar calendar) {
        List<Span> spans = new ArrayList<>();
        for (LocalDate date = first; !date.isAfter(last); date = date.plusDays(1)) {
            for (TimePeriod period : periodsOn(date, calendar)) {
                Instant start = at(date, period.open());
                Instant end = at(period.endsNextDay() ? date.plusDays(1) : date, period.close());
                // A period inside a daylight-saving gap can collapse; Asia/Shanghai has none.
                if (end.isAfter(start)) {
                    spans.add(new Span(start, end));
                }
            }
        }
        spans.sort(Comparator.comparing(Span::start));
        List<Span> merged = new ArrayList<>();
        for (Span span : spans) {
            Span previous = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (previous != null && !span.start.isAfter(previous.end)) {
                if (span.end.isAfter(previous.end)) {
                    merged.set(merged.size() - 1, new Span(previous.start, span.end));
                }
            } else {
                merged.add(span);
            }
        }
        return merged;
    }

    private Instant at(LocalDate date, LocalTime time) {
        return ZonedDateTime.of(date, time, zone).toInstant();
    }

    private record Span(Instant start, Instant end) {
    }
}
