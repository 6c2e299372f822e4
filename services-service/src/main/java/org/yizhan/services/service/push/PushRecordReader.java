package org.yizhan.services.service.push;

import com.fasterxml.jackson.databind.JsonNode;
import org.yizhan.kit.problem.Problem;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Reads one record of a JSON batch field by field, so that a wrongly typed value rejects only its
 * record instead of the whole batch. Field paths are relative to the record ({@code startsAt},
 * {@code participants[3].id}); messages never repeat the value.
 */
public final class PushRecordReader {

    /** A record as far as it could be read, and what could not be read. */
    public record Read(PushRecord record, List<Problem.FieldError> errors) {
    }

    static final Set<String> FIELDS = Set.of("recordId", "type", "title", "description", "stationId", "startsAt",
            "endsAt", "organisers", "capacity", "occupations", "status", "cancelReason", "participants",
            "participantCount");
    private static final Set<String> PARTICIPANT_FIELDS = Set.of("id", "checkedInAt");

    static final String NOT_A_STRING = "须为字符串 / must be a string";
    static final String NOT_A_UUID = "须为 UUID / must be a UUID";
    static final String NOT_A_TIME = "须为带时区的 ISO-8601 时间，如 2026-12-12T14:00:00+08:00 / must be an ISO-8601 time "
            + "with an offset, e.g. 2026-12-12T14:00:00+08:00";
    static final String NOT_AN_INTEGER = "须为整数 / must be a whole number";

    private PushRecordReader() {
    }

