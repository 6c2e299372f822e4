package org.yizhan.legalaid.application;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.yizhan.events.Topics;
import org.yizhan.legalaid.LegalAidFixture;
import org.yizhan.localstack.testing.TopicProbe;
import org.yizhan.localstack.testing.YizhanTestResource;

import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.yizhan.legalaid.application.GroupCaseTest.count;
import static org.yizhan.localstack.testing.TestTokens.token;

/** Stages of a case go forward only, each with dates and an outcome; an objection to a rejection is decided once. */
@QuarkusTest
@WithTestResource(value = YizhanTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "yizhan_legal_aid"))
class CaseStageTest {

    private static final String PATH = "/api/v1/legal-aid/applications";
    private static final String ADMIN = token("admin-s1", "union-admin");

    @Test
    void stagesGoForwardOnlyWithOutcomesThatBelongToThem() throws SQLException {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        String id = acceptedCase("rider-s1-" + UUID.randomUUID());
        String lawyerSubject = "lawyer-s1-" + UUID.randomUUID();
        String otherSubject = "lawyer-s2-" + UUID.randomUUID();
        post(ADMIN, id, "/lawyers", "{\"lawyerId\": \"" + LegalAidFixture.lawyer(lawyerSubject, "孙律") + "\"}")
                .then().statusCode(200);
        LegalAidFixture.lawyer(otherSubject, "钱律");
        String lawyer = token(lawyerSubject, "lawyer");
        String other = token(otherSubject, "lawyer");

        start(lawyer, id, "MEDIATION", today.minusDays(30)).then().statusCode(200)
                .body("currentStage", equalTo("MEDIATION")).body("stages[0].endedOn", nullValue());
        start(lawyer, id, "ARBITRATION", today.minusDays(20)).then().statusCode(409);
        end(lawyer, id, "MEDIATION", today.minusDays(21), "AWARD").then().statusCode(400)
                .body("errors.field", hasItem("outcome"));
        end(lawyer, id, "MEDIATION", today.minusDays(31), "NO_AGREEMENT").then().statusCode(400)
                .body("errors.field", hasItem("endedOn"));
        end(lawyer, id, "MEDIATION", today.minusDays(21), "NO_AGREEMENT").then().statusCode(200)
                .body("stages[0].outcome", equalTo("NO_AGREEMENT"));
        end(lawyer, id, "MEDIATION", today.minusDays(20), "WITHDRAWN").then().statusCode(409);
        start(lawyer, id, "ARBITRATION", today.minusDays(22)).then().statusCode(400)
                .body("errors.field", hasItem("startedOn"));
        start(lawyer, id, "ARBITRATION", today.plusDays(1)).then().statusCode(400)
                .body("errors.field", hasItem("startedOn"));
        start(ADMIN, id, "ARBITRATION", today.minusDays(20)).then().statusCode(200)
                .body("currentStage", equalTo("ARBITRATION"));
        end(lawyer, id, "FIRST_INSTANCE", today, "JUDGMENT").then().statusCode(404);
        end(lawyer, id, "ARBITRATION", today.minusDays(2), "AWARD").then().statusCode(200);
        // Never reopened, never back: mediation and arbitration again are refused; the courts may be skipped.
        start(lawyer, id, "MEDIATION", today).then().statusCode(409);
        start(lawyer, id, "ARBITRATION", today).then().statusCode(409);
        start(lawyer, id, "ENFORCEMENT", today).then().statusCode(200).body("currentStage", equalTo("ENFORCEMENT"))
                .body("stages.stage", equalTo(List.of("MEDIATION", "ARBITRATION", "ENFORCEMENT")));

        given().auth().oauth2(ADMIN).queryParam("purpose", "核对案件进展").get(PATH + "/" + id).then().statusCode(200)
                .body("currentStage", equalTo("ENFORCEMENT"));

        // A lawyer not assigned: 403 on every stage endpoint, each attempt in the audit log; nothing changes.
        long stagesBefore = count("select count(*) from case_stage where application_id = '" + id + "'");
        start(other, id, "APPEAL", today).then().statusCode(403);
        end(other, id, "ENFORCEMENT", today, "ENFORCED").then().statusCode(403);
        given().auth().oauth2(other).queryParam("purpose", "看看").get(PATH + "/" + id + "/stages").then().statusCode(403);
        assertEquals(3, GroupCaseTest.audit(id, "DENIED", otherSubject));

        // Bad input: every invalid field named, nothing stored.
        post(lawyer, id, "/stages", "{\"stage\": \"TRIAL\"}").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("stage"));
        post(lawyer, id, "/stages", "{}").then().statusCode(400).body("errors.field", hasItem("stage"))
                .body("errors.field", hasItem("startedOn"));
        post(lawyer, id, "/stages/TRIAL/end", "{\"outcome\": \"ENFORCED\"}").then().statusCode(400)
                .body("errors.field", hasItem("stage")).body("errors.field", hasItem("endedOn"));
        assertEquals(stagesBefore, count("select count(*) from case_stage where application_id = '" + id + "'"));
        assertEquals(1, count("select count(*) from case_stage where application_id = '" + id
                + "' and stage = 'ENFORCEMENT' and ended_on is null"));

