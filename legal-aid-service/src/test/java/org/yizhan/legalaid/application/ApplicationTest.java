package org.yizhan.legalaid.application;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.yizhan.legalaid.domain.application.DecisionDeadline;
import org.yizhan.events.Topics;
import org.yizhan.legalaid.LegalAidFixture;
import org.yizhan.localstack.testing.PersonalDataScan;
import org.yizhan.localstack.testing.TopicProbe;
import org.yizhan.localstack.testing.ServiceDatabase;
import org.yizhan.localstack.testing.YizhanTestResource;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
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

/** Intake, the duplicate and conflict check, and who may read an application, on real PostgreSQL. */
@QuarkusTest
@WithTestResource(value = YizhanTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "yizhan_legal_aid"))
class ApplicationTest {

    private static final String PATH = "/api/v1/legal-aid/applications";
    private static final String ADMIN = token("admin-a1", "union-admin");

    @Test
    void theSameEmployerSpeltOtherwiseAndTheSameWorkerTwiceAreFound() throws SQLException {
        String tag = randomLetters();
        String employer = "北京速达" + tag + "配送科技有限公司";
        String fullWidthSpaced = "北京 速达" + fullWidth(tag) + "配送科技（有限责任公司）";
        String facts = "2026年8月至9月工资未发-" + UUID.randomUUID();
        String rider1 = token("rider-a1", "worker");

        String first = apply(rider1, Map.of("category", "WAGE_ARREARS", "opposingPartyName", employer,
                "opposingPartyCreditCode", "91110000802100433B", "facts", facts, "amountClaimedFen", 860000,
                "documentRefs", List.of("doc:wage-slip-2026-08")))
                .then().statusCode(201).body("status", equalTo("INTAKE")).body("amountClaimedFen", equalTo(860000))
                .body("decideBy", equalTo(DecisionDeadline.china().decideBy(LocalDate.now(ZoneId.of("Asia/Shanghai")),
                        List.of()).orElseThrow().toString()))
                .extract().path("id");
        String second = apply(token("rider-a2", "worker"), Map.of("category", "WAGE_ARREARS",
                "opposingPartyName", fullWidthSpaced, "facts", "同一家公司也欠我工资", "amountClaimedFen", 420000))
                .then().statusCode(201).extract().path("id");
        String third = apply(rider1, Map.of("category", "WORK_INJURY", "opposingPartyName", "某某" + tag + "餐饮管理有限公司",
                "facts", "送餐途中摔伤，公司不给报工伤", "amountClaimedFen", 0)).then().statusCode(201).extract().path("id");

        conflicts(second).then().statusCode(200).body("items.find { it.applicationId == '" + first + "' }.reasons",
                equalTo(List.of("SAME_OPPOSING_PARTY")));
        conflicts(third).then().statusCode(200).body("items.find { it.applicationId == '" + first + "' }.reasons",
                equalTo(List.of("SAME_APPLICANT")));
        conflicts(first).then().statusCode(200).body("items.applicationId", hasItem(second))
                .body("items.applicationId", hasItem(third));
        given().auth().oauth2(ADMIN).get(PATH + "/" + first + "/conflicts").then().statusCode(400)
                .body("errors.field", hasItem("purpose"));

        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body("{\"decision\": \"NO_CONFLICT\", \"note\": \"同一雇主的不同职工，不构成冲突\"}")
                .post(PATH + "/" + second + "/conflict-decision").then().statusCode(200)
                .body("conflictDecision", equalTo("NO_CONFLICT"));

        given().auth().oauth2(rider1).get(PATH + "/" + first).then().statusCode(200).body("facts", equalTo(facts))
                .body("opposingPartyName", equalTo(employer)).body("opposingPartyCreditCode", equalTo("91110000802100433B"));
        given().auth().oauth2(token("rider-a2", "worker")).get(PATH + "/" + first).then().statusCode(403);
        given().auth().oauth2(token("lawyer-a1", "lawyer")).queryParam("purpose", "看看").get(PATH + "/" + first)
                .then().statusCode(403);
        given().auth().oauth2(token("staff-a1", "union-staff")).contentType(ContentType.JSON)
                .body("{\"decision\": \"DUPLICATE\"}").post(PATH + "/" + first + "/conflict-decision").then().statusCode(403);
        assertEquals(1, audit(first, "DENIED", "lawyer-a1"));
        assertEquals(1, audit(first, "DENIED", "staff-a1"));
        assertEquals(2, audit(first, "READ", null), "the check and the applicant's read");

        assertEquals(List.of(), PersonalDataScan.findInDatabase(List.of(facts, employer, "rider-a1", "rider-a2")));
        assertEquals(List.of(), PersonalDataScan.findInLog(List.of(facts, employer)));
    }

