package org.yizhan.services.service.push;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import org.yizhan.kit.problem.Problem;
import org.yizhan.kit.problem.ProblemException;
import org.yizhan.kit.problem.ProblemType;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * A sign-in sheet: a CSV file (UTF-8, with or without BOM) in which every row names one
 * participant of a held activity, or carries its participant count. Rows that share a
 * {@code record_id} form one COMPLETED record. Errors name the line of the sheet and the column.
 */
public final class SignInSheet {

    /** The columns, in the order of the template; the header may list them in any order. */
    public static final List<String> COLUMNS = List.of("record_id", "type", "title", "station_id", "starts_at",
            "ends_at", "organisers", "participant_id", "checked_in_at", "participant_count");
    private static final List<String> REQUIRED = List.of("record_id", "type", "title", "station_id", "starts_at",
            "ends_at");
    /** Columns that describe the record: every row of a record repeats them or leaves them empty. */
    private static final List<String> RECORD_COLUMNS = List.of("type", "title", "station_id", "starts_at", "ends_at",
            "organisers");
    /** Most rows in one sheet (a thousand records of up to a few hundred names each). */
    public static final int MAX_ROWS = 200_000;
    /** The largest sheet taken, in bytes. */
    public static final int MAX_BYTES = 10_000_000;

    private static final CsvMapper CSV = new CsvMapper();
    private static final Map<String, String> COLUMN_OF_FIELD = Map.of("recordId", "record_id", "type", "type",
            "title", "title", "stationId", "station_id", "startsAt", "starts_at", "endsAt", "ends_at",
            "organisers", "organisers", "participantCount", "participant_count", "participants", "participant_id");

    private SignInSheet() {
    }

    /** One row: its line in the file and its values by column. */
    private record Row(long line, Map<String, String> values) {
        String get(String column) {
            String v = values.get(column);
            return v == null || v.isBlank() ? null : v.strip();
        }
    }

