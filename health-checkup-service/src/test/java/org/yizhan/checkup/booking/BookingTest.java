package org.yizhan.checkup.booking;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.yizhan.checkup.service.booking.HoldExpiry;
import org.yizhan.events.Topics;
import org.yizhan.kit.time.AppClock;
import org.yizhan.localstack.testing.PersonalDataScan;
import org.yizhan.localstack.testing.ServiceDatabase;
import org.yizhan.localstack.testing.TopicProbe;
import org.yizhan.localstack.testing.YizhanTestResource;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.yizhan.checkup.booking.BookingFixture.confirm;
import static org.yizhan.checkup.booking.BookingFixture.free;
import static org.yizhan.checkup.booking.BookingFixture.hold;
import static org.yizhan.checkup.booking.BookingFixture.holdBody;
import static org.yizhan.localstack.testing.TestTokens.token;

/** Holding, consenting, confirming and cancelling a checkup place, on real PostgreSQL and Kafka. */
@QuarkusTest
@WithTestResource(value = YizhanTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "yizhan_checkup"))
class BookingTest {

    @Inject
    AppClock clock;

    @Inject
    HoldExpiry expiry;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aWorkerHoldsConsentsConfirmsAndCancelsAndTheEventsNameNoOne() throws SQLException {
        BookingFixture f = BookingFixture.create(2, 5);
        String worker = token("rider-b1", "worker");
        Response held = hold(worker, f.slotIds().get(0), holdBody("FOOD_DELIVERY", "MT-77001", "王小明", "13912345678"));
        held.then().statusCode(201).body("status", equalTo("pending")).body("holdExpiresAt", notNullValue())
                .body("name", equalTo("王**")).body("phone", equalTo("139****5678"));
        String id = held.path("id");
        assertEquals(4, free(f.slotIds().get(0)), "held");

        confirm(worker, id, "wrong.0").then().statusCode(400).body("errors.field", hasItem("consentVersion"));
        given().auth().oauth2(worker).contentType(ContentType.JSON)
                .body("{\"consentVersion\": \"%s\", \"agree\": false}".formatted(f.consentVersion(worker)))
                .post("/api/v1/checkups/appointments/" + id + "/confirm")
                .then().statusCode(400).body("errors.field", hasItem("agree"));
        confirm(token("rider-b2", "worker"), id, f.consentVersion(worker)).then().statusCode(404);

        try (TopicProbe topic = TopicProbe.open(Topics.CHECKUP)) {
            confirm(worker, id, f.consentVersion(worker)).then().statusCode(200)
                    .body("status", equalTo("booked")).body("consentVersion", equalTo(f.consentVersion(worker)));
            TopicProbe.Message booked = topic.await(m -> m.value().contains(id) && m.value().contains("appointment.booked"),
                    Duration.ofSeconds(30)).orElseThrow(() -> new AssertionError("no appointment.booked"));
            for (String personal : List.of("rider-b1", "王小明", "13912345678", "MT-77001")) {
                assertFalse(booked.value().contains(personal), "no personal data in the event");
            }
            confirm(worker, id, f.consentVersion(worker)).then().statusCode(200).body("status", equalTo("booked"));
            assertEquals(4, free(f.slotIds().get(0)));

            given().auth().oauth2(worker).post("/api/v1/checkups/appointments/" + id + "/cancel")
                    .then().statusCode(200).body("status", equalTo("cancelled"))
                    .body("cancelReason", equalTo("CANCELLED_BY_WORKER"));
            topic.await(m -> m.value().contains(id) && m.value().contains("appointment.cancelled"), Duration.ofSeconds(30))
                    .orElseThrow(() -> new AssertionError("no appointment.cancelled"));
        }
        assertEquals(5, free(f.slotIds().get(0)), "the place is free again");
        given().auth().oauth2(worker).get("/api/v1/checkups/appointments/mine")
                .then().statusCode(200).body("items.id", hasItem(id));

        assertEquals(List.of(), PersonalDataScan.findInDatabase(List.of("王小明", "13912345678", "MT-77001", "rider-b1")));
        assertEquals(List.of(), PersonalDataScan.findInLog(List.of("王小明", "13912345678", "MT-77001")));
    }

