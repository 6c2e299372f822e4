package org.yizhan.legalaid.application;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.yizhan.events.Topics;
import org.yizhan.kit.events.CloudEventCodec;
import org.yizhan.kit.privacy.Pseudonyms;
import org.yizhan.kit.replica.StationReplica;
import org.yizhan.legalaid.LegalAidFixture;
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
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.yizhan.localstack.testing.TestTokens.token;

/** Group cases: several workers, one opposing party, one lawyer team, per-worker amounts whose sums are the case's. */
@QuarkusTest
@WithTestResource(value = YizhanTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "yizhan_legal_aid"))
class GroupCaseTest {

    private static final String PATH = "/api/v1/legal-aid/applications";
    private static final String ADMIN = token("admin-g1", "union-admin");

    @Inject
    StationReplica replica;

    @Inject
    CloudEventCodec codec;

    @Inject
    Pseudonyms pseudonyms;

    @Test
    void aGroupCaseKeepsPerWorkerAmountsAndItsTotalsAreTheirSums() throws SQLException {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String lead = "rider-g1-" + run;
        String second = "rider-g2-" + run;
        String third = "rider-g3-" + run;
        String district = "测试区" + run;
        UUID station = LegalAidFixture.station(replica, codec, 39.7300, 116.3400, district);
        String staff = token("staff-g1-" + run, "union-staff");
        String employer = "某" + run + "建筑劳务有限公司";

        String id = apply(staff, Map.of("category", "WAGE_ARREARS", "opposingPartyName", employer,
                "facts", "工地三名骑手工资未结清-" + run, "amountClaimedFen", 300000, "onBehalfOf", lead,
                "stationId", station.toString(), "coApplicants", List.of(
                        Map.of("account", second, "amountClaimedFen", 200000),
                        Map.of("account", third, "amountClaimedFen", 150000))))
                .then().statusCode(201).body("amountClaimedFen", equalTo(650000)).body("district", equalTo(district))
                .body("workers.worker", equalTo(List.of(1, 2, 3)))
                .body("workers.claimedFen", equalTo(List.of(300000, 200000, 150000)))
                .extract().path("id");

        // Every co-applicant sees the case (as its worker: no purpose) and has it among their applications.
        given().auth().oauth2(token(third, "worker")).get(PATH + "/" + id).then().statusCode(200)
                .body("amountClaimedFen", equalTo(650000));
        given().auth().oauth2(token(second, "worker")).get(PATH + "/mine").then().statusCode(200)
                .body("items.id", hasItem(id));
        assertEquals(1, audit(id, "READ", pseudonyms.of(third)), "the co-applicant's read is recorded as theirs");
        given().auth().oauth2(token("rider-g9-" + run, "worker")).get(PATH + "/" + id).then().statusCode(403);

        // A co-applicant's own application elsewhere is found as SAME_APPLICANT.
        String other = apply(token(second, "worker"), Map.of("category", "WORK_INJURY",
                "opposingPartyName", "另一家" + run + "物流有限公司", "facts", "送货途中受伤", "amountClaimedFen", 1000))
                .then().statusCode(201).extract().path("id");
        given().auth().oauth2(ADMIN).queryParam("purpose", "受理前利益冲突审查").get(PATH + "/" + other + "/conflicts")
                .then().statusCode(200).body("items.find { it.applicationId == '" + id + "' }.reasons",
                        equalTo(List.of("SAME_APPLICANT")));

        post(ADMIN, id, "/conflict-decision", "{\"decision\": \"NO_CONFLICT\"}").then().statusCode(200);
        post(ADMIN, id, "/decision", "{\"outcome\": \"ACCEPT\"}").then().statusCode(200);
        String lawyerSubject = "lawyer-g1-" + UUID.randomUUID();
        String lawyerId = LegalAidFixture.lawyer(lawyerSubject, "郑律");
        post(ADMIN, id, "/lawyers", "{\"lawyerId\": \"" + lawyerId + "\"}").then().statusCode(200);
        String lawyer = token(lawyerSubject, "lawyer");

        // In a group case an amount names its worker; a worker the case does not have is refused; nothing stored.
        long amountsBefore = count("select count(*) from case_amount where application_id = '" + id + "'");
        amount(lawyer, id, null, "AWARDED", "ARBITRAL_AWARD", 100).then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("worker"));
        amount(lawyer, id, 4, "AWARDED", "ARBITRAL_AWARD", 100).then().statusCode(400)
                .body("errors.field", hasItem("worker"));
        amount(lawyer, id, 0, "AWARDED", "PAYMENT", 0).then().statusCode(400).body("errors.field", hasItem("worker"))
                .body("errors.field", hasItem("basis")).body("errors.field", hasItem("amountFen"));
        assertEquals(amountsBefore, count("select count(*) from case_amount where application_id = '" + id + "'"));

