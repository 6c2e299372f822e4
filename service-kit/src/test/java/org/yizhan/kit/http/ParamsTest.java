package org.yizhan.kit.http;

import org.junit.jupiter.api.Test;
import org.yizhan.kit.problem.Problem;
import org.yizhan.kit.problem.ProblemException;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ParamsTest {

    @Test
    void goodValuesAreConverted() {
        Params p = new Params();
        UUID id = UUID.randomUUID();
        assertEquals(DayOfWeek.MONDAY, p.enumValue(DayOfWeek.class, "day", " MONDAY "));
        assertEquals(EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.FRIDAY, DayOfWeek.SUNDAY),
                p.enumList(DayOfWeek.class, "days", List.of("MONDAY,FRIDAY", "SUNDAY", "MONDAY,")));
        assertEquals(Instant.parse("2026-12-01T00:00:00Z"), p.instant("at", "2026-12-01T08:00:00+08:00"));
        assertEquals(LocalDate.parse("2026-12-01"), p.date("on", "2026-12-01"));
        assertEquals(id, p.uuid("id", id.toString()));
        assertEquals(5, p.integer("limit", "5", 1, 100, 20));
        assertEquals(39.5, p.number("lat", "39.5", -90, 90));
        assertEquals(List.of("a", "b"), p.textList("q", List.of("a, b"), 5, 10));
        assertEquals("x", p.text("q", " x ", 3));
        assertDoesNotThrow(p::throwIfAny);
    }

    @Test
    void absentAndBlankAreAbsent() {
        Params p = new Params();
        assertNull(p.enumValue(DayOfWeek.class, "day", " "));
        assertTrue(p.enumList(DayOfWeek.class, "days", null).isEmpty());
        assertTrue(p.enumList(DayOfWeek.class, "days", List.of("")).isEmpty());
        assertNull(p.instant("at", null));
        assertEquals(20, p.integer("limit", "", 1, 100, 20));
        assertDoesNotThrow(p::throwIfAny);
    }

    @Test
    void everyBadParameterIsListedInOneProblem() {
        Params p = new Params();
        p.enumValue(DayOfWeek.class, "day", "FUNDAY");
        p.enumList(DayOfWeek.class, "days", List.of(","));
        p.instant("at", "yesterday");
        p.date("on", "2026-13-01");
        p.uuid("id", "1-1-1-1-1");
        p.integer("limit", "1e3", 1, 100, 20);
        p.integer("page", "101", 1, 100, 20);
        p.number("lat", "NaN", -90, 90);
        p.number("lon", "1e400", -180, 180);
        p.textList("q", List.of("a,b,c"), 2, 10);
        p.text("name", "toolong", 3);
        ProblemException e = assertThrows(ProblemException.class, p::throwIfAny);
        List<String> fields = e.errors().stream().map(Problem.FieldError::field).toList();
        assertEquals(Arrays.asList("at", "day", "days", "id", "lat", "limit", "lon", "name", "on", "page", "q"), fields);
        assertEquals(400, e.type().status());
        assertTrue(e.errors().get(4).message().endsWith("must be a number from -90 to 90"), e.errors().get(4).message());
    }

    @Test
    void datesAndInstantsBeyondTheYearsADatabaseStoresAreProblems() {
        Params p = new Params();
        p.instant("late", "+999999999-12-31T23:59:59Z");
        p.instant("early", "-999999999-01-01T00:00:00Z");
        p.date("to", "-999999999-01-01");
        p.date("from", "+10000-01-01");
        ProblemException e = assertThrows(ProblemException.class, p::throwIfAny);
        assertEquals(List.of("early", "from", "late", "to"), e.errors().stream().map(Problem.FieldError::field).toList());
        Params edge = new Params();
        assertEquals(LocalDate.parse("9999-12-31"), edge.date("to", "9999-12-31"));
        assertEquals(Instant.parse("0001-01-01T00:00:00Z"), edge.instant("at", "0001-01-01T00:00:00Z"));
        edge.throwIfAny();
    }

    @Test
    void flagsAreTrueOrFalseAndNothingElse() {
        Params p = new Params();
        assertEquals(true, p.flag("openNow", "true", false));
        assertEquals(false, p.flag("openNow", " false ", true));
        assertEquals(true, p.flag("openNow", null, true));
        p.throwIfAny();
        Params bad = new Params();
        bad.flag("openNow", "NaN", false);
        bad.flag("all", "1", false);
        ProblemException e = assertThrows(ProblemException.class, bad::throwIfAny);
        assertEquals(List.of("all", "openNow"), e.errors().stream().map(Problem.FieldError::field).toList());
    }
}
