package org.yizhan.kit.csv;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CsvTableTest {

    @Test
    void writesAByteOrderMarkTheHeaderAndTheRowsInColumnOrder() {
        CsvTable table = new CsvTable(List.of("district", "figure", "value"));
        table.add(Map.of("value", 12, "district", "大兴区", "figure", "cases"));
        Map<String, Object> partial = new HashMap<>();
        partial.put("figure", "workers, distinct");
        partial.put("district", null);
        table.add(partial);
        byte[] file = table.toBytes();
        assertArrayEquals(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, Arrays.copyOf(file, 3));
        String text = new String(file, 3, file.length - 3, StandardCharsets.UTF_8);
        assertEquals("district,figure,value\n大兴区,cases,12\n,\"workers, distinct\",\n", text);
        assertEquals(2, table.size());
    }

    @Test
    void textThatASpreadsheetWouldRunAsAFormulaIsWrittenAsText() {
        CsvTable table = new CsvTable(List.of("name", "amount"));
        table.add(Map.of("name", "=HYPERLINK(\"http://x\")", "amount", -5));
        table.add(Map.of("name", "+86", "amount", 0));
        table.add(Map.of("name", "@SUM(A1)", "amount", 1));
        table.add(Map.of("name", "-1", "amount", 2));
        String text = new String(table.toBytes(), StandardCharsets.UTF_8).substring(1);
        assertEquals("name,amount\n\"'=HYPERLINK(\"\"http://x\"\")\",-5\n'+86,0\n'@SUM(A1),1\n'-1,2\n", text);
    }

    @Test
    void aTableNeedsAColumn() {
        assertThrows(IllegalArgumentException.class, () -> new CsvTable(List.of()));
    }
}
