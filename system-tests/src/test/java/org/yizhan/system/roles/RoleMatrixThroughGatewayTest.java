package org.yizhan.system.roles;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.Test;
import org.yizhan.localstack.run.Stack;
import org.yizhan.system.stack.StackLogs;
import org.yizhan.system.stack.SharedStack;
import org.yizhan.system.roles.RoleMatrix.Access;
import org.yizhan.system.roles.RoleMatrix.Operation;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The role matrix (docs/role-matrix.md): every operation of every service's OpenAPI document, as
 * reached through the gateway, called without a token and as each role, and as a stranger of the
 * role where the matrix says "own", on the packaged stack; each answer compared with the service's
 * declared table ({@code <service>/src/main/resources/role-matrix.csv}). An operation of a document
 * missing from its table fails, and so does a row of a table that its document lacks.
 */
@ExtendWith(SharedStack.class)
class RoleMatrixThroughGatewayTest {

    static final List<String> SERVICES = List.of("station-service", "services-service", "health-checkup-service",
            "legal-aid-service", "overview-service");
    private static final Set<String> METHODS = Set.of("get", "post", "put", "delete", "patch");
    /** Operations that end something: called after the others, so that they do not end the owned resources first. */
    private static final Set<String> ENDINGS = Set.of("cancel", "close", "complete", "decline", "discard", "rejection",
            "end", "decision", "appeal-decision", "status");

    static Path repoRoot;
    static Stack stack;
    static GatewayCalls gateway;
    static OwnedResources owned;

    /** One call of an operation: who calls it, with which token, and what the answer must be. */
    record Call(String caller, String token, Expected expected) {
    }

    @BeforeAll
    static void up() {
        repoRoot = Path.of("..").toAbsolutePath().normalize();
        stack = SharedStack.get();
        gateway = new GatewayCalls(stack.gatewayUrl());
        owned = OwnedResources.create(gateway, stack.keys());
    }


    @Test
    void everyOperationAnswersEveryCallerAsTheServicesRoleMatrixSays() {
        long start = System.nanoTime();
        List<String> differences = new ArrayList<>();
        List<String> mismatches = new ArrayList<>();
        Map<String, Map<Integer, Integer>> strangerStatuses = new TreeMap<>();
        List<Operation> ownWithoutResource = new ArrayList<>();
        List<String> hidden = new ArrayList<>();
        int operations = 0;
        int calls = 0;
        for (String service : SERVICES) {
            JsonNode document = MinimalRequests.read(gateway.get("/api-docs/" + service + ".json", null).body());
            Map<Operation, JsonNode> documented = operationsOf(document);
            RoleMatrix matrix = RoleMatrix.of(repoRoot, service);
            differences.addAll(matrix.differencesFrom(documented.keySet()));
            MinimalRequests requests = new MinimalRequests(document, owned::pathValue, owned.propertyValues());
            Map<Integer, Integer> refusals = strangerStatuses.computeIfAbsent(service, s -> new TreeMap<>());
            for (Operation operation : inCallingOrder(documented.keySet())) {
                Map<String, Access> row = matrix.rows().get(operation);
                if (row == null) {
                    continue;
                }
                operations++;
                if (row.containsValue(Access.OWN) && !namesAnOwnedResource(operation.path())) {
                    ownWithoutResource.add(operation);
                }
                for (Call call : callsOf(row)) {
                    MinimalRequests.Request request = requests.of(operation.method(), operation.path(),
                            documented.get(operation));
                    HttpResponse<String> answer = gateway.send(request.method(), request.pathAndQuery(), call.token(),
                            request.contentType(), request.body(), request.headers());
                    calls++;
                    if (call.expected() == Expected.NOT_THEIRS) {
                        refusals.merge(answer.statusCode(), 1, Integer::sum);
                        if (answer.statusCode() == 404) {
                            hidden.add(operation + " (" + call.caller() + ")");
                        }
                    }
                    if (!call.expected().agrees(answer.statusCode())) {
                        mismatches.add(service + ": " + operation + " as " + call.caller() + ": expected "
                                + call.expected() + ", got " + answer.statusCode() + " " + abbreviated(answer.body())
                                + (request.body() == null ? "" : " (sent " + abbreviated(request.body()) + ")"));
                    }
                }
            }
        }
        System.out.printf("role matrix: %d operations x %d callers, %d calls (%d sent), strangers answered %s, "
                        + "%d mismatches, %d table differences, %d ms%n", operations, RoleMatrix.CALLERS.size(), calls,
                gateway.sent(), strangerStatuses, mismatches.size(), differences.size(),
                (System.nanoTime() - start) / 1_000_000);
        System.out.println("  'own' rows whose path names no owned resource (strangers and owners both get"
                + " the service's answer for an unknown id): " + ownWithoutResource);
        System.out.println("  refused with 404 (the resource not disclosed): " + hidden);
        mismatches.forEach(m -> System.out.println("  mismatch: " + m));
        differences.forEach(d -> System.out.println("  difference: " + d));
        assertTrue(operations > 150, "operations checked: " + operations);
        assertEquals(List.of(), differences, "the role matrices and the documents");
        assertEquals(List.of(), mismatches, "the answers and the role matrices");
    }