        amount(lawyer, id, 1, "AWARDED", "ARBITRAL_AWARD", 250000).then().statusCode(200);
        amount(lawyer, id, 2, "AWARDED", "ARBITRAL_AWARD", 180000).then().statusCode(200);
        amount(ADMIN, id, 1, "RECOVERED", "PAYMENT", 250000).then().statusCode(200);
        // Worker 3 was paid although nothing was awarded to them yet: warned, not refused.
        JsonPath totals = amount(lawyer, id, 3, "RECOVERED", "PAYMENT", 40000).then().statusCode(200)
                .body("warnings", hasItem("RECOVERED_EXCEEDS_AWARDED"))
                .body("workers.find { it.worker == 3 }.warnings", equalTo(List.of("RECOVERED_EXCEEDS_AWARDED")))
                .body("workers.find { it.worker == 1 }.warnings", hasSize(0))
                .extract().jsonPath();
        assertTotalsAreSums(totals);
        assertEquals(650000L, totals.getLong("claimedFen"));
        assertEquals(430000L, totals.getLong("awardedFen"));
        assertEquals(290000L, totals.getLong("recoveredFen"));
        assertTotalsAreSums(given().auth().oauth2(token(lead, "worker")).get(PATH + "/" + id + "/amounts")
                .then().statusCode(200).extract().jsonPath());

        // The closing answer shows the amounts at closing, per worker too; case.closed says how many workers.
        try (TopicProbe topic = TopicProbe.open(Topics.LEGAL_AID)) {
            JsonPath closed = post(lawyer, id, "/close", "{\"result\": \"PARTLY_WON\", \"reason\": \"仲裁部分支持\"}")
                    .then().statusCode(200).body("status", equalTo("CLOSED")).body("closingResult", equalTo("PARTLY_WON"))
                    .body("closingReason", equalTo("仲裁部分支持"))
                    .body("closingAmounts.workers", hasSize(3)).extract().jsonPath();
            assertEquals(430000L, closed.getLong("closingAmounts.awardedFen"));
            assertTotalsAreSums(closed.setRootPath("closingAmounts"));
            TopicProbe.Message event = topic.await(m -> m.value().contains(id) && m.value().contains("case.closed"),
                    Duration.ofSeconds(30)).orElseThrow(() -> new AssertionError("no case.closed"));
            for (String figure : List.of("\"workers\":3", "\"claimedFen\":650000", "\"awardedFen\":430000",
                    "\"recoveredFen\":290000")) {
                assertTrue(event.value().contains(figure), event.value());
            }
            assertTrue(!event.value().contains(lead) && !event.value().contains(pseudonyms.of(lead)), "no worker in it");
        }
        given().auth().oauth2(token(second, "worker")).get(PATH + "/" + id).then().statusCode(200)
                .body("closingAmounts.recoveredFen", equalTo(290000));

