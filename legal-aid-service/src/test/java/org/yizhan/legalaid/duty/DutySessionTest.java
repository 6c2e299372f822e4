package org.yizhan.legalaid.duty;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.yizhan.kit.events.CloudEventCodec;
import org.yizhan.kit.replica.StationReplica;
import org.yizhan.legalaid.LegalAidFixture;
import org.yizhan.localstack.testing.PersonalDataScan;
import org.yizhan.localstack.testing.ServiceDatabase;
import org.yizhan.localstack.testing.YizhanTestResource;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.yizhan.legalaid.LegalAidFixture.ADMIN;
import static org.yizhan.localstack.testing.TestTokens.token;

/** Lawyers, their duty sessions at stations, and workers booking a slot, on real PostgreSQL and Kafka. */
@QuarkusTest
@WithTestResource(value = YizhanTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "yizhan_legal_aid"))
class DutySessionTest {

    @Inject
    StationReplica replica;

    @Inject
    CloudEventCodec codec;

    @Test
    void aWorkerFindsTheNextSessionNearbyAndBooksASlotThatNobodyElseGets() throws SQLException {
        UUID station = LegalAidFixture.station(replica, codec, 39.7301, 116.3350);
        String lawyer = LegalAidFixture.lawyer("lawyer-d1-" + UUID.randomUUID(), "欧阳明");
        LegalAidFixture.Session s = LegalAidFixture.session(station, lawyer, 3, 1);
        assertEquals(3, s.slotIds().size());

        String worker = token("rider-d1", "worker");
        given().auth().oauth2(worker).queryParam("lat", 39.7310).queryParam("lon", 116.3360).queryParam("radiusKm", 2)
                .get("/api/v1/legal-aid/sessions").then().statusCode(200)
                .body("items.id", hasItem(s.id()))
                .body("items.find { it.id == '" + s.id() + "' }.freeSlots", equalTo(3));
        given().auth().oauth2(worker).queryParam("lat", 40.2).queryParam("lon", 116.9).queryParam("radiusKm", 2)
                .get("/api/v1/legal-aid/sessions").then().statusCode(200).body("items.id", not(hasItem(s.id())));

        String booking = given().auth().oauth2(worker).contentType(ContentType.JSON)
                .body("{\"slotId\": \"" + s.slotIds().get(0) + "\"}")
                .post("/api/v1/legal-aid/sessions/" + s.id() + "/bookings").then().statusCode(201)
                .body("status", equalTo("BOOKED")).extract().path("id");
        given().auth().oauth2(token("rider-d2", "worker")).contentType(ContentType.JSON)
                .body("{\"slotId\": \"" + s.slotIds().get(0) + "\"}")
                .post("/api/v1/legal-aid/sessions/" + s.id() + "/bookings").then().statusCode(409);
        given().auth().oauth2(worker).contentType(ContentType.JSON)
                .body("{\"slotId\": \"" + s.slotIds().get(1) + "\"}")
                .post("/api/v1/legal-aid/sessions/" + s.id() + "/bookings").then().statusCode(409);
        assertEquals(0, booked(s.slotIds().get(1)), "a refused second booking takes no place");

        given().auth().oauth2(worker).get("/api/v1/legal-aid/sessions/" + s.id()).then().statusCode(200)
                .body("lawyerName", equalTo("欧**")).body("slots[0].free", equalTo(false))
                .body("slots[1].free", equalTo(true));
        given().auth().oauth2(worker).get("/api/v1/legal-aid/bookings/mine").then().statusCode(200)
                .body("items.id", hasItem(booking));
        given().auth().oauth2(worker).post("/api/v1/legal-aid/bookings/" + booking + "/cancel").then().statusCode(200)
                .body("status", equalTo("CANCELLED"));
        given().auth().oauth2(worker).post("/api/v1/legal-aid/bookings/" + booking + "/cancel").then().statusCode(200);
        assertEquals(0, booked(s.slotIds().get(0)), "the slot is free again, given back once");
        given().auth().oauth2(token("rider-d2", "worker")).post("/api/v1/legal-aid/bookings/" + booking + "/cancel")
                .then().statusCode(404);

        assertEquals(List.of(), PersonalDataScan.findInDatabase(List.of("欧阳明", "rider-d1", "rider-d2")));
        assertEquals(List.of(), PersonalDataScan.findInLog(List.of("欧阳明")));
    }

