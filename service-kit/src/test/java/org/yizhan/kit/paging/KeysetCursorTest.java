package org.yizhan.kit.paging;

import org.junit.jupiter.api.Test;
import org.yizhan.kit.problem.ProblemException;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KeysetCursorTest {

    @Test
    void everyKindOfPartRoundTrips() {
        UUID id = UUID.randomUUID();
        Instant at = Instant.parse("2026-12-01T08:00:00.123456Z");
        String text = KeysetCursor.of("ranking", true, new BigDecimal("87.50"), 1234.5, 42L, at, "a|b,c", id).encode();
        KeysetCursor back = KeysetCursor.decode("ranking", text, 7);
        assertTrue(back.flag(0));
        assertEquals(new BigDecimal("87.50"), back.decimal(1));
        assertEquals(1234.5, back.real(2));
        assertEquals(42L, back.number(3));
        assertEquals(at, back.instant(4));
        assertEquals("a|b,c", back.text(5));
        assertEquals(id, back.uuid(6));
        assertFalse(text.contains("="), "URL-safe without padding");
    }

    @Test
    void blankMeansTheFirstPage() {
        assertNull(KeysetCursor.decode("ranking", null, 2));
        assertNull(KeysetCursor.decode("ranking", "  ", 2));
        assertNull(Cursor.decode(""));
    }

    @Test
    void aCursorOfAnotherListOrShapeIsA400OnCursor() {
        String ranking = KeysetCursor.of("ranking", BigDecimal.ONE, UUID.randomUUID()).encode();
        for (String bad : List.of(ranking + "x", "%%%", "bm90IGEgY3Vyc29y",
                Base64.getUrlEncoder().encodeToString("ranking\u001fx\u001fy".getBytes(StandardCharsets.UTF_8)))) {
            ProblemException e = assertThrows(ProblemException.class, () -> {
                KeysetCursor cursor = KeysetCursor.decode("ranking", bad, 2);
                cursor.decimal(0);
                cursor.uuid(1);
            }, bad);
            assertEquals("cursor", e.errors().get(0).field());
        }
        assertThrows(ProblemException.class, () -> KeysetCursor.decode("complaints", ranking, 2));
        assertThrows(ProblemException.class, () -> KeysetCursor.decode("ranking", ranking, 3));
        KeysetCursor wrongTypes = KeysetCursor.decode("ranking", ranking, 2);
        assertThrows(ProblemException.class, () -> wrongTypes.instant(0));
        assertThrows(ProblemException.class, () -> wrongTypes.uuid(0));
        assertThrows(ProblemException.class, () -> wrongTypes.flag(1));
        assertThrows(ProblemException.class, () -> wrongTypes.number(1));
        assertThrows(ProblemException.class, () -> KeysetCursor.decode("r", KeysetCursor.of("r", "NaN").encode(), 1)
                .real(0));
    }

    @Test
    void theTimeAndIdCursorRoundTrips() {
        Cursor cursor = new Cursor(Instant.parse("2026-01-02T03:04:05.000006Z"), UUID.randomUUID());
        assertEquals(cursor, Cursor.decode(cursor.encode()));
        assertEquals(cursor.encode(), cursor.keyset().encode(), "the same text through Keyset.page");
    }

    @Test
    void aDateRoundTripsAndAnythingElseIsA400() {
        KeysetCursor back = KeysetCursor.decode("inspections",
                KeysetCursor.of("inspections", LocalDate.of(2026, 2, 28), UUID.randomUUID()).encode(), 2);
        assertEquals(LocalDate.of(2026, 2, 28), back.date(0));
        assertThrows(ProblemException.class, () -> back.date(1));
    }
}
