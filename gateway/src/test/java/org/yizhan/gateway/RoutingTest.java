package org.yizhan.gateway;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.yizhan.gateway.TestSupport.assertProblem;
import static org.yizhan.gateway.TestSupport.json;
import static org.yizhan.gateway.TestSupport.token;

@QuarkusTest
@WithTestResource(GatewayTestResource.class)
class RoutingTest {

    @ParameterizedTest
    @CsvSource({
            "GET,    /api/v1/stations,                     station-service",
            "GET,    /api/v1/stations/st-42/facilities,    station-service",
            "PUT,    /api/v1/stations/st-42,               station-service",
            "GET,    /api/v1/complaints/overdue,           station-service",
            "GET,    /api/v1/activities,                   services-service",
            "POST,   /api/v1/activities/a-7/registrations, services-service",
            "DELETE, /api/v1/checkups/c-9,                 health-checkup-service",
            "GET,    /api/v1/checkups/c-9/report,          health-checkup-service",
            "PATCH,  /api/v1/legal-aid/cases/l-1,          legal-aid-service",
            "GET,    /api/v1/legal-aid,                    legal-aid-service",
            "GET,    /api/v1/ops/station-service/dead-letters, station-service",
            "POST,   /api/v1/ops/services-service/outbox/parked/e-1/republish, services-service",
            "GET,    /api/v1/ops/health-checkup-service/dead-letters/d-1, health-checkup-service",
            "POST,   /api/v1/ops/legal-aid-service/dead-letters/d-2/replay, legal-aid-service",
            "GET,    /api/v1/me/overview,                  overview-service",
            "GET,    /api/v1/districts/d-1/dashboard,      overview-service",
    })
    void eachPrefixGoesToItsServiceWithPathAndQueryIntact(String method, String path, String upstream) {
        Response response = given()
                .auth().oauth2(token("worker-1", "worker"))
                .urlEncodingEnabled(false)
                .body(method.equals("GET") || method.equals("DELETE") ? "" : "{}")
                .request(method, path + "?city=%E6%88%90%E9%83%BD&page=2&tag=a&tag=b");
        assertEquals(200, response.statusCode(), response.asString());
        JsonObject echo = json(response);
        assertEquals(upstream, echo.getString("upstream"));
        assertEquals(upstream, response.header("X-Upstream"));
        assertEquals(method, echo.getString("method"));
        assertEquals(path, echo.getString("path"));
        assertEquals("city=%E6%88%90%E9%83%BD&page=2&tag=a&tag=b", echo.getString("query"));
    }

    @Test
    void connectionsToAServiceAreKeptAndReused() throws Exception {
        // One keep-alive client connection stays on one event loop, whose connections to the service are reused.
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest faq = HttpRequest.newBuilder(URI.create(RestAssured.baseURI + ":" + RestAssured.port
                + "/api/v1/legal-aid/faq")).header("Authorization", "Bearer " + token("worker-1", "worker")).build();
        JsonObject first = new JsonObject(client.send(faq, HttpResponse.BodyHandlers.ofString()).body());
        JsonObject second = new JsonObject(client.send(faq, HttpResponse.BodyHandlers.ofString()).body());
        assertEquals("HTTP_1_1", first.getString("version"));
        assertEquals(first.getInteger("connectionPort"), second.getInteger("connectionPort"));
    }

    @Test
    void authorizationAndOtherHeadersAreForwarded() {
        String token = token("worker-2", "worker");
        Response response = given()
                .auth().oauth2(token)
                .header("X-Custom", "kept")
                .header("Accept-Language", "zh-CN")
                .get("/api/v1/activities");
        assertEquals(200, response.statusCode(), response.asString());
        JsonObject headers = json(response).getJsonObject("headers");
        assertEquals("Bearer " + token, headers.getString("authorization"));
        assertEquals("kept", headers.getString("x-custom"));
        assertEquals("zh-CN", headers.getString("accept-language"));
    }

    @Test
    void forwardedHeadersDescribeTheClientsRequest() {
        Response response = given()
                .header("X-Forwarded-For", "203.0.113.9")
                .get("/api/v1/stations/st-1");
        assertEquals(200, response.statusCode(), response.asString());
        JsonObject headers = json(response).getJsonObject("headers");
        String chain = headers.getString("x-forwarded-for");
        assertTrue(chain.startsWith("203.0.113.9, "), chain);
        String client = chain.substring("203.0.113.9, ".length());
        assertTrue(client.equals("127.0.0.1") || client.equals("0:0:0:0:0:0:0:1") || client.equals("::1"), chain);
        assertEquals("http", headers.getString("x-forwarded-proto"));
        String forwardedHost = headers.getString("x-forwarded-host");
        assertNotNull(forwardedHost);
        assertEquals("localhost:" + RestAssured.port, forwardedHost);
        // The upstream is addressed as itself, not under the gateway's host name.
        assertNotEquals(forwardedHost, headers.getString("host"));
    }

