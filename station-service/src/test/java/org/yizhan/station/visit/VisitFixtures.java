package org.yizhan.station.visit;

import io.quarkus.arc.Arc;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.yizhan.kit.time.AppClock;
import org.yizhan.localstack.testing.TestTokens;
import org.yizhan.station.domain.visit.VisitCode;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** Stations, tokens and codes for the visit tests. */
@ApplicationScoped
public class VisitFixtures {

    static final String ADMIN = "admin-visits";

    private final EntityManager em;

    public VisitFixtures(EntityManager em) {
        this.em = em;
    }

    /** Registers a station through the API as {@code manager}, who becomes (or is made) its manager. */
    UUID stationManagedBy(String manager) {
        String id = given().auth().oauth2(TestTokens.token(manager, "station-manager"))
                .contentType(ContentType.JSON).body("""
                        {"name": "签到测试驿站 %s", "hostType": "RESTAURANT", "hostOrganisation": "狼垡小哥驿站",
                         "address": "北京市大兴区黄村镇狼垡", "district": "大兴区",
                         "location": {"latitude": 39.7452, "longitude": 116.2893}}
                        """.formatted(UUID.randomUUID()))
                .when().post("/api/v1/stations")
                .then().statusCode(201).extract().path("id");
        UUID station = UUID.fromString(id);
        ensureManager(station, manager);
        return station;
    }

    @Transactional
    void ensureManager(UUID station, String subject) {
        em.createNativeQuery("insert into station_manager (station_id, subject, added_at, added_by)"
                        + " values (:station, :subject, now(), :by) on conflict do nothing")
                .setParameter("station", station).setParameter("subject", subject).setParameter("by", ADMIN)
                .executeUpdate();
    }

    /**
     * PostgreSQL's plan for the query of a worker's own visits, with sequential scans priced out
     * (a test table is small enough that the planner would read it whole either way).
     */
    @Transactional
    String myVisitsPlan() {
        em.createNativeQuery("set local enable_seqscan = off").executeUpdate();
        List<?> plan = em.createNativeQuery("explain select v.id from station_visit v"
                        + " where v.visitor = 'someone' and v.visited_at >= now() - interval '30 days'"
                        + " order by v.visited_at desc, v.id desc limit 6")
                .getResultList();
        return String.join("\n", plan.stream().map(Object::toString).toList());
    }

    @Transactional
    void setDistrict(UUID station, String district) {
        em.createNativeQuery("update station set district = :district where id = :id")
                .setParameter("district", district).setParameter("id", station).executeUpdate();
    }

    @Transactional
    void setStatus(UUID station, String status) {
        em.createNativeQuery("update station set status = :status where id = :id")
                .setParameter("status", status).setParameter("id", station).executeUpdate();
    }

    /** The station's current code, as its screen gets it. */
    static String currentCode(UUID station) {
        return given().auth().oauth2(TestTokens.token(ADMIN, "union-admin"))
                .when().get("/api/v1/stations/" + station + "/visit-code")
                .then().statusCode(200).extract().path("code");
    }

    /** The code the station would have shown {@code windowsAgo} windows ago (after it showed one). */
    String codeWindowsAgo(UUID station, int windowsAgo) {
        return VisitCode.compute(secret(station), station, VisitCode.windowOf(now()) - windowsAgo);
    }

    @Transactional
    byte[] secret(UUID station) {
        return (byte[]) em.createNativeQuery("select secret from station_visit_secret where station_id = :id")
                .setParameter("id", station).getSingleResult();
    }

    @Transactional
    long visits(UUID station) {
        return ((Number) em.createNativeQuery("select count(*) from station_visit where station_id = :id")
                .setParameter("id", station).getSingleResult()).longValue();
    }

    @Transactional
    long allVisits() {
        return ((Number) em.createNativeQuery("select count(*) from station_visit").getSingleResult()).longValue();
    }

    static RequestSpecification worker(String subject) {
        return given().auth().oauth2(TestTokens.token(subject, "worker")).contentType(ContentType.JSON);
    }

    static String checkIn(String code, String occupation) {
        return "{\"code\": \"" + code + "\", \"occupation\": \"" + occupation + "\"}";
    }

    /** The clock the service reads; visit tests move it instead of waiting. */
    static AppClock clock() {
        return Arc.container().instance(AppClock.class).get();
    }

    private static Duration offset = Duration.ZERO;

    /** "Now" as the service sees it. */
    static Instant now() {
        return clock().now();
    }

    /** Moves the service's clock {@code by} further ahead. */
    static void advance(Duration by) {
        offset = offset.plus(by);
        clock().shift(offset);
    }

    /** Back to the real time (after each visit test). */
    static void realTime() {
        offset = Duration.ZERO;
        clock().reset();
    }

    /**
     * Moves the clock, if needed, until the test is at least {@code margin} seconds away from the end
     * of a code window and of a clock hour, so that what it does within that margin stays in one
     * window and hour.
     */
    static void awayFromEdges(int margin) {
        long second = now().getEpochSecond();
        long toWindowEnd = VisitCode.WINDOW.toSeconds() - second % VisitCode.WINDOW.toSeconds();
        long toHourEnd = 3600 - second % 3600;
        if (toWindowEnd <= margin || toHourEnd <= margin) {
            advance(Duration.ofSeconds(Math.min(toWindowEnd, toHourEnd) + 1));
        }
    }
}