    @Test
    void twentyWorkersAtOnceForOneSlotGiveExactlyOneBooking() throws Exception {
        UUID station = LegalAidFixture.station(replica, codec, 39.7500, 116.3000);
        LegalAidFixture.Session s = LegalAidFixture.session(station,
                LegalAidFixture.lawyer("lawyer-d2-" + UUID.randomUUID(), "周平"), 1, 2);
        ExecutorService pool = Executors.newFixedThreadPool(10);
        try {
            List<Callable<Integer>> attempts = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                String worker = token("rider-rush-" + i, "worker");
                attempts.add(() -> given().auth().oauth2(worker).contentType(ContentType.JSON)
                        .body("{\"slotId\": \"" + s.slotIds().get(0) + "\"}")
                        .post("/api/v1/legal-aid/sessions/" + s.id() + "/bookings").statusCode());
            }
            List<Integer> codes = new ArrayList<>();
            for (Future<Integer> f : pool.invokeAll(attempts)) {
                codes.add(f.get());
            }
            assertEquals(1, codes.stream().filter(c -> c == 201).count(), codes.toString());
            assertEquals(19, codes.stream().filter(c -> c == 409).count(), codes.toString());
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, booked(s.slotIds().get(0)));
    }

    @Test
    void badRequestsAreNamedAndStoreNothing() throws SQLException {
        UUID station = LegalAidFixture.station(replica, codec, 39.7600, 116.3100);
        String lawyer = LegalAidFixture.lawyer("lawyer-d3-" + UUID.randomUUID(), "吴军");
        long sessions = count("duty_session");
        long lawyers = count("lawyer");
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body("{\"stationId\": \"" + station + "\", \"lawyerId\": \"" + lawyer + "\", \"startsAt\": "
                        + "\"2099-01-01T08:00:00Z\", \"endsAt\": \"2099-01-01T07:00:00Z\", \"slotMinutes\": 5}")
                .post("/api/v1/legal-aid/sessions").then().statusCode(400)
                .body("errors.field", hasItem("endsAt")).body("errors.field", hasItem("slotMinutes"));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body("{\"stationId\": \"" + UUID.randomUUID() + "\", \"lawyerId\": \"" + lawyer + "\", \"startsAt\": "
                        + "\"2099-01-01T08:00:00Z\", \"endsAt\": \"2099-01-01T09:00:00Z\", \"slotMinutes\": 20}")
                .post("/api/v1/legal-aid/sessions").then().statusCode(400).body("errors.field", hasItem("stationId"));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body("{\"stationId\": \"" + station + "\", \"lawyerId\": \"" + UUID.randomUUID() + "\", \"startsAt\": "
                        + "\"2099-01-01T08:00:00Z\", \"endsAt\": \"2099-01-01T09:00:00Z\", \"slotMinutes\": 20}")
                .post("/api/v1/legal-aid/sessions").then().statusCode(400).body("errors.field", hasItem("lawyerId"));
        given().auth().oauth2(token("staff-1", "union-staff")).contentType(ContentType.JSON)
                .body("{\"stationId\": \"" + station + "\", \"lawyerId\": \"" + lawyer + "\", \"startsAt\": "
                        + "\"2099-01-01T08:00:00Z\", \"endsAt\": \"2099-01-01T09:00:00Z\", \"slotMinutes\": 20}")
                .post("/api/v1/legal-aid/sessions").then().statusCode(403);
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body("{\"name\": \"张3\", \"licenceNumber\": \"123\", \"firm\": \"\", \"subject\": \"a b\"}")
                .post("/api/v1/legal-aid/lawyers").then().statusCode(400)
                .body("errors", hasSize(4)).body("errors.field", hasItem("licenceNumber"));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"name\": ")
                .post("/api/v1/legal-aid/lawyers").then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(token("rider-d3", "worker")).queryParam("lat", 91).queryParam("radiusKm", "far")
                .get("/api/v1/legal-aid/sessions").then().statusCode(400)
                .body("errors.field", hasItem("lat")).body("errors.field", hasItem("lon"))
                .body("errors.field", hasItem("radiusKm"));
        assertEquals(sessions, count("duty_session"));
        assertEquals(lawyers, count("lawyer"));
    }

    @Test
    void aLawyerIsRegisteredOnceAndListedMaskedToUnionStaff() {
        String subject = "lawyer-d4-" + UUID.randomUUID();
        String licence = LegalAidFixture.licence();
        String body = "{\"name\": \"郑小红\", \"licenceNumber\": \"" + licence + "\", \"firm\": \"某律师事务所\", "
                + "\"subject\": \"" + subject + "\"}";
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(body).post("/api/v1/legal-aid/lawyers")
                .then().statusCode(201).body("name", equalTo("郑**")).body("licenceNumber", equalTo(licence));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(body).post("/api/v1/legal-aid/lawyers")
                .then().statusCode(409);
        given().auth().oauth2(token("staff-2", "union-staff")).queryParam("limit", 100)
                .get("/api/v1/legal-aid/lawyers").then().statusCode(200);
        given().auth().oauth2(token("lawyer-x", "lawyer")).get("/api/v1/legal-aid/lawyers").then().statusCode(403);
    }

    private static int booked(String slotId) throws SQLException {
        try (Connection c = ServiceDatabase.open(); Statement st = c.createStatement();
             ResultSet rows = st.executeQuery("select booked from session_slot where id = '" + UUID.fromString(slotId) + "'")) {
            rows.next();
            return rows.getInt(1);
        }
    }

    private static long count(String table) throws SQLException {
        try (Connection c = ServiceDatabase.open(); Statement st = c.createStatement();
             ResultSet rows = st.executeQuery("select count(*) from " + table)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
