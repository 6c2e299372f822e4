package org.yizhan.kit.jdbc;

import org.postgresql.PGConnection;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Rows for PostgreSQL's {@code COPY ... FROM STDIN} in its text format, written with the driver's
 * copy API: the same rows as a batch of inserts, without a statement to parse and plan per chunk
 * of rows. Values are written as the driver would bind them (times in UTC, rounded to the
 * microsecond); null is {@code \N}.
 */
public final class CopyRows {

    private final StringBuilder out;
    private boolean first = true;
    private int rows;

    public CopyRows(int expectedBytes) {
        this.out = new StringBuilder(expectedBytes);
    }

    /** A text value, escaped. */
    public CopyRows text(String value) {
        separate();
        if (value == null) {
            out.append("\\N");
        } else {
            escape(value, out);
        }
        return this;
    }

    /** A value whose string form needs no escaping: a number, a UUID, an enum constant. */
    public CopyRows plain(Object value) {
        separate();
        out.append(value == null ? "\\N" : value.toString());
        return this;
    }

    /** A timestamptz. */
    public CopyRows time(Instant value) {
        separate();
        if (value == null) {
            out.append("\\N");
        } else {
            time(value, out);
        }
        return this;
    }

    /** A text[] value, every element quoted. */
    public CopyRows textArray(String[] values) {
        if (values == null) {
            return plain(null);
        }
        StringBuilder literal = new StringBuilder(2 + values.length * 16).append('{');
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                literal.append(',');
            }
            if (values[i] == null) {
                literal.append("NULL");
                continue;
            }
            literal.append('"');
            for (int j = 0; j < values[i].length(); j++) {
                char ch = values[i].charAt(j);
                if (ch == '"' || ch == '\\') {
                    literal.append('\\');
                }
                literal.append(ch);
            }
            literal.append('"');
        }
        return text(literal.append('}').toString());
    }

    /** Ends the current row. */
    public CopyRows endRow() {
        out.append('\n');
        first = true;
        rows++;
        return this;
    }

    public int rows() {
        return rows;
    }

    /** The rows as sent, for tests. */
    @Override
    public String toString() {
        return out.toString();
    }

    /**
     * Runs {@code copy} (a {@code COPY ... FROM STDIN} in text format) with these rows; nothing if
     * there are none.
     *
     * @return the number of rows copied
     */
    public long copyIn(Connection connection, String copy) throws SQLException {
        if (rows == 0) {
            return 0;
        }
        byte[] bytes = out.toString().getBytes(StandardCharsets.UTF_8);
        try {
            return connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn(copy, new ByteArrayInputStream(bytes), bytes.length);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void separate() {
        if (!first) {
            out.append('\t');
        }
        first = false;
    }

    private static void escape(String value, StringBuilder out) {
        int i = 0;
        int n = value.length();
        while (i < n && !special(value.charAt(i))) {
            i++;
        }
        if (i == n) {
            out.append(value);
            return;
        }
        out.append(value, 0, i);
        for (; i < n; i++) {
            char ch = value.charAt(i);
            switch (ch) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(ch);
            }
        }
    }

    private static boolean special(char ch) {
        return ch == '\\' || ch == '\t' || ch == '\n' || ch == '\r';
    }

    /** As the driver writes a bound time: UTC, half a microsecond rounded up, years before 1 as BC. */
    private static void time(Instant t, StringBuilder out) {
        Instant rounded = t.getNano() % 1_000 >= 500 ? t.plusNanos(1_000) : t;
        LocalDateTime u = LocalDateTime.ofInstant(rounded, ZoneOffset.UTC);
        int year = u.getYear();
        pad(out, year < 1 ? 1 - year : year, 4).append('-');
        pad(out, u.getMonthValue(), 2).append('-');
        pad(out, u.getDayOfMonth(), 2).append(' ');
        pad(out, u.getHour(), 2).append(':');
        pad(out, u.getMinute(), 2).append(':');
        pad(out, u.getSecond(), 2).append('.');
        pad(out, u.getNano() / 1_000, 6).append("+00");
        if (year < 1) {
            out.append(" BC");
        }
    }

    private static StringBuilder pad(StringBuilder out, int value, int width) {
        String digits = Integer.toString(value);
        for (int i = digits.length(); i < width; i++) {
            out.append('0');
        }
        return out.append(digits);
    }
}
