package org.yizhan.kit.http;

import org.yizhan.kit.problem.FieldErrors;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

/**
 * Query and path parameters read as text and converted here, so that a bad value is a 400 naming
 * the parameter and what it must be (JAX-RS would answer a failed conversion with a bare 404),
 * and every bad parameter of a request is listed in the same problem:
 *
 * <pre>{@code
 * Params params = new Params();
 * Instant from = params.instant("from", fromText);
 * List<ActivityStatus> statuses = params.enumList(ActivityStatus.class, "status", statusTexts);
 * params.throwIfAny();
 * }</pre>
 *
 * <p>Rules for every method: an absent or blank parameter is absent ({@code null}, or the
 * default); surrounding spaces are ignored. List parameters take repeated parameters, commas, or
 * both ({@code status=A,B&status=C}); empty items between commas are skipped, but a parameter
 * that is given and names no value at all ({@code status=,}) is a 400.
 */
public final class Params {

    /** The earliest and latest year a date or instant parameter may name. */
    public static final int MIN_YEAR = 1;
    public static final int MAX_YEAR = 9999;

    private final FieldErrors errors = new FieldErrors();

    /** The errors found so far; rules about combinations of parameters may add to them. */
    public FieldErrors errors() {
        return errors;
    }

    /** Throws one 400 problem listing every invalid parameter read so far. */
    public void throwIfAny() {
        errors.throwIfAny();
    }

    /** The constant of {@code type} named by {@code text}. */
    public <E extends Enum<E>> E enumValue(Class<E> type, String field, String text) {
        String value = clean(text);
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            errors.add(field, "取值必须是以下之一 / must be one of: " + Arrays.toString(type.getEnumConstants()));
            return null;
        }
    }

    /** The constants named by the parameter's values; empty when the parameter is absent. */
    public <E extends Enum<E>> EnumSet<E> enumList(Class<E> type, String field, List<String> texts) {
        EnumSet<E> values = EnumSet.noneOf(type);
        for (String item : items(field, texts)) {
            E value = enumValue(type, field, item);
            if (value != null) {
                values.add(value);
            }
        }
        return values;
    }

    /** The parameter's values as text; empty when the parameter is absent. */
    public List<String> textList(String field, List<String> texts, int maxItems, int maxLength) {
        List<String> values = items(field, texts);
        if (values.size() > maxItems) {
            errors.add(field, "最多 " + maxItems + " 项 / at most " + maxItems + " values");
        }
        for (String value : values) {
            if (value.length() > maxLength) {
                errors.add(field, "每项最多 " + maxLength + " 个字符 / each value has at most " + maxLength + " characters");
            }
        }
        return values;
    }

    /** An ISO-8601 instant with an offset ({@code 2026-12-01T08:00:00Z} or {@code ...+08:00}). */
    public Instant instant(String field, String text) {
        String value = clean(text);
        if (value == null) {
            return null;
        }
        try {
            Instant instant = OffsetDateTime.parse(value).toInstant();
            if (inRange(LocalDate.ofInstant(instant, ZoneOffset.UTC))) {
                return instant;
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        errors.add(field, "ISO-8601 时刻（1 至 9999 年），如 2026-12-01T08:00:00+08:00"
                + " / an ISO-8601 instant with an offset, in the years 1 to 9999");
        return null;
    }

    /** A date as {@code YYYY-MM-DD}. */
    public LocalDate date(String field, String text) {
        String value = clean(text);
        if (value == null) {
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(value);
            if (inRange(date)) {
                return date;
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        errors.add(field, "必须是 YYYY-MM-DD 格式的日期（1 至 9999 年） / must be a date as YYYY-MM-DD, in the years 1 to 9999");
        return null;
    }

    /** A UUID. */
    public UUID uuid(String field, String text) {
        String value = clean(text);
        if (value == null) {
            return null;
        }
        try {
            if (value.length() == 36) {
                return UUID.fromString(value);
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        errors.add(field, "必须是 UUID / must be a UUID");
        return null;
    }

    /** A whole number from {@code min} to {@code max}; {@code fallback} when absent. */
    public Integer integer(String field, String text, long min, long max, Integer fallback) {
        String value = clean(text);
        if (value == null) {
            return fallback;
        }
        try {
            long n = Long.parseLong(value);
            if (n >= min && n <= max) {
                return (int) n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.add(field, "必须是 " + min + " 到 " + max + " 之间的整数 / must be a whole number from " + min + " to " + max);
        return fallback;
    }

    /** A decimal number from {@code min} to {@code max} (no NaN, no infinities). */
    public Double number(String field, String text, double min, double max) {
        String value = clean(text);
        if (value == null) {
            return null;
        }
        try {
            double n = new BigDecimal(value).doubleValue();
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.add(field, "必须是 " + plain(min) + " 到 " + plain(max) + " 之间的数 / must be a number from " + plain(min)
                + " to " + plain(max));
        return null;
    }

    /** {@code 90} rather than {@code 90.0}, as a client writes a bound. */
    private static String plain(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
    }

    /** {@code true} or {@code false} (nothing else); {@code fallback} when absent. */
    public boolean flag(String field, String text, boolean fallback) {
        String value = clean(text);
        if (value == null) {
            return fallback;
        }
        if (value.equals("true") || value.equals("false")) {
            return Boolean.parseBoolean(value);
        }
        errors.add(field, "必须是 true 或 false / must be true or false");
        return fallback;
    }

    /** Text of at most {@code maxLength} characters, stripped. */
    public String text(String field, String text, int maxLength) {
        String value = clean(text);
        if (value != null && value.length() > maxLength) {
            errors.add(field, "最多 " + maxLength + " 个字符 / at most " + maxLength + " characters");
            return null;
        }
        return value;
    }

    private List<String> items(String field, List<String> texts) {
        List<String> values = new ArrayList<>();
        if (texts == null) {
            return values;
        }
        boolean given = false;
        for (String text : texts) {
            if (text == null || text.isBlank()) {
                continue;
            }
            given = true;
            for (String item : text.split(",", -1)) {
                String value = item.strip();
                if (!value.isEmpty()) {
                    values.add(value);
                }
            }
        }
        if (given && values.isEmpty()) {
            errors.add(field, "至少给出一个值，或不带此参数 / name at least one value, or leave the parameter out");
        }
        return values;
    }

    /**
     * Years 1 to 9999, the ones ISO-8601 writes with four digits: PostgreSQL stores fewer years than
     * Java parses ({@code +999999999-12-31} would fail in the query instead of being a 400).
     */
    private static boolean inRange(LocalDate date) {
        return date.getYear() >= MIN_YEAR && date.getYear() <= MAX_YEAR;
    }

    private static String clean(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
