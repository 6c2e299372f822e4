package org.yizhan.gateway;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.yizhan.telemetry.UrlQueryRedaction;

import java.time.Duration;
import java.util.List;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

    @Inject
    InMemorySpanExporter spans;

    /**
     * The spans are named by the route prefix, and a query, which may say where a worker stands,
     * reaches neither the server span nor the client span: only its parameters' names do.
     */
    @Test
    void spansNameTheRoutePrefixAndKeepNoQueryValues() {
        Response response = given().auth().oauth2(token("worker-1", "worker"))
                .header("X-Request-Id", "span-query-1")
                .when().get("/api/v1/stations/nearby?lat=39.7412345&lon=116.3312345&q=%E5%BC%A0");
        assertEquals(200, response.statusCode(), response.asString());
        String traceparent = json(response).getJsonObject("headers").getString("traceparent");
        Matcher forwarded = TRACEPARENT.matcher(traceparent);
        assertTrue(forwarded.matches(), traceparent);

        List<SpanData> trace = await().atMost(Duration.ofSeconds(10)).until(() -> spans.getFinishedSpanItems().stream()
                .filter(s -> s.getTraceId().equals(forwarded.group(1))).toList(), found -> found.size() == 2);
        SpanData server = trace.stream().filter(s -> s.getKind() == SpanKind.SERVER).findFirst().orElseThrow();
        SpanData client = trace.stream().filter(s -> s.getKind() == SpanKind.CLIENT).findFirst().orElseThrow();
        assertEquals("GET /api/v1/stations", server.getName());
        assertEquals("/api/v1/stations", server.getAttributes().get(AttributeKey.stringKey("http.route")));
        assertEquals("lat=REDACTED&lon=REDACTED&q=REDACTED", server.getAttributes().get(UrlQueryRedaction.URL_QUERY));
        assertEquals(server.getSpanId(), client.getParentSpanId());
        assertEquals(forwarded.group(2), client.getSpanId(), "the service's parent is the client span");
        assertTrue(client.getAttributes().get(UrlQueryRedaction.URL_FULL)
                .endsWith("/api/v1/stations/nearby?lat=REDACTED&lon=REDACTED&q=REDACTED"), client.toString());
        for (SpanData span : trace) {
            span.getAttributes().forEach((key, value) -> assertFalse(String.valueOf(value).contains("39.7412345")
                    || String.valueOf(value).contains("%E5%BC%A0") || String.valueOf(value).contains("张"), key.getKey()));
        }
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
