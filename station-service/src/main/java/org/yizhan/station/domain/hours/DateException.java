package org.yizhan.station.domain.hours;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Hours for one date that replace every other rule for the periods starting that date; no periods means closed all day.
 */
public record DateException(LocalDate date, List<TimePeriod> periods, String reason) {

    public DateException {
        Objects.requireNonNull(date, "date must not be null");
        periods = TimePeriod.normalise(periods, date.toString());
        // Clients show the reason to workers who find the station closed; an empty one explains nothing.
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("Exception for " + date + " needs a reason");
        }
    }

    /** Closed all day. */
    public static DateException closed(LocalDate date, String reason) {
        return new DateException(date, List.of(), reason);
    }

    /** Open only during the given periods. */
    public static DateException open(LocalDate date, String reason, TimePeriod... periods) {
        if (periods.length == 0) {
            throw new IllegalArgumentException("Exception for " + date + " opens with no periods; use closed()");
        }
        return new DateException(date, List.of(periods), reason);
    }

    /** Whether the station is closed all day (except for a night period that started the day before). */
    public boolean isClosed() {
        return periods.isEmpty();
    }
}
