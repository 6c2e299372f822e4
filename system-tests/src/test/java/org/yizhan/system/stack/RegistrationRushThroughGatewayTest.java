package org.yizhan.system.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.Test;
import org.yizhan.localstack.run.Stack;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The moment places open: 200 workers register for one activity at once, 64 requests in flight,
 * and then the same 200 again, through the packaged gateway to the packaged services-service on
 * real PostgreSQL and Kafka. Every request must get the service's answer (a 5xx from the gateway
 * would be a registration silently not made), and the activity must end up with exactly its
 * capacity registered and the rest waitlisted.
 */
@ExtendWith(SharedStack.class)
class RegistrationRushThroughGatewayTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int WORKERS = 200;
    private static final int IN_FLIGHT = 64;
    private static final int CAPACITY = 150;
    private static final String BODY = "{\"occupation\":\"COURIER\"}";
    private static final Pattern CONTENT_LENGTH = Pattern.compile("(?im)^content-length:\\s*(\\d+)");

    static Stack stack;
    static HttpClient http;
    static String station;

    @BeforeAll
    static void up() throws Exception {
        stack = SharedStack.get();
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        station = station();
    }


    /** Workers on keep-alive connections, as an app that keeps its HTTP client. */
    @Test
    void aRushOfKeepAliveClientsGetsEveryAnswer() throws Exception {
        rushTwice(RegistrationRushThroughGatewayTest::register);
    }

    /** Workers that reset their connection as soon as they have their answer, as many mobile clients do. */
    @Test
    void aRushOfClientsThatHangUpAfterTheirAnswerGetsEveryAnswer() throws Exception {
        rushTwice(RegistrationRushThroughGatewayTest::registerAndHangUp);
    }

    private void rushTwice(Registration registration) throws Exception {
        String activity = publishedActivity();
        List<String> workers = IntStream.range(0, WORKERS)
                .mapToObj(i -> stack.keys().mint("rush-" + i + "-" + UUID.randomUUID(), "worker")).toList();
        long start = System.nanoTime();
        Map<Integer, Integer> first = rush(workers, worker -> registration.send(worker, activity));
        Map<Integer, Integer> second = rush(workers, worker -> registration.send(worker, activity));
        System.out.printf("%d registrations, %d in flight: first rush %s, second rush %s, %d ms%n", 2 * WORKERS,
                IN_FLIGHT, first, second, (System.nanoTime() - start) / 1_000_000);
        assertEquals(Map.of(201, WORKERS), first, "first rush: every worker newly registered or waitlisted");
        assertEquals(Map.of(200, WORKERS), second, "second rush: every worker's live registration");
        JsonNode counts = JSON.readTree(get("/api/v1/activities/" + activity + "/registrations?limit=1",
                organiser()).body()).get("counts");
        assertEquals(CAPACITY, counts.get("REGISTERED").asInt(), counts.toString());
        assertEquals(WORKERS - CAPACITY, counts.get("WAITLISTED").asInt(), counts.toString());
    }

    /** Every worker registers once, {@link #IN_FLIGHT} at a time; the answers counted by status. */
    private static Map<Integer, Integer> rush(List<String> workers, Registration.OfWorker registration) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(IN_FLIGHT);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (String worker : workers) {
                answers.add(pool.submit(() -> registration.send(worker)));
            }
            Map<Integer, Integer> statuses = new TreeMap<>();
            for (Future<Integer> answer : answers) {
                statuses.merge(answer.get(), 1, Integer::sum);
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }

    /** One worker's registration request for one activity; the answer's status. */
    private interface Registration {
        int send(String worker, String activity) throws Exception;

        /** The same, for an activity already chosen. */
        interface OfWorker {
            int send(String worker) throws Exception;
        }
    }

    private static int register(String worker, String activity) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(stack.gatewayUrl()
                        + "/api/v1/activities/" + activity + "/registrations"))
                .header("Authorization", "Bearer " + worker)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(BODY)).build(), HttpResponse.BodyHandlers.ofString())
                .statusCode();
    }

    /** A registration on a connection of its own, reset once the whole answer is read. */
    private static int registerAndHangUp(String worker, String activity) throws IOException {
        URI gateway = URI.create(stack.gatewayUrl());
        try (Socket socket = new Socket(gateway.getHost(), gateway.getPort())) {
            byte[] body = BODY.getBytes(StandardCharsets.UTF_8);
            socket.getOutputStream().write(("POST /api/v1/activities/" + activity + "/registrations HTTP/1.1\r\n"
                    + "Host: " + gateway.getAuthority() + "\r\nAuthorization: Bearer " + worker
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().write(body);
            int status = readAnswer(socket.getInputStream());
            socket.setSoLinger(true, 0);
            return status;
        }
    }

    private static String station() throws Exception {
        HttpResponse<String> created = post("/api/v1/stations", stack.keys().mint("admin-1", "union-admin"), """
                {"name":"报名驿站","hostType":"COMMUNITY_CENTRE","address":"北京市大兴区",
                 "location":{"latitude":39.77,"longitude":116.37}}""");
        assertEquals(201, created.statusCode(), created.body());
        String id = JSON.readTree(created.body()).get("id").asText();
        await().atMost(Duration.ofSeconds(15)).until(() ->
                get("/api/v1/activities/venues/" + id, organiser()).statusCode() == 200);
        return id;
    }

    private static String publishedActivity() throws Exception {
        Instant start = Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        HttpResponse<String> planned = post("/api/v1/activities", organiser(), """
                {"type":"HAIRCUT","title":"爱心义剪","stationId":"%s","startsAt":"%s","endsAt":"%s","capacity":%d}"""
                .formatted(station, start, start.plusSeconds(3600), CAPACITY));
        assertEquals(201, planned.statusCode(), planned.body());
        String activity = JSON.readTree(planned.body()).get("id").asText();
        HttpResponse<String> published = post("/api/v1/activities/" + activity + "/publish", organiser(), "");
        assertEquals(200, published.statusCode(), published.body());
        return activity;
    }

    private static String organiser() {
        return stack.keys().mint("youth-system", List.of("partner"), Duration.ofHours(1), "youth-league");
    }

    private static HttpResponse<String> post(String path, String token, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + path))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String path, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + path))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Reads one whole answer (head and a body of Content-Length bytes); its status. */
    private static int readAnswer(InputStream in) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        int read = 0;
        while (read < buffer.length) {
            int n = in.read(buffer, read, buffer.length - read);
            if (n < 0) {
                break;
            }
            read += n;
            String text = new String(buffer, 0, read, StandardCharsets.ISO_8859_1);
            int headEnd = text.indexOf("\r\n\r\n");
            Matcher length = CONTENT_LENGTH.matcher(headEnd < 0 ? "" : text.substring(0, headEnd));
            if (headEnd >= 0 && read >= headEnd + 4 + (length.find() ? Integer.parseInt(length.group(1)) : 0)) {
                return Integer.parseInt(text.substring(9, 12));
            }
        }
        throw new IOException("no complete answer in " + read + " bytes");
    }
}
