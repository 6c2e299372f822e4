package org.yizhan.gateway;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.yizhan.gateway.TestSupport.assertProblem;
import static org.yizhan.gateway.TestSupport.token;

@QuarkusTest
@WithTestResource(GatewayTestResource.class)
class UpstreamFailureTest {

    @Test
    void anUpstreamThatDoesNotAnswerInTimeIsAGatewayTimeoutProblem() {
        long start = System.nanoTime();
        Response response = given().auth().oauth2(token("worker-7", "worker"))
                .header("X-Request-Id", "slow-1")
                .get("/api/v1/checkups/c-2?delay-ms=4000");
        long elapsedMs = (System.nanoTime() - start) / 1_000_000;
        JsonObject problem = assertProblem(response, 504, "gateway-timeout", "/api/v1/checkups/c-2");
        assertEquals("上游服务响应超时", problem.getString("title"));
        assertTrue(problem.getString("detail").contains("health-checkup-service"), problem.getString("detail"));
        assertEquals("slow-1", response.header("X-Request-Id"));
        // upstream-timeout is 1s in the test profile: the gateway gave up long before the upstream answered.
        assertTrue(elapsedMs >= 900 && elapsedMs < 3500, "took " + elapsedMs + " ms");
    }

    @Test
    void anUpstreamThatAnswersWithinTheTimeoutIsNotCutOff() {
        Response response = given().auth().oauth2(token("worker-8", "worker"))
                .get("/api/v1/checkups/c-3?delay-ms=300");
        assertEquals(200, response.statusCode(), response.asString());
        assertEquals("health-checkup-service", response.header("X-Upstream"));
    }

    @Test
    void theTimeoutProblemSpeaksEnglishOnRequest() {
        Response response = given().auth().oauth2(token("worker-9", "worker"))
                .header("Accept-Language", "en")
                .get("/api/v1/legal-aid/cases?delay-ms=4000");
        JsonObject problem = assertProblem(response, 504, "gateway-timeout", "/api/v1/legal-aid/cases");
        assertEquals("Gateway timeout", problem.getString("title"));
    }

    @Test
    void anUpstreamThatDropsTheConnectionIsABadGatewayProblem() {
        Response response = given().auth().oauth2(token("worker-10", "worker"))
                .body("some payload")
                .post("/api/v1/activities/p-1/__break");
        JsonObject problem = assertProblem(response, 502, "bad-gateway", "/api/v1/activities/p-1/__break");
        assertEquals("上游服务不可用", problem.getString("title"));
        assertTrue(problem.getString("detail").contains("services-service"), problem.getString("detail"));
        assertTrue(response.header("X-Request-Id") != null);
    }

    @Test
    void theGatewayStillServesAfterUpstreamFailures() {
        given().auth().oauth2(token("worker-11", "worker")).get("/api/v1/activities/p-1/__break");
        Response response = given().auth().oauth2(token("worker-11", "worker")).get("/api/v1/activities/p-1");
        assertEquals(200, response.statusCode());
        assertEquals("services-service", response.header("X-Upstream"));
    }
}
