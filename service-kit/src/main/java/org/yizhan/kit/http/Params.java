package org.yizhan.kit.http;

import org.yizhan.kit.problem.ProblemException;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;

/**
 * Query parameters read as text and converted here, so that a bad value is a 400 naming the
 * parameter and the allowed values (JAX-RS would answer a failed conversion with a bare 404).
 */
public final class Params {

    private Params() {
    }

    /** The constant of {@code type} named by {@code text}; null when the parameter is absent. */
    public static <E extends Enum<E>> E enumValue(Class<E> type, String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, text.strip());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField(field, "取值必须是以下之一 / must be one of: "
                    + Arrays.toString(type.getEnumConstants()));
        }
    }

    /** An ISO-8601 instant with an offset ({@code 2026-12-01T08:00:00Z} or {@code ...+08:00}); null when absent. */
    public static Instant instant(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text.strip()).toInstant();
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidField(field,
                    "ISO-8601 时刻，如 2026-12-01T08:00:00+08:00 / an ISO-8601 instant with an offset");
        }
    }
}
