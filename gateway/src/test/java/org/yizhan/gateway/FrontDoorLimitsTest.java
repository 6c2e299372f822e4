package org.yizhan.gateway;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.yizhan.gateway.TestSupport.assertProblem;
import static org.yizhan.gateway.TestSupport.json;
import static org.yizhan.gateway.TestSupport.partnerToken;
import static org.yizhan.gateway.TestSupport.token;

/**
 * Rate limits, body limits, the body timeout and CORS, with limits small enough to meet in a test.
 * Each test is its own client (token subject or partner organisation), so that their quotas are apart.
 */
@QuarkusTest
@TestProfile(FrontDoorLimitsTest.SmallLimits.class)
@WithTestResource(GatewayTestResource.class)
class FrontDoorLimitsTest {

    static final String ORIGIN = "https://app.example.org";

    public static class SmallLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.ofEntries(
                    Map.entry("yizhan.gateway.search.requests", "3"),
                    Map.entry("yizhan.gateway.search.per", "1h"),
                    Map.entry("yizhan.gateway.reads.requests", "2"),
                    Map.entry("yizhan.gateway.reads.per", "4s"),
                    Map.entry("yizhan.gateway.partner-pushes.requests", "2"),
                    Map.entry("yizhan.gateway.partner-pushes.per", "1h"),
                    Map.entry("yizhan.gateway.writes.max-body-size", "1K"),
                    Map.entry("yizhan.gateway.writes.body-timeout", "1s"),
                    Map.entry("yizhan.gateway.header-timeout", "1s"),
                    Map.entry("yizhan.gateway.uploads.upstream-timeout", "6s"),
                    Map.entry("yizhan.gateway.cors-enabled", "true"),
                    Map.entry("yizhan.gateway.cors-origins", ORIGIN));
        }
    }

    @Test
    void anonymousSearchesAreCountedPerAddressThenRefusedWithTheRateLimitHeaders() {
        for (int i = 1; i <= 3; i++) {
            Response response = given().get("/api/v1/stations/nearby?lat=30.6&lng=104.1");
            assertEquals(200, response.statusCode(), response.asString());
            assertEquals("\"search\";q=3;w=3600", response.header("RateLimit-Policy"));
            // One request comes back every 20 minutes; the bucket is full again i of them from now
            // (less the moments that passed between the requests).
            String rateLimit = response.header("RateLimit");
            String prefix = "\"search\";r=" + (3 - i) + ";t=";
            assertTrue(rateLimit.startsWith(prefix), rateLimit);
            long reset = Long.parseLong(rateLimit.substring(prefix.length()));
            assertTrue(reset > i * 1200 - 60 && reset <= i * 1200, rateLimit);
        }
        Response refused = given().header("Accept-Language", "en").get("/api/v1/stations/nearby");
        JsonObject problem = assertProblem(refused, 429, "too-many-requests", "/api/v1/stations/nearby");
        assertEquals("Too many requests", problem.getString("title"));
        assertNull(refused.header("X-Upstream"));
        long retryAfter = Long.parseLong(refused.header("Retry-After"));
        assertTrue(retryAfter > 1100 && retryAfter <= 1200, "Retry-After " + retryAfter);
        assertEquals("\"search\";r=0;t=" + retryAfter, refused.header("RateLimit"));
        assertEquals("\"search\";q=3;w=3600", refused.header("RateLimit-Policy"));

        // A signed-in client is counted by its token, not by the address it shares.
        Response signedIn = given().auth().oauth2(token("searcher-1", "worker")).get("/api/v1/stations/nearby");
        assertEquals(200, signedIn.statusCode());
        assertEquals("\"search\";r=2;t=1200", signedIn.header("RateLimit"));
    }

    @Test
    void aRefusedClientGetsThroughAgainOnceItsQuotaIsBack() {
        String token = token("reader-1", "worker");
        assertEquals(200, given().auth().oauth2(token).get("/api/v1/legal-aid/faq").statusCode());
        assertEquals(200, given().auth().oauth2(token).get("/api/v1/legal-aid/faq").statusCode());
        Response refused = given().auth().oauth2(token).get("/api/v1/legal-aid/faq");
        assertProblem(refused, 429, "too-many-requests", "/api/v1/legal-aid/faq");
        // One request comes back every 2 s.
        long retryAfter = Long.parseLong(refused.header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 2, "Retry-After " + retryAfter);
        // Another client is not held up by this one.
        assertEquals(200, given().auth().oauth2(token("reader-2", "worker")).get("/api/v1/legal-aid/faq").statusCode());

        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
                .until(() -> given().auth().oauth2(token).get("/api/v1/legal-aid/faq").statusCode() == 200);
    }

    @Test
    void thePartnerSystemsOfOneOrganisationShareTheirQuota() {
        String path = "/api/v1/activities/partner-records";
        assertEquals(200, push(partnerToken("system-a", "org-1"), path).statusCode());
        assertEquals(200, push(partnerToken("system-b", "org-1"), path).statusCode());
        Response refused = push(partnerToken("system-c", "org-1"), path);
        assertProblem(refused, 429, "too-many-requests", path);
        assertEquals("\"partner-pushes\";q=2;w=3600", refused.header("RateLimit-Policy"));
        // Another organisation, and another class of request of the same one, have their own.
        assertEquals(200, push(partnerToken("system-d", "org-2"), path).statusCode());
        assertEquals(200, push(partnerToken("system-a", "org-1"), "/api/v1/activities/a-1/registrations").statusCode());
    }

    @Test
    void aChunkedBodyAboveTheClassLimitIsAPayloadTooLargeProblem() throws IOException {
        String response = sendChunked("/api/v1/activities/a-1/registrations", 4, 512);
        assertTrue(response.startsWith("HTTP/1.1 413"), response);
        JsonObject problem = new JsonObject(response.substring(response.indexOf("\r\n\r\n") + 4));
        assertEquals("urn:yizhan:problem:payload-too-large", problem.getString("type"));
        assertEquals("The request body exceeds the gateway's limit of 1024 bytes.", problem.getString("detail"));
        assertTrue(!response.contains("X-Upstream"), response);
    }

    @Test
    void aChunkedBodyWithinTheLimitPassesWhole() throws IOException {
        String response = sendChunked("/api/v1/activities/a-1/registrations", 2, 500);
        assertTrue(response.startsWith("HTTP/1.1 200"), response);
        String body = response.substring(response.indexOf("\r\n\r\n") + 4);
        assertTrue(body.contains("\"bodyBytes\":1000"), body);
    }

    @Test
    void aDeclaredBodyAboveTheClassLimitIsRefusedBeforeItIsForwarded() {
        Response response = given().auth().oauth2(token("writer-3", "worker"))
                .contentType("application/json")
                .body("{\"note\":\"" + "x".repeat(2000) + "\"}")
                .post("/api/v1/activities/a-1/registrations");
        assertProblem(response, 413, "payload-too-large", "/api/v1/activities/a-1/registrations");
        assertNull(response.header("X-Upstream"));
    }

    /** Uploads wait longer for the service than the other classes (1 s in the test profile). */
    @Test
    void eachClassWaitsForTheServiceAsLongAsItsUpstreamTimeout() {
        Response upload = given().auth().oauth2(token("uploader-1", "worker"))
                .contentType("application/octet-stream")
                .body(new byte[4096])
                .post("/api/v1/checkups/c-1/attachments?delay-ms=2500");
        assertEquals(200, upload.statusCode(), upload.asString());
        assertEquals(4096, json(upload).getLong("bodyBytes"));

        Response read = given().auth().oauth2(token("uploader-1", "worker")).get("/api/v1/checkups/c-1?delay-ms=2500");
        assertProblem(read, 504, "gateway-timeout", "/api/v1/checkups/c-1");
    }

    /**
     * A client that sends its body a byte at a time gets a 408 problem and loses its connection at
     * the body timeout (1 s here).
     */
    @Test
    void aClientThatTricklesItsBodyIsCutOff() throws Exception {
        String answer = trickleUntilCutOff("POST /api/v1/activities/a-1/registrations HTTP/1.1\r\nHost: localhost\r\n"
                + "Authorization: Bearer " + token("writer-4", "worker") + "\r\n"
                + "Content-Type: application/json\r\nContent-Length: 100\r\n\r\n");
        assertTrue(answer.startsWith("HTTP/1.1 408"), answer);
        assertTrue(answer.contains("urn:yizhan:problem:request-timeout"), answer);
        assertTrue(!answer.contains("X-Upstream"), answer);
        // The gateway itself is fine.
        assertEquals(200, given().auth().oauth2(token("writer-4", "worker")).body("{}")
                .post("/api/v1/activities/a-1/registrations").statusCode());
    }

    /** A client that sends its request head a byte at a time loses its connection at the header timeout (1 s here). */
    @Test
    void aClientThatTricklesItsHeadersIsCutOff() throws Exception {
        // The gateway guards the connections it accepts once it has served a request.
        assertEquals(200, given().get("/q/health/live").statusCode());
        String answer = trickleUntilCutOff("GET /api/v1/stations HTTP/1.1\r\nHost: localhost\r\nX-Custom: ");
        assertTrue(answer.isEmpty(), "no request was forwarded: " + answer);
        // A client that sends its head at once, over a kept connection, is not bothered.
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            for (int i = 0; i < 2; i++) {
                out.write(("GET /api/v1/stations/st-" + i + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                        + token("header-1", "worker") + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                Thread.sleep(1500);
            }
            socket.shutdownOutput();
            String answers = readUntilClosed(socket.getInputStream());
            assertEquals(2, answers.split("HTTP/1.1 200", -1).length - 1, answers);
        }
    }

    @Test
    void aConnectionUpgradedToHttp2OutlivesTheHeaderTimeout() throws Exception {
        assertEquals(200, given().get("/q/health/live").statusCode());
        // Java's client upgrades a plain connection to HTTP/2 (h2c) with its first request and sends the
        // next ones over it: one that takes longer than the 1 s header timeout must not lose it.
        java.net.http.HttpClient client = java.net.http.HttpClient.newBuilder()
                .version(java.net.http.HttpClient.Version.HTTP_2).build();
        String auth = "Bearer " + token("header-2", "worker");
        java.net.http.HttpResponse<String> first = client.send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://localhost:" + RestAssured.port + "/api/v1/stations/st-1"))
                .header("Authorization", auth).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(200, first.statusCode(), first.body());
        // An upload waits for the service up to 6 s in this profile; this one answers after 2.5 s.
        java.net.http.HttpResponse<String> slow = client.send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://localhost:" + RestAssured.port + "/api/v1/stations/st-2/photos?delay-ms=2500"))
                .header("Authorization", auth).header("Content-Type", "application/octet-stream")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(new byte[100])).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(200, slow.statusCode(), slow.body());
        assertEquals(java.net.http.HttpClient.Version.HTTP_2, slow.version());
    }

    @Test
    void aRefusedBodyOnAnHttp2ConnectionEndsItsStreamOnly() throws Exception {
        java.net.http.HttpClient client = java.net.http.HttpClient.newBuilder()
                .version(java.net.http.HttpClient.Version.HTTP_2).build();
        String auth = "Bearer " + token("header-3", "worker");
        String base = "http://localhost:" + RestAssured.port;
        assertEquals(java.net.http.HttpClient.Version.HTTP_2, client.send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(base + "/api/v1/stations/st-1")).header("Authorization", auth).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()).version());
        var slow = client.sendAsync(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(base + "/api/v1/stations/st-2/photos?delay-ms=2000"))
                .header("Authorization", auth).header("Content-Type", "application/octet-stream")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(new byte[100])).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        Thread.sleep(300);
        java.net.http.HttpResponse<String> refused = client.send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(base + "/api/v1/activities/a-1/registrations"))
                .header("Authorization", auth).header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"note\":\"" + "x".repeat(2000) + "\"}")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(413, refused.statusCode(), refused.body());
        // The other request on the connection is answered.
        assertEquals(200, slow.get(10, TimeUnit.SECONDS).statusCode());
    }

    /**
     * Sends {@code start}, then one byte every 250 ms (100 at most); asserts that the gateway ends
     * the connection after about its 1 s timeout, long before the client is done, and returns what
     * the gateway sent.
     */
    private static String trickleUntilCutOff(String start) throws Exception {
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(start.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            long startNanos = System.nanoTime();
            AtomicInteger sent = new AtomicInteger();
            CompletableFuture<Void> trickle = CompletableFuture.runAsync(() -> {
                try {
                    for (int i = 0; i < 100; i++) {
                        Thread.sleep(250);
                        out.write('x');
                        out.flush();
                        sent.incrementAndGet();
                    }
                } catch (IOException | InterruptedException e) {
                    // The gateway closed the connection.
                }
            });
            String answer = readUntilClosed(socket.getInputStream());
            long elapsedMs = (System.nanoTime() - startNanos) / 1_000_000;
            trickle.get(25, TimeUnit.SECONDS);
            assertTrue(elapsedMs >= 900 && elapsedMs < 10_000, "connection ended after " + elapsedMs + " ms");
            assertTrue(sent.get() < 60, "the client sent " + sent.get() + " of 100 bytes");
            return answer;
        }
    }

    private static String readUntilClosed(InputStream in) {
        StringBuilder received = new StringBuilder();
        try {
            int b;
            while ((b = in.read()) >= 0) {
                received.append((char) b);
            }
        } catch (IOException reset) {
            // A reset ends it as well.
        }
        return received.toString();
    }

    @Test
    void aPreflightFromAConfiguredOriginIsAllowedAndCached() {
        Response response = given()
                .header("Origin", ORIGIN)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type,idempotency-key")
                .options("/api/v1/legal-aid/cases");
        assertEquals(200, response.statusCode(), response.asString());
        assertEquals(ORIGIN, response.header("Access-Control-Allow-Origin"));
        assertTrue(response.header("Access-Control-Allow-Methods").contains("POST"));
        assertTrue(response.header("Access-Control-Allow-Headers").toLowerCase().contains("idempotency-key"));
        assertEquals("86400", response.header("Access-Control-Max-Age"));
        // Answered by the gateway: the preflight carries no token and is not forwarded.
        assertNull(response.header("X-Upstream"));
    }

    @Test
    void aPreflightFromAnotherOriginIsRefused() {
        Response response = given()
                .header("Origin", "https://elsewhere.example.com")
                .header("Access-Control-Request-Method", "POST")
                .options("/api/v1/legal-aid/cases");
        assertEquals(403, response.statusCode(), response.asString());
        assertNull(response.header("Access-Control-Allow-Origin"));
        assertNull(response.header("X-Upstream"));
    }

    @Test
    void aCrossOriginRequestGetsTheServicesAnswerWithTheCorsHeaders() {
        Response response = given().auth().oauth2(token("browser-1", "worker"))
                .header("Origin", ORIGIN)
                .get("/api/v1/checkups/c-1");
        assertEquals(200, response.statusCode(), response.asString());
        assertEquals("health-checkup-service", json(response).getString("upstream"));
        assertEquals(ORIGIN, response.header("Access-Control-Allow-Origin"));
        assertTrue(response.header("Access-Control-Expose-Headers").contains("RateLimit"));
    }

    private static Response push(String token, String path) {
        return given().auth().oauth2(token).contentType("application/json").body("{\"records\":[]}").post(path);
    }

    /** Sends {@code chunks} chunks of {@code size} bytes, chunked, and returns the whole answer. */
    private static String sendChunked(String path, int chunks, int size) throws IOException {
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: localhost\r\n"
                    + "Authorization: Bearer " + token("writer-" + chunks, "worker") + "\r\n"
                    + "Accept-Language: en\r\nConnection: close\r\n"
                    + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            try {
                for (int i = 0; i < chunks; i++) {
                    out.write((Integer.toHexString(size) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.write("y".repeat(size).getBytes(StandardCharsets.US_ASCII));
                    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                }
                out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
            } catch (IOException closed) {
                // The gateway may stop reading once the limit is passed; its answer is still there.
            }
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
