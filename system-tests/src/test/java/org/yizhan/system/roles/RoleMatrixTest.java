package org.yizhan.system.roles;

import org.junit.jupiter.api.Test;
import org.yizhan.system.roles.RoleMatrix.Access;
import org.yizhan.system.roles.RoleMatrix.Operation;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The role matrix files and the rule that compares an answer with a cell; no stack needed. */
class RoleMatrixTest {

    private static final String HEADER = RoleMatrix.HEADER;

    @Test
    void aRowGivesEachCallerItsAccess() {
        RoleMatrix matrix = RoleMatrix.parse("s", List.of("# a comment", "", HEADER,
                "PUT,/api/v1/stations/{id},no,no,own,no,no,no,no,yes"));
        var row = matrix.rows().get(new Operation("PUT", "/api/v1/stations/{id}"));
        assertEquals(Access.NO, row.get("anonymous"));
        assertEquals(Access.OWN, row.get("station-manager"));
        assertEquals(Access.YES, row.get("union-admin"));
        assertEquals(RoleMatrix.CALLERS, List.copyOf(row.keySet()));
    }

    @Test
    void aMalformedFileIsRefusedWithItsLine() {
        assertThrows(IllegalArgumentException.class, () -> RoleMatrix.parse("s", List.of("GET,/x,yes")));
        assertThrows(IllegalArgumentException.class, () -> RoleMatrix.parse("s", List.of(HEADER,
                "GET,/x,yes,yes,yes,yes,yes,yes,yes")));
        IllegalArgumentException cell = assertThrows(IllegalArgumentException.class, () -> RoleMatrix.parse("s",
                List.of(HEADER, "GET,/x,yes,yes,yes,maybe,yes,yes,yes,yes")));
        assertTrue(cell.getMessage().contains("line 2") && cell.getMessage().contains("partner"), cell.getMessage());
        assertThrows(IllegalArgumentException.class, () -> RoleMatrix.parse("s", List.of(HEADER,
                "GET,/x,own,yes,yes,yes,yes,yes,yes,yes")));
        assertThrows(IllegalArgumentException.class, () -> RoleMatrix.parse("s", List.of(HEADER,
                "GET,/x,no,yes,yes,yes,yes,yes,yes,yes", "GET,/x,no,yes,yes,yes,yes,yes,yes,yes")));
        assertThrows(IllegalArgumentException.class, () -> RoleMatrix.parse("s", List.of(HEADER,
                "FETCH,/x,no,yes,yes,yes,yes,yes,yes,yes")));
    }

    @Test
    void anOperationMissingFromTheTableAndARowMissingFromTheDocumentAreBothDifferences() {
        RoleMatrix matrix = RoleMatrix.parse("s", List.of(HEADER, "GET,/a,yes,yes,yes,yes,yes,yes,yes,yes",
                "GET,/gone,yes,yes,yes,yes,yes,yes,yes,yes"));
        List<String> differences = matrix.differencesFrom(Set.of(new Operation("GET", "/a"), new Operation("POST", "/a")));
        assertEquals(List.of("s: POST /a is documented but missing from the role matrix",
                "s: GET /gone is in the role matrix but not in the document"), differences);
        assertEquals(List.of(), matrix.differencesFrom(Set.of(new Operation("GET", "/a"), new Operation("GET", "/gone"))));
    }

    @Test
    void theStatusOfAnAnswerAgreesOnlyWithWhatTheCellAllows() {
        assertEquals(Expected.UNAUTHENTICATED, Expected.of(Access.NO, true, false));
        assertEquals(Expected.ALLOWED, Expected.of(Access.YES, true, false));
        assertEquals(Expected.REFUSED, Expected.of(Access.NO, false, false));
        assertEquals(Expected.NOT_THEIRS, Expected.of(Access.OWN, false, true));
        assertEquals(Expected.ALLOWED, Expected.of(Access.OWN, false, false));
        for (int allowed : new int[] {200, 201, 204, 400, 404, 409, 412, 422}) {
            assertTrue(Expected.ALLOWED.agrees(allowed), "allowed " + allowed);
        }
        for (int refused : new int[] {401, 403, 500, 503}) {
            assertFalse(Expected.ALLOWED.agrees(refused), "allowed " + refused);
        }
        assertTrue(Expected.UNAUTHENTICATED.agrees(401));
        assertFalse(Expected.UNAUTHENTICATED.agrees(403));
        assertFalse(Expected.UNAUTHENTICATED.agrees(200));
        assertTrue(Expected.REFUSED.agrees(403));
        assertFalse(Expected.REFUSED.agrees(404));
        assertFalse(Expected.REFUSED.agrees(400));
        assertTrue(Expected.NOT_THEIRS.agrees(403));
        assertTrue(Expected.NOT_THEIRS.agrees(404));
        assertFalse(Expected.NOT_THEIRS.agrees(200));
        assertFalse(Expected.NOT_THEIRS.agrees(409));
    }

    @Test
    void everyServiceHasARoleMatrixThatReads() {
        Path repoRoot = Path.of("..").toAbsolutePath().normalize();
        for (String service : RoleMatrixThroughGatewayTest.SERVICES) {
            RoleMatrix matrix = RoleMatrix.of(repoRoot, service);
            assertFalse(matrix.rows().isEmpty(), service);
            // A union admin acts for the whole district: nothing is "theirs" more than anyone else's.
            matrix.rows().forEach((operation, row) -> assertTrue(row.get("union-admin") != Access.OWN,
                    service + ": " + operation + ": union admins own nothing in particular"));
        }
    }
}
