package org.yizhan.kit.paging;

import org.yizhan.kit.problem.ProblemException;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * The one cursor codec: the sort key of the last item a client has seen (any number of parts:
 * instants, dates, numbers, decimals, text, ids), made opaque. A cursor names the list it belongs to, so
 * one taken from another list, edited or truncated is a 400 on {@code cursor}, never a 500.
 *
 * <pre>{@code
 * String next = KeysetCursor.of("ranking", card.total(), card.stationId()).encode();
 * KeysetCursor after = KeysetCursor.decode("ranking", text, 2);   // null on the first page
 * BigDecimal total = after.decimal(0);
 * UUID id = after.uuid(1);
 * }</pre>
 */
public final class KeysetCursor {

    private static final char SEPARATOR = '\u001f';
    private static final String NOT_A_CURSOR = "不是本接口返回的游标 / not a cursor returned by this API";

    private final String list;
    private final List<String> parts;

    private KeysetCursor(String list, List<String> parts) {
        this.list = list;
        this.parts = List.copyOf(parts);
    }

    /** A cursor of list {@code list} after the item whose key is {@code parts} (none may be null). */
    public static KeysetCursor of(String list, Object... parts) {
        List<String> texts = new ArrayList<>(parts.length);
        for (Object part : parts) {
            texts.add(part instanceof BigDecimal d ? d.toPlainString() : String.valueOf(part));
        }
        return new KeysetCursor(list, texts);
    }

    /**
     * Reads a cursor a client sent back: {@code null} when {@code text} is absent or blank (the
     * first page); a 400 problem on {@code cursor} when it is not a cursor of {@code list} with
     * {@code size} parts.
     */
    public static KeysetCursor decode(String list, String text, int size) {
        if (text == null || text.isBlank()) {
            return null;
        }
        List<String> fields;
        try {
            String raw = new String(Base64.getUrlDecoder().decode(text.strip()), StandardCharsets.UTF_8);
            fields = Arrays.asList(raw.split(String.valueOf(SEPARATOR), -1));
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        if (fields.size() != size + 1 || !fields.get(0).equals(list)) {
            throw invalid();
        }
        return new KeysetCursor(list, fields.subList(1, fields.size()));
    }

    /** The opaque text to hand to the client. */
    public String encode() {
        StringBuilder raw = new StringBuilder(list);
        for (String part : parts) {
            raw.append(SEPARATOR).append(part);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.toString().getBytes(StandardCharsets.UTF_8));
    }

    public String text(int index) {
        return parts.get(index);
    }

    public Instant instant(int index) {
        try {
            return Instant.parse(parts.get(index));
        } catch (DateTimeParseException e) {
            throw invalid();
        }
    }

    public LocalDate date(int index) {
        try {
            return LocalDate.parse(parts.get(index));
        } catch (DateTimeParseException e) {
            throw invalid();
        }
    }

    public UUID uuid(int index) {
        try {
            String text = parts.get(index);
            if (text.length() != 36) {
                throw invalid();
            }
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
    }

    public long number(int index) {
        try {
            return Long.parseLong(parts.get(index));
        } catch (NumberFormatException e) {
            throw invalid();
        }
    }

    public BigDecimal decimal(int index) {
        try {
            return new BigDecimal(parts.get(index));
        } catch (NumberFormatException e) {
            throw invalid();
        }
    }

    public double real(int index) {
        double value = decimal(index).doubleValue();
        if (!Double.isFinite(value)) {
            throw invalid();
        }
        return value;
    }

    public boolean flag(int index) {
        return switch (parts.get(index)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw invalid();
        };
    }

    private static ProblemException invalid() {
        return ProblemException.invalidField("cursor", NOT_A_CURSOR);
    }
}