    public static Read read(JsonNode node) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (node == null || !node.isObject()) {
            errors.add(new Problem.FieldError("", "须为 JSON 对象 / must be a JSON object"));
            return new Read(null, errors);
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                errors.add(new Problem.FieldError(name, "不认识的字段 / unknown field"));
            }
        }
        PushRecord record = new PushRecord(
                text(node, "recordId", errors),
                text(node, "type", errors),
                text(node, "title", errors),
                text(node, "description", errors),
                uuid(node, "stationId", errors),
                instant(node.get("startsAt"), "startsAt", errors),
                instant(node.get("endsAt"), "endsAt", errors),
                texts(node, "organisers", errors),
                integer(node, "capacity", errors),
                texts(node, "occupations", errors),
                text(node, "status", errors),
                text(node, "cancelReason", errors),
                participants(node, errors),
                integer(node, "participantCount", errors));
        return new Read(record, errors);
    }

    /**
     * An ISO-8601 time with an offset, as {@link OffsetDateTime#parse} reads it. The common form
     * ({@code 2026-11-21T14:00:00+08:00}, {@code 2026-11-21T06:00:00.5Z}) is read field by field, a
     * few times faster (a batch carries thousands of times); anything else, including invalid
     * dates, goes to the full parser and its errors.
     */
    static Instant parseInstant(String text) {
        Instant common = commonForm(text);
        return common != null ? common : OffsetDateTime.parse(text).toInstant();
    }

    /** {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}](Z|±HH:mm)}, or null for any other text or an invalid value. */
    static Instant commonForm(String s) {
        int n = s.length();
        if (n < 20 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T' || s.charAt(13) != ':'
                || s.charAt(16) != ':') {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        int hour = digits(s, 11, 2);
        int minute = digits(s, 14, 2);
        int second = digits(s, 17, 2);
        if ((year | month | day | hour | minute | second) < 0) {
            return null;
        }
        int i = 19;
        int nanos = 0;
        if (s.charAt(i) == '.') {
            int from = ++i;
            while (i < n && i - from < 9 && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                nanos = nanos * 10 + (s.charAt(i) - '0');
                i++;
            }
            if (i == from) {
                return null;
            }
            for (int k = i - from; k < 9; k++) {
                nanos *= 10;
            }
        }
        ZoneOffset offset;
        if (i == n - 1 && s.charAt(i) == 'Z') {
            offset = ZoneOffset.UTC;
        } else if (i == n - 6 && (s.charAt(i) == '+' || s.charAt(i) == '-') && s.charAt(i + 3) == ':') {
            int hours = digits(s, i + 1, 2);
            int minutes = digits(s, i + 4, 2);
            if ((hours | minutes) < 0) {
                return null;
            }
            int sign = s.charAt(i) == '-' ? -1 : 1;
            try {
                offset = ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
            } catch (DateTimeException e) {
                return null;
            }
        } else {
            return null;
        }
        try {
            return LocalDateTime.of(year, month, day, hour, minute, second, nanos).toInstant(offset);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** The number the {@code count} ASCII digits at {@code from} spell, or -1. */
    private static int digits(String s, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char ch = s.charAt(i);
            if (ch < '0' || ch > '9') {
                return -1;
            }
            value = value * 10 + (ch - '0');
        }
        return value;
    }

    private static String text(JsonNode node, String field, List<Problem.FieldError> errors) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            errors.add(new Problem.FieldError(field, NOT_A_STRING));
            return null;
        }
        return value.textValue();
    }

    private static UUID uuid(JsonNode node, String field, List<Problem.FieldError> errors) {
        String text = text(node, field, errors);
        if (text == null) {
            return null;
        }
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            errors.add(new Problem.FieldError(field, NOT_A_UUID));
            return null;
        }
    }

    private static Instant instant(JsonNode value, String field, List<Problem.FieldError> errors) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            errors.add(new Problem.FieldError(field, NOT_A_TIME));
            return null;
        }
        try {
            return parseInstant(value.textValue());
        } catch (DateTimeParseException e) {
            errors.add(new Problem.FieldError(field, NOT_A_TIME));
            return null;
        }
    }

    private static Integer integer(JsonNode node, String field, List<Problem.FieldError> errors) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            errors.add(new Problem.FieldError(field, NOT_AN_INTEGER));
            return null;
        }
        return value.intValue();
    }

    private static List<String> texts(JsonNode node, String field, List<Problem.FieldError> errors) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isArray()) {
            errors.add(new Problem.FieldError(field, "须为字符串数组 / must be an array of strings"));
            return null;
        }
        List<String> items = new ArrayList<>(value.size());
        for (int i = 0; i < value.size(); i++) {
            JsonNode item = value.get(i);
            if (!item.isTextual()) {
                errors.add(new Problem.FieldError(field + "[" + i + "]", NOT_A_STRING));
            } else {
                items.add(item.textValue());
            }
        }
        return items;
    }

    private static List<PushRecord.Participant> participants(JsonNode node, List<Problem.FieldError> errors) {
        JsonNode value = node.get("participants");
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isArray()) {
            errors.add(new Problem.FieldError("participants", "须为数组 / must be an array"));
            return null;
        }
        List<PushRecord.Participant> participants = new ArrayList<>(value.size());
        for (int i = 0; i < value.size(); i++) {
            JsonNode item = value.get(i);
            String path = "participants[" + i + "]";
            if (!item.isObject()) {
                errors.add(new Problem.FieldError(path, "须为 JSON 对象 / must be a JSON object"));
                participants.add(new PushRecord.Participant(null, null));
                continue;
            }
            for (Iterator<String> names = item.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!PARTICIPANT_FIELDS.contains(name)) {
                    errors.add(new Problem.FieldError(path + "." + name, "不认识的字段 / unknown field"));
                }
            }
            JsonNode id = item.get("id");
            String idText = null;
            if (id != null && !id.isNull()) {
                if (id.isTextual()) {
                    idText = id.textValue();
                } else {
                    errors.add(new Problem.FieldError(path + ".id", NOT_A_STRING));
                }
            }
            participants.add(new PushRecord.Participant(idText, instant(item.get("checkedInAt"), path + ".checkedInAt", errors)));
        }
        return participants;
    }
}