    /**
     * Reads the sheet into records, in the order their record ids first appear.
     *
     * @throws ProblemException 400 if the file is not UTF-8 CSV with the expected header, or holds
     *                          no rows or more than {@link PartnerPush#MAX_RECORDS} records
     */
    public static List<PushInput> read(byte[] body) {
        String text = decode(body);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<Row> rows = new ArrayList<>();
        List<String> header = null;
        try (JsonParser p = CSV.getFactory().createParser(text)) {
            ((CsvParser) p).enable(CsvParser.Feature.WRAP_AS_ARRAY);
            List<String> values = null;
            long line = -1;
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (t == JsonToken.START_ARRAY) {
                    values = new ArrayList<>();
                    line = -1;
                } else if (t == JsonToken.END_ARRAY) {
                    // The parser wraps the whole sheet in an outer array too; only rows carry values.
                    List<String> ended = values;
                    values = null;
                    if (ended == null || ended.stream().allMatch(String::isBlank)) {
                        continue;
                    }
                    values = ended;
                    if (header == null) {
                        header = header(values);
                    } else {
                        rows.add(row(header, values, line));
                        if (rows.size() > MAX_ROWS) {
                            throw tooLarge("最多 " + MAX_ROWS + " 行 / at most " + MAX_ROWS + " rows");
                        }
                    }
                    values = null;
                } else {
                    if (line < 0) {
                        line = p.currentTokenLocation().getLineNr();
                    }
                    values.add(p.getText());
                }
            }
        } catch (JsonProcessingException e) {
            long line = e.getLocation() == null ? -1 : e.getLocation().getLineNr();
            throw new ProblemException(ProblemType.VALIDATION, "CSV 格式错误（第 " + line + " 行附近）",
                    "The CSV is malformed (near line " + line + ")",
                    List.of(new Problem.FieldError("line " + line, "CSV 语法错误，如引号未闭合 / CSV syntax error, "
                            + "e.g. an unclosed quote")));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read an in-memory sheet", e);
        }
        if (header == null || rows.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION, "签到表没有数据行", "The sheet has no data rows",
                    List.of(new Problem.FieldError("body", "须有表头行和至少一行数据 / needs a header row and at least one row")));
        }
        return records(rows);
    }

    private static String decode(byte[] body) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw new ProblemException(ProblemType.VALIDATION, "签到表须为 UTF-8 编码", "The sheet must be UTF-8 encoded",
                    List.of(new Problem.FieldError("body", "须为 UTF-8（可带 BOM）；从 Excel 请另存为“CSV UTF-8” / must be UTF-8 "
                            + "(a BOM is fine); in Excel save as \"CSV UTF-8\"")));
        }
    }

    private static List<String> header(List<String> values) {
        List<String> header = values.stream().map(v -> v.strip().toLowerCase()).toList();
        List<Problem.FieldError> errors = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            if (!COLUMNS.contains(header.get(i))) {
                errors.add(new Problem.FieldError("line 1: column " + (i + 1), "不认识的列，可用的列：" + COLUMNS
                        + " / unknown column; the columns are " + COLUMNS));
            } else if (header.indexOf(header.get(i)) != i) {
                errors.add(new Problem.FieldError("line 1: " + header.get(i), "列重复 / repeated column"));
            }
        }
        for (String column : REQUIRED) {
            if (!header.contains(column)) {
                errors.add(new Problem.FieldError("line 1: " + column, "缺少此列 / missing column"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION, "签到表表头不正确", "The sheet's header row is not right",
                    errors);
        }
        return header;
    }

    private static Row row(List<String> header, List<String> values, long line) {
        Map<String, String> byColumn = new HashMap<>();
        for (int i = 0; i < Math.min(header.size(), values.size()); i++) {
            byColumn.put(header.get(i), values.get(i));
        }
        if (values.size() > header.size()) {
            // Marks the row; reported with its record.
            byColumn.put("", String.valueOf(values.size()));
        }
        return new Row(line, byColumn);
    }

    /** Groups the rows by record id and reads each group into one record. */
    private static List<PushInput> records(List<Row> rows) {
        Map<String, List<Row>> groups = new LinkedHashMap<>();
        List<List<Row>> orphans = new ArrayList<>();
        for (Row row : rows) {
            String id = row.get("record_id");
            if (id == null) {
                orphans.add(List.of(row));
            } else {
                groups.computeIfAbsent(id, k -> new ArrayList<>()).add(row);
            }
        }
        if (groups.size() + orphans.size() > PartnerPush.MAX_RECORDS) {
            throw tooLarge("最多 " + PartnerPush.MAX_RECORDS + " 条记录 / at most " + PartnerPush.MAX_RECORDS + " records");
        }
        List<List<Row>> ordered = new ArrayList<>(groups.values());
        ordered.addAll(orphans);
        ordered.sort((a, b) -> Long.compare(a.get(0).line(), b.get(0).line()));
        List<PushInput> inputs = new ArrayList<>(ordered.size());
        for (List<Row> group : ordered) {
            inputs.add(record(group));
        }
        return inputs;
    }

    private static PushInput record(List<Row> group) {
        Row first = group.get(0);
        List<Problem.FieldError> errors = new ArrayList<>();
        Map<String, Long> from = new HashMap<>();
        Map<String, String> record = recordColumns(group, from, errors);
        UUID stationId = null;
        if (record.get("station_id") != null) {
            try {
                stationId = UUID.fromString(record.get("station_id"));
            } catch (IllegalArgumentException e) {
                errors.add(at(from.get("station_id"), "station_id", PushRecordReader.NOT_A_UUID));
            }
        }
        Instant startsAt = time(record.get("starts_at"), from.get("starts_at"), "starts_at", errors);
        Instant endsAt = time(record.get("ends_at"), from.get("ends_at"), "ends_at", errors);
        List<String> organisers = record.get("organisers") == null ? null
                : Arrays.stream(record.get("organisers").split("\\|")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        People people = people(group, errors);
        PushRecord pushed = new PushRecord(first.get("record_id"), record.get("type"), record.get("title"), null,
                stationId, startsAt, endsAt, organisers, null, null, "COMPLETED", null, people.participants(),
                people.count());
        return new PushInput(pushed, errors, unreadable(errors), (int) first.line(),
                fieldNames(first.line(), people, from));
    }

    /**
     * The record columns of a group: each from the first row that fills it ({@code from} keeps
     * that row's line); other rows must repeat the value or leave it empty.
     */
    private static Map<String, String> recordColumns(List<Row> group, Map<String, Long> from,
                                                     List<Problem.FieldError> errors) {
        Map<String, String> record = new HashMap<>();
        for (Row row : group) {
            if (row.values().containsKey("")) {
                errors.add(at(row.line(), "", "比表头多出列 / more values than header columns"));
            }
        }
        for (Row row : group) {
            for (String column : RECORD_COLUMNS) {
                String value = row.get(column);
                if (value == null) {
                    continue;
                }
                String earlier = record.putIfAbsent(column, value);
                if (earlier == null) {
                    from.put(column, row.line());
                } else if (!earlier.equals(value)) {
                    errors.add(at(row.line(), column, "与第 " + from.get(column) + " 行不一致 / differs from line "
                            + from.get(column)));
                }
            }
        }
        return record;
    }

    /** Who took part, as the rows of a group name them: one row per participant, or one with the count. */
    private record People(List<PushRecord.Participant> participants, List<Long> participantLines, Integer count,
                          Long countLine) {
    }

    private static People people(List<Row> group, List<Problem.FieldError> errors) {
        List<PushRecord.Participant> participants = null;
        List<Long> participantLines = new ArrayList<>();
        Integer count = null;
        Long countLine = null;
        for (Row row : group) {
            String participant = row.get("participant_id");
            String checkedIn = row.get("checked_in_at");
            String countText = row.get("participant_count");
            if (participant != null) {
                if (participants == null) {
                    participants = new ArrayList<>();
                }
                participants.add(new PushRecord.Participant(participant,
                        time(checkedIn, row.line(), "checked_in_at", errors)));
                participantLines.add(row.line());
            } else if (checkedIn != null) {
                errors.add(at(row.line(), "checked_in_at", "没有 participant_id 的签到时间 / a check-in time without "
                        + "participant_id"));
            }
            if (countText != null && countLine != null) {
                errors.add(at(row.line(), "participant_count", "人数已在第 " + countLine + " 行给出 / the count is "
                        + "given on line " + countLine + " already"));
            } else if (countText != null) {
                countLine = row.line();
                try {
                    count = Integer.valueOf(countText);
                } catch (NumberFormatException e) {
                    errors.add(at(row.line(), "participant_count", PushRecordReader.NOT_AN_INTEGER));
                }
            }
        }
        return new People(participants, participantLines, count, countLine);
    }

    /** The record fields whose columns could not be read (the rules do not report them again). */
    private static Set<String> unreadable(List<Problem.FieldError> errors) {
        Set<String> unreadable = new HashSet<>();
        for (Problem.FieldError e : errors) {
            String column = e.field().substring(e.field().indexOf(": ") + 2);
            COLUMN_OF_FIELD.entrySet().stream().filter(f -> f.getValue().equals(column)).forEach(f -> unreadable.add(f.getKey()));
        }
        return unreadable;
    }

    /** How a field of the record is named in the answer: the line and column it came from. */
    private static UnaryOperator<String> fieldNames(long firstLine, People people, Map<String, Long> from) {
        return field -> {
            if (field.startsWith("line ")) {
                return field;
            }
            if (field.startsWith("participants[")) {
                int end = field.indexOf(']');
                int index = Integer.parseInt(field.substring("participants[".length(), end));
                long line = index < people.participantLines().size() ? people.participantLines().get(index) : firstLine;
                return "line " + line + ": " + (field.endsWith("checkedInAt") ? "checked_in_at" : "participant_id");
            }
            String base = field.contains("[") ? field.substring(0, field.indexOf('[')) : field;
            String column = COLUMN_OF_FIELD.getOrDefault(base, base);
            Long line = "participantCount".equals(base) && people.countLine() != null ? people.countLine()
                    : from.getOrDefault(column, firstLine);
            return "line " + line + ": " + column;
        };
    }

    private static Instant time(String text, Long line, String column, List<Problem.FieldError> errors) {
        if (text == null) {
            return null;
        }
        try {
            return PushRecordReader.parseInstant(text);
        } catch (DateTimeParseException e) {
            errors.add(at(line, column, PushRecordReader.NOT_A_TIME));
            return null;
        }
    }

    private static Problem.FieldError at(Long line, String column, String message) {
        return new Problem.FieldError("line " + line + (column.isEmpty() ? "" : ": " + column), message);
    }

    private static ProblemException tooLarge(String message) {
        return new ProblemException(ProblemType.VALIDATION, "签到表过大", "The sheet is too large",
                List.of(new Problem.FieldError("body", message)));
    }
}
