package org.yizhan.legalaid.figures;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.yizhan.kit.time.AppClock;
import org.yizhan.localstack.testing.YizhanTestResource;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.yizhan.localstack.testing.TestTokens.token;

/** Figures count persons, not cases, and keep claimed, awarded and recovered apart. */
@QuarkusTest
@WithTestResource(value = YizhanTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "yizhan_legal_aid"))
class FiguresTest {

    private static final String ADMIN = token("admin-f1", "union-admin");
    private static final String LAWYER_SUBJECT = "lawyer-f1-" + UUID.randomUUID();

    @Inject
    AppClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void workersHelpedAreDistinctPersonsAndAmountsStayApart() {
        JsonPath before = figures();
        clock.shift(Duration.between(Instant.now(), Instant.parse("2025-06-10T02:00:00Z")));
        org.yizhan.legalaid.LegalAidFixture.lawyer(LAWYER_SUBJECT, "林木");
        String one = token("rider-f1-" + UUID.randomUUID(), "worker");
        String two = token("rider-f2-" + UUID.randomUUID(), "worker");
        answer(ask(one, "WAGE_ARREARS"));
        answer(ask(one, "WORK_INJURY"));
        answer(ask(two, "WAGE_ARREARS"));
        ask(two, "WORK_INJURY");
        String application = given().auth().oauth2(one).contentType(ContentType.JSON)
                .body(Map.of("category", "WAGE_ARREARS", "opposingPartyName", "某外卖平台", "facts", "五月工资未发",
                        "amountClaimedFen", 100000)).post("/api/v1/legal-aid/applications")
                .then().statusCode(201).extract().path("id");
        post("/applications/" + application + "/conflict-decision", "{\"decision\": \"NO_CONFLICT\"}");
        post("/applications/" + application + "/decision", "{\"outcome\": \"ACCEPT\"}");
        post("/applications/" + application + "/amounts",
                "{\"kind\": \"AWARDED\", \"basis\": \"ARBITRAL_AWARD\", \"amountFen\": 80000, \"onDate\": \"2025-06-10\"}");
        post("/applications/" + application + "/amounts",
                "{\"kind\": \"RECOVERED\", \"basis\": \"PAYMENT\", \"amountFen\": 50000, \"onDate\": \"2025-06-10\"}");
        post("/applications/" + application + "/close", "{\"result\": \"PARTLY_WON\", \"reason\": \"裁决部分支持\"}");
        clock.reset();

        // A closed case still counts as accepted, and its worker as helped.
        JsonPath after = figures();
        String wage = "rows.find { it.category == 'WAGE_ARREARS' }.";
        String injury = "rows.find { it.category == 'WORK_INJURY' }.";
        assertEquals(2, delta(before, after, wage + "consultations"));
        assertEquals(2, delta(before, after, wage + "consultationsAnswered"));
        assertEquals(1, delta(before, after, wage + "accepted"));
        assertEquals(100000, delta(before, after, wage + "claimedFen"));
        assertEquals(80000, delta(before, after, wage + "awardedFen"));
        assertEquals(50000, delta(before, after, wage + "recoveredFen"));
        assertEquals(2, delta(before, after, wage + "workersHelped"));
        assertEquals(2, delta(before, after, injury + "consultations"));
        assertEquals(1, delta(before, after, injury + "consultationsAnswered"));
        assertEquals(1, delta(before, after, injury + "workersHelped"));
        assertEquals(2, delta(before, after, "total.workersHelped"), "two persons, though helped three times");
        assertEquals(4, delta(before, after, "total.consultations"));
        assertEquals(50000, delta(before, after, "total.recoveredFen"));

        given().auth().oauth2(token("youth-1", "partner")).accept("text/csv").queryParam("year", 2025)
                .get("/api/v1/legal-aid/figures").then().statusCode(200)
                .body(containsString("category,consultations,consultations_answered"))
                .body(containsString("合计 total"));
        given().auth().oauth2(token("rider-f3", "worker")).queryParam("year", 2025).get("/api/v1/legal-aid/figures")
                .then().statusCode(403);
        given().auth().oauth2(ADMIN).queryParam("year", 1999).queryParam("from", "x").get("/api/v1/legal-aid/figures")
                .then().statusCode(400);
    }

    private static JsonPath figures() {
        return given().auth().oauth2(ADMIN).queryParam("year", 2025).get("/api/v1/legal-aid/figures")
                .then().statusCode(200).extract().jsonPath();
    }

    private static long delta(JsonPath before, JsonPath after, String path) {
        Number was = before.get(path);
        Number is = after.get(path);
        return (is == null ? 0 : is.longValue()) - (was == null ? 0 : was.longValue());
    }

    private static String ask(String worker, String category) {
        return given().auth().oauth2(worker).contentType(ContentType.JSON)
                .body(Map.of("category", category, "channel", "ONLINE", "question", "请问这种情况怎么办？"))
                .post("/api/v1/legal-aid/consultations").then().statusCode(201).extract().path("id");
    }

    private static void answer(String id) {
        given().auth().oauth2(token(LAWYER_SUBJECT, "lawyer")).contentType(ContentType.JSON)
                .body(Map.of("answer", "可以申请劳动仲裁。")).post("/api/v1/legal-aid/consultations/" + id + "/answer")
                .then().statusCode(200);
    }

    private static void post(String path, String body) {
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(body).post("/api/v1/legal-aid" + path)
                .then().statusCode(200);
    }
}
