package org.yizhan.checkup.booking;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.yizhan.kit.time.AppClock;
import org.yizhan.localstack.testing.YizhanTestResource;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.yizhan.checkup.booking.BookingFixture.hold;
import static org.yizhan.checkup.booking.BookingFixture.holdBody;
import static org.yizhan.localstack.testing.TestTokens.token;

/** GET /api/v1/checkups/appointments/mine?upcoming=true: only the appointments still to come. */
@QuarkusTest
@WithTestResource(value = YizhanTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "yizhan_checkup"))
class MyUpcomingAppointmentsTest {

    private static final String MINE = "/api/v1/checkups/appointments/mine";

    @Inject
    AppClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void upcomingKeepsTheHeldAndBookedAppointmentsWhoseSlotHasNotEnded() {
        String worker = token("rider-up-" + UUID.randomUUID(), "worker");
        BookingFixture first = BookingFixture.create(1, 5);
        String booked = first.book(worker, first.slotIds().get(0), holdBody("COURIER", "SF-U1", "李四", "13700000011"));
        BookingFixture second = BookingFixture.create(1, 5);
        String cancelled = second.book(worker, second.slotIds().get(0),
                holdBody("COURIER", "SF-U2", "李四", "13700000011"));
        given().auth().oauth2(worker).post("/api/v1/checkups/appointments/" + cancelled + "/cancel")
                .then().statusCode(200);
        BookingFixture third = BookingFixture.create(1, 5);
        String held = hold(worker, third.slotIds().get(0), holdBody("COURIER", "SF-U3", "李四", "13700000011"))
                .then().statusCode(201).extract().path("id");

        given().auth().oauth2(worker).get(MINE).then().statusCode(200)
                .body("items.id", contains(held, cancelled, booked));
        given().auth().oauth2(worker).queryParam("upcoming", "true").get(MINE).then().statusCode(200)
                .body("items.id", contains(held, booked))
                .body("items.status", contains("pending", "booked"));

        JsonPath page = given().auth().oauth2(worker).queryParam("upcoming", "true").queryParam("limit", 1).get(MINE)
                .then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(held), page.getList("items.id"));
        given().auth().oauth2(worker).queryParam("upcoming", "true").queryParam("limit", 1)
                .queryParam("cursor", page.getString("nextCursor")).get(MINE)
                .then().statusCode(200).body("items.id", contains(booked)).body("nextCursor", nullValue());

        // Once the slots (seven days ahead) have ended, nothing is upcoming; the full list is unchanged.
        clock.shift(Duration.ofDays(8));
        given().auth().oauth2(worker).queryParam("upcoming", "true").get(MINE).then().statusCode(200)
                .body("items", empty());
        given().auth().oauth2(worker).get(MINE).then().statusCode(200)
                .body("items.id", contains(held, cancelled, booked));
    }

    @Test
    void aBadUpcomingIsA400() {
        given().auth().oauth2(token("rider-up-" + UUID.randomUUID(), "worker")).queryParam("upcoming", "soon")
                .get(MINE).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("upcoming"));
    }
}
