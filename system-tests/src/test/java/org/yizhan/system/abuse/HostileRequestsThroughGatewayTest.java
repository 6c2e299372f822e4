package org.yizhan.system.abuse;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yizhan.localstack.run.Stack;
import org.yizhan.localstack.testing.HostileRequests;
import org.yizhan.system.stack.DatabaseFingerprint;
import org.yizhan.system.stack.Http;
import org.yizhan.system.stack.Invariants;
import org.yizhan.system.stack.StackLogs;
import org.yizhan.system.stack.TestStacks;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hostile requests against the whole system, through the gateway as clients meet it: every
 * operation of every service's published document, with every role and with no token, mutated in
 * every way {@link HostileRequests} knows (wrong types, boundary numbers, huge and odd Unicode
 * strings, broken JSON, wrong content types, bad {@code If-Match} and {@code Idempotency-Key}).
 * Nothing may answer a 5xx or show a stack trace, every answer must be one the document declares,
 * no write is accepted without a token, every table of every service holds the same rows afterwards
 * (but for the few that an admin's valid variants explain), the databases' invariants hold and every
 * outbox is published. Then the logs of every process are searched for the personal data the test sent.
 */
class HostileRequestsThroughGatewayTest {


    /** The documents the gateway publishes, one per service behind it. */
    private static final List<String> SERVICES = List.of("station-service", "services-service",
            "health-checkup-service", "legal-aid-service", "overview-service");

    /** Personal data this test sends in valid requests: none of it may reach a log line. */
    private static final String PHONE = "13987654321";
    private static final String ID_CARD = "11010519491231002X";
    private static final String NAME = "欧阳晓燕";
    private static final String RIDER_ID = "MT-5550123";
    private static final String LATITUDE = "39.7312347";
    private static final String LONGITUDE = "116.3398761";

    /**
     * The tables a union admin's hostile requests may change, because some variants of two station
     * operations are valid writes that no mutation of theirs makes invalid: assigning a manager
     * (any text is a subject: {@code PUT /stations/{id}/managers/1}) and recording a verification
     * (no body); their events reach the other services' station replicas. A station's visit-code
     * secret is created when its code is first read.
     */
    private static final Set<String> EXPLAINED_CHANGES = Set.of("station", "station_history", "station_manager",
            "station_visit_secret", "outbox_message", "inbox_processed_event", "station_replica");

    static Stack stack;
    static Http http;

    @BeforeAll
    static void up() {
        Map<String, String> environment = new LinkedHashMap<>();
        // Thousands of requests from a handful of clients: the limits are checked but never reached.
        for (String routeClass : List.of("SEARCH", "READS", "WRITES", "PARTNER_PUSHES", "UPLOADS")) {
            environment.put("YIZHAN_GATEWAY_" + routeClass + "_REQUESTS", "1000000");
        }
        stack = TestStacks.up("hostile", environment);
        http = new Http(stack::gatewayUrl);
    }

    @AfterAll
    static void down() {
        TestStacks.down(stack);
    }

    @Test
    void noHostileRequestGetsA5xxOrAStackTraceOrChangesAnythingAndNoPersonalDataIsLogged() throws Exception {
        String admin = stack.keys().mint("admin-h1", "union-admin");
        String station = created("/api/v1/stations", admin, """
                {"name":"敌意请求驿站","hostType":"PARK","address":"北京市大兴区黄村镇",
                 "location":{"latitude":39.73,"longitude":116.33}}""");
        String worker = stack.keys().mint("rider-h1", "worker");
        String consultation = created("/api/v1/legal-aid/consultations", worker, """
                {"category":"WAGE_ARREARS","channel":"ONLINE",
                 "question":"我叫%s，骑手号%s，手机%s，身份证%s，平台拖欠我两个月工资怎么办"}"""
                .formatted(NAME, RIDER_ID, PHONE, ID_CARD));
        // A worker's exact position, as a near-me search sends it, with and without a token.
        String nearby = "/api/v1/stations/nearby?lat=" + LATITUDE + "&lon=" + LONGITUDE + "&q="
                + URLEncoder.encode(NAME, StandardCharsets.UTF_8);
        assertEquals(200, http.get(nearby, null).status());
        assertEquals(200, http.get(nearby, worker).status());

        Map<String, String> before = settledDatabases();
        List<String> tokens = Arrays.asList(admin, stack.keys().mint("staff-h1", "union-staff"),
                stack.keys().mint("manager-h1", "station-manager"), stack.keys().mint("rider-h2", "worker"),
                stack.keys().mint("partner-h1", List.of("partner"), Duration.ofHours(1), "youth-league"),
                stack.keys().mint("lawyer-h1", "lawyer"), stack.keys().mint("clinic-h1", "clinic"), null);
        Map<String, String> ids = Map.of("id", station, "stationId", station, "consultationId", consultation);
        int operations = 0;
        int requests = 0;
        List<String> failures = new ArrayList<>();
        List<String> accepted = new ArrayList<>();
        long started = System.nanoTime();
        // The services' documents at once, each one request at a time: a union admin's variants of two
        // station operations are valid writes, and what follows them depends on them.
        Map<String, Future<HostileRequests.Result>> results = new LinkedHashMap<>();
        ExecutorService senders = Executors.newFixedThreadPool(SERVICES.size());
        try {
            for (String service : SERVICES) {
                results.put(service, senders.submit(() -> HostileRequests.through(stack.gatewayUrl(),
                        "/api-docs/" + service + ".json", tokens, ids).sendAll(1)));
            }
        } finally {
            senders.shutdown();
        }
        for (String service : SERVICES) {
            HostileRequests.Result result = results.get(service).get();
            System.out.printf("%s: %d operations, %d hostile requests, %d failures, %d writes accepted%n", service,
                    result.operations(), result.requests(), result.failures().size(), result.acceptedWrites().size());
            operations += result.operations();
            requests += result.requests();
            failures.addAll(result.failures());
            accepted.addAll(result.acceptedWrites());
        }
        System.out.printf("hostile requests through the gateway: %d operations, %d requests in %d s, %d failures "
                        + "(5xx, stack traces, undeclared answers), %d writes accepted%n", operations, requests,
                Duration.ofNanos(System.nanoTime() - started).toSeconds(), failures.size(), accepted.size());

        Map<String, String> after = settledDatabases();
        List<String> changed = before.keySet().stream().filter(t -> !before.get(t).equals(after.get(t)))
                .map(t -> t.substring(t.indexOf('.') + 1)).distinct().toList();
        System.out.println("writes accepted with a token: " + accepted + "\ntables changed: " + changed);
        assertTrue(requests >= 5_000, "at least 5,000 hostile requests: " + requests);
        assertEquals(List.of(), failures);
        assertEquals(List.of(), accepted.stream().filter(w -> w.startsWith("[no token]")).toList(),
                "no write is accepted without a token");
        assertEquals(before.keySet(), after.keySet());
        assertEquals(List.of(), changed.stream().filter(t -> !EXPLAINED_CHANGES.contains(t)).toList(),
                "no table changed but those the accepted writes explain");
        assertEquals(List.of(), Invariants.broken(stack));
        assertEquals(List.of(), Invariants.unpublished(stack), "every outbox is published");
        // The search reads the lines where requests are logged: the station's id is in their paths.
        assertTrue(!StackLogs.containing(stack, List.of(station)).isEmpty(), "the logs hold the requests' paths");
        assertEquals(List.of(), StackLogs.containing(stack,
                List.of(PHONE, ID_CARD, NAME, RIDER_ID, LATITUDE, LONGITUDE, "rider-h1", "rider-h2")));
    }

    /**
     * Every table of every service's database (the legal-aid audit log aside: it records reads and
     * refusals, as it must), read until two readings a second apart agree, so that events still on
     * their way from the set-up are in.
     */
    private static Map<String, String> settledDatabases() throws Exception {
        List<Map<String, String>> last = new ArrayList<>(List.of(Map.of()));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            Map<String, String> now = DatabaseFingerprint.of(stack, List.of("audit_entry", "flyway_schema_history"));
            boolean settled = now.equals(last.get(0));
            last.set(0, now);
            return settled;
        });
        return last.get(0);
    }

    private static String created(String path, String token, String body) {
        Http.Answer answer = http.post(path, token, body);
        assertEquals(201, answer.status(), answer.body());
        return answer.field("/id");
    }
}
