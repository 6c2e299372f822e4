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
import org.yizhan.kit.events.CloudEventCodec;
import org.yizhan.kit.replica.StationReplica;
import org.yizhan.kit.time.AppClock;
import org.yizhan.legalaid.LegalAidFixture;
import org.yizhan.localstack.testing.YizhanTestResource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
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

    @Inject
    StationReplica replica;

    @Inject
    CloudEventCodec codec;

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

    @Test
    void byDistrictStageAndResultWorkersAreDistinctPersonsOfGroupCases() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String stationDistrict = "甲区" + run;
        String givenDistrict = "乙区" + run;
        UUID station = LegalAidFixture.station(replica, codec, 39.7400, 116.3300, stationDistrict);
        clock.shift(Duration.between(Instant.now(), Instant.parse("2024-05-15T02:00:00Z")));
        String staff = token("staff-f2-" + run, "union-staff");
        String w1 = "rider-f4-" + run;

        // At the station: w1's question, and a group case of w1, w2 and w3.
        String consultation = given().auth().oauth2(staff).contentType(ContentType.JSON)
                .body(Map.of("category", "WAGE_ARREARS", "channel", "STATION", "stationId", station.toString(),
                        "question", "工资被拖欠怎么办？", "onBehalfOf", w1))
                .post("/api/v1/legal-aid/consultations").then().statusCode(201).extract().path("id");
        post("/consultations/" + consultation + "/answer", "{\"answer\": \"可以申请劳动仲裁。\"}");
        String group = given().auth().oauth2(staff).contentType(ContentType.JSON)
                .body(Map.of("category", "WAGE_ARREARS", "opposingPartyName", "某" + run + "劳务有限公司",
                        "facts", "三人工资未发", "amountClaimedFen", 100000, "onBehalfOf", w1,
                        "stationId", station.toString(), "coApplicants", List.of(
                                Map.of("account", "rider-f5-" + run, "amountClaimedFen", 50000),
                                Map.of("account", "rider-f6-" + run, "amountClaimedFen", 50000))))
                .post("/api/v1/legal-aid/applications").then().statusCode(201).extract().path("id");
        accept(group);
        post("/applications/" + group + "/stages", "{\"stage\": \"ARBITRATION\", \"startedOn\": \"2024-05-02\"}");
        post("/applications/" + group + "/stages/ARBITRATION/end",
                "{\"endedOn\": \"2024-05-10\", \"outcome\": \"AWARD\"}");
        post("/applications/" + group + "/amounts", "{\"worker\": 1, \"kind\": \"AWARDED\", \"basis\": \"ARBITRAL_AWARD\","
                + " \"amountFen\": 80000, \"onDate\": \"2024-05-10\"}");
        post("/applications/" + group + "/amounts", "{\"worker\": 1, \"kind\": \"RECOVERED\", \"basis\": \"PAYMENT\","
                + " \"amountFen\": 30000, \"onDate\": \"2024-05-14\"}");
        post("/applications/" + group + "/close", "{\"result\": \"WON\", \"reason\": \"裁决支持\"}");

        // Elsewhere: a single worker's case whose district was given at intake, in mediation.
        String single = given().auth().oauth2(token("rider-f7-" + run, "worker")).contentType(ContentType.JSON)
                .body(Map.of("category", "WORK_INJURY", "opposingPartyName", "某" + run + "外卖平台", "facts", "送餐途中摔伤",
                        "amountClaimedFen", 70000, "district", givenDistrict))
                .post("/api/v1/legal-aid/applications").then().statusCode(201).extract().path("id");
        accept(single);
        post("/applications/" + single + "/stages", "{\"stage\": \"MEDIATION\", \"startedOn\": \"2024-05-15\"}");
        clock.reset();

        JsonPath atStation = given().auth().oauth2(ADMIN).queryParam("year", 2024).queryParam("district", stationDistrict)
                .get("/api/v1/legal-aid/figures").then().statusCode(200).extract().jsonPath();
        assertEquals(stationDistrict, atStation.getString("district"));
        assertEquals(1, atStation.getLong("total.consultations"));
        assertEquals(1, atStation.getLong("total.applications"));
        assertEquals(1, atStation.getLong("total.accepted"));
        assertEquals(200000, atStation.getLong("total.claimedFen"));
        assertEquals(80000, atStation.getLong("total.awardedFen"));
        assertEquals(30000, atStation.getLong("total.recoveredFen"));
        assertEquals(3, atStation.getLong("total.workersHelped"), "three persons: the group's, w1 asked too");
        assertEquals(List.of(stationDistrict), atStation.getList("byDistrict.district"));
        assertEquals(List.of(Map.of("stage", "ARBITRATION", "outcome", "AWARD", "cases", 1, "workers", 3)),
                atStation.getList("stages"));
        assertEquals(List.of(Map.of("result", "WON", "cases", 1, "workers", 3, "claimedFen", 200000,
                "awardedFen", 80000, "recoveredFen", 30000)), atStation.getList("results"));

        JsonPath elsewhere = given().auth().oauth2(token("youth-2", "partner")).queryParam("year", 2024)
                .queryParam("district", givenDistrict).get("/api/v1/legal-aid/figures").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(1, elsewhere.getLong("total.workersHelped"));
        assertEquals(0, elsewhere.getLong("total.consultations"));
        assertEquals(List.of(Map.of("stage", "MEDIATION", "cases", 1, "workers", 1)), elsewhere.getList("stages"));
        assertEquals(List.of(), elsewhere.getList("results"));

        JsonPath all = given().auth().oauth2(ADMIN).queryParam("year", 2024).get("/api/v1/legal-aid/figures")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(3, all.getLong("byDistrict.find { it.district == '" + stationDistrict + "' }.workersHelped"));
        assertEquals(70000, all.getLong("byDistrict.find { it.district == '" + givenDistrict + "' }.claimedFen"));

        given().auth().oauth2(ADMIN).accept("text/csv").queryParam("year", 2024).queryParam("table", "DISTRICT")
                .get("/api/v1/legal-aid/figures").then().statusCode(200)
                .body(containsString("district,consultations,consultations_answered"))
                .body(containsString(stationDistrict + ",1,1,1,1,200000,80000,30000,3"));
        given().auth().oauth2(ADMIN).accept("text/csv").queryParam("year", 2024).queryParam("table", "STAGE")
                .queryParam("district", stationDistrict).get("/api/v1/legal-aid/figures").then().statusCode(200)
                .body(containsString("stage,outcome,cases,workers")).body(containsString("ARBITRATION,AWARD,1,3"));
        given().auth().oauth2(ADMIN).accept("text/csv").queryParam("year", 2024).queryParam("table", "RESULT")
                .queryParam("district", stationDistrict).get("/api/v1/legal-aid/figures").then().statusCode(200)
                .body(containsString("WON,1,3,200000,80000,30000"));
        given().auth().oauth2(ADMIN).queryParam("table", "EVERYTHING").queryParam("district", "区".repeat(61))
                .get("/api/v1/legal-aid/figures").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("table")).body("errors.field", hasItem("district"));
    }

    private void accept(String application) {
        post("/applications/" + application + "/conflict-decision", "{\"decision\": \"NO_CONFLICT\"}");
        post("/applications/" + application + "/decision", "{\"outcome\": \"ACCEPT\"}");
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
