package org.yizhan.services.figures;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.yizhan.localstack.testing.TestTokens;
import org.yizhan.localstack.testing.YizhanTestResource;
import org.yizhan.services.activity.ActivityFixtures;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Person-times and distinct persons, with co-organised activities counted once. */
@QuarkusTest
@WithTestResource(value = YizhanTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "yizhan_services"))
class ActivityFiguresTest {

    static final String ADMIN = TestTokens.token("admin-figures", "union-admin");

    @Inject
    EntityManager em;

    UUID station;

    /**
     * At one station, in 2021: A1 haircut co-organised by the Youth League and the Women's
     * Federation with p1, p2, p3; A2 haircut by the Youth League with p1, p4; A3 safety talk by
     * the traffic police reporting 40 people, none named; A4 cancelled (never counted); A5 by the
     * Youth League reporting 5, on 1 January 01:00 Beijing time (still 31 December in UTC).
     */
    @BeforeEach
    void activities() {
        station = ActivityFixtures.venue(em, "ACTIVE", 39.7, 116.3);
        completed("HAIRCUT", "2021-03-10T02:00:00Z", "COMPLETED", null, List.of("youth-league", "womens-federation"),
                List.of("p1", "p2", "p3"));
        completed("HAIRCUT", "2021-03-20T02:00:00Z", "COMPLETED", null, List.of("youth-league"), List.of("p1", "p4"));
        completed("SAFETY_TALK", "2021-04-05T02:00:00Z", "COMPLETED", 40, List.of("traffic-police"), List.of());
        completed("HAIRCUT", "2021-03-15T02:00:00Z", "CANCELLED", null, List.of("youth-league"), List.of("p9"));
        completed("BIRTHDAY_PARTY", "2020-12-31T17:00:00Z", "COMPLETED", 5, List.of("youth-league"), List.of());
    }

