package org.yizhan.station.feedback;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.persistence.EntityManager;
import org.yizhan.localstack.testing.TestTokens;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.is;

/** Stations, managers, visits and complaints for the feedback tests, made through the API. */
final class FeedbackFixtures {

    static final String ADMIN = "admin-feedback";

    private FeedbackFixtures() {
    }

    static RequestSpecification as(String subject, String... roles) {
        return given().auth().oauth2(TestTokens.token(subject, roles)).contentType(ContentType.JSON);
    }

    static RequestSpecification admin() {
        return as(ADMIN, "union-admin");
    }

    static RequestSpecification worker(String subject) {
        return as(subject, "worker");
    }

    static String newWorker() {
        return "rider-" + UUID.randomUUID();
    }

    /** A new active station, registered by a union admin. */
    static String station() {
        return admin().body("""
                        {"name": "反馈驿站 %s", "hostType": "STREET_SHOP", "hostOrganisation": "黄村便民超市",
                         "address": "北京市大兴区黄村镇兴华大街", "district": "大兴区",
                         "location": {"latitude": 39.7281, "longitude": 116.3379}}
                        """.formatted(UUID.randomUUID()))
                .when().post("/api/v1/stations")
                .then().statusCode(201).extract().path("id");
    }

    /** Lets {@code subject} manage the station. */
    static void addManager(String stationId, String subject) {
        admin().when().put("/api/v1/stations/" + stationId + "/managers/" + subject)
                .then().statusCode(anyOf(is(200), is(204)));
    }

    /** {@code worker} checks in at the station with the code it shows now. */
    static void visit(String stationId, String worker) {
        String code = admin().when().get("/api/v1/stations/" + stationId + "/visit-code")
                .then().statusCode(200).extract().path("code");
        worker(worker).body("{\"code\": \"%s\", \"occupation\": \"FOOD_DELIVERY\"}".formatted(code))
                .when().post("/api/v1/stations/" + stationId + "/visits")
                .then().statusCode(anyOf(is(200), is(201)));
    }

    static String complaintBody(String category, String amenity, String description, String occurredAt) {
        StringBuilder json = new StringBuilder("{\"category\": \"" + category + "\"");
        if (amenity != null) {
            json.append(", \"amenity\": \"").append(amenity).append('"');
        }
        if (description != null) {
            json.append(", \"description\": \"").append(description).append('"');
        }
        json.append(", \"occurredAt\": \"").append(occurredAt).append("\"}");
        return json.toString();
    }

    /** Files a complaint of {@code worker}; returns its id. */
    static String complain(String stationId, String worker, String category) {
        String amenity = "AMENITY_BROKEN".equals(category) ? "MICROWAVE" : null;
        return worker(worker).body(complaintBody(category, amenity, "测试投诉 " + category,
                        java.time.Instant.now().minusSeconds(3600).toString()))
                .when().post("/api/v1/stations/" + stationId + "/complaints")
                .then().statusCode(201).extract().path("id");
    }

    static long count(EntityManager em, String table) {
        return ((Number) em.createNativeQuery("select count(*) from " + table).getSingleResult()).longValue();
    }
}
