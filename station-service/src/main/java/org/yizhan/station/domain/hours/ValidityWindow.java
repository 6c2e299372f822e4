package org.yizhan.station.domain.hours;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Objects;

/** The dates on which a {@link SeasonalSchedule} applies: a month-day range every year, or a dated range; both inclusive. */
public sealed interface ValidityWindow permits ValidityWindow.EveryYear, ValidityWindow.Dated {

    /** Whether the window contains the date. */
    boolean contains(LocalDate date);

    /** Whether at least one date lies in both windows. */
    boolean overlaps(ValidityWindow other);

    /** {@code from..to} every year; wraps over New Year when {@code to} is before {@code from}. */
    static ValidityWindow everyYear(MonthDay from, MonthDay to) {
        return new EveryYear(from, to);
    }

    /** {@code from..to}, once. */
    static ValidityWindow between(LocalDate from, LocalDate to) {
        return new Dated(from, to);
    }

    /**
     * The same month-day range every year, e.g. summer {@code 05-01..09-30} or winter {@code 11-01..02-29}.
     * A window that should end with February must end on {@code 02-29}: in years without it the window
     * simply ends on 02-28, whereas an end of {@code 02-28} would leave 29 February of leap years out.
     */
    record EveryYear(MonthDay from, MonthDay to) implements ValidityWindow {

        public EveryYear {
            Objects.requireNonNull(from, "from must not be null");
            Objects.requireNonNull(to, "to must not be null");
        }

        @Override
        public boolean contains(LocalDate date) {
            return containsMonthDay(MonthDay.from(date));
        }

        boolean containsMonthDay(MonthDay day) {
            return from.isAfter(to)
                    ? !day.isBefore(from) || !day.isAfter(to)
                    : !day.isBefore(from) && !day.isAfter(to);
        }

        @Override
        public boolean overlaps(ValidityWindow other) {
            if (other instanceof EveryYear yearly) {
                // Two arcs of the year's circle meet exactly when one contains the other's start.
                return containsMonthDay(yearly.from) || yearly.containsMonthDay(from);
            }
            return other.overlaps(this);
        }

        @Override
        public String toString() {
            return from.toString().substring(2) + ".." + to.toString().substring(2) + " every year";
        }
    }

    /** A dated range such as {@code 2026-06-01..2026-08-31}. */
    record Dated(LocalDate from, LocalDate to) implements ValidityWindow {

        public Dated {
            Objects.requireNonNull(from, "from must not be null");
            Objects.requireNonNull(to, "to must not be null");
            if (to.isBefore(from)) {
                throw new IllegalArgumentException("Validity window ends " + to + " before it starts " + from);
            }
        }

        @Override
        public boolean contains(LocalDate date) {
            return !date.isBefore(from) && !date.isAfter(to);
        }

        @Override
        public boolean overlaps(ValidityWindow other) {
            if (other instanceof Dated dated) {
                return !dated.to.isBefore(from) && !dated.from.isAfter(to);
            }
            // Four years and a day contain every month-day, 29 February included; longer windows need no more checks.
            LocalDate last = to.isAfter(from.plusYears(4)) ? from.plusYears(4) : to;
            for (LocalDate date = from; !date.isAfter(last); date = date.plusDays(1)) {
                if (other.contains(date)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public String toString() {
            return from + ".." + to;
        }
    }
}
