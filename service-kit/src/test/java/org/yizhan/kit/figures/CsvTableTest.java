package org.yizhan.kit.figures;

import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CsvTableTest {

    private static String text(byte[] bytes) {
        assertArrayEquals(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, Arrays.copyOf(bytes, 3));
        return new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
    }

    @Test
    void writesAHeaderAndOneLinePerRowAfterAByteOrderMark() {
        CsvTable table = new CsvTable(List.of("site", "site_name", "booked"))
                .row("s-1", "黄村驿站", 12)
                .row("s-2", null, 0L);
        assertEquals(2, table.size());
        assertEquals("site,site_name,booked\ns-1,黄村驿站,12\ns-2,,0\n", text(table.bytes()));
    }

    @Test
    void quotesWhatNeedsQuotingAndDisarmsFormulas() {
        CsvTable table = new CsvTable(List.of("name", "count"))
                .row("a,b \"c\"", -3)
                .row("=HYPERLINK(\"http://x\")", 1)
                .row("+86 138", 2)
                .row("@sum", 3);
        assertEquals("name,count\n\"a,b \"\"c\"\"\",-3\n\"'=HYPERLINK(\"\"http://x\"\")\",1\n'+86 138,2\n'@sum,3\n",
                text(table.bytes()));
    }

    @Test
    void aRowMustHaveOneCellPerColumn() {
        CsvTable table = new CsvTable(List.of("a", "b"));
        assertThrows(IllegalArgumentException.class, () -> table.row("only one"));
        assertThrows(IllegalArgumentException.class, () -> new CsvTable(List.of()));
    }

    @Test
    void aDownloadNamesItsFile() {
        try (Response response = new CsvTable(List.of("total")).row(5).download("figures-2026.csv")) {
            assertEquals(200, response.getStatus());
            assertEquals("attachment; filename=\"figures-2026.csv\"", response.getHeaderString("Content-Disposition"));
            assertEquals("total\n5\n", text((byte[]) response.getEntity()));
        }
        CsvTable table = new CsvTable(List.of("x"));
        assertThrows(IllegalArgumentException.class, () -> table.download("a\"b.csv"));
    }
}