    @Test
    void anIncomingRequestIdIsKeptForwardedAndReturned() {
        Response response = given()
                .header("X-Request-Id", "station-app-1234")
                .get("/api/v1/stations");
        assertEquals(200, response.statusCode());
        assertEquals("station-app-1234", json(response).getJsonObject("headers").getString("x-request-id"));
        assertEquals("station-app-1234", response.header("X-Request-Id"));
    }

    @Test
    void aMissingRequestIdIsGeneratedForwardedAndReturned() {
        Response response = given().get("/api/v1/stations");
        assertEquals(200, response.statusCode());
        String returned = response.header("X-Request-Id");
        assertNotNull(returned);
        assertEquals(returned, UUID.fromString(returned).toString());
        assertEquals(returned, json(response).getJsonObject("headers").getString("x-request-id"));
    }

    @Test
    void anUnsafeRequestIdIsReplaced() {
        Response response = given()
                .header("X-Request-Id", "evil id\" with spaces")
                .get("/api/v1/stations");
        String returned = response.header("X-Request-Id");
        assertEquals(returned, UUID.fromString(returned).toString());
        assertEquals(returned, json(response).getJsonObject("headers").getString("x-request-id"));
    }

    @Test
    void aLargeUploadStreamsThroughIntact() throws Exception {
        // Larger than Quarkus' default 10 MiB body limit, which the gateway raises because it never
        // holds a body; the echo upstream hashes what arrives as it arrives.
        byte[] body = new byte[12 * 1024 * 1024 + 17];
        new Random(20240601L).nextBytes(body);
        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));

        Response response = given()
                .auth().oauth2(token("worker-3", "worker"))
                .contentType("application/octet-stream")
                .body(body)
                .post("/api/v1/checkups/c-1/attachments");
        assertEquals(200, response.statusCode(), response.asString());
        JsonObject echo = json(response);
        assertEquals(body.length, echo.getLong("bodyBytes"));
        assertEquals(expected, echo.getString("bodySha256"));
    }

    @Test
    void aLargeResponseStreamsBackIntact() throws Exception {
        int size = 9 * 1024 * 1024 + 5;
        MessageDigest expected = MessageDigest.getInstance("SHA-256");
        for (long i = 0; i < size; i++) {
            expected.update(EchoUpstream.patternByte(i));
        }
        Response response = given()
                .auth().oauth2(token("worker-4", "worker"))
                .get("/api/v1/legal-aid/documents/d-1?bytes=" + size);
        assertEquals(200, response.statusCode());
        byte[] received = response.asByteArray();
        assertEquals(size, received.length);
        assertEquals(HexFormat.of().formatHex(expected.digest()),
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(received)));
    }

    @Test
    void aDeclaredBodyAboveTheLimitIsAPayloadTooLargeProblem() throws Exception {
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(10_000);
            String head = "POST /api/v1/checkups/c-1/attachments HTTP/1.1\r\n"
                    + "Host: localhost\r\n"
                    + "Authorization: Bearer " + token("worker-3", "worker") + "\r\n"
                    + "Content-Type: application/octet-stream\r\n"
                    + "Content-Length: " + (65L * 1024 * 1024) + "\r\n"
                    + "Accept-Language: en\r\n\r\n";
            socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            // The gateway answers without reading the body and closes the connection.
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(response.startsWith("HTTP/1.1 413"), response);
            assertTrue(response.toLowerCase().contains("content-type: application/problem+json"), response);
            JsonObject problem = new JsonObject(response.substring(response.indexOf("\r\n\r\n") + 4));
            assertEquals("urn:yizhan:problem:payload-too-large", problem.getString("type"));
            assertEquals("Payload too large", problem.getString("title"));
            assertEquals(413, problem.getInteger("status"));
        }
    }

    @Test
    void theUpstreamsStatusPassesThrough() {
        Response response = given()
                .auth().oauth2(token("worker-5", "worker"))
                .body("{}")
                .post("/api/v1/activities/a-1/registrations?status=201");
        assertEquals(201, response.statusCode());
        assertEquals("services-service", json(response).getString("upstream"));
    }

    @ParameterizedTest
    @CsvSource({"/api/v1/unknown", "/api/v2/stations", "/api/v1/stationsx", "/api", "/api/v1/partners/p-3"})
    void anUnknownApiPathIsANotFoundProblem(String path) {
        Response response = given().auth().oauth2(token("worker-6", "worker")).get(path);
        assertProblem(response, 404, "not-found", path);
        assertEquals(null, response.header("X-Upstream"));
    }
}
