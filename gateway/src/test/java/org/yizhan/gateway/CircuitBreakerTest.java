package org.yizhan.gateway;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.yizhan.gateway.TestSupport.assertProblem;
import static org.yizhan.gateway.TestSupport.json;
import static org.yizhan.gateway.TestSupport.token;

/** The circuit of a service opens after three failures and stays open for two seconds; no rate limits. */
@QuarkusTest
@TestProfile(CircuitBreakerTest.QuickCircuit.class)
@WithTestResource(GatewayTestResource.class)
class CircuitBreakerTest {

    public static class QuickCircuit implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "yizhan.gateway.circuit-breaker.failures", "3",
                    "yizhan.gateway.circuit-breaker.window", "1m",
                    "yizhan.gateway.circuit-breaker.open-for", "2s",
                    "yizhan.gateway.rate-limit.enabled", "false");
        }
    }

    @Test
    void aCircuitOpensAfterFailuresAnswers503WithRetryAfterAndClosesWhenTheServiceIsBack() {
        String token = token("worker-31", "worker");
        for (int i = 0; i < 3; i++) {
            Response failed = given().auth().oauth2(token).body("{}").post("/api/v1/checkups/c-1/__break");
            assertProblem(failed, 502, "bad-gateway", "/api/v1/checkups/c-1/__break");
        }

        // Open: even a request the service would answer is refused at once, with the time to wait.
        Response refused = given().auth().oauth2(token).header("Accept-Language", "en").get("/api/v1/checkups/c-1");
        JsonObject problem = assertProblem(refused, 503, "service-unavailable", "/api/v1/checkups/c-1");
        assertEquals("Service unavailable", problem.getString("title"));
        assertTrue(problem.getString("detail").contains("health-checkup-service"), problem.getString("detail"));
        long retryAfter = Long.parseLong(refused.header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 2, "Retry-After " + retryAfter);
        assertNull(refused.header("X-Upstream"));

        // The other services' circuits are their own.
        assertEquals(200, given().auth().oauth2(token).get("/api/v1/legal-aid/cases").statusCode());
        JsonObject ready = UpstreamDownTest.upstreamsCheck(json(given().get("/q/health/ready")).getJsonArray("checks"))
                .getJsonObject("data");
        assertEquals("open", ready.getString("health-checkup-service-circuit"));
        assertEquals("closed", ready.getString("legal-aid-service-circuit"));

        // After the open time one request is tried; the service answers, and the circuit closes.
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(250))
                .until(() -> given().auth().oauth2(token).get("/api/v1/checkups/c-1").statusCode() == 200);
        for (int i = 0; i < 5; i++) {
            Response response = given().auth().oauth2(token).get("/api/v1/checkups/c-" + i);
            assertEquals(200, response.statusCode(), response.asString());
            assertEquals("health-checkup-service", response.header("X-Upstream"));
        }
        assertEquals("closed", UpstreamDownTest.upstreamsCheck(json(given().get("/q/health/ready")).getJsonArray("checks"))
                .getJsonObject("data").getString("health-checkup-service-circuit"));
    }

    @Test
    void answersOfTheServiceDoNotCountAsFailures() {
        String token = token("worker-32", "worker");
        for (int i = 0; i < 6; i++) {
            Response response = given().auth().oauth2(token).get("/api/v1/legal-aid/cases?status=503");
            assertEquals(503, response.statusCode());
            assertEquals("legal-aid-service", response.header("X-Upstream"));
            // Rate limits are off in this profile: nothing counted, nothing announced.
            assertNull(response.header("RateLimit"));
            assertNull(response.header("RateLimit-Policy"));
        }
        assertEquals(200, given().auth().oauth2(token).get("/api/v1/legal-aid/cases").statusCode());
    }
}
