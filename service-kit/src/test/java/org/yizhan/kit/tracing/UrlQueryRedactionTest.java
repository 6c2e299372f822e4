package org.yizhan.kit.tracing;

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
import org.yizhan.localstack.testing.YizhanTestResource;
import org.yizhan.telemetry.UrlQueryRedaction;

import java.time.Duration;
import java.util.Optional;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Query strings, which may hold personal data, reach no span of a service: only the parameters' names
 * do ({@link UrlQueryRedaction}, from the telemetry kit, is found as a bean in a service).
 */
@QuarkusTest
@WithTestResource(value = YizhanTestResource.class, scope = TestResourceScope.GLOBAL, initArgs = {
        @ResourceArg(name = "database", value = "yizhan_kit"),
        @ResourceArg(name = YizhanTestResource.POSTGRES_SWITCH, value = "true")})
class UrlQueryRedactionTest {

    @Inject
    InMemorySpanExporter spans;

    @Test
    void theServerSpanOfARequestKeepsTheQuerysNamesButNotItsValues() {
        given().contentType(ContentType.TEXT).header(RequestIdLogging.HEADER, "query-redaction-1")
                .queryParam("lat", "39.7412345").queryParam("q", "张三 13812345678")
                .body("with a query")
                .when().post("/test/notes/{key}/handled", "query-redaction")
                .then().statusCode(201);

        SpanData server = await().atMost(Duration.ofSeconds(10)).until(() -> spans.getFinishedSpanItems().stream()
                .filter(s -> s.getKind() == SpanKind.SERVER && "query-redaction-1".equals(
                        s.getAttributes().get(io.opentelemetry.api.common.AttributeKey.stringKey(RequestIdLogging.SPAN_ATTRIBUTE))))
                .findFirst(), Optional::isPresent).orElseThrow();

        assertEquals("lat=REDACTED&q=REDACTED", server.getAttributes().get(UrlQueryRedaction.URL_QUERY));
        server.getAttributes().forEach((key, value) -> assertFalse(
                String.valueOf(value).contains("39.7412345") || String.valueOf(value).contains("13812345678"), key.getKey()));
    }
}
