package org.yizhan.kit.testapp;

import io.restassured.path.json.JsonPath;
import org.yizhan.kit.health.EventsReadiness;

import static io.restassured.RestAssured.given;

/** Reads the kit's health checks as a monitoring system would. */
public final class KitHealth {

    private KitHealth() {
    }

    /** The readiness answer (200 or 503). */
    public static JsonPath readiness() {
        return given().when().get("/q/health/ready").then().extract().jsonPath();
    }

    /** A value of the kit's readiness check "Kafka events". */
    public static Object eventsData(JsonPath readiness, String key) {
        return readiness.get("checks.find { it.name == '" + EventsReadiness.NAME + "' }.data." + key);
    }

    /** How many partitions the consumer has paused now. */
    public static int stalledPartitions() {
        return ((Number) eventsData(readiness(), "consumerStalledPartitions")).intValue();
    }

    /** The liveness answer's status code. */
    public static int livenessStatus() {
        return given().when().get("/q/health/live").then().extract().statusCode();
    }
}
