package org.yizhan.kit.calendar;

import java.time.LocalDate;
import java.util.Objects;

/** A date the official calendar treats specially: a public holiday (休) or a make-up working day (班). */
public record OfficialDay(LocalDate date, Kind kind, String name) {

    /** Rest day or working day. */
    public enum Kind {
        /** 休: a rest day of a public holiday, including days moved there by 调休. */
        PUBLIC_HOLIDAY("休"),
        /** 班: a weekend day that is an official working day because of 调休. */
        MAKE_UP_WORKDAY("班");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        /** The one-character label Chinese calendars print on the date. */
        public String label() {
            return label;
        }
    }

    public OfficialDay {
        Objects.requireNonNull(date, "date must not be null");
        Objects.requireNonNull(kind, "kind must not be null");
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("Official day " + date + " needs a name");
        }
    }
}
