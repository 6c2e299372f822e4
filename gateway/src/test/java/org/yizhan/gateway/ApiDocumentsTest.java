package org.yizhan.gateway;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The API documents the gateway publishes: each service's as reached through it, and all in one. */
@QuarkusTest
@WithTestResource(GatewayTestResource.class)
class ApiDocumentsTest {

    private static final List<String> SERVICES = List.of("station-service", "services-service",
            "health-checkup-service", "legal-aid-service", "overview-service");

    @Test
    void theIndexNamesTheCombinedDocumentAndEachService() {
        List<String> names = given().get("/api-docs").then().statusCode(200).extract().path("urls.name");
        List<String> expected = new java.util.ArrayList<>(List.of("yizhan"));
        expected.addAll(SERVICES);
        assertEquals(expected, names);
        given().get("/api-docs").then().body("routes.find { it.prefix == '/api/v1/checkups/feed' }.service",
                equalTo("health-checkup-service")).body("routes.size()", equalTo(GatewayRoutes.ROUTES.size()));
    }

    @Test
    void aServicesDocumentNamesTheGatewayAndWhatItAddsToEveryOperation() {
        JsonPath doc = given().get("/api-docs/legal-aid-service.json").then().statusCode(200)
                .contentType(containsString("application/json")).extract().jsonPath();
        assertTrue(doc.getString("servers[0].url").matches("http://localhost:\\d+"), doc.getString("servers"));
        String op = "paths.'/api/v1/legal-aid-service/items/{id}'.get.responses";
        for (String status : List.of("408", "413", "429", "502", "503", "504")) {
            String ref = doc.getString(op + ".'" + status + "'.$ref");
            assertNotNull(ref, status);
            String component = ref.substring("#/components/responses/".length());
            assertNotNull(doc.get("components.responses." + component), ref);
        }
        assertEquals("#/components/responses/GatewayTooManyRequests", doc.getString(op + ".'429'.$ref"));
        assertEquals("#/components/headers/GatewayRateLimit", doc.getString(op + ".'200'.headers.RateLimit.$ref"));
        // A response given by reference gets the headers on the component it refers to.
        assertEquals("#/components/headers/GatewayRateLimitPolicy",
                doc.getString("components.responses.NotFound.headers.RateLimit-Policy.$ref"));
        assertNotNull(doc.get("components.headers.GatewayRetryAfter"));
        // The gateway's problem schema came along under its own name, next to the service's.
        assertNotNull(doc.get("components.schemas.GatewayProblem"));
        assertEquals(Map.of("title", Map.of("type", "string")), doc.get("components.schemas.Problem.properties"));
    }

    @Test
    void theCombinedDocumentHoldsEveryServicesOperationsAndTellsTheirSchemasApart() {
        JsonPath doc = given().get("/api-docs/yizhan.json").then().statusCode(200).extract().jsonPath();
        Map<String, Object> paths = doc.getMap("paths");
        assertEquals(2 * SERVICES.size(), paths.size(), paths.keySet().toString());
        for (String service : SERVICES) {
            String ref = doc.getString("paths.'/api/v1/" + service + "/items/{id}'.get.responses.'200'.content."
                    + "'application/json'.schema.$ref");
            String schema = ref.substring("#/components/schemas/".length());
            Map<String, Object> properties = doc.getMap("components.schemas." + schema + ".properties");
            assertEquals(List.of(service.replace('-', '_')), List.copyOf(properties.keySet()), service + ": " + ref);
        }
        // Each service's operations endpoints under its own name, as the gateway routes them.
        for (String service : SERVICES) {
            assertEquals(List.of(), doc.getList("paths.'/api/v1/ops/" + service + "/dead-letters'.get.parameters"),
                    service);
        }
        // The same Problem in every service is one schema; the tags are not repeated.
        assertEquals(2, ((Map<?, ?>) doc.get("components.schemas")).keySet().stream()
                .filter(name -> name.toString().endsWith("Problem")).count(), "Problem and GatewayProblem");
        assertEquals(1, doc.getList("tags.findAll { it.name == 'shared' }").size());
        assertEquals("Yizhan API", doc.getString("info.title"));
    }

    @Test
    void anUnknownDocumentIsANotFoundProblem() {
        given().get("/api-docs/nothing.json").then().statusCode(404)
                .contentType(startsWith("application/problem+json")).body("status", equalTo(404));
    }
}