    void completed(String type, String start, String status, Integer reported, List<String> organisers,
                   List<String> participants) {
        UUID id = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("insert into activity (id, type, title, station_id, starts_at, ends_at, status,"
                            + " created_by, source, reported_participants, created_at, updated_at)"
                            + " values (:id, :type, 'x', :station, cast(:start as timestamptz),"
                            + " cast(:start as timestamptz) + interval '2 hours', :status, 'test', 'APP', :reported, now(), now())")
                    .setParameter("id", id).setParameter("type", type).setParameter("station", station)
                    .setParameter("start", start).setParameter("status", status)
                    .setParameter("reported", reported).executeUpdate();
            for (String o : organisers) {
                em.createNativeQuery("insert into activity_organiser values (:id, :o)")
                        .setParameter("id", id).setParameter("o", o).executeUpdate();
            }
            for (String p : participants) {
                em.createNativeQuery("insert into attendance (activity_id, participant, kind, source, checked_in_at,"
                                + " recorded_at) values (:id, :p, 'ATTENDED', 'QR', cast(:start as timestamptz), now())")
                        .setParameter("id", id).setParameter("p", station + p).setParameter("start", start)
                        .executeUpdate();
            }
        });
    }

    Response figures(String token, String groupBy) {
        return given().auth().oauth2(token).queryParam("year", 2021).queryParam("stationId", station.toString())
                .queryParam("groupBy", groupBy)
                .when().get("/api/v1/activities/figures");
    }

    @Test
    void theTotalCountsEachActivityOnceAndPartnerRowsCountItForEachOrganiser() {
        figures(ADMIN, "partner").then().statusCode(200)
                .body("from", equalTo("2021-01-01")).body("to", equalTo("2021-12-31"))
                .body("total.activities", equalTo(4))
                .body("total.personTimes", equalTo(50))
                .body("total.distinctPersons", equalTo(4))
                .body("total.reportedOnlyPersonTimes", equalTo(45))
                .body("rows.key.partner", contains("traffic-police", "womens-federation", "youth-league"))
                .body("rows.names.partner", contains("交通支队", "妇联", "共青团"))
                .body("rows.activities", contains(1, 1, 3))
                .body("rows.personTimes", contains(40, 3, 10))
                .body("rows.distinctPersons", contains(0, 3, 4))
                .body("rows.reportedOnlyPersonTimes", contains(40, 0, 5));
    }

    @Test
    void unionStaffSeeEveryPartnerLikeAdmins() {
        figures(TestTokens.token("staff-figures", "union-staff"), "partner").then().statusCode(200)
                .body("total.activities", equalTo(4))
                .body("rows.key.partner", contains("traffic-police", "womens-federation", "youth-league"));
        given().auth().oauth2(TestTokens.token("staff-figures", "union-staff")).queryParam("year", 2021)
                .queryParam("stationId", station.toString()).queryParam("partner", "traffic-police")
                .queryParam("groupBy", "")
                .when().get("/api/v1/activities/figures")
                .then().statusCode(200).body("total.activities", equalTo(1));
    }

    @Test
    void aDistrictKeepsTheActivitiesAtItsStations() {
        given().auth().oauth2(ADMIN).queryParam("year", 2021).queryParam("stationId", station.toString())
                .queryParam("district", "大兴区").queryParam("groupBy", "")
                .when().get("/api/v1/activities/figures")
                .then().statusCode(200)
                .body("total.activities", equalTo(4)).body("total.personTimes", equalTo(50));
        given().auth().oauth2(ADMIN).queryParam("year", 2021).queryParam("stationId", station.toString())
                .queryParam("district", "朝阳区").queryParam("groupBy", "")
                .when().get("/api/v1/activities/figures")
                .then().statusCode(200)
                .body("total.activities", equalTo(0)).body("total.personTimes", equalTo(0));
        given().auth().oauth2(ADMIN).queryParam("year", 2021).queryParam("district", "区".repeat(61))
                .when().get("/api/v1/activities/figures")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("district"));
    }

    @Test
    void monthsAreThoseOfBeijingTimeAndDimensionsCombine() {
        figures(ADMIN, "month").then().statusCode(200)
                .body("rows.key.month", contains("2021-01", "2021-03", "2021-04"))
                .body("rows.activities", contains(1, 2, 1))
                .body("rows.personTimes", contains(5, 5, 40))
                .body("rows.distinctPersons", contains(0, 4, 0));
        figures(ADMIN, "type,month").then().statusCode(200)
                .body("groupBy", contains("type", "month"))
                .body("rows.key.type", contains("BIRTHDAY_PARTY", "HAIRCUT", "SAFETY_TALK"))
                .body("rows.names.type", contains("集体生日会", "爱心理发", "安全知识讲座"))
                .body("total.activities", equalTo(4));
    }

    @Test
    void aPartnerSeesOnlyItsOwnActivities() {
        String youth = TestTokens.partnerToken("youth-system", "youth-league");
        figures(youth, "partner").then().statusCode(200)
                .body("rows.key.partner", contains("youth-league"))
                .body("total.activities", equalTo(3))
                .body("total.personTimes", equalTo(10));
        given().auth().oauth2(youth).queryParam("partner", "traffic-police")
                .when().get("/api/v1/activities/figures")
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.token("rider", "worker"))
                .when().get("/api/v1/activities/figures").then().statusCode(403);
    }

    @Test
    void theCsvExportHasTheSameFiguresAndATotalRow() {
        byte[] body = given().auth().oauth2(ADMIN).accept("text/csv").queryParam("year", 2021)
                .queryParam("stationId", station.toString()).queryParam("groupBy", "partner")
                .when().get("/api/v1/activities/figures")
                .then().statusCode(200).contentType(containsString("text/csv"))
                .header("Content-Disposition", containsString("activity-figures-2021-01-01-2021-12-31.csv"))
                .extract().asByteArray();
        assertArrayEquals(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, java.util.Arrays.copyOf(body, 3));
        String[] lines = new String(body, 3, body.length - 3, StandardCharsets.UTF_8).strip().split("\n");
        assertEquals("partner,partner_name,activities,person_times,distinct_persons,reported_only_person_times", lines[0]);
        assertEquals("traffic-police,交通支队,1,40,0,40", lines[1]);
        assertEquals("youth-league,共青团,3,10,4,5", lines[3]);
        assertEquals("合计 total,,4,50,4,45", lines[4]);
    }

    @Test
    void badParametersAreProblems() {
        given().auth().oauth2(ADMIN).queryParam("groupBy", "partner,colour")
                .when().get("/api/v1/activities/figures")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("groupBy"));
        given().auth().oauth2(ADMIN).queryParam("groupBy", "month,month")
                .when().get("/api/v1/activities/figures").then().statusCode(400);
        given().auth().oauth2(ADMIN).queryParam("year", 1999)
                .when().get("/api/v1/activities/figures").then().statusCode(400).body("errors[0].field", equalTo("year"));
        given().auth().oauth2(ADMIN).queryParam("year", 2021).queryParam("from", "2021-01-01")
                .when().get("/api/v1/activities/figures").then().statusCode(400);
        given().auth().oauth2(ADMIN).queryParam("from", "2021-02-30").queryParam("to", "2021-03-01")
                .when().get("/api/v1/activities/figures").then().statusCode(400).body("errors[0].field", equalTo("from"));
        given().auth().oauth2(ADMIN).queryParam("from", "2021-03-01").queryParam("to", "2021-01-01")
                .when().get("/api/v1/activities/figures").then().statusCode(400).body("errors[0].field", equalTo("to"));
        given().auth().oauth2(ADMIN).queryParam("from", "2021-03-01")
                .when().get("/api/v1/activities/figures").then().statusCode(400).body("errors[0].field", equalTo("to"));
        given().when().get("/api/v1/activities/figures").then().statusCode(401);
    }
}
