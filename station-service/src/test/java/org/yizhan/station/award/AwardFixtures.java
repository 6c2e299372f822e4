package org.yizhan.station.award;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.yizhan.localstack.testing.TestTokens;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.is;

/**
 * Stations and the evidence the award score reads, for the award tests. Stations, inspections
 * and amenities go through the API; visits, ratings and complaints are written straight into
 * the tables, so that a test can set exact counts, times and outcomes.
 */
@ApplicationScoped
public class AwardFixtures {

    static final String ADMIN = "admin-awards";
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final List<String> BASIC = List.of("WARMTH", "COOLING", "DRINKING_WATER", "REST", "TOILET", "FIRST_AID",
            "UNION_SIGN");

    private final EntityManager em;

    public AwardFixtures(EntityManager em) {
        this.em = em;
    }

    static int thisYear() {
        return LocalDate.now(ZONE).getYear();
    }

    static RequestSpecification as(String subject, String... roles) {
        return given().auth().oauth2(TestTokens.token(subject, roles)).contentType(ContentType.JSON);
    }

    static RequestSpecification admin() {
        return as(ADMIN, "union-admin");
    }

    /** A district no other test uses, so that a ranking of it holds only this test's stations. */
    static String district() {
        return "测试区" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A new active station with {@code seats}, registered now by a union admin. */
    static String station(String district, Integer seats) {
        return admin().body("""
                        {"name": "最美驿站 %s", "hostType": "COMMUNITY_CENTRE", "address": "北京市大兴区清源街道",
                         "district": "%s", "location": {"latitude": 39.7354, "longitude": 116.3304}%s}
                        """.formatted(UUID.randomUUID().toString().substring(0, 8), district,
                        seats == null ? "" : ", \"seats\": " + seats))
                .when().post("/api/v1/stations")
                .then().statusCode(201).extract().path("id");
    }

    /** A union admin inspection today: the basic kit MET except {@code failing}, plus {@code optional} MET. */
    static void inspect(String stationId, List<String> failing, List<String> optional) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (String r : BASIC) {
            items.add(failing.contains(r) ? Map.of("requirement", r, "result", "NOT_MET", "finding", "未达标")
                    : Map.of("requirement", r, "result", "MET"));
        }
        optional.forEach(r -> items.add(Map.of("requirement", r, "result", "MET")));
        admin().body(Map.of("inspectedOn", LocalDate.now(ZONE).toString(), "items", items))
                .when().post("/api/v1/stations/" + stationId + "/inspections")
                .then().statusCode(201);
    }

    static final List<String> FOUR_OPTIONAL = List.of("MICROWAVE", "PHONE_CHARGING", "WIFI", "UMBRELLAS");

    /** Sets the station's amenities: {@code working} working, {@code broken} out of order since now. */
    static void amenities(String stationId, List<String> working, List<String> broken) {
        List<Map<String, Object>> list = new ArrayList<>();
        working.forEach(a -> list.add(Map.of("amenity", a)));
        broken.forEach(a -> list.add(Map.of("amenity", a, "status", "OUT_OF_ORDER")));
        admin().body(Map.of("amenities", list)).when().put("/api/v1/stations/" + stationId + "/amenities")
                .then().statusCode(200);
    }

    static void addManager(String stationId, String subject) {
        admin().when().put("/api/v1/stations/" + stationId + "/managers/" + subject)
                .then().statusCode(anyOf(is(200), is(204)));
    }

    /** {@code count} visits of distinct workers in the current hour. */
    @Transactional
    void visits(String stationId, int count) {
        for (int i = 0; i < count; i++) {
            em.createNativeQuery("insert into station_visit (id, station_id, visitor, occupation, hour_start, visited_at,"
                            + " last_seen_at) values (:id, :station, :visitor, 'COURIER', date_trunc('hour', now()), now(), now())")
                    .setParameter("id", UUID.randomUUID()).setParameter("station", UUID.fromString(stationId))
                    .setParameter("visitor", "v-" + UUID.randomUUID()).executeUpdate();
        }
    }

    /** One rating per star value given, each by another worker, today. */
    @Transactional
    void ratings(String stationId, int... stars) {
        for (int s : stars) {
            em.createNativeQuery("insert into station_rating (id, station_id, rater, rating_day, stars, rated_at)"
                            + " values (:id, :station, :rater, :day, :stars, now())")
                    .setParameter("id", UUID.randomUUID()).setParameter("station", UUID.fromString(stationId))
                    .setParameter("rater", "r-" + UUID.randomUUID()).setParameter("day", LocalDate.now(ZONE))
                    .setParameter("stars", (short) s).executeUpdate();
        }
    }

    /**
     * A complaint received {@code receivedAgo} ago with a deadline {@code respondWithin} after that,
     * first answered {@code answeredAfter} after receipt (null: never), in {@code status}.
     */
    @Transactional
    void complaint(String stationId, String category, Duration receivedAgo, Duration respondWithin,
                   Duration answeredAfter, String status) {
        Instant received = Instant.now().minus(receivedAgo).truncatedTo(ChronoUnit.MICROS);
        boolean closed = status.equals("RESOLVED") || status.equals("REJECTED");
        // Nullable columns are written as SQL literals: no parameter is ever null.
        String amenity = category.equals("AMENITY_BROKEN") ? "'MICROWAVE'" : "null";
        String answered = answeredAfter == null ? "null" : "cast(:answered as timestamptz)";
        String resolution = closed ? "'已处理'" : "null";
        String closedAt = closed ? "cast(:answered as timestamptz)" : "null";
        var q = em.createNativeQuery("""
                        insert into station_complaint (id, station_id, complainant, category, amenity, description,
                            occurred_at, received_at, respond_by, status, first_response_at, resolution, closed_at, version)
                        values (:id, :station, :who, :category, %s, '测试', :received, :received, :respondBy, :status,
                            %s, %s, %s, 0)""".formatted(amenity, answered, resolution, closedAt))
                .setParameter("id", UUID.randomUUID()).setParameter("station", UUID.fromString(stationId))
                .setParameter("who", "c-" + UUID.randomUUID()).setParameter("category", category)
                .setParameter("received", received).setParameter("respondBy", received.plus(respondWithin))
                .setParameter("status", status);
        if (answeredAfter != null) {
            q.setParameter("answered", received.plus(answeredAfter).toString());
        }
        q.executeUpdate();
    }

    @Transactional
    long count(String table) {
        return ((Number) em.createNativeQuery("select count(*) from " + table).getSingleResult()).longValue();
    }
}
