package org.yizhan.gateway;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.yizhan.gateway.TestSupport.json;

/** /q/* is answered by the gateway itself, never forwarded. */
@QuarkusTest
@WithTestResource(GatewayTestResource.class)
class LocalEndpointsTest {

    @Test
    void readinessIsLocalAndUpWithEveryUpstreamReachable() {
        Response response = given().get("/q/health/ready");
        assertEquals(200, response.statusCode(), response.asString());
        assertNull(response.header("X-Upstream"));
        JsonObject health = json(response);
        assertEquals("UP", health.getString("status"));
        JsonObject data = UpstreamDownTest.upstreamsCheck(health.getJsonArray("checks")).getJsonObject("data");
        for (String upstream : GatewayTestResource.URL_PROPERTIES.keySet()) {
            assertEquals("reachable", data.getString(upstream), upstream);
        }
    }

    @Test
    void livenessIsUp() {
        Response response = given().get("/q/health/live");
        assertEquals(200, response.statusCode());
        assertEquals("UP", json(response).getString("status"));
    }

    @Test
    void openApiDescribesTheGateway() {
        Response response = given().queryParam("format", "json").get("/q/openapi");
        assertEquals(200, response.statusCode());
        JsonObject openApi = json(response);
        assertEquals("Yizhan API gateway", openApi.getJsonObject("info").getString("title"));
        assertTrue(openApi.getJsonObject("paths").containsKey("/api/v1/stations"));
        assertTrue(openApi.getJsonObject("components").getJsonObject("securitySchemes").containsKey("bearer"));
        JsonObject forwarded = openApi.getJsonObject("paths").getJsonObject("/api/v1/legal-aid/{path}")
                .getJsonObject("get").getJsonObject("responses");
        for (String status : new String[] {"401", "408", "413", "429", "502", "503", "504"}) {
            assertTrue(forwarded.containsKey(status), status + " in " + forwarded.fieldNames());
        }
        assertTrue(openApi.getJsonObject("components").getJsonObject("responses").getJsonObject("TooManyRequests")
                .getJsonObject("headers").containsKey("RateLimit-Policy"));
    }

    @Test
    void swaggerUiIsServed() {
        Response response = given().get("/q/swagger-ui/");
        assertEquals(200, response.statusCode());
        assertTrue(response.asString().toLowerCase().contains("swagger"));
        assertNull(response.header("X-Upstream"));
    }

    @Test
    void nonApiPathsAreNotForwarded() {
        Response response = given().get("/v1/stations");
        assertEquals(404, response.statusCode());
        assertNull(response.header("X-Upstream"));
    }
}
