package org.yizhan.gateway;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.yizhan.gateway.TestSupport.assertProblem;
import static org.yizhan.gateway.TestSupport.json;
import static org.yizhan.gateway.TestSupport.token;

/**
 * A request is sent to the service again only when that cannot change the outcome: a method safe
 * to repeat, no body, and a connection that failed before any answer. The echo upstream drops the
 * first connection of each {@code __break-once} mark and counts the attempts of each {@code count} mark.
 */
@QuarkusTest
@WithTestResource(GatewayTestResource.class)
class RetryTest {

    @Test
    void aReadWhoseConnectionBrokeBeforeTheAnswerIsSentAgain() {
        String mark = mark();
        Response response = given().auth().oauth2(token("worker-21", "worker"))
                .get("/api/v1/activities/p-1/__break-once?count=" + mark);
        assertEquals(200, response.statusCode(), response.asString());
        assertEquals("services-service", response.header("X-Upstream"));
        assertEquals(2, EchoUpstream.attempts(mark));
    }

    @Test
    void aDeleteWithoutBodyIsSentAgain() {
        String mark = mark();
        Response response = given().auth().oauth2(token("worker-22", "worker"))
                .delete("/api/v1/checkups/c-1/__break-once?count=" + mark);
        assertEquals(200, response.statusCode(), response.asString());
        assertEquals("DELETE", json(response).getString("method"));
        assertEquals(2, EchoUpstream.attempts(mark));
    }

    @Test
    void aPostIsNeverSentAgain() {
        String mark = mark();
        Response response = given().auth().oauth2(token("worker-23", "worker"))
                .contentType("application/json")
                .body("{\"occupation\":\"COURIER\"}")
                .post("/api/v1/activities/a-1/registrations/__break-once?count=" + mark);
        assertProblem(response, 502, "bad-gateway", "/api/v1/activities/a-1/registrations/__break-once");
        assertEquals(1, EchoUpstream.attempts(mark));
    }

    @Test
    void aPutWithABodyIsNotSentAgain() {
        // The body has been streamed to the service and is gone; the client must send it again itself.
        String mark = mark();
        Response response = given().auth().oauth2(token("worker-24", "worker"))
                .contentType("application/json")
                .body("{\"name\":\"驿站\"}")
                .put("/api/v1/stations/st-1/__break-once?count=" + mark);
        assertProblem(response, 502, "bad-gateway", "/api/v1/stations/st-1/__break-once");
        assertEquals(1, EchoUpstream.attempts(mark));
    }

    @Test
    void aReadIsSentAgainOnceOnly() {
        String mark = mark();
        Response response = given().auth().oauth2(token("worker-25", "worker"))
                .get("/api/v1/legal-aid/cases/__break?count=" + mark);
        assertProblem(response, 502, "bad-gateway", "/api/v1/legal-aid/cases/__break");
        assertEquals(2, EchoUpstream.attempts(mark));
    }

    @Test
    void aReadThatTimedOutIsNotSentAgain() {
        String mark = mark();
        Response response = given().auth().oauth2(token("worker-26", "worker"))
                .get("/api/v1/legal-aid/cases?delay-ms=3000&count=" + mark);
        assertProblem(response, 504, "gateway-timeout", "/api/v1/legal-aid/cases");
        assertEquals(1, EchoUpstream.attempts(mark));
    }

    @Test
    void corsIsOffByDefault() {
        Response response = given()
                .header("Origin", "https://app.example.org")
                .header("Access-Control-Request-Method", "GET")
                .options("/api/v1/stations");
        assertNull(response.header("Access-Control-Allow-Origin"));
    }

    private static String mark() {
        return UUID.randomUUID().toString();
    }
}
