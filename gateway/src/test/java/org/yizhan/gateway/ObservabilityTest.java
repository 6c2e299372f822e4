package org.yizhan.gateway;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.yizhan.gateway.TestSupport.json;
import static org.yizhan.gateway.TestSupport.token;

/**
 * The gateway starts the trace of a request (or joins the caller's) and hands it to the service as
 * {@code traceparent}; /q/metrics counts requests per route prefix (which names the service),
 * never per path.
 */
@QuarkusTest
@WithTestResource(GatewayTestResource.class)
class ObservabilityTest {

    private static final Pattern TRACEPARENT = Pattern.compile("00-([0-9a-f]{32})-([0-9a-f]{16})-0[01]");

    @Test
    void aRequestWithoutTraceStartsOneThatTheServiceReceives() {
        Response response = given().auth().oauth2(token("worker-1", "worker"))
                .when().get("/api/v1/stations/st-7/facilities");
        assertEquals(200, response.statusCode(), response.asString());
        String forwarded = json(response).getJsonObject("headers").getString("traceparent");
        assertNotNull(forwarded, "the service receives the trace context");
        assertTrue(TRACEPARENT.matcher(forwarded).matches(), forwarded);
    }

    @Test
    void aCallersTraceIsContinuedWithTheGatewaysOwnSpan() {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        String callerSpan = "00f067aa0ba902b7";
        Response response = given().auth().oauth2(token("worker-1", "worker"))
                .header("traceparent", "00-" + traceId + "-" + callerSpan + "-01")
                .when().get("/api/v1/activities");
        assertEquals(200, response.statusCode(), response.asString());
        String header = json(response).getJsonObject("headers").getString("traceparent");
        Matcher forwarded = TRACEPARENT.matcher(header);
        assertTrue(forwarded.matches(), header);
        assertEquals(traceId, forwarded.group(1), "the same trace");
        assertNotEquals(callerSpan, forwarded.group(2), "a span of the gateway in between");
    }

    @Test
    void requestsAreCountedPerRoutePrefixNotPerPath() {
        for (String id : new String[] {"st-1", "st-2", "st-3"}) {
            given().auth().oauth2(token("worker-1", "worker")).when().get("/api/v1/stations/" + id)
                    .then().statusCode(200);
        }
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();

        assertTrue(count(metrics, "http_server_requests_seconds_count", "uri=\"/api/v1/stations\"") >= 3, metrics);
        assertTrue(count(metrics, "http_server_requests_seconds_bucket", "uri=\"/api/v1/stations\"") >= 3,
                "latency buckets per route");
        assertTrue(metrics.lines().noneMatch(l -> l.contains("st-1") || l.contains("st-2")),
                "no series per path");
    }

    private static double count(String metrics, String name, String label) {
        // A sample line: name{labels} value [# {exemplar} value timestamp]
        return metrics.lines().filter(l -> l.startsWith(name + "{") && l.contains(label))
                .map(l -> l.contains(" # ") ? l.substring(0, l.indexOf(" # ")) : l)
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }
}
