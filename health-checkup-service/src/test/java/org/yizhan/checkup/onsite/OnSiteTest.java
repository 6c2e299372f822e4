package org.yizhan.checkup.onsite;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.yizhan.checkup.booking.BookingFixture;
import org.yizhan.checkup.service.onsite.NoShows;
import org.yizhan.events.Topics;
import org.yizhan.kit.time.AppClock;
import org.yizhan.localstack.testing.PersonalDataScan;
import org.yizhan.localstack.testing.ServiceDatabase;
import org.yizhan.localstack.testing.TopicProbe;
import org.yizhan.localstack.testing.YizhanTestResource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.yizhan.checkup.booking.BookingFixture.HOSPITAL;
import static org.yizhan.checkup.booking.BookingFixture.holdBody;
import static org.yizhan.checkup.booking.BookingFixture.slotStart;
import static org.yizhan.localstack.testing.TestTokens.clinicToken;
import static org.yizhan.localstack.testing.TestTokens.token;

/** Passes scanned at the site (online and offline), checkups done, no-shows, on real PostgreSQL and Kafka. */
@QuarkusTest
@WithTestResource(value = YizhanTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "yizhan_checkup"))
class OnSiteTest {

    private static final String CLINIC = clinicToken("nurse-1", HOSPITAL);
    private static final String OTHER_CLINIC = clinicToken("nurse-9", "haidian-hospital");

    @Inject
    AppClock clock;

    @Inject
    NoShows noShows;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aPassIsRedeemedOnceOnlineAndTheCheckupIsMarkedFulfilledWithoutResults() throws Exception {
        BookingFixture f = BookingFixture.create(2, 5);
        String worker = token("rider-s1", "worker");
        String id = f.book(worker, f.slotIds().get(0), holdBody("FOOD_DELIVERY", "MT-S1", "孙悟空", "13512340001"));
        String pass = pass(worker, id).then().statusCode(200).body("appointmentId", equalTo(id))
                .body("expiresAt", notNullValue()).extract().path("token");
        Instant slotStart = slotStart(f.slotIds().get(0));
        clock.shift(Duration.between(Instant.now(), slotStart.plusSeconds(300)));

        scan(OTHER_CLINIC, pass, slotStart.plusSeconds(240)).then().statusCode(200)
                .body("outcomes[0].result", equalTo("REJECTED")).body("outcomes[0].reason", equalTo("OTHER_CLINIC"));
        scan(CLINIC, pass, slotStart.plusSeconds(250)).then().statusCode(200)
                .body("outcomes[0].result", equalTo("REDEEMED")).body("outcomes[0].appointmentId", equalTo(id));
        given().auth().oauth2(worker).get("/api/v1/checkups/appointments/" + id).then().statusCode(200)
                .body("status", equalTo("arrived"));
        scan(CLINIC, pass, slotStart.plusSeconds(290)).then().statusCode(200)
                .body("outcomes[0].result", equalTo("REJECTED")).body("outcomes[0].reason", equalTo("ALREADY_REDEEMED"));
        String secondPass = pass(worker, id).then().statusCode(409).contentType("application/problem+json")
                .extract().asString();
        assertFalse(secondPass.contains("eyJ"), "no new pass once scanned");
        scan(CLINIC, "eyJhbGciOiJIUzI1NiJ9.e30.c2lnbmF0dXJl", slotStart).then().statusCode(200)
                .body("outcomes[0].reason", equalTo("INVALID_PASS"));

        given().auth().oauth2(OTHER_CLINIC).post("/api/v1/checkups/clinic/appointments/" + id + "/fulfilled")
                .then().statusCode(403);
        try (TopicProbe topic = TopicProbe.open(Topics.CHECKUP)) {
            given().auth().oauth2(CLINIC).post("/api/v1/checkups/clinic/appointments/" + id + "/fulfilled")
                    .then().statusCode(200).body("status", equalTo("fulfilled")).body("name", equalTo("孙**"))
                    .body("phone", equalTo("135****0001"));
            TopicProbe.Message done = topic.await(m -> m.value().contains(id)
                    && m.value().contains("appointment.fulfilled"), Duration.ofSeconds(30))
                    .orElseThrow(() -> new AssertionError("no appointment.fulfilled"));
            for (String personal : List.of("rider-s1", "孙悟空", "13512340001", "MT-S1")) {
                assertFalse(done.value().contains(personal), "no personal data in the event");
            }
        }
        given().auth().oauth2(CLINIC).post("/api/v1/checkups/clinic/appointments/" + id + "/fulfilled")
                .then().statusCode(200).body("status", equalTo("fulfilled"));
        assertEquals(List.of(), PersonalDataScan.findInDatabase(List.of("孙悟空", "13512340001", "MT-S1", "rider-s1")));
    }

