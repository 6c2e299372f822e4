package org.yizhan.kit.csv;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A table handed out as a CSV file for spreadsheet users (figures, reports): a header row of
 * column names, then one line per row. The file is UTF-8 with a byte-order mark, so that
 * spreadsheet programs show Chinese; values are quoted only where CSV needs it. A text value that
 * a spreadsheet would take for a formula ({@code =}, {@code +}, {@code -}, {@code @}, a tab or a
 * carriage return first) gets a leading apostrophe, so that text typed by users never runs as a
 * formula; numbers are written as they are.
 *
 * <pre>{@code
 * CsvTable table = new CsvTable(List.of("district", "cases"));
 * table.add(Map.of("district", "大兴区", "cases", 12));
 * byte[] file = table.toBytes();
 * }</pre>
 */
public final class CsvTable {

    /** The media type of the file, for {@code @Produces} and {@code Content-Type}. */
    public static final String MEDIA_TYPE = "text/csv";

    private static final CsvMapper CSV = CsvMapper.builder().enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING).build();
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private final List<String> columns;
    private final List<Map<String, Object>> rows = new ArrayList<>();

    /** A table with these columns, in this order. */
    public CsvTable(List<String> columns) {
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("a table needs at least one column");
        }
        this.columns = List.copyOf(columns);
    }

    /** Adds a row: a value per column name; a column the row does not name stays empty. */
    public CsvTable add(Map<String, ?> row) {
        Map<String, Object> line = new LinkedHashMap<>();
        for (String column : columns) {
            line.put(column, safe(row.get(column)));
        }
        rows.add(line);
        return this;
    }

    /** The rows added so far. */
    public int size() {
        return rows.size();
    }

    /** The file: byte-order mark, header, rows. */
    public byte[] toBytes() {
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
        columns.forEach(schema::addColumn);
        try {
            byte[] utf8 = CSV.writer(schema.build()).writeValueAsString(rows).getBytes(StandardCharsets.UTF_8);
            byte[] withBom = new byte[utf8.length + BOM.length];
            System.arraycopy(BOM, 0, withBom, 0, BOM.length);
            System.arraycopy(utf8, 0, withBom, BOM.length, utf8.length);
            return withBom;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the table as CSV", e);
        }
    }

    private static Object safe(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof CharSequence text && !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            return "'" + text;
        }
        return value;
    }
}
