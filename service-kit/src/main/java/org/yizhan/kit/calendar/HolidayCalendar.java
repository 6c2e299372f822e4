package org.yizhan.kit.calendar;

import java.time.LocalDate;
import java.util.Optional;

/** Tells which dates are public holidays (休) or make-up working days (班). */
public interface HolidayCalendar {

    /** The official status of the date; empty for an ordinary day or a date the calendar has no data for. */
    Optional<OfficialDay> lookup(LocalDate date);

    /** Whether the date is a public holiday (休). */
    default boolean isPublicHoliday(LocalDate date) {
        return lookup(date).filter(d -> d.kind() == OfficialDay.Kind.PUBLIC_HOLIDAY).isPresent();
    }

    /** Whether the date is a make-up working day (班). */
    default boolean isMakeUpWorkday(LocalDate date) {
        return lookup(date).filter(d -> d.kind() == OfficialDay.Kind.MAKE_UP_WORKDAY).isPresent();
    }

    /**
     * Whether the calendar has the official arrangement for the year; a year it does not cover looks
     * like a year without holidays, so callers that count working days say so.
     */
    default boolean covers(int year) {
        return true;
    }

    /** A calendar without any holidays. */
    static HolidayCalendar none() {
        return date -> Optional.empty();
    }
}