    @Test
    void offlineScansKeepTheirTimeAndAnUploadRepeatedOrScannedElsewhereCountsOnce() throws Exception {
        BookingFixture f = BookingFixture.create(1, 5);
        String slot = f.slotIds().get(0);
        String a = token("rider-s2", "worker");
        String b = token("rider-s3", "worker");
        String idA = f.book(a, slot, holdBody("COURIER", "SF-S2", "周一", "13512340002"));
        String idB = f.book(b, slot, holdBody("COURIER", "SF-S3", "吴二", "13512340003"));
        String passA = pass(a, idA).then().statusCode(200).extract().path("token");
        String passB = pass(b, idB).then().statusCode(200).extract().path("token");
        Instant start = slotStart(slot);
        // The device was offline during the slot; it uploads the batch the next morning.
        clock.shift(Duration.between(Instant.now(), start.plus(Duration.ofHours(20))));
        Instant scannedA = start.plusSeconds(61);
        Instant scannedB = start.plusSeconds(125);
        String batch = """
                {"scans": [{"pass": "%s", "scannedAt": "%s"}, {"pass": "%s", "scannedAt": "%s"}]}"""
                .formatted(passA, scannedA, passB, scannedB);
        upload(CLINIC, batch).then().statusCode(200).body("outcomes.result", everyItem(equalTo("REDEEMED")));
        upload(CLINIC, batch).then().statusCode(200).body("outcomes.result", everyItem(equalTo("DUPLICATE")));
        // The same pass scanned at another moment by a second device: refused.
        scan(CLINIC, passA, start.plusSeconds(600)).then().statusCode(200)
                .body("outcomes[0].reason", equalTo("ALREADY_REDEEMED"));
        assertEquals(scannedA.toString(), arrivedAt(idA));
        assertEquals(scannedB.toString(), arrivedAt(idB));

        given().auth().oauth2(CLINIC).queryParam("day", day(start))
                .get("/api/v1/checkups/clinic/sites/" + f.siteId() + "/appointments").then().statusCode(200)
                .body("items", hasSize(2)).body("items.status", everyItem(equalTo("arrived")))
                .body("items.name", hasItem("周*")).body("items.phone", everyItem(not(equalTo("13512340002"))));
        given().auth().oauth2(OTHER_CLINIC).queryParam("day", day(start))
                .get("/api/v1/checkups/clinic/sites/" + f.siteId() + "/appointments").then().statusCode(403);
    }

    @Test
    void aWorkerWhoDoesNotComeIsANoShowUntilALateUploadShowsTheyCame() throws Exception {
        BookingFixture f = BookingFixture.create(1, 5);
        String slot = f.slotIds().get(0);
        String worker = token("rider-s4", "worker");
        String id = f.book(worker, slot, holdBody("FOOD_DELIVERY", "MT-S4", "郑三", "13512340004"));
        String pass = pass(worker, id).then().statusCode(200).extract().path("token");
        Instant start = slotStart(slot);
        clock.shift(Duration.between(Instant.now(), start.plus(Duration.ofHours(4))));
        try (TopicProbe topic = TopicProbe.open(Topics.CHECKUP)) {
            noShows.mark();
            topic.await(m -> m.value().contains(id) && m.value().contains("appointment.noshow"), Duration.ofSeconds(30))
                    .orElseThrow(() -> new AssertionError("no appointment.noshow"));
        }
        given().auth().oauth2(worker).get("/api/v1/checkups/appointments/" + id).then().statusCode(200)
                .body("status", equalTo("noshow"));
        assertEquals(1, noShowsOf(id));
        assertEquals(0, noShows.mark(), "marked once");

        scan(CLINIC, pass, start.plusSeconds(30)).then().statusCode(200).body("outcomes[0].result", equalTo("REDEEMED"));
        given().auth().oauth2(worker).get("/api/v1/checkups/appointments/" + id).then().statusCode(200)
                .body("status", equalTo("arrived"));
        assertEquals(0, noShowsOf(id), "the late scan takes the no-show back");
    }

