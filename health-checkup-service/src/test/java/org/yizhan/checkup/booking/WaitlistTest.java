package org.yizhan.checkup.booking;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.yizhan.checkup.service.booking.HoldExpiry;
import org.yizhan.checkup.service.booking.Waitlist;
import org.yizhan.events.Topics;
import org.yizhan.kit.time.AppClock;
import org.yizhan.localstack.testing.ServiceDatabase;
import org.yizhan.localstack.testing.TopicProbe;
import org.yizhan.localstack.testing.YizhanTestResource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.yizhan.checkup.booking.BookingFixture.confirm;
import static org.yizhan.checkup.booking.BookingFixture.free;
import static org.yizhan.checkup.booking.BookingFixture.hold;
import static org.yizhan.checkup.booking.BookingFixture.holdBody;
import static org.yizhan.localstack.testing.TestTokens.token;

/** The waitlist of a site and day, and withdrawing consent, on real PostgreSQL and Kafka. */
@QuarkusTest
@WithTestResource(value = YizhanTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "yizhan_checkup"))
class WaitlistTest {

    @Inject
    AppClock clock;

    @Inject
    HoldExpiry expiry;

    @Inject
    Waitlist waitlist;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aPlaceGivenBackIsOfferedToTheFirstWaitingWorkerWhoConfirmsItBeforeTheConfirmByTime() throws SQLException {
        BookingFixture f = BookingFixture.create(1, 1);
        String slot = f.slotIds().get(0);
        String first = token("rider-w1", "worker");
        String second = token("rider-w2", "worker");
        String third = token("rider-w3", "worker");
        String booked = f.book(first, slot, holdBody("COURIER", "SF-W1", "甲一", "13300000001"));
        hold(second, slot, holdBody("COURIER", "SF-W2", "乙二", "13300000002")).then().statusCode(409);
        String waiting = joinWaitlist(second, slot, holdBody("COURIER", "SF-W2", "乙二", "13300000002"))
                .then().statusCode(201).body("status", equalTo("waitlist")).body("holdExpiresAt", nullValue())
                .extract().path("id");
        joinWaitlist(third, slot, holdBody("COURIER", "SF-W3", "丙三", "13300000003")).then().statusCode(201);
        assertEquals(0, free(slot), "waiting takes no place");
        joinWaitlist(second, slot, holdBody("COURIER", "SF-W2", "乙二", "13300000002"))
                .then().statusCode(409); // one live appointment per person, waiting included

        given().auth().oauth2(first).post("/api/v1/checkups/appointments/" + booked + "/cancel").then().statusCode(200);
        Instant now = Instant.now();
        String confirmBy = given().auth().oauth2(second).get("/api/v1/checkups/appointments/" + waiting)
                .then().statusCode(200).body("status", equalTo("pending")).body("offeredAt", notNullValue())
                .extract().path("holdExpiresAt");
        Instant by = Instant.parse(confirmBy);
        assertTrue(by.isAfter(now.plus(Duration.ofMinutes(100))) && by.isBefore(now.plus(Duration.ofMinutes(125))),
                "confirm within the offer time (2 h): " + by);
        assertEquals(0, free(slot), "the freed place went to the waiting worker");
        confirm(second, waiting, f.consentVersion(second)).then().statusCode(200).body("status", equalTo("booked"));
        given().auth().oauth2(third).get("/api/v1/checkups/appointments/mine").then().statusCode(200)
                .body("items[0].status", equalTo("waitlist"));
    }

