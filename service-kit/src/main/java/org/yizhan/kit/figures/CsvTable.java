package org.yizhan.kit.figures;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import jakarta.ws.rs.core.Response;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A table of figures as a CSV file for reports: a header row, then one row per line, UTF-8 with a
 * byte-order mark so that spreadsheet programs show Chinese. Text that a spreadsheet would take
 * for a formula ({@code =}, {@code +}, {@code -}, {@code @} first) is written with a leading
 * apostrophe, so that a name typed into the system cannot run in the reader's spreadsheet.
 *
 * <pre>{@code
 * CsvTable table = new CsvTable(List.of("site", "site_name", "booked"));
 * rows.forEach(r -> table.row(r.siteId(), r.siteName(), r.booked()));
 * return table.download("checkup-figures-2026.csv");
 * }</pre>
 */
public final class CsvTable {

    /** The media type of the answers {@link #download} builds. */
    public static final String MEDIA_TYPE = "text/csv";

    private static final CsvMapper CSV = CsvMapper.builder().enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING).build();
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private final List<String> columns;
    private final List<List<Object>> rows = new ArrayList<>();

    /** A table with these column names, in order. */
    public CsvTable(List<String> columns) {
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("a table needs at least one column");
        }
        this.columns = List.copyOf(columns);
    }

    /** Adds a row: one cell per column, numbers as numbers, null as an empty cell. */
    public CsvTable row(List<?> cells) {
        if (cells.size() != columns.size()) {
            throw new IllegalArgumentException("a row has " + cells.size() + " cells, the table " + columns.size()
                    + " columns");
        }
        List<Object> row = new ArrayList<>(cells.size());
        for (Object cell : cells) {
            row.add(cell == null ? "" : cell instanceof Number ? cell : safeText(String.valueOf(cell)));
        }
        rows.add(row);
        return this;
    }

    /** Adds a row from its cells. */
    public CsvTable row(Object... cells) {
        return row(java.util.Arrays.asList(cells));
    }

    /** The rows added so far, without the header. */
    public int size() {
        return rows.size();
    }

    /** The file: byte-order mark, header, rows. */
    public byte[] bytes() {
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

    /** A 200 answer that hands the table over as the file {@code fileName} (letters, digits, {@code . _ -}). */
    public Response download(String fileName) {
        if (!fileName.matches("[A-Za-z0-9._-]{1,100}")) {
            throw new IllegalArgumentException("not a plain file name");
        }
        return Response.ok(bytes(), MEDIA_TYPE + "; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + fileName + "\"").build();
    }

    private static String safeText(String text) {
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            return "'" + text;
        }
        return text;
    }
}
