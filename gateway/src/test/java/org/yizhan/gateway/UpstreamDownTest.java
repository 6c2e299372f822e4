package org.yizhan.gateway;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.yizhan.gateway.TestSupport.assertProblem;
import static org.yizhan.gateway.TestSupport.json;
import static org.yizhan.gateway.TestSupport.token;

/**
 * legal-aid-service's URL points at a port where nothing listens: its only instance fails its
 * readiness checks and is out of rotation, so its requests get a 503 problem at once.
 */
@QuarkusTest
@TestProfile(UpstreamDownTest.LegalAidDown.class)
@WithTestResource(value = GatewayTestResource.class,
        initArgs = @ResourceArg(name = GatewayTestResource.DOWN, value = "legal-aid-service"))
class UpstreamDownTest {

    public static class LegalAidDown implements QuarkusTestProfile {
    }

    @BeforeEach
    void legalAidIsOutOfRotation() {
        // The first readiness round runs as the gateway starts; a refused forward would take it out too.
        await().atMost(Duration.ofSeconds(10)).until(() -> "unreachable".equals(readiness().getString("legal-aid-service")));
    }

    @Test
    void aServiceWithoutAnInstanceInRotationIsAServiceUnavailableProblemWithRetryAfter() {
        Response response = given().auth().oauth2(token("worker-12", "worker"))
                .contentType("application/json")
                .body("{\"question\":\"工资被拖欠怎么办？\"}")
                .post("/api/v1/legal-aid/cases?source=station");
        JsonObject problem = assertProblem(response, 503, "service-unavailable", "/api/v1/legal-aid/cases");
        assertEquals("上游服务暂不可用", problem.getString("title"));
        assertTrue(problem.getString("detail").contains("legal-aid-service"), problem.getString("detail"));
        // The period of the readiness checks (2 s by default): when the instance may be back.
        assertEquals("2", response.header("Retry-After"));
    }

    @Test
    void theServiceUnavailableProblemSpeaksEnglishOnRequest() {
        Response response = given().auth().oauth2(token("worker-13", "worker"))
                .header("Accept-Language", "en-GB")
                .get("/api/v1/legal-aid");
        JsonObject problem = assertProblem(response, 503, "service-unavailable", "/api/v1/legal-aid");
        assertEquals("Service unavailable", problem.getString("title"));
        assertEquals("No instance of legal-aid-service is ready now. Retry in 2 s.", problem.getString("detail"));
    }

    @Test
    void theOtherServicesAreStillReachable() {
        Response response = given().get("/api/v1/stations");
        assertEquals(200, response.statusCode());
        assertEquals("station-service", response.header("X-Upstream"));
    }

    @Test
    void readinessStaysUpAndReportsTheDownUpstream() {
        Response response = given().get("/q/health/ready");
        assertEquals(200, response.statusCode(), response.asString());
        JsonObject health = json(response);
        assertEquals("UP", health.getString("status"));
        JsonObject data = upstreamsCheck(health.getJsonArray("checks")).getJsonObject("data");
        assertEquals("unreachable", data.getString("legal-aid-service"));
        assertEquals("reachable", data.getString("station-service"));
        assertTrue(data.fieldNames().stream().anyMatch(key -> key.startsWith("legal-aid-service 127.0.0.1:")
                && "out of rotation".equals(data.getString(key))), data.encode());
    }

    private static JsonObject readiness() {
        return upstreamsCheck(json(given().get("/q/health/ready")).getJsonArray("checks")).getJsonObject("data");
    }

    static JsonObject upstreamsCheck(JsonArray checks) {
        for (int i = 0; i < checks.size(); i++) {
            if ("upstreams".equals(checks.getJsonObject(i).getString("name"))) {
                return checks.getJsonObject(i);
            }
        }
        throw new AssertionError("no upstreams check in " + checks.encode());
    }

    @Test
    void theDocumentsOfAServiceThatIsDownAreUnavailableAndSaySo() {
        for (String path : java.util.List.of("/api-docs/legal-aid-service.json", "/api-docs/yizhan.json")) {
            given().get(path).then().statusCode(503)
                    .contentType(org.hamcrest.Matchers.startsWith("application/problem+json"))
                    .body("detail", org.hamcrest.Matchers.containsString("legal-aid-service"));
        }
        given().get("/api-docs/station-service.json").then().statusCode(200);
    }
}
