package org.yizhan.legalaid.application;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.yizhan.kit.time.AppClock;
import org.yizhan.localstack.testing.YizhanTestResource;

import java.time.Duration;
import java.time.Instant;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.yizhan.localstack.testing.TestTokens.token;

/**
 * The decision deadline through the API, with the clock moved into the 2026 National Day holiday
 * (10-01..10-07 off, Saturday 10-10 a working day): time waiting for material is not counted.
 */
@QuarkusTest
@WithTestResource(value = YizhanTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "yizhan_legal_aid"))
class ApplicationDeadlineTest {

    private static final String PATH = "/api/v1/legal-aid/applications";

    @Inject
    AppClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void sevenWorkingDaysAcrossNationalDayWithoutTheDaysWaitingForMaterial() {
        String worker = token("rider-dl1", "worker");
        String admin = token("admin-dl1", "union-admin");
        at("2026-09-28T02:00:00Z"); // Monday 10:00 in Beijing
        String id = given().auth().oauth2(worker).contentType(ContentType.JSON)
                .body("{\"category\": \"WAGE_ARREARS\", \"opposingPartyName\": \"某物流有限公司\", "
                        + "\"facts\": \"九月工资未发\", \"amountClaimedFen\": 520000}")
                .post(PATH).then().statusCode(201).body("completeOn", equalTo("2026-09-28"))
                // 09-29, 09-30, 10-08, 10-09, 10-10 (make-up Saturday), 10-12, 10-13
                .body("decideBy", equalTo("2026-10-13")).body("awaitingSupplement", equalTo(false))
                .extract().path("id");

        at("2026-09-30T03:00:00Z");
        given().auth().oauth2(admin).contentType(ContentType.JSON).body("{\"note\": \"请补充九月考勤记录\"}")
                .post(PATH + "/" + id + "/supplement-requests").then().statusCode(200)
                .body("decideBy", nullValue()).body("awaitingSupplement", equalTo(true));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body("{\"note\": \"再补一份\"}")
                .post(PATH + "/" + id + "/supplement-requests").then().statusCode(409);
        given().auth().oauth2(token("rider-dl2", "worker")).post(PATH + "/" + id + "/supplement-received")
                .then().statusCode(403);

        at("2026-10-09T03:00:00Z");
        // 10-08 and 10-09 were spent waiting: 09-29, 09-30, 10-10, 10-12, 10-13, 10-14, 10-15.
        given().auth().oauth2(worker).post(PATH + "/" + id + "/supplement-received").then().statusCode(200)
                .body("decideBy", equalTo("2026-10-15")).body("awaitingSupplement", equalTo(false));
        given().auth().oauth2(worker).post(PATH + "/" + id + "/supplement-received").then().statusCode(409);
        given().auth().oauth2(admin).contentType(ContentType.JSON).body("{\"note\": \"\"}")
                .post(PATH + "/" + id + "/supplement-requests").then().statusCode(400);
        given().auth().oauth2(worker).get(PATH + "/" + id).then().statusCode(200).body("decideBy", equalTo("2026-10-15"));
    }

    @Test
    void theQueueShowsWhatIsDueSoonAndWhatIsOverdue() {
        String worker = token("rider-dl3", "worker");
        String admin = token("admin-dl2", "union-admin");
        at("2026-09-28T02:00:00Z");
        String id = given().auth().oauth2(worker).contentType(ContentType.JSON)
                .body("{\"category\": \"WORK_INJURY\", \"opposingPartyName\": \"某配送站\", "
                        + "\"facts\": \"配送途中受伤\", \"amountClaimedFen\": 0}")
                .post(PATH).then().statusCode(201).body("decideBy", equalTo("2026-10-13")).extract().path("id");
        String item = "items.find { it.id == '" + id + "' }";

        at("2026-10-09T02:00:00Z"); // Friday; 10-10 (Saturday) is a working day, then 10-12, 10-13
        given().auth().oauth2(admin).queryParam("withinWorkingDays", 2).queryParam("limit", 100).get(PATH + "/due")
                .then().statusCode(200).body(item, nullValue());
        given().auth().oauth2(admin).queryParam("withinWorkingDays", 3).queryParam("limit", 100).get(PATH + "/due")
                .then().statusCode(200).body(item + ".overdue", equalTo(false)).body(item + ".workingDaysLeft", equalTo(3));

        at("2026-10-15T02:00:00Z");
        given().auth().oauth2(admin).queryParam("withinWorkingDays", 0).queryParam("limit", 100).get(PATH + "/due")
                .then().statusCode(200).body(item + ".overdue", equalTo(true)).body(item + ".workingDaysLeft", equalTo(-2));
        given().auth().oauth2(admin).queryParam("withinWorkingDays", 31).get(PATH + "/due").then().statusCode(400);
        given().auth().oauth2(token("staff-dl", "union-staff")).get(PATH + "/due").then().statusCode(403);
        given().auth().oauth2(worker).get(PATH + "/mine").then().statusCode(200)
                .body(item + ".decideBy", equalTo("2026-10-13"));
    }

    private void at(String instant) {
        clock.shift(Duration.between(Instant.now(), Instant.parse(instant)));
    }
}
