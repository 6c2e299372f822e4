package org.yizhan.kit.figures;

import org.junit.jupiter.api.Test;
import org.yizhan.kit.problem.ProblemException;

import java.time.Instant;
import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class FiguresPeriodTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 1);

    @Test
    void aYearOrARangeOrThisYear() {
        assertEquals(new FiguresPeriod(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31)),
                FiguresPeriod.of(2025, null, null, TODAY));
        assertEquals(new FiguresPeriod(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31)),
                FiguresPeriod.of(null, null, null, TODAY));
        FiguresPeriod range = FiguresPeriod.of(null, LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31), TODAY);
        assertEquals(Instant.parse("2026-02-28T16:00:00Z"), range.start());
        assertEquals(Instant.parse("2026-03-31T16:00:00Z"), range.end());
    }

    @Test
    void badCombinationsNameTheParameter() {
        assertField("year", () -> FiguresPeriod.of(2026, LocalDate.of(2026, 1, 1), null, TODAY));
        assertField("to", () -> FiguresPeriod.of(null, LocalDate.of(2026, 1, 1), null, TODAY));
        assertField("from", () -> FiguresPeriod.of(null, null, LocalDate.of(2026, 1, 1), TODAY));
        assertField("to", () -> FiguresPeriod.of(null, LocalDate.of(2026, 2, 1), LocalDate.of(2026, 1, 1), TODAY));
        assertField("from", () -> FiguresPeriod.of(null, LocalDate.of(1999, 2, 1), LocalDate.of(2001, 1, 1), TODAY));
        assertField("to", () -> FiguresPeriod.of(null, LocalDate.of(2010, 1, 1), LocalDate.of(2021, 1, 1), TODAY));
    }

    private static void assertField(String field, Runnable call) {
        ProblemException e = assertThrows(ProblemException.class, call::run);
        assertEquals(field, e.errors().get(0).field());
    }
}
