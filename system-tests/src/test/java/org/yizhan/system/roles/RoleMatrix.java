package org.yizhan.system.roles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One service's declared role matrix ({@code <module>/src/main/resources/role-matrix.csv}, format in
 * {@code docs/role-matrix.md}): for every operation of the service's OpenAPI document, what each
 * caller may do with it.
 *
 * @param service the service's name, as in {@code /api-docs/<service>.json}
 * @param rows    the operations in the order of the file, each with one access per caller of {@link #CALLERS}
 */
record RoleMatrix(String service, Map<Operation, Map<String, Access>> rows) {

    /** The callers, in the order of the file's columns: no token, then each role of the {@code groups} claim. */
    static final List<String> CALLERS = List.of("anonymous", "worker", "station-manager", "partner", "clinic", "lawyer",
            "union-staff", "union-admin");
    static final String HEADER = "method,path," + String.join(",", CALLERS);
    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "DELETE", "PATCH");

    /** What one caller may do with one operation. */
    enum Access {
        /** Allowed on any resource. */
        YES,
        /** Allowed only on the caller's own resources (its station, organisation, clinic, cases, records). */
        OWN,
        /** Refused whatever the resource. */
        NO
    }

    /** An operation as its document names it: method and path template as reached through the gateway. */
    record Operation(String method, String path) implements Comparable<Operation> {

        @Override
        public String toString() {
            return method + " " + path;
        }

        @Override
        public int compareTo(Operation other) {
            int byPath = path.compareTo(other.path);
            return byPath != 0 ? byPath : method.compareTo(other.method);
        }
    }

    RoleMatrix {
        rows = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(rows));
    }

    /** The matrix of {@code service}, read from its module (named like the service) in the repository at {@code repoRoot}. */
    static RoleMatrix of(Path repoRoot, String service) {
        Path file = repoRoot.resolve(service).resolve("src/main/resources/role-matrix.csv");
        try {
            return parse(service, Files.readAllLines(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("no role matrix for " + service + " at " + file, e);
        }
    }

    /**
     * Reads the lines of a matrix file: {@code #} comments and blank lines skipped, then the header
     * {@link #HEADER}, then one row per operation with one cell ({@code yes}, {@code own} or {@code no})
     * per caller; {@code anonymous} is {@code yes} or {@code no}.
     *
     * @throws IllegalArgumentException naming the line, for anything else (a repeated operation too)
     */
    static RoleMatrix parse(String service, List<String> lines) {
        Map<Operation, Map<String, Access>> rows = new LinkedHashMap<>();
        boolean header = false;
        for (int n = 1; n <= lines.size(); n++) {
            String line = lines.get(n - 1).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (!header) {
                if (!line.equals(HEADER)) {
                    throw new IllegalArgumentException(service + " line " + n + ": the header must be " + HEADER);
                }
                header = true;
                continue;
            }
            String[] cells = line.split(",", -1);
            if (cells.length != 2 + CALLERS.size()) {
                throw new IllegalArgumentException(service + " line " + n + ": " + (2 + CALLERS.size())
                        + " cells expected, not " + cells.length);
            }
            Operation operation = new Operation(cells[0].strip(), cells[1].strip());
            if (!METHODS.contains(operation.method()) || !operation.path().startsWith("/")) {
                throw new IllegalArgumentException(service + " line " + n + ": not an operation: " + operation);
            }
            Map<String, Access> access = new LinkedHashMap<>();
            for (int c = 0; c < CALLERS.size(); c++) {
                access.put(CALLERS.get(c), access(service, n, CALLERS.get(c), cells[2 + c].strip()));
            }
            if (rows.put(operation, access) != null) {
                throw new IllegalArgumentException(service + " line " + n + ": " + operation + " is listed twice");
            }
        }
        if (!header) {
            throw new IllegalArgumentException(service + ": no header " + HEADER);
        }
        return new RoleMatrix(service, rows);
    }

    private static Access access(String service, int line, String caller, String cell) {
        Access access = switch (cell) {
            case "yes" -> Access.YES;
            case "own" -> Access.OWN;
            case "no" -> Access.NO;
            default -> throw new IllegalArgumentException(service + " line " + line + ": " + caller
                    + " must be yes, own or no, not '" + cell + "'");
        };
        if (caller.equals("anonymous") && access == Access.OWN) {
            throw new IllegalArgumentException(service + " line " + line + ": a caller without a token owns nothing");
        }
        return access;
    }

    /**
     * The differences between this matrix and the operations of the service's document: each
     * operation missing from the matrix, and each row of the matrix that the document lacks.
     */
    List<String> differencesFrom(Set<Operation> documented) {
        List<String> differences = new ArrayList<>();
        documented.stream().sorted().filter(op -> !rows.containsKey(op))
                .forEach(op -> differences.add(service + ": " + op + " is documented but missing from the role matrix"));
        rows.keySet().stream().sorted().filter(op -> !documented.contains(op))
                .forEach(op -> differences.add(service + ": " + op + " is in the role matrix but not in the document"));
        return differences;
    }
}
