package org.yizhan.kit.paging;

import java.util.List;
import java.util.function.Function;

/**
 * Keyset paging in one place: a query fetches {@link #fetchSize(int) limit + 1} rows after the
 * cursor's key, and {@link #page} keeps {@code limit} of them and, when there was one more, hands
 * out the cursor of the last row kept.
 */
public final class Keyset {

    private Keyset() {
    }

    /** How many rows to fetch for a page of {@code limit}: one more, to tell whether another page follows. */
    public static int fetchSize(int limit) {
        return limit + 1;
    }

    /** The page made of the first {@code limit} of {@code rows} (fetched with {@link #fetchSize}). */
    public static <T> Page<T> page(List<T> rows, int limit, Function<T, KeysetCursor> cursorOf) {
        if (rows.size() <= limit) {
            return new Page<>(List.copyOf(rows), null);
        }
        List<T> items = List.copyOf(rows.subList(0, limit));
        return new Page<>(items, cursorOf.apply(items.get(limit - 1)).encode());
    }
}