    @Test
    void aConsultationBecomesAnApplicationInOneStepCarryingItsFacts() {
        String worker = token("rider-a3", "worker");
        String question = "平台说我不是员工，被扣押金怎么办-" + UUID.randomUUID();
        String consultation = given().auth().oauth2(worker).contentType(ContentType.JSON)
                .body("{\"category\": \"EMPLOYMENT_RELATIONSHIP\", \"channel\": \"ONLINE\", \"question\": \"" + question + "\"}")
                .post("/api/v1/legal-aid/consultations").then().statusCode(201).extract().path("id");
        apply(worker, Map.of("consultationId", consultation, "opposingPartyName", "某众包平台", "amountClaimedFen", 150000))
                .then().statusCode(201).body("facts", equalTo(question)).body("category", equalTo("EMPLOYMENT_RELATIONSHIP"))
                .body("consultationId", equalTo(consultation));
        apply(token("rider-a4", "worker"), Map.of("consultationId", consultation, "opposingPartyName", "某众包平台",
                "amountClaimedFen", 1)).then().statusCode(400).body("errors.field", hasItem("consultationId"));
    }

    @Test
    void badApplicationsAreNamedAndStoreNothing() throws SQLException {
        long before = count();
        String worker = token("rider-a5", "worker");
        apply(worker, Map.of("opposingPartyName", "", "opposingPartyCreditCode", "91110000802100433C",
                "amountClaimedFen", -1, "documentRefs", List.of("doc 1"), "facts", "短")).then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("category")).body("errors.field", hasItem("opposingPartyName"))
                .body("errors.field", hasItem("opposingPartyCreditCode")).body("errors.field", hasItem("amountClaimedFen"))
                .body("errors.field", hasItem("documentRefs[0]")).body("errors.field", hasItem("facts"));
        apply(worker, Map.of("category", "OTHER", "opposingPartyName", "某公司", "facts", "事实经过如下", "amountClaimedFen",
                1, "onBehalfOf", "rider-a6")).then().statusCode(400).body("errors", hasSize(1))
                .body("errors.field", hasItem("onBehalfOf"));
        String key = "apply-" + UUID.randomUUID();
        Map<String, Object> body = Map.of("category", "OTHER", "opposingPartyName", "某公司", "facts", "事实经过如下",
                "amountClaimedFen", 1);
        String id = given().auth().oauth2(worker).header("Idempotency-Key", key).contentType(ContentType.JSON).body(body)
                .post(PATH).then().statusCode(201).extract().path("id");
        given().auth().oauth2(worker).header("Idempotency-Key", key).contentType(ContentType.JSON).body(body)
                .post(PATH).then().statusCode(200).body("id", equalTo(id));
        before++;
                apply(token("lawyer-a2", "lawyer"), Map.of("category", "OTHER", "opposingPartyName", "某公司", "facts", "事实经过如下",
                "amountClaimedFen", 1)).then().statusCode(403);
        assertEquals(before, count());
    }

    @Test
    void anAdminAcceptsOnlyAfterTheConflictCheckRejectsWithAReasonAndRefersWithACode() {
        String worker = token("rider-a7", "worker");
        String facts = "拖欠三个月工资-" + UUID.randomUUID();
        Map<String, Object> body = Map.of("category", "WAGE_ARREARS", "opposingPartyName", "某" + randomLetters() + "快递有限公司",
                "facts", facts, "amountClaimedFen", 1250000);
        String accepted = apply(worker, body).then().statusCode(201).extract().path("id");
        String rejected = apply(token("rider-a8", "worker"), body).then().statusCode(201).extract().path("id");
        String referred = apply(token("rider-a9", "worker"), body).then().statusCode(201).extract().path("id");

        decide(accepted, "{\"outcome\": \"ACCEPT\"}").then().statusCode(409);
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"decision\": \"NO_CONFLICT\"}")
                .post(PATH + "/" + accepted + "/conflict-decision").then().statusCode(200);
        try (TopicProbe topic = TopicProbe.open(Topics.LEGAL_AID)) {
            decide(accepted, "{\"outcome\": \"ACCEPT\"}").then().statusCode(200).body("status", equalTo("ACCEPTED"))
                    .body("assignBy", org.hamcrest.Matchers.notNullValue());
            TopicProbe.Message event = topic.await(m -> m.value().contains(accepted) && m.value().contains("case.accepted"),
                    Duration.ofSeconds(30)).orElseThrow(() -> new AssertionError("no case.accepted"));
            assertTrue(event.value().contains("1250000"), event.value());
            assertTrue(!event.value().contains(facts) && !event.value().contains("rider-a7"), "no personal details");
        }
        decide(accepted, "{\"outcome\": \"REJECT\", \"reason\": \"改变主意\"}").then().statusCode(409);

        String assignedSubject = "lawyer-a7-" + UUID.randomUUID();
        String otherSubject = "lawyer-a8-" + UUID.randomUUID();
        String assignedLawyer = LegalAidFixture.lawyer(assignedSubject, "冯安");
        LegalAidFixture.lawyer(otherSubject, "陈静");
        try (TopicProbe topic = TopicProbe.open(Topics.LEGAL_AID)) {
            assign(accepted, assignedLawyer).then().statusCode(200).body("lawyerIds", equalTo(List.of(assignedLawyer)));
            TopicProbe.Message event = topic.await(m -> m.value().contains(accepted) && m.value().contains("case.assigned"),
                    Duration.ofSeconds(30)).orElseThrow(() -> new AssertionError("no case.assigned"));
            assertTrue(event.value().contains("\"assignedInTime\":true"), event.value());
        }
        assign(accepted, assignedLawyer).then().statusCode(200).body("lawyerIds", hasSize(1));
        given().auth().oauth2(token(assignedSubject, "lawyer")).queryParam("purpose", "办理案件").get(PATH + "/" + accepted)
                .then().statusCode(200).body("facts", equalTo(facts));
        given().auth().oauth2(token(otherSubject, "lawyer")).queryParam("purpose", "办理案件").get(PATH + "/" + accepted)
                .then().statusCode(403);
        try {
            assertEquals(1, audit(accepted, "DENIED", otherSubject), "the unassigned lawyer's attempt is recorded");
            assertEquals(1, audit(accepted, "READ", assignedSubject));
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
        assign(accepted, UUID.randomUUID().toString()).then().statusCode(400).body("errors.field", hasItem("lawyerId"));

        // Amounts kept apart: claimed 12,500 yuan, awarded 6,000 by mediation, recovered 4,000 then 2,500.
        String lawyerToken = token(assignedSubject, "lawyer");
        amount(lawyerToken, accepted, "AWARDED", "MEDIATION", 600000).then().statusCode(200)
                .body("claimedFen", equalTo(1250000)).body("awardedFen", equalTo(600000)).body("recoveredFen", equalTo(0))
                .body("warnings", hasSize(0));
        amount(lawyerToken, accepted, "RECOVERED", "PAYMENT", 400000).then().statusCode(200)
                .body("recoveredFen", equalTo(400000)).body("warnings", hasSize(0));
        amount(ADMIN, accepted, "RECOVERED", "PAYMENT", 250000).then().statusCode(200)
                .body("recoveredFen", equalTo(650000)).body("awardedFen", equalTo(600000))
                .body("warnings", equalTo(List.of("RECOVERED_EXCEEDS_AWARDED"))).body("amounts", hasSize(3));
        amount(lawyerToken, accepted, "RECOVERED", "JUDGMENT", 1).then().statusCode(400).body("errors.field", hasItem("basis"));
        amount(lawyerToken, accepted, "AWARDED", "MEDIATION", 0).then().statusCode(400)
                .body("errors.field", hasItem("amountFen"));
        amount(token(otherSubject, "lawyer"), accepted, "RECOVERED", "PAYMENT", 100).then().statusCode(403);
        given().auth().oauth2(worker).get(PATH + "/" + accepted + "/amounts").then().statusCode(200)
                .body("recoveredFen", equalTo(650000)).body("claimedFen", equalTo(1250000));

        given().auth().oauth2(token(otherSubject, "lawyer")).contentType(ContentType.JSON)
                .body("{\"result\": \"SETTLED\", \"reason\": \"不是我的案件\"}").post(PATH + "/" + accepted + "/close")
                .then().statusCode(403);
        try (TopicProbe topic = TopicProbe.open(Topics.LEGAL_AID)) {
            given().auth().oauth2(lawyerToken).contentType(ContentType.JSON)
                    .body("{\"result\": \"SETTLED\", \"reason\": \"仲裁调解结案，款项已到账\"}").post(PATH + "/" + accepted + "/close")
                    .then().statusCode(200).body("status", equalTo("CLOSED")).body("closingResult", equalTo("SETTLED"))
                    .body("closingReason", equalTo("仲裁调解结案，款项已到账"));
            TopicProbe.Message closed = topic.await(m -> m.value().contains(accepted) && m.value().contains("case.closed"),
                    Duration.ofSeconds(30)).orElseThrow(() -> new AssertionError("no case.closed"));
            for (String figure : List.of("\"claimedFen\":1250000", "\"awardedFen\":600000", "\"recoveredFen\":650000")) {
                assertTrue(closed.value().contains(figure), closed.value());
            }
            assertTrue(!closed.value().contains(facts) && !closed.value().contains("仲裁调解结案"), "no text in the event");
        }
        given().auth().oauth2(lawyerToken).contentType(ContentType.JSON)
                .body("{\"result\": \"WON\", \"reason\": \"再结一次\"}").post(PATH + "/" + accepted + "/close")
                .then().statusCode(409);
        amount(lawyerToken, accepted, "RECOVERED", "PAYMENT", 100).then().statusCode(409);

        decide(rejected, "{\"outcome\": \"REJECT\"}").then().statusCode(400).body("errors.field", hasItem("reason"));
        decide(rejected, "{\"outcome\": \"REJECT\", \"reason\": \"已有律师代理\", \"referralCode\": \"X-1\"}")
                .then().statusCode(400).body("errors.field", hasItem("referralCode"));
        decide(rejected, "{\"outcome\": \"REJECT\", \"reason\": \"已有律师代理\"}").then().statusCode(200)
                .body("status", equalTo("REJECTED")).body("decisionReason", equalTo("已有律师代理"));
        given().auth().oauth2(token("rider-a8", "worker")).get(PATH + "/" + rejected).then().statusCode(200)
                .body("decisionReason", equalTo("已有律师代理"));
        given().auth().oauth2(token("rider-a9", "worker")).contentType(ContentType.JSON)
                .body("{\"grounds\": \"我不是申请人但想提异议\"}").post(PATH + "/" + rejected + "/appeal").then().statusCode(403);
        given().auth().oauth2(token("rider-a8", "worker")).contentType(ContentType.JSON).body("{\"grounds\": \"短\"}")
                .post(PATH + "/" + rejected + "/appeal").then().statusCode(400).body("errors.field", hasItem("grounds"));
        given().auth().oauth2(token("rider-a8", "worker")).contentType(ContentType.JSON)
                .body("{\"grounds\": \"我是进城务工人员，申请支付劳动报酬\"}").post(PATH + "/" + rejected + "/appeal")
                .then().statusCode(200).body("status", equalTo("APPEALED"))
                .body("appealGrounds", equalTo("我是进城务工人员，申请支付劳动报酬"));
        given().auth().oauth2(token("rider-a8", "worker")).contentType(ContentType.JSON)
                .body("{\"grounds\": \"再提一次异议理由\"}").post(PATH + "/" + rejected + "/appeal").then().statusCode(409);

        assign(rejected, UUID.randomUUID().toString()).then().statusCode(409);
        decide(referred, "{\"outcome\": \"REFER\"}").then().statusCode(400).body("errors.field", hasItem("referralCode"));
        decide(referred, "{\"outcome\": \"REFER\", \"referralCode\": \"DX-LAC-2026-0815\"}").then().statusCode(200)
                .body("status", equalTo("REFERRED")).body("referralCode", equalTo("DX-LAC-2026-0815"));
        given().auth().oauth2(token("staff-a9", "union-staff")).contentType(ContentType.JSON)
                .body("{\"outcome\": \"REFER\", \"referralCode\": \"A-1\"}").post(PATH + "/" + referred + "/decision")
                .then().statusCode(403);
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"note\": \"请补充材料\"}")
                .post(PATH + "/" + referred + "/supplement-requests").then().statusCode(409);
    }

    private static Response amount(String token, String id, String kind, String basis, long fen) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"kind\": \"%s\", \"basis\": \"%s\", \"amountFen\": %d, \"onDate\": \"2026-11-20\"}"
                        .formatted(kind, basis, fen)).post(PATH + "/" + id + "/amounts");
    }

    private static Response assign(String id, String lawyerId) {
        return given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"lawyerId\": \"" + lawyerId + "\"}")
                .post(PATH + "/" + id + "/lawyers");
    }

    private static Response decide(String id, String body) {
        return given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(body).post(PATH + "/" + id + "/decision");
    }

    private static Response apply(String token, Map<String, Object> body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post(PATH);
    }

    private static Response conflicts(String id) {
        return given().auth().oauth2(ADMIN).queryParam("purpose", "受理前利益冲突审查").get(PATH + "/" + id + "/conflicts");
    }

    private static String randomLetters() {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            s.append((char) ('A' + (int) (Math.random() * 26)));
        }
        return s.toString();
    }

    /** ASCII letters as their full-width forms (Ａ for A). */
    private static String fullWidth(String ascii) {
        StringBuilder s = new StringBuilder();
        ascii.chars().forEach(c -> s.append((char) (c + 0xFEE0)));
        return s.toString();
    }

    private static long audit(String id, String action, String actor) throws SQLException {
        try (Connection c = ServiceDatabase.open(); Statement st = c.createStatement();
             ResultSet rows = st.executeQuery("select count(*) from audit_entry where target_kind = 'APPLICATION'"
                     + " and target_id = '" + UUID.fromString(id) + "' and action = '" + action + "'"
                     + (actor == null ? "" : " and actor = '" + actor + "'"))) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static long count() throws SQLException {
        try (Connection c = ServiceDatabase.open(); Statement st = c.createStatement();
             ResultSet rows = st.executeQuery("select count(*) from application")) {
            rows.next();
            assertTrue(rows.getLong(1) >= 0);
            return rows.getLong(1);
        }
    }
}
