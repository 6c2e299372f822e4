package org.yizhan.localstack.testing;

import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What every service must do once it starts on real PostgreSQL and Kafka: report itself live and
 * ready (with its database), migrate the kit's tables, write the test log that the personal-data
 * scan reads, and serve its OpenAPI document. A service's test extends it with
 * {@code @QuarkusTest} and the {@link YizhanTestResource}, and names itself.
 */
public abstract class ServiceBaselineTest {

    /** The service's application name, e.g. {@code legal-aid-service}. */
    protected abstract String serviceName();

    @Test
    void isLiveAndReadyWithItsDatabase() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem(containsString("Database")));
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void migrationsCreateTheOutboxAndInbox() throws SQLException {
        try (Connection connection = ServiceDatabase.open();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select count(*) from information_schema.tables where table_name in"
                     + " ('outbox_message', 'inbox_processed_event', 'flyway_schema_history')")) {
            rows.next();
            assertEquals(3, rows.getInt(1));
        }
    }

    @Test
    void thePersonalDataScanSeesPlainTextInTheDatabaseAndTheLog() throws SQLException {
        String marker = "scan-marker-" + UUID.randomUUID();
        try (Connection connection = ServiceDatabase.open(); Statement statement = connection.createStatement()) {
            assertEquals(List.of(), PersonalDataScan.findInDatabase(List.of(marker)));
            statement.executeUpdate("insert into inbox_processed_event (consumer, event_id, event_type)"
                    + " values ('scan-test', '" + marker + "', 'test')");
            assertEquals(List.of("inbox_processed_event.event_id"), PersonalDataScan.findInDatabase(List.of(marker)));
            statement.executeUpdate("delete from inbox_processed_event where consumer = 'scan-test'");
        }
        assertEquals(List.of(), PersonalDataScan.findInLog(List.of(marker)));
        Logger.getLogger(ServiceBaselineTest.class).info(marker);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertEquals(List.of(PersonalDataScan.LOG_FILE), PersonalDataScan.findInLog(List.of(marker))));
    }

    @Test
    void servesItsOpenApiDocument() {
        given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200)
                .body("info.title", equalTo("Yizhan " + serviceName()))
                .body("components.securitySchemes.jwt.type", equalTo("http"));
    }

    /**
     * What the OWASP API ruleset asks of every schema, checked on the served document: each string
     * bounded (maxLength, enum or const), each integer with a maximum, each array with maxItems, so
     * that a request cannot carry more than the service will read.
     */
    @Test
    void everyStringIntegerAndArrayInItsDocumentIsBounded() {
        Map<String, Object> document = given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200).extract().jsonPath().getMap("$");
        List<String> unbounded = new ArrayList<>();
        findUnbounded("#", document, unbounded);
        assertEquals(List.of(), unbounded);
    }

    @SuppressWarnings("unchecked")
    private static void findUnbounded(String path, Object node, List<String> unbounded) {
        if (node instanceof Map<?, ?> map) {
            // A reference is checked where it points.
            Object type = map.containsKey("$ref") ? null : map.get("type");
            List<?> types = type instanceof List<?> list ? list : type == null ? List.of() : List.of(type);
            if (types.contains("string") && !map.containsKey("maxLength") && !map.containsKey("enum")
                    && !map.containsKey("const")) {
                unbounded.add(path + " (string without maxLength)");
            }
            if (types.contains("integer") && !map.containsKey("maximum") && !map.containsKey("enum")) {
                unbounded.add(path + " (integer without maximum)");
            }
            if (types.contains("array") && !map.containsKey("maxItems")) {
                unbounded.add(path + " (array without maxItems)");
            }
            ((Map<String, Object>) map).forEach((key, value) -> {
                if (!key.equals("examples") && !key.equals("example") && !key.startsWith("x-")) {
                    findUnbounded(path + "/" + key, value, unbounded);
                }
            });
        } else if (node instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                findUnbounded(path + "/" + i, list.get(i), unbounded);
            }
        }
    }
}