    @Test
    void badUploadsAreRefusedAndChangeNothing() throws Exception {
        BookingFixture f = BookingFixture.create(1, 5);
        String worker = token("rider-s5", "worker");
        String id = f.book(worker, f.slotIds().get(0), holdBody("COURIER", "SF-S5", "王五", "13512340005"));
        String pass = pass(worker, id).then().statusCode(200).extract().path("token");
        upload(CLINIC, "{\"scans\": []}").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("scans"));
        upload(CLINIC, "{\"scans\": [{\"pass\": \"%s\"}]}".formatted(pass)).then().statusCode(400)
                .body("errors.field", hasItem("scans[0].scannedAt"));
        upload(CLINIC, "{\"scans\": [{\"pass\": \"%s\", \"scannedAt\": \"yesterday\"}]}".formatted(pass))
                .then().statusCode(400);
        upload(token("rider-s5", "worker"), "{\"scans\": [{\"pass\": \"%s\", \"scannedAt\": \"%s\"}]}"
                .formatted(pass, Instant.now())).then().statusCode(403);
        scan(CLINIC, pass, Instant.now().plus(Duration.ofHours(1))).then().statusCode(200)
                .body("outcomes[0].reason", equalTo("SCANNED_IN_FUTURE"));
        scan(CLINIC, pass, Instant.now()).then().statusCode(200).body("outcomes[0].reason", equalTo("OUTSIDE_WINDOW"));
        given().auth().oauth2(CLINIC).get("/api/v1/checkups/clinic/sites/" + f.siteId() + "/appointments")
                .then().statusCode(400).body("errors.field", hasItem("day"));
        given().auth().oauth2(CLINIC).post("/api/v1/checkups/clinic/appointments/" + id + "/fulfilled")
                .then().statusCode(409);
        given().auth().oauth2(worker).get("/api/v1/checkups/appointments/" + id).then().statusCode(200)
                .body("status", equalTo("booked"));
    }

    private static Response pass(String worker, String id) {
        return given().auth().oauth2(worker).get("/api/v1/checkups/appointments/" + id + "/pass");
    }

    private static Response scan(String clinic, String pass, Instant at) {
        return upload(clinic, "{\"scans\": [{\"pass\": \"%s\", \"scannedAt\": \"%s\"}]}".formatted(pass, at));
    }

    private static Response upload(String clinic, String body) {
        return given().auth().oauth2(clinic).contentType(ContentType.JSON).body(body)
                .post("/api/v1/checkups/clinic/scans");
    }

    private static String arrivedAt(String id) throws SQLException {
        return value("select to_char(arrived_at at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')"
                + " from appointment where id = ?::uuid", id);
    }

    private static int noShowsOf(String appointmentId) throws SQLException {
        return Integer.parseInt(value("select coalesce((select no_shows from person_standing s where s.person ="
                + " (select person from appointment where id = ?::uuid)), 0)", appointmentId));
    }

    private static String day(Instant at) {
        return at.atZone(java.time.ZoneId.of("Asia/Shanghai")).toLocalDate().toString();
    }

    private static String value(String sql, String id) throws SQLException {
        try (Connection c = ServiceDatabase.open(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, id);
            try (ResultSet rows = s.executeQuery()) {
                rows.next();
                return rows.getString(1);
            }
        }
    }
}
