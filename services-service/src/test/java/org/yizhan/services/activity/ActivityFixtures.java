package org.yizhan.services.activity;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** Venues and activities for activity tests. */
public final class ActivityFixtures {

    private ActivityFixtures() {
    }

    /** A station in the replica, as if its station.registered event had arrived. */
    public static UUID venue(EntityManager em, String status, double latitude, double longitude) {
        UUID id = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("insert into station_replica (station_id, version,"
                        + " name, host_type, address, district, latitude, longitude, status, registered_at, last_event_id,"
                        + " updated_at) values (:id, 0, :name, 'RESTAURANT', '北京市大兴区黄村镇', '大兴区', :lat, :lon, :status,"
                        + " now(), :event, now())")
                .setParameter("id", id).setParameter("name", "测试驿站 " + id.toString().substring(0, 4))
                .setParameter("lat", latitude).setParameter("lon", longitude).setParameter("status", status)
                .setParameter("event", "fixture-" + id).executeUpdate());
        return id;
    }

    /** A request body for an activity at {@code stationId} starting {@code daysAhead} days from now. */
    public static String body(UUID stationId, String title, int daysAhead, String extra) {
        Instant start = Instant.now().plus(daysAhead, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        return """
                {"type":"HAIRCUT","title":"%s","description":"理发师志愿者上门","stationId":"%s",
                 "startsAt":"%s","endsAt":"%s","capacity":30%s}
                """.formatted(title, stationId, start, start.plus(3, ChronoUnit.HOURS), extra == null ? "" : "," + extra);
    }

    /** Creates and publishes an activity; returns its id. */
    public static String published(String token, String body) {
        String id = given().auth().oauth2(token).contentType("application/json").body(body)
                .when().post("/api/v1/activities")
                .then().statusCode(201).extract().path("id");
        given().auth().oauth2(token).when().post("/api/v1/activities/" + id + "/publish").then().statusCode(200);
        return id;
    }
}