        // The claimed amount is not stored apart from the per-worker rows.
        assertEquals(0, count("select count(*) from information_schema.columns where table_name = 'application'"
                + " and column_name = 'amount_claimed_fen'"));
        assertEquals(650000, count("select sum(claimed_fen) from application_worker where application_id = '" + id + "'"));
        assertEquals(List.of(), PersonalDataScan.findInDatabase(List.of(lead, second, third, employer)));
    }

    @Test
    void badGroupApplicationsAreNamedAndStoreNothing() throws SQLException {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String staff = token("staff-g2-" + run, "union-staff");
        long before = count("select count(*) from application");
        long workersBefore = count("select count(*) from application_worker");
        Map<String, Object> base = Map.of("category", "WAGE_ARREARS", "opposingPartyName", "某劳务公司", "facts",
                "欠薪两个月", "amountClaimedFen", 1000, "onBehalfOf", "rider-g4-" + run);

        apply(staff, with(base, "coApplicants", List.of(Map.of("account", "bad account", "amountClaimedFen", -1),
                Map.of("amountClaimedFen", 5)), "district", "x", "stationId", UUID.randomUUID().toString()))
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("coApplicants[0].account"))
                .body("errors.field", hasItem("coApplicants[0].amountClaimedFen"))
                .body("errors.field", hasItem("coApplicants[1].account"))
                .body("errors.field", hasItem("district"));
        // The applicant again, or a co-applicant twice, is one worker.
        apply(staff, with(base, "coApplicants", List.of(Map.of("account", "rider-g4-" + run, "amountClaimedFen", 5))))
                .then().statusCode(400).body("errors.field", equalTo(List.of("coApplicants[0].account")));
        apply(staff, with(base, "coApplicants", List.of(Map.of("account", "rider-g5-" + run, "amountClaimedFen", 5),
                Map.of("account", "rider-g5-" + run, "amountClaimedFen", 6))))
                .then().statusCode(400).body("errors.field", equalTo(List.of("coApplicants[1].account")));
        apply(staff, with(base, "stationId", UUID.randomUUID().toString())).then().statusCode(400)
                .body("errors.field", equalTo(List.of("stationId")));
        apply(token("rider-g6-" + run, "worker"), Map.of("category", "OTHER", "opposingPartyName", "某公司",
                "facts", "事实经过如下", "amountClaimedFen", 1, "stationId", UUID.randomUUID().toString()))
                .then().statusCode(400).body("errors.field", equalTo(List.of("stationId")));
        java.util.List<Map<String, Object>> tooMany = new java.util.ArrayList<>();
        for (int i = 0; i < 200; i++) {
            tooMany.add(Map.of("account", "rider-many-" + i, "amountClaimedFen", 1));
        }
        apply(staff, with(base, "coApplicants", tooMany)).then().statusCode(400)
                .body("errors.field", hasItem("coApplicants"));
        assertEquals(before, count("select count(*) from application"));
        assertEquals(workersBefore, count("select count(*) from application_worker"));
    }

    /** The case's claimed, awarded and recovered are the sums of its per-worker rows. */
    private static void assertTotalsAreSums(JsonPath totals) {
        for (String figure : List.of("claimedFen", "awardedFen", "recoveredFen")) {
            List<Number> rows = totals.getList("workers." + figure);
            long sum = rows.stream().mapToLong(Number::longValue).sum();
            assertEquals(totals.getLong(figure), sum, figure + " is the sum of the per-worker rows");
        }
    }

    private static Map<String, Object> with(Map<String, Object> base, Object... more) {
        Map<String, Object> body = new java.util.HashMap<>(base);
        for (int i = 0; i < more.length; i += 2) {
            body.put((String) more[i], more[i + 1]);
        }
        return body;
    }

    private static Response amount(String token, String id, Integer worker, String kind, String basis, long fen) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{%s\"kind\": \"%s\", \"basis\": \"%s\", \"amountFen\": %d, \"onDate\": \"2026-11-20\"}"
                        .formatted(worker == null ? "" : "\"worker\": " + worker + ", ", kind, basis, fen))
                .post(PATH + "/" + id + "/amounts");
    }

    private static Response post(String token, String id, String action, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post(PATH + "/" + id + action);
    }

    private static Response apply(String token, Map<String, Object> body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post(PATH);
    }

    static long audit(String id, String action, String actor) throws SQLException {
        return count("select count(*) from audit_entry where target_kind = 'APPLICATION' and target_id = '"
                + UUID.fromString(id) + "' and action = '" + action + "' and actor = '" + actor + "'");
    }

    static long count(String sql) throws SQLException {
        try (Connection c = ServiceDatabase.open(); Statement st = c.createStatement(); ResultSet rows = st.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
