package org.yizhan.kit.paging;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class KeysetTest {

    @Test
    void oneRowMoreThanTheLimitMeansAnotherPageAfterTheLastKept() {
        Page<Integer> page = Keyset.page(List.of(1, 2, 3, 4), 3, n -> KeysetCursor.of("n", n));
        assertEquals(List.of(1, 2, 3), page.items());
        assertEquals(3, KeysetCursor.decode("n", page.nextCursor(), 1).number(0));
        assertEquals(4, Keyset.fetchSize(3));
    }

    @Test
    void noMoreRowsMeansTheLastPage() {
        assertNull(Keyset.page(List.of(1, 2, 3), 3, n -> KeysetCursor.of("n", n)).nextCursor());
        assertNull(Keyset.page(List.<Integer>of(), 3, n -> KeysetCursor.of("n", n)).nextCursor());
    }

    @Test
    void aPageMapsItsItemsAndKeepsItsCursor() {
        Page<String> page = Keyset.page(List.of(1, 2), 1, n -> KeysetCursor.of("n", n)).map(n -> "#" + n);
        assertEquals(List.of("#1"), page.items());
        assertEquals(1, KeysetCursor.decode("n", page.nextCursor(), 1).number(0));
    }
}
