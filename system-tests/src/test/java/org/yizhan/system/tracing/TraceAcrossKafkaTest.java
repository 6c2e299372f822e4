package org.yizhan.system.tracing;

import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yizhan.localstack.run.Stack;
import org.yizhan.system.stack.TestStacks;
import org.yizhan.system.tracing.OtlpReceiver.ReceivedSpan;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static io.opentelemetry.proto.trace.v1.Span.SpanKind.SPAN_KIND_CLIENT;
import static io.opentelemetry.proto.trace.v1.Span.SpanKind.SPAN_KIND_CONSUMER;
import static io.opentelemetry.proto.trace.v1.Span.SpanKind.SPAN_KIND_SERVER;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * One request followed through the whole system (ADR 0023): the packaged gateway and services,
 * each in its own JVM with tracing on, export their spans over OTLP to a receiver in this JVM
 * ({@link OtlpReceiver}). A station registered through the gateway must give one trace that goes
 * from the gateway through station-service and, across the outbox and Kafka, to the consumers of
 * {@code station.registered} in the other services; and no span may carry what a request said.
 */
class TraceAcrossKafkaTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String TOPIC = "yizhan.station.v1";
    /** The services that keep a replica of the stations, each handling station.registered. */
    private static final Set<String> CONSUMERS = Set.of("services-service", "health-checkup-service", "legal-aid-service");

    static OtlpReceiver receiver;
    static Stack stack;

    @BeforeAll
    static void up() {
        receiver = OtlpReceiver.start();
        stack = TestStacks.up("tr", Map.of(
                        "QUARKUS_OTEL_SDK_DISABLED", "false",
                        "QUARKUS_OTEL_EXPORTER_OTLP_TRACES_PROTOCOL", "http/protobuf",
                        "QUARKUS_OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", receiver.endpoint(),
                        // Spans leave each process within a moment, not after the default 5 s.
                        "QUARKUS_OTEL_BSP_SCHEDULE_DELAY", "100ms"));
    }

    @AfterAll
    static void down() {
        TestStacks.down(stack);
        if (receiver != null) {
            receiver.close();
        }
    }

    @Test
    void aStationRegisteredThroughTheGatewayIsOneTraceUpToTheConsumersOfItsEvent() throws Exception {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        String name = "追踪驿站" + unique;
        String host = "追踪物流有限公司" + unique;
        String address = "北京市大兴区追踪路" + unique + "号";
        String phone = "010-6%07d".formatted(ThreadLocalRandom.current().nextInt(10_000_000));
        String requestId = "trace-register-" + unique;
        String token = stack.keys().mint("admin-1", "union-admin");

        HttpResponse<String> created = HTTP.send(request("/api/v1/stations", token, requestId)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"name":"%s","hostType":"ENTERPRISE","hostOrganisation":"%s","address":"%s",
                         "contactPhone":"%s","location":{"latitude":39.73,"longitude":116.33}}"""
                        .formatted(name, host, address, phone))).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(201, created.statusCode(), created.body());

        ReceivedSpan stationServer = serverSpanOf("station-service", requestId);
        String traceId = stationServer.traceId();
        // The consumer spans arrive once each replica has handled the event.
        List<ReceivedSpan> consumers = awaitSpans(() -> receiver.trace(traceId).stream()
                        .filter(s -> s.kind() == SPAN_KIND_CONSUMER && CONSUMERS.contains(s.service())
                                && "station.registered".equals(s.attributes().get("cloudevents.event_type"))).toList(),
                found -> found.stream().map(ReceivedSpan::service).collect(Collectors.toSet()).containsAll(CONSUMERS),
                "the consumers of station.registered in trace " + traceId);
        List<ReceivedSpan> trace = receiver.trace(traceId);
        String tree = describe(trace);

        // The gateway started the trace: its server span is the root, its client span the service's parent.
        ReceivedSpan gatewayServer = only(trace, s -> s.service().equals("gateway") && s.kind() == SPAN_KIND_SERVER, tree);
        assertTrue(gatewayServer.isRoot(), "the gateway's server span starts the trace\n" + tree);
        assertEquals("/api/v1/stations", gatewayServer.attributes().get("http.route"), "the route prefix\n" + tree);
        ReceivedSpan gatewayClient = only(trace, s -> s.service().equals("gateway") && s.kind() == SPAN_KIND_CLIENT, tree);
        assertEquals(gatewayServer.spanId(), gatewayClient.parentSpanId(), "the client span is the server span's child\n" + tree);
        assertEquals(gatewayClient.spanId(), stationServer.parentSpanId(),
                "station-service's span is the child of the gateway's client span\n" + tree);

        // Across the outbox and Kafka: each consumer span, in its own process, is the child of the span
        // that wrote the event, station-service's server span.
        assertEquals(CONSUMERS.size(), consumers.size(), "one span per consumer\n" + tree);
        for (ReceivedSpan consumer : consumers) {
            assertEquals(TOPIC + " process", consumer.name(), tree);
            assertNotEquals("station-service", consumer.service(), "another process");
            assertEquals(stationServer.spanId(), consumer.parentSpanId(), consumer.service() + "\n" + tree);
            assertEquals(consumer.service(), consumer.attributes().get("messaging.consumer.group.name"), tree);
            assertEquals("applied", consumer.attributes().get("yizhan.event.outcome"), consumer.service() + "\n" + tree);
        }
        // One trace: no span of this request in any other.
        assertEquals(List.of(traceId), receiver.spans().stream()
                .filter(s -> requestId.equals(s.attributes().get("yizhan.request_id"))).map(ReceivedSpan::traceId)
                .distinct().toList());

        assertInNoSpan(List.of(name, host, address, phone, token));
    }

    /** Where a worker stands is personal: the coordinates of a near-me search stay out of every span. */
    @Test
    void aWorkersSearchNearHerIsInNoSpan() throws Exception {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        String lat = "39.7" + "%06d".formatted(ThreadLocalRandom.current().nextInt(1_000_000));
        String lon = "116.3" + "%06d".formatted(ThreadLocalRandom.current().nextInt(1_000_000));
        String keyword = "近我" + unique;
        String requestId = "trace-nearby-" + unique;
        String token = stack.keys().mint("rider-" + unique, "worker");

        HttpResponse<String> found = HTTP.send(request("/api/v1/stations/nearby?lat=" + lat + "&lon=" + lon + "&q="
                + java.net.URLEncoder.encode(keyword, java.nio.charset.StandardCharsets.UTF_8), token, requestId)
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, found.statusCode(), found.body());

        String traceId = serverSpanOf("station-service", requestId).traceId();
        List<ReceivedSpan> gateway = awaitSpans(() -> receiver.trace(traceId).stream()
                        .filter(s -> s.service().equals("gateway")).toList(), spans -> spans.size() == 2,
                "the gateway's server and client spans in trace " + traceId);
        assertEquals(Set.of(SPAN_KIND_SERVER, SPAN_KIND_CLIENT), gateway.stream().map(ReceivedSpan::kind)
                .collect(Collectors.toSet()));

        assertInNoSpan(List.of(lat, lon, keyword, java.net.URLEncoder.encode(keyword,
                java.nio.charset.StandardCharsets.UTF_8), token));
    }

    private static HttpRequest.Builder request(String path, String token, String requestId) {
        return HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + path))
                .header("Authorization", "Bearer " + token)
                .header("X-Request-Id", requestId);
    }

    /** The service's server span of the request, which names the gateway's request id. */
    private static ReceivedSpan serverSpanOf(String service, String requestId) {
        return awaitSpans(() -> receiver.spans().stream().filter(s -> s.service().equals(service)
                        && s.kind() == SPAN_KIND_SERVER && requestId.equals(s.attributes().get("yizhan.request_id"))).toList(),
                spans -> spans.size() == 1, service + "'s span of request " + requestId).get(0);
    }

    /** No span name, span attribute or resource attribute of any process holds one of {@code values}. */
    private static void assertInNoSpan(List<String> values) {
        List<String> found = new ArrayList<>();
        for (ReceivedSpan span : receiver.spans()) {
            for (String value : values) {
                if (span.name().contains(value)) {
                    found.add(span.service() + ": span name " + span.name());
                }
                span.attributes().forEach((key, text) -> {
                    if (text.contains(value)) {
                        found.add(span.service() + ": " + span.name() + " " + key);
                    }
                });
                span.resource().forEach((key, text) -> {
                    if (text.contains(value)) {
                        found.add(span.service() + ": resource " + key);
                    }
                });
            }
        }
        assertEquals(List.of(), found, "spans with the request's data");
        assertEquals(List.of(), receiver.refused(), "requests the receiver could not read");
    }

    private static List<ReceivedSpan> awaitSpans(Callable<List<ReceivedSpan>> spans, Predicate<List<ReceivedSpan>> enough,
                                                 String what) {
        try {
            return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(spans, enough);
        } catch (ConditionTimeoutException e) {
            return fail("no " + what + " after 30 s; received:\n" + describe(receiver.spans())
                    + "\nrefused: " + receiver.refused());
        }
    }

    private static ReceivedSpan only(List<ReceivedSpan> trace, Predicate<ReceivedSpan> which, String tree) {
        List<ReceivedSpan> found = trace.stream().filter(which).toList();
        assertEquals(1, found.size(), tree);
        return found.get(0);
    }

    /** Spans as lines "service kind name span<-parent (trace)", for failure messages. */
    private static String describe(List<ReceivedSpan> spans) {
        return spans.stream().map(s -> s.service() + " " + s.kind() + " " + s.name() + " " + s.spanId()
                + "<-" + (s.isRoot() ? "root" : s.parentSpanId()) + " (" + s.traceId() + ")")
                .collect(Collectors.joining("\n"));
    }
}
