package org.yizhan.gateway;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.yizhan.gateway.TestSupport.token;

/**
 * Many writes at once through the gateway to a real upstream server: every one of them must get
 * the upstream's answer. More clients than the gateway keeps connections per service, so that
 * requests wait for a connection and get one the moment another request's answer is in.
 */
@QuarkusTest
@TestProfile(ConcurrentWritesTest.Busy.class)
@WithTestResource(GatewayTestResource.class)
class ConcurrentWritesTest {

    /**
     * An application of its own, so that its connection pools serve these tests alone, with the
     * production wait for a busy service rather than the other tests' one second: these tests are
     * about every request being answered by the service, on a machine that other builds share.
     */
    public static class Busy implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("yizhan.gateway.upstream-timeout", "10s");
        }
    }

    private static final int CLIENTS = 96;
    private static final int REQUESTS = 3_000;
    private static final String BODY = "{\"occupation\":\"COURIER\"}";

    @TestHTTPResource("/")
    URI gateway;

    /**
     * Clients that drop their connection as soon as they have their answer (as mobile apps and
     * many load tools do, with a TCP reset) must not cost another client its request.
     */
    @Test
    void clientsThatHangUpRightAfterTheirAnswerDoNotBreakOtherRequests() throws Exception {
        String token = token("worker-1", "worker");
        Map<Integer, Integer> statuses = run(() -> postAndHangUp(token));
        System.out.println("hang-up clients: " + statuses);
        assertEquals(Map.of(200, REQUESTS), statuses);
    }

    @Test
    void keepAliveClientsAllGetTheUpstreamsAnswer() throws Exception {
        String token = token("worker-2", "worker");
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest request = HttpRequest.newBuilder(gateway.resolve(path()))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(BODY)).build();
        Map<Integer, Integer> statuses = run(() -> client.send(request, HttpResponse.BodyHandlers.ofString()).statusCode());
        System.out.println("keep-alive clients: " + statuses);
        assertEquals(Map.of(200, REQUESTS), statuses);
    }

    /**
     * Clients that give up while their request is at the service make the gateway cancel those
     * requests; the requests of everybody else on the same connections must go on.
     */
    @Test
    void clientsGivingUpBeforeTheirAnswerDoNotBreakOtherRequests() throws Exception {
        String token = token("worker-3", "worker");
        ExecutorService quitters = Executors.newFixedThreadPool(CLIENTS / 2);
        try {
            List<Future<?>> given = new ArrayList<>();
            for (int i = 0; i < REQUESTS / 3; i++) {
                given.add(quitters.submit(() -> postAndGiveUp(token)));
            }
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            HttpRequest request = HttpRequest.newBuilder(gateway.resolve(path()))
                    .timeout(Duration.ofSeconds(20))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(BODY)).build();
            Map<Integer, Integer> statuses = run(() -> client.send(request, HttpResponse.BodyHandlers.ofString()).statusCode());
            for (Future<?> quit : given) {
                quit.get();
            }
            System.out.println("clients next to quitters: " + statuses);
            assertEquals(Map.of(200, REQUESTS), statuses);
        } finally {
            quitters.shutdownNow();
        }
    }

    /**
     * A client that leaves in the middle of a large answer must not make the gateway tear down its
     * connection to the service: the service may already have sent everything and the connection
     * may carry the next request. The gateway reads the rest of the answer away instead.
     */
    @Test
    void aClientLeavingMidAnswerLeavesTheConnectionToTheServiceIntact() throws Exception {
        String mark = "download-" + System.nanoTime();
        long closedBefore = EchoUpstream.closedConnections();
        try (Socket socket = new Socket(gateway.getHost(), gateway.getPort())) {
            socket.getOutputStream().write(("GET /api/v1/legal-aid/reports/r-1?bytes=" + (16 << 20) + "&mark=" + mark
                    + " HTTP/1.1\r\nHost: " + gateway.getHost() + "\r\nAuthorization: Bearer "
                    + token("worker-5", "worker") + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            assertEquals("HTTP/1.1 200", readHead(in).substring(0, 12));
            in.readNBytes(256 * 1024);
            socket.setSoLinger(true, 0);
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> EchoUpstream.sent(mark));
        Response next = given().auth().oauth2(token("worker-5", "worker")).get("/api/v1/legal-aid/faq");
        assertEquals(200, next.statusCode(), next.asString());
        assertEquals(closedBefore, EchoUpstream.closedConnections(), "connections to the services closed");
    }

    /**
     * A service that drops its connection takes the requests on it down with it; each of them
     * must still get an answer (a 502 problem), none may hang.
     */
    @Test
    void everyRequestOnADroppedConnectionIsAnswered() throws Exception {
        String token = token("worker-4", "worker");
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest slow = HttpRequest.newBuilder(gateway.resolve("/api/v1/checkups/c-1?delay-ms=700"))
                .timeout(Duration.ofSeconds(20)).header("Authorization", "Bearer " + token).build();
        HttpRequest breaking = HttpRequest.newBuilder(gateway.resolve("/api/v1/checkups/c-1/__break"))
                .timeout(Duration.ofSeconds(20)).header("Authorization", "Bearer " + token).build();
        ExecutorService pool = Executors.newFixedThreadPool(64);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 600; i++) {
                HttpRequest request = i % 50 == 49 ? breaking : slow;
                answers.add(pool.submit(() -> client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode()));
            }
            Map<Integer, Integer> statuses = new TreeMap<>();
            for (Future<Integer> answer : answers) {
                statuses.merge(answer.get(), 1, Integer::sum);
            }
            System.out.println("requests next to dropped connections: " + statuses);
            assertEquals(600, statuses.getOrDefault(200, 0) + statuses.getOrDefault(502, 0), statuses.toString());
        } finally {
            pool.shutdownNow();
        }
    }

    /** Sends a request that the upstream answers late, and resets the connection before the answer. */
    private Void postAndGiveUp(String token) throws Exception {
        try (Socket socket = new Socket(gateway.getHost(), gateway.getPort())) {
            byte[] body = BODY.getBytes(StandardCharsets.UTF_8);
            socket.getOutputStream().write(("POST /api/v1/activities/a-2/registrations?delay-ms=200 HTTP/1.1\r\nHost: "
                    + gateway.getHost() + "\r\nAuthorization: Bearer " + token
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().write(body);
            Thread.sleep(20);
            socket.setSoLinger(true, 0);
        }
        return null;
    }

    private Map<Integer, Integer> run(Callable<Integer> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < REQUESTS; i++) {
                answers.add(pool.submit(call));
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

    /** One request on a new connection, which is reset once the whole answer is read. */
    private int postAndHangUp(String token) throws IOException {
        try (Socket socket = new Socket(gateway.getHost(), gateway.getPort())) {
            byte[] body = BODY.getBytes(StandardCharsets.UTF_8);
            socket.getOutputStream().write(("POST " + path() + " HTTP/1.1\r\nHost: " + gateway.getHost()
                    + "\r\nAuthorization: Bearer " + token + "\r\nContent-Type: application/json\r\nContent-Length: "
                    + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().write(body);
            InputStream in = socket.getInputStream();
            String head = readHead(in);
            int status = Integer.parseInt(head.substring(9, 12));
            in.readNBytes(contentLength(head));
            socket.setSoLinger(true, 0);
            return status;
        }
    }

    private static String path() {
        // A few milliseconds at the upstream keep all of the gateway's connections busy.
        return "/api/v1/activities/a-1/registrations?delay-ms=3";
    }

    private static String readHead(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (head.length() < 4 || !head.substring(head.length() - 4).equals("\r\n\r\n")) {
            int c = in.read();
            if (c < 0) {
                throw new IOException("connection closed after " + head);
            }
            head.append((char) c);
        }
        return head.toString();
    }

    private static int contentLength(String head) {
        for (String line : head.split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                return Integer.parseInt(line.substring("content-length:".length()).trim());
            }
        }
        throw new IllegalStateException("no Content-Length in " + head);
    }
}