        // Reads: the worker without a purpose, the lawyer with one; each recorded.
        long readsBefore = GroupCaseTest.audit(id, "READ", lawyerSubject);
        given().auth().oauth2(lawyer).get(PATH + "/" + id + "/stages").then().statusCode(400)
                .body("errors.field", hasItem("purpose"));
        given().auth().oauth2(lawyer).queryParam("purpose", "办理案件").get(PATH + "/" + id + "/stages")
                .then().statusCode(200).body("stages[1].outcome", equalTo("AWARD"))
                .body("stages[1].endedOn", equalTo(today.minusDays(2).toString()));
        assertEquals(readsBefore + 1, GroupCaseTest.audit(id, "READ", lawyerSubject));

        end(lawyer, id, "ENFORCEMENT", today, "ENFORCED").then().statusCode(200);
        post(lawyer, id, "/close", "{\"result\": \"WON\", \"reason\": \"执行完毕\"}").then().statusCode(200)
                .body("currentStage", equalTo("ENFORCEMENT"));
        start(lawyer, id, "APPEAL", today).then().statusCode(409);
    }

    @Test
    void stagesStartedAtOnceAreCheckedOneAfterTheOther() throws Exception {
        String id = acceptedCase("rider-s6-" + UUID.randomUUID());
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        List<String> stages = List.of("MEDIATION", "ARBITRATION", "FIRST_INSTANCE", "APPEAL", "ENFORCEMENT",
                "MEDIATION", "ARBITRATION", "ENFORCEMENT");
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(stages.size());
        try {
            java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<Integer>> answers = stages.stream().map(stage -> pool.submit(() -> {
                go.await();
                return start(ADMIN, id, stage, today).statusCode();
            })).toList();
            go.countDown();
            List<Integer> codes = new java.util.ArrayList<>();
            for (java.util.concurrent.Future<Integer> answer : answers) {
                codes.add(answer.get());
            }
            assertEquals(1, codes.stream().filter(c -> c == 200).count(), codes.toString());
            assertEquals(stages.size() - 1, codes.stream().filter(c -> c == 409).count(), codes.toString());
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, count("select count(*) from case_stage where application_id = '" + id + "'"));
    }

    @Test
    void anObjectionIsDecidedOnceUpheldOrOverturned() throws SQLException {
        String upheld = rejected("rider-s3-" + UUID.randomUUID());
        String overturned = rejected("rider-s4-" + UUID.randomUUID());
        post(ADMIN, upheld, "/appeal-decision", "{\"decision\": \"UPHELD\"}").then().statusCode(409);
        appeal(upheld);
        appeal(overturned);

        String lawyerSubject = "lawyer-s4-" + UUID.randomUUID();
        LegalAidFixture.lawyer(lawyerSubject, "吴律");
        for (String refused : List.of(token("staff-s1", "union-staff"), token(lawyerSubject, "lawyer"))) {
            post(refused, upheld, "/appeal-decision", "{\"decision\": \"OVERTURNED\"}").then().statusCode(403);
        }
        given().auth().oauth2(token("rider-s5", "worker")).contentType(ContentType.JSON)
                .body("{\"decision\": \"OVERTURNED\"}").post(PATH + "/" + upheld + "/appeal-decision").then().statusCode(403);
        assertEquals(1, GroupCaseTest.audit(upheld, "DENIED", "staff-s1"));
        assertEquals(1, GroupCaseTest.audit(upheld, "DENIED", lawyerSubject));
        post(ADMIN, upheld, "/appeal-decision", "{\"decision\": \"MAYBE\"}").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("decision"));
        post(ADMIN, upheld, "/appeal-decision", "{\"reference\": \"not a/ref\"}").then().statusCode(400)
                .body("errors.field", hasItem("decision")).body("errors.field", hasItem("reference"));
        assertEquals(1, count("select count(*) from application where id = '" + upheld + "' and status = 'APPEALED'"));

        post(ADMIN, upheld, "/appeal-decision", "{\"decision\": \"UPHELD\", \"reference\": \"DXSF-2026-0031\"}")
                .then().statusCode(200).body("status", equalTo("REJECTION_UPHELD"))
                .body("appealDecision", equalTo("UPHELD")).body("appealReference", equalTo("DXSF-2026-0031"))
                .body("assignBy", nullValue());
        post(ADMIN, upheld, "/appeal-decision", "{\"decision\": \"OVERTURNED\"}").then().statusCode(409);

        try (TopicProbe topic = TopicProbe.open(Topics.LEGAL_AID)) {
            post(ADMIN, overturned, "/appeal-decision", "{\"decision\": \"OVERTURNED\"}").then().statusCode(200)
                    .body("status", equalTo("ACCEPTED")).body("appealDecision", equalTo("OVERTURNED"))
                    .body("assignBy", notNullValue()).body("decisionReason", equalTo("不属于法律援助事项范围"));
            topic.await(m -> m.value().contains(overturned) && m.value().contains("case.accepted"),
                    Duration.ofSeconds(30)).orElseThrow(() -> new AssertionError("no case.accepted"));
        }
        post(ADMIN, overturned, "/appeal-decision", "{\"decision\": \"UPHELD\"}").then().statusCode(409);
        String lawyerId = LegalAidFixture.lawyer("lawyer-s3-" + UUID.randomUUID(), "周律");
        post(ADMIN, overturned, "/lawyers", "{\"lawyerId\": \"" + lawyerId + "\"}").then().statusCode(200);
        assertEquals(1, count("select count(*) from audit_entry where target_id = '" + overturned
                + "' and action = 'UPDATE' and purpose = 'appeal decided: OVERTURNED'"));
        assertEquals(1, count("select count(*) from audit_entry where target_id = '" + upheld
                + "' and action = 'UPDATE' and purpose = 'appeal decided: UPHELD'"));
    }

    private static String acceptedCase(String worker) {
        String id = apply(worker);
        post(ADMIN, id, "/conflict-decision", "{\"decision\": \"NO_CONFLICT\"}").then().statusCode(200);
        post(ADMIN, id, "/decision", "{\"outcome\": \"ACCEPT\"}").then().statusCode(200);
        return id;
    }

    private static String rejected(String worker) {
        String id = apply(worker);
        post(ADMIN, id, "/decision", "{\"outcome\": \"REJECT\", \"reason\": \"不属于法律援助事项范围\"}").then().statusCode(200);
        return id;
    }

    private static void appeal(String id) {
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"grounds\": \"申请人为进城务工人员，申请支付劳动报酬\"}")
                .post(PATH + "/" + id + "/appeal").then().statusCode(200).body("status", equalTo("APPEALED"));
    }

    private static String apply(String worker) {
        return given().auth().oauth2(token(worker, "worker")).contentType(ContentType.JSON)
                .body(Map.of("category", "WAGE_ARREARS", "opposingPartyName", "某" + UUID.randomUUID() + "公司",
                        "facts", "拖欠工资两个月", "amountClaimedFen", 500000))
                .post(PATH).then().statusCode(201).extract().path("id");
    }

    private static Response start(String token, String id, String stage, LocalDate on) {
        return post(token, id, "/stages", "{\"stage\": \"%s\", \"startedOn\": \"%s\"}".formatted(stage, on));
    }

    private static Response end(String token, String id, String stage, LocalDate on, String outcome) {
        return post(token, id, "/stages/" + stage + "/end", "{\"endedOn\": \"%s\", \"outcome\": \"%s\"}"
                .formatted(on, outcome));
    }

    private static Response post(String token, String id, String action, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post(PATH + "/" + id + action);
    }
}
