package org.yizhan.services.registration;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.specification.RequestSpecification;
import jakarta.persistence.EntityManager;
import org.yizhan.kit.privacy.Pseudonyms;
import org.yizhan.localstack.testing.TestTokens;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** Venues, published activities and callers for the registration and attendance tests. */
final class RegistrationFixtures {

    static final String ORGANISER = "youth-league";

    private RegistrationFixtures() {
    }

    /** A request as a union admin. */
    static RequestSpecification admin() {
        return given().auth().oauth2(TestTokens.token("admin-" + UUID.randomUUID(), "union-admin"))
                .header("Accept-Language", "en").contentType("application/json");
    }

    /** A request as a partner of {@code org}. */
    static RequestSpecification partner(String org) {
        return given().auth().oauth2(TestTokens.partnerToken("staff-" + UUID.randomUUID(), org))
                .header("Accept-Language", "en").contentType("application/json");
    }

    /** A request as the worker {@code subject}. */
    static RequestSpecification worker(String subject) {
        return given().auth().oauth2(TestTokens.token(subject, "worker"))
                .header("Accept-Language", "en").contentType("application/json");
    }

    static String newWorker() {
        return "rider-" + UUID.randomUUID();
    }

    /** The pseudonym services-service stores for {@code subject}. */
    static String pseudonym(String subject) {
        return Arc.container().instance(Pseudonyms.class).get().of(subject);
    }

    /** An active venue, written straight into the replica. */
    static UUID venue() {
        UUID id = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> em().createNativeQuery("insert into station_replica (station_id, name,"
                        + " host_type, address, district, latitude, longitude, status, registered_at, last_event_id,"
                        + " updated_at, version) values (:id, '黄村小哥驿站', 'RESTAURANT', '北京市大兴区黄村镇', '大兴区',"
                        + " 39.73, 116.33, 'ACTIVE', now(), :event, now(), 0)")
                .setParameter("id", id).setParameter("event", UUID.randomUUID().toString()).executeUpdate());
        return id;
    }

    /** The details of an activity at {@code venue} organised by {@link #ORGANISER}. */
    static String details(UUID venue, Instant startsAt, Instant endsAt, Integer capacity, String occupations) {
        return """
                {"type":"HAIRCUT","title":"爱心义剪进驿站","stationId":"%s","startsAt":"%s","endsAt":"%s",
                 %s"occupations":%s,"organisers":["%s"]}"""
                .formatted(venue, startsAt, endsAt, capacity == null ? "" : "\"capacity\":" + capacity + ",",
                        occupations, ORGANISER);
    }

    /** A draft starting {@code startsInMinutes} from now and lasting two hours. */
    static String draft(Integer capacity, long startsInMinutes, String occupations) {
        Instant start = Instant.now().plus(startsInMinutes, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
        return admin().body(details(venue(), start, start.plus(2, ChronoUnit.HOURS), capacity, occupations))
                .when().post("/api/v1/activities").then().statusCode(201).extract().path("id");
    }

    /** A published activity open to everybody. */
    static String published(Integer capacity, long startsInMinutes) {
        return published(capacity, startsInMinutes, "[]");
    }

    static String published(Integer capacity, long startsInMinutes, String occupations) {
        String id = draft(capacity, startsInMinutes, occupations);
        admin().when().post("/api/v1/activities/" + id + "/publish").then().statusCode(200);
        return id;
    }

    static Instant startOf(String activityId) {
        return Instant.parse(admin().when().get("/api/v1/activities/" + activityId).then().statusCode(200)
                .extract().path("startsAt"));
    }

    static long count(String sql, Object... params) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var query = em().createNativeQuery(sql);
            for (int i = 0; i < params.length; i++) {
                query.setParameter(i + 1, params[i]);
            }
            return ((Number) query.getSingleResult()).longValue();
        });
    }

    static void execute(String sql, Object... params) {
        QuarkusTransaction.requiringNew().run(() -> {
            var query = em().createNativeQuery(sql);
            for (int i = 0; i < params.length; i++) {
                query.setParameter(i + 1, params[i]);
            }
            query.executeUpdate();
        });
    }

    static EntityManager em() {
        return Arc.container().instance(EntityManager.class).get();
    }
}
