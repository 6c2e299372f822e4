package org.yizhan.localstack.testing;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What every service must do once it starts on real PostgreSQL and Kafka: report itself live and
 * ready (with its database), migrate the kit's tables, and serve its OpenAPI document. A service's
 * test extends it with {@code @QuarkusTest} and the {@link YizhanTestResource}, and names itself.
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
        Config config = ConfigProvider.getConfig();
        try (Connection connection = DriverManager.getConnection(
                config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getOptionalValue("quarkus.datasource.password", String.class).orElse(""));
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select count(*) from information_schema.tables where table_name in"
                     + " ('outbox_message', 'inbox_processed_event', 'flyway_schema_history')")) {
            rows.next();
            assertEquals(3, rows.getInt(1));
        }
    }

    @Test
    void servesItsOpenApiDocument() {
        given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200)
                .body("info.title", equalTo("Yizhan " + serviceName()))
                .body("components.securitySchemes.jwt.type", equalTo("http"));
    }
}