    /** The personal data of the owned resources (a checkup hold's rider id, name and phone) is in no process's log. */
    @Test
    void noPersonalDataReachesAnyLog() throws Exception {
        assertEquals(List.of(), StackLogs.containing(stack, List.of("MT-40001", "韩梅梅", "13912340000")));
    }

    /**
     * The calls one row asks for: without a token; each role refused at all, as the owner; each
     * role allowed, first as a caller of the role who owns none of the resources (refused where the
     * row says "own"), then as the owner. Union admins come last, as their calls are the likeliest
     * to change something.
     */
    static List<Call> callsOf(Map<String, Access> row) {
        List<Call> calls = new ArrayList<>();
        calls.add(new Call("anonymous", null, Expected.of(row.get("anonymous"), true, false)));
        List<String> roles = RoleMatrix.CALLERS.subList(1, RoleMatrix.CALLERS.size());
        for (String role : roles) {
            if (row.get(role) == Access.NO) {
                calls.add(new Call(role, owned.owner(role), Expected.REFUSED));
            }
        }
        for (String role : roles) {
            if (row.get(role) != Access.NO && !role.equals("union-admin")) {
                // "yes" holds for a caller who owns none of the resources too, "own" does not.
                calls.add(new Call("another " + role, owned.stranger(role),
                        row.get(role) == Access.OWN ? Expected.NOT_THEIRS : Expected.ALLOWED));
            }
        }
        for (String role : roles) {
            if (row.get(role) != Access.NO) {
                calls.add(new Call(role, owned.owner(role), Expected.ALLOWED));
            }
        }
        return calls;
    }

    /** Whether a path parameter of the template gets the id of an owned resource. */
    private static boolean namesAnOwnedResource(String template) {
        String[] segments = template.split("/");
        for (int i = 1; i < segments.length; i++) {
            if (segments[i].startsWith("{") && owned.pathValue(segments[i - 1],
                    segments[i].substring(1, segments[i].length() - 1)) != null) {
                return true;
            }
        }
        return false;
    }

    /** Every operation of the document by method and path. */
    static Map<Operation, JsonNode> operationsOf(JsonNode document) {
        Map<Operation, JsonNode> operations = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (METHODS.contains(op.getKey())) {
                    operations.put(new Operation(op.getKey().toUpperCase(), path.getKey()), op.getValue());
                }
            }
        }
        return operations;
    }

    /** Reads first, then writes, then the writes that end something and deletions. */
    static List<Operation> inCallingOrder(Set<Operation> operations) {
        return operations.stream().sorted(Comparator.comparingInt(RoleMatrixThroughGatewayTest::stage)
                .thenComparing(Comparator.<Operation>naturalOrder())).toList();
    }

    private static int stage(Operation operation) {
        if (operation.method().equals("GET")) {
            return 0;
        }
        String last = operation.path().substring(operation.path().lastIndexOf('/') + 1);
        return operation.method().equals("DELETE") || ENDINGS.contains(last) ? 2 : 1;
    }

    private static String abbreviated(String body) {
        String line = body.replaceAll("\\s+", " ").replaceAll("\"instance\":\"[^\"]*\",?", "");
        return line.length() > 300 ? line.substring(0, 300) + "…" : line;
    }
}
