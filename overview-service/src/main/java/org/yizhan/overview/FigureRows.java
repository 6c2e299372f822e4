package org.yizhan.overview;

import org.yizhan.kit.figures.CsvTable;

import java.util.List;
import java.util.Map;

/**
 * The dashboard as one table (part, figure, value): every number of an OK part, named by its path
 * in the part's answer; a row in a list is named by its {@code key} or {@code name} when it has
 * one, else by its position. A missing part is one row, figure {@code status}.
 */
final class FigureRows {

    static final List<String> COLUMNS = List.of("part", "figure", "value");

    private FigureRows() {
    }

    static CsvTable table(Map<String, Part> parts) {
        CsvTable table = new CsvTable(COLUMNS);
        parts.forEach((name, part) -> {
            table.row(name, "status", part.status().name());
            if (part.isOk()) {
                add(table, name, "", part.data());
            }
        });
        return table;
    }

    private static void add(CsvTable table, String part, String path, Object node) {
        if (node instanceof Number number) {
            table.row(part, path, number);
        } else if (node instanceof Map<?, ?> object) {
            object.forEach((key, value) -> add(table, part, path.isEmpty() ? key.toString() : path + "." + key, value));
        } else if (node instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                add(table, part, path + "[" + label(list.get(i), i) + "]", list.get(i));
            }
        }
    }

    private static String label(Object item, int index) {
        if (item instanceof Map<?, ?> object) {
            for (String name : List.of("key", "name")) {
                Object value = object.get(name);
                if ((value instanceof String || value instanceof Number) && !value.toString().isBlank()) {
                    return value.toString();
                }
            }
        }
        return Integer.toString(index);
    }
}