    @Test
    void oneAppointmentPerPersonAndPerRiderIdInACampaign() throws SQLException {
        BookingFixture f = BookingFixture.create(2, 5);
        String worker = token("rider-b3", "worker");
        String first = hold(worker, f.slotIds().get(0), holdBody("COURIER", "SF-1", "李四", "13700000001"))
                .then().statusCode(201).extract().path("id");
        hold(worker, f.slotIds().get(1), holdBody("COURIER", "SF-2", "李四", "13700000001"))
                .then().statusCode(409).contentType("application/problem+json");
        hold(token("rider-b4", "worker"), f.slotIds().get(1), holdBody("COURIER", "SF-1", "李四", "13700000001"))
                .then().statusCode(409);
        assertEquals(5, free(f.slotIds().get(1)), "refused attempts take no place");
        assertEquals(4, free(f.slotIds().get(0)));

        given().auth().oauth2(worker).post("/api/v1/checkups/appointments/" + first + "/cancel").then().statusCode(200);
        hold(worker, f.slotIds().get(1), holdBody("COURIER", "SF-1", "李四", "13700000001")).then().statusCode(201);
    }

    @Test
    void anExpiredHoldGivesItsPlaceBackAndCannotBeConfirmed() throws SQLException {
        BookingFixture f = BookingFixture.create(1, 1);
        String slot = f.slotIds().get(0);
        String slow = token("rider-b5", "worker");
        String id = hold(slow, slot, holdBody("FOOD_DELIVERY", "ELE-5", "赵六", "13600000005"))
                .then().statusCode(201).extract().path("id");
        hold(token("rider-b6", "worker"), slot, holdBody("FOOD_DELIVERY", "ELE-6", "钱七", "13600000006"))
                .then().statusCode(409);

        clock.shift(Duration.ofMinutes(6));
        assertTrue(expiry.sweep() >= 1, "the sweep expired the hold");
        assertEquals(1, free(slot));
        confirm(slow, id, f.consentVersion(slow)).then().statusCode(409);
        given().auth().oauth2(slow).get("/api/v1/checkups/appointments/" + id)
                .then().statusCode(200).body("status", equalTo("cancelled")).body("cancelReason", equalTo("HOLD_EXPIRED"));
        hold(token("rider-b6", "worker"), slot, holdBody("FOOD_DELIVERY", "ELE-6", "钱七", "13600000006"))
                .then().statusCode(201);
    }

    @Test
    void badHoldsAreRefusedAndTakeNoPlace() throws SQLException {
        BookingFixture f = BookingFixture.create(1, 3);
        String slot = f.slotIds().get(0);
        String worker = token("rider-b7", "worker");
        hold(worker, slot, holdBody("FOOD_DELIVERY", "MT 1", "张三3", "12345"))
                .then().statusCode(400).body("errors.field", hasItem("riderId")).body("errors.field", hasItem("name"))
                .body("errors.field", hasItem("phone"));
        hold(worker, slot, holdBody("TRUCK_DRIVER", "MT-1", "张三", "13800000000"))
                .then().statusCode(400).body("errors.field", hasItem("occupation"));
        hold(worker, slot, "{\"occupation\": \"PILOT\"}").then().statusCode(400);
        hold(worker, slot, "{").then().statusCode(400);
        hold(token("staff-9", "union-staff"), slot, holdBody("COURIER", "MT-1", "张三", "13800000000"))
                .then().statusCode(403);
        hold(worker, java.util.UUID.randomUUID().toString(), holdBody("COURIER", "MT-1", "张三", "13800000000"))
                .then().statusCode(400).body("errors.field", hasItem("slotId"));
        given().auth().oauth2(worker).queryParam("limit", 0).get("/api/v1/checkups/appointments/mine").then().statusCode(400);
        assertEquals(3, free(slot));
    }
}
