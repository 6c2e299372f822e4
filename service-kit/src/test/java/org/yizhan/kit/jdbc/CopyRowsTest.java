package org.yizhan.kit.jdbc;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CopyRowsTest {

    @Test
    void escapesTextAndWritesNulls() {
        CopyRows rows = new CopyRows(64)
                .text("a\tb\\c\nd\re").text(null).plain(42).plain(null).endRow()
                .plain(UUID.fromString("00000000-0000-0000-0000-000000000001")).text("只").endRow();
        assertEquals("a\\tb\\\\c\\nd\\re\t\\N\t42\t\\N\n00000000-0000-0000-0000-000000000001\t只\n", rows.toString());
        assertEquals(2, rows.rows());
    }

    @Test
    void quotesArrayElements() {
        assertEquals("{\"a,b\",\"say \\\\\"hi\\\\\"\",\"x\\\\\\\\y\",NULL}\n",
                new CopyRows(16).textArray(new String[] {"a,b", "say \"hi\"", "x\\y", null}).endRow().toString());
        assertEquals("{}\t\\N\n", new CopyRows(16).textArray(new String[0]).textArray(null).endRow().toString());
    }

    @Test
    void writesTimesInUtcToTheMicrosecond() {
        assertEquals("2026-03-01 08:05:09.000000+00\t2026-03-01 08:05:09.123457+00\t2026-03-01 08:05:09.123456+00\n",
                new CopyRows(16).time(Instant.parse("2026-03-01T08:05:09Z"))
                        .time(Instant.parse("2026-03-01T08:05:09.123456500Z"))
                        .time(Instant.parse("2026-03-01T08:05:09.123456499Z")).endRow().toString());
        assertEquals("0001-12-31 23:59:59.999999+00 BC\n",
                new CopyRows(16).time(Instant.parse("0000-12-31T23:59:59.999999Z")).endRow().toString());
    }
}
