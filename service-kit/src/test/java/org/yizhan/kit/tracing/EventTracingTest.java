package org.yizhan.kit.tracing;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.yizhan.kit.http.RequestIdLogging;
import org.yizhan.kit.testapp.TestNoteHandler;
import org.yizhan.kit.testapp.TestQueries;
import org.yizhan.localstack.testing.YizhanTestResource;

import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A trace that a caller (the gateway) started goes on through the request, the outbox, Kafka and
 * the consumer: the span that handles the event is a child of the request's span (ADR 0023).
 */
@QuarkusTest
@WithTestResource(value = YizhanTestResource.class, scope = TestResourceScope.GLOBAL, initArgs = {
        @ResourceArg(name = "database", value = "yizhan_kit"),
        @ResourceArg(name = YizhanTestResource.POSTGRES_SWITCH, value = "true")})
class EventTracingTest {

    @Inject
    InMemorySpanExporter spans;

    @Inject
    TestQueries db;

    @Test
    void theConsumerSpanOnTheOtherSideOfKafkaJoinsTheTraceTheCallerStarted() {
        String traceId = randomHex(16);
        String callerSpanId = randomHex(8);
        String eventId = given().contentType(ContentType.TEXT)
                .header("traceparent", "00-" + traceId + "-" + callerSpanId + "-01")
                .header(RequestIdLogging.HEADER, "trace-test-1")
                .body("traced")
                .when().post("/test/notes/{key}/handled", "traced-" + randomHex(4))
                .then().statusCode(201).extract().asString();

        await().atMost(Duration.ofSeconds(30)).until(() -> db.effects(eventId) == 1);
        SpanData consumer = await().atMost(Duration.ofSeconds(10)).until(() -> consumerSpan(eventId), Optional::isPresent)
                .orElseThrow();
        SpanData server = await().atMost(Duration.ofSeconds(10)).until(
                () -> spans.getFinishedSpanItems().stream().filter(s -> s.getKind() == SpanKind.SERVER
                        && s.getTraceId().equals(traceId)).findFirst(), Optional::isPresent).orElseThrow();

        assertEquals(callerSpanId, server.getParentSpanId(), "the request joins the caller's trace");
        assertEquals("trace-test-1", server.getAttributes().get(AttributeKey.stringKey(RequestIdLogging.SPAN_ATTRIBUTE)));
        assertEquals(traceId, consumer.getTraceId(), "the consumer joins the same trace");
        assertEquals(server.getSpanId(), consumer.getParentSpanId(), "as a child of the span that wrote the event");
        assertEquals(TestNoteHandler.TOPIC + " process", consumer.getName());
        assertEquals("applied", consumer.getAttributes().get(AttributeKey.stringKey("yizhan.event.outcome")));
        assertEquals("kit-test", consumer.getAttributes().get(AttributeKey.stringKey("messaging.consumer.group.name")));
    }

    @Test
    void anEventWrittenOutsideAnyTraceIsHandledInATraceOfItsOwn() {
        String eventId = given().contentType(ContentType.TEXT).body("untraced")
                .when().post("/test/notes/{key}/handled", "untraced-" + randomHex(4))
                .then().statusCode(201).extract().asString();

        await().atMost(Duration.ofSeconds(30)).until(() -> db.effects(eventId) == 1);
        SpanData consumer = await().atMost(Duration.ofSeconds(10)).until(() -> consumerSpan(eventId), Optional::isPresent)
                .orElseThrow();
        List<SpanData> sameTrace = spans.getFinishedSpanItems().stream()
                .filter(s -> s.getTraceId().equals(consumer.getTraceId())).toList();
        // The request started a trace of its own (no traceparent came in), which the consumer joins.
        assertTrue(sameTrace.stream().anyMatch(s -> s.getKind() == SpanKind.SERVER), "the request's span");
        assertFalse(consumer.getParentSpanId().equals(io.opentelemetry.api.trace.SpanId.getInvalid()),
                "the consumer span has the request's span as parent");
    }

    private Optional<SpanData> consumerSpan(String eventId) {
        return spans.getFinishedSpanItems().stream()
                .filter(s -> s.getKind() == SpanKind.CONSUMER
                        && eventId.equals(s.getAttributes().get(AttributeKey.stringKey("messaging.message.id"))))
                .findFirst();
    }

    private static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        random[0] |= 1; // never all zeros, which W3C Trace Context treats as invalid
        return HexFormat.of().formatHex(random);
    }
}