    @Test
    void anOfferNotConfirmedInTimeGoesToTheNextAndRepeatedNoShowsQueueBehindOthers() throws SQLException {
        BookingFixture f = BookingFixture.create(1, 1);
        String slot = f.slotIds().get(0);
        String holder = token("rider-w4", "worker");
        String booked = f.book(holder, slot, holdBody("FOOD_DELIVERY", "MT-W4", "丁四", "13300000004"));
        String oftenAbsent = token("rider-w5", "worker");
        String slowWaiting = token("rider-w6", "worker");
        String lateWaiting = token("rider-w7", "worker");
        String absentId = joinWaitlist(oftenAbsent, slot, holdBody("FOOD_DELIVERY", "MT-W5", "戊五", "13300000005"))
                .then().statusCode(201).extract().path("id");
        String slowId = joinWaitlist(slowWaiting, slot, holdBody("FOOD_DELIVERY", "MT-W6", "己六", "13300000006"))
                .then().statusCode(201).extract().path("id");
        String lateId = joinWaitlist(lateWaiting, slot, holdBody("FOOD_DELIVERY", "MT-W7", "庚七", "13300000007"))
                .then().statusCode(201).extract().path("id");
        standing(absentId, 2);

        given().auth().oauth2(holder).post("/api/v1/checkups/appointments/" + booked + "/cancel").then().statusCode(200);
        status(oftenAbsent, absentId).then().body("status", equalTo("waitlist")); // behind the others, though first
        status(slowWaiting, slowId).then().body("status", equalTo("pending"));

        clock.shift(Duration.ofHours(3));
        expiry.scheduledSweep();
        status(slowWaiting, slowId).then().body("status", equalTo("cancelled")).body("cancelReason", equalTo("HOLD_EXPIRED"));
        status(lateWaiting, lateId).then().body("status", equalTo("pending"));
        confirm(lateWaiting, lateId, f.consentVersion(lateWaiting)).then().statusCode(200);
        assertEquals(0, waitlist.sweep(), "no place left to offer");
        status(oftenAbsent, absentId).then().body("status", equalTo("waitlist")); // still waiting, never blocked
    }

    @Test
    void withdrawingConsentCancelsFutureBookingsAndGivesThePlaceToTheWaitlist() throws SQLException {
        BookingFixture f = BookingFixture.create(1, 1);
        String slot = f.slotIds().get(0);
        String worker = token("rider-w8", "worker");
        String next = token("rider-w9", "worker");
        String booked = f.book(worker, slot, holdBody("COURIER", "SF-W8", "辛八", "13300000008"));
        String waiting = joinWaitlist(next, slot, holdBody("COURIER", "SF-W9", "壬九", "13300000009"))
                .then().statusCode(201).extract().path("id");
        try (TopicProbe topic = TopicProbe.open(Topics.CHECKUP)) {
            given().auth().oauth2(worker).delete("/api/v1/checkups/campaigns/" + f.campaignId() + "/consent")
                    .then().statusCode(200).body("cancelledAppointments", hasSize(1))
                    .body("cancelledAppointments[0]", equalTo(booked));
            topic.await(m -> m.value().contains(booked) && m.value().contains("CONSENT_WITHDRAWN"), Duration.ofSeconds(30))
                    .orElseThrow(() -> new AssertionError("no appointment.cancelled"));
        }
        status(worker, booked).then().body("status", equalTo("cancelled")).body("cancelReason", equalTo("CONSENT_WITHDRAWN"));
        status(next, waiting).then().body("status", equalTo("pending"));
        given().auth().oauth2(worker).delete("/api/v1/checkups/campaigns/" + f.campaignId() + "/consent")
                .then().statusCode(200).body("cancelledAppointments", hasSize(0));
        given().auth().oauth2(BookingFixture.ADMIN).delete("/api/v1/checkups/campaigns/" + f.campaignId() + "/consent")
                .then().statusCode(403);
        assertEquals(0, free(slot));
    }

    private static Response joinWaitlist(String worker, String slotId, String body) {
        return hold(worker, slotId, body.replaceFirst("\\{", "{\"waitlist\": true, "));
    }

    private static Response status(String worker, String id) {
        return given().auth().oauth2(worker).get("/api/v1/checkups/appointments/" + id).then().statusCode(200)
                .extract().response();
    }

    private static void standing(String appointmentId, int noShows) throws SQLException {
        try (Connection c = ServiceDatabase.open(); PreparedStatement s = c.prepareStatement(
                "insert into person_standing (person, no_shows, updated_at) select person, ?, now() from appointment"
                        + " where id = ?::uuid on conflict (person) do update set no_shows = excluded.no_shows")) {
            s.setInt(1, noShows);
            s.setString(2, appointmentId);
            assertEquals(1, s.executeUpdate());
        }
    }
}
