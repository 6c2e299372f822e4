package org.yizhan.checkup.booking;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.yizhan.checkup.service.booking.HoldExpiry;
import org.yizhan.kit.time.AppClock;
import org.yizhan.localstack.testing.YizhanTestResource;

import java.time.Duration;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.yizhan.checkup.booking.BookingFixture.ADMIN;
import static org.yizhan.checkup.booking.BookingFixture.hold;
import static org.yizhan.checkup.booking.BookingFixture.holdBody;
import static org.yizhan.localstack.testing.TestTokens.token;

/** Quotas per occupation, site and day: the strictest wins, and every way a place comes back gives it back. */
@QuarkusTest
@WithTestResource(value = YizhanTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "yizhan_checkup"))
class QuotaTest {

    @Inject
    AppClock clock;

    @Inject
    HoldExpiry expiry;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private static io.restassured.response.Response setQuota(String campaign, String body) {
        return given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(body)
                .put("/api/v1/checkups/campaigns/" + campaign + "/quotas");
    }

    @Test
    void theStrictestQuotaWinsAndCancelledOrExpiredPlacesComeBack() {
        BookingFixture f = BookingFixture.create(2, 10);
        f.quota("COURIER", null, 5);
        f.quota("COURIER", f.siteId(), 2);
        String a = hold(token("courier-q1", "worker"), f.slotIds().get(0), holdBody("COURIER", "SF-Q1", "甲", "13500000001"))
                .then().statusCode(201).extract().path("id");
        hold(token("courier-q2", "worker"), f.slotIds().get(1), holdBody("COURIER", "SF-Q2", "乙", "13500000002"))
                .then().statusCode(201);
        hold(token("courier-q3", "worker"), f.slotIds().get(1), holdBody("COURIER", "SF-Q3", "丙", "13500000003"))
                .then().statusCode(409).contentType("application/problem+json");
        // Riders have no quota: only the slots limit them.
        hold(token("rider-q4", "worker"), f.slotIds().get(1), holdBody("FOOD_DELIVERY", "MT-Q4", "丁", "13500000004"))
                .then().statusCode(201);
        given().auth().oauth2(ADMIN).get("/api/v1/checkups/campaigns/" + f.campaignId() + "/quotas")
                .then().statusCode(200).body("items", hasSize(2)).body("items.taken", equalTo(java.util.List.of(2, 2)));

        given().auth().oauth2(token("courier-q1", "worker")).post("/api/v1/checkups/appointments/" + a + "/cancel")
                .then().statusCode(200);
        hold(token("courier-q3", "worker"), f.slotIds().get(1), holdBody("COURIER", "SF-Q3", "丙", "13500000003"))
                .then().statusCode(201);
        hold(token("courier-q5", "worker"), f.slotIds().get(0), holdBody("COURIER", "SF-Q5", "戊", "13500000005"))
                .then().statusCode(409);

        clock.shift(Duration.ofMinutes(6));
        expiry.sweep();
        given().auth().oauth2(ADMIN).get("/api/v1/checkups/campaigns/" + f.campaignId() + "/quotas")
                .then().statusCode(200).body("items.taken", equalTo(java.util.List.of(0, 0)));
        hold(token("courier-q5", "worker"), f.slotIds().get(0), holdBody("COURIER", "SF-Q5", "戊", "13500000005"))
                .then().statusCode(201);
    }

    @Test
    void quotasAreCheckedAndNeverBelowWhatIsTaken() {
        BookingFixture f = BookingFixture.create(1, 10);
        f.quota("FOOD_DELIVERY", null, 3);
        hold(token("rider-q6", "worker"), f.slotIds().get(0), holdBody("FOOD_DELIVERY", "MT-Q6", "己", "13500000006"))
                .then().statusCode(201);
        setQuota(f.campaignId(), "{\"occupation\": \"FOOD_DELIVERY\", \"places\": 0}").then().statusCode(409);
        setQuota(f.campaignId(), "{\"occupation\": \"FOOD_DELIVERY\", \"places\": 1}").then().statusCode(200)
                .body("places", equalTo(1)).body("taken", equalTo(1));
        setQuota(f.campaignId(), "{\"occupation\": \"TRUCK_DRIVER\", \"places\": 5}").then().statusCode(400)
                .body("errors.field", hasItem("occupation"));
        setQuota(f.campaignId(), "{\"occupation\": \"COURIER\", \"places\": 5, \"siteId\": \"" + java.util.UUID.randomUUID()
                + "\"}").then().statusCode(400).body("errors.field", hasItem("siteId"));
        setQuota(f.campaignId(), "{\"occupation\": \"COURIER\", \"places\": -1, \"day\": \"2026-02-30\"}")
                .then().statusCode(400);
        given().auth().oauth2(token("rider-q7", "worker")).contentType(ContentType.JSON)
                .body("{\"occupation\": \"COURIER\", \"places\": 5}")
                .put("/api/v1/checkups/campaigns/" + f.campaignId() + "/quotas").then().statusCode(403);
    }
}
