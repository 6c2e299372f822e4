package org.yizhan.legalaid.relief;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.yizhan.events.Topics;
import org.yizhan.kit.events.CloudEventCodec;
import org.yizhan.kit.replica.StationReplica;
import org.yizhan.kit.time.AppClock;
import org.yizhan.legalaid.LegalAidFixture;
import org.yizhan.legalaid.service.relief.ReliefReviews;
import org.yizhan.localstack.testing.PersonalDataScan;
import org.yizhan.localstack.testing.ServiceDatabase;
import org.yizhan.localstack.testing.TopicProbe;
import org.yizhan.localstack.testing.YizhanTestResource;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.yizhan.localstack.testing.TestTokens.token;

/** Serious-illness relief: apply, review with a second approver above the threshold, pay, refer from a case. */
@QuarkusTest
@WithTestResource(value = YizhanTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "yizhan_legal_aid"))
class ReliefTest {

    private static final String PATH = "/api/v1/legal-aid/relief";
    private static final String ADMIN = token("admin-r1", "union-admin");
    private static final String OTHER_ADMIN = token("admin-r2", "union-admin");

    @Inject
    ReliefReviews reviews;

    @Inject
    StationReplica replica;

    @Inject
    CloudEventCodec codec;

    @Inject
    AppClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void belowTheThresholdOneApprovalGrantsAndPaymentsUpToTheGrantPayIt() throws SQLException {
        String subject = "rider-r1-" + UUID.randomUUID();
        String worker = token(subject, "worker");
        String description = "九月确诊肺癌，化疗自付部分约八千元-" + UUID.randomUUID();
        long grant = reviews.threshold();
        String id = apply(worker, body("CANCER", grant + 100000, description))
                .then().statusCode(201).body("status", equalTo("SUBMITTED")).body("description", equalTo(description))
                .body("monthlyIncomePerPersonFen", equalTo(650000 / 3)).body("recordedByStaff", equalTo(false))
                .extract().path("id");
        int reads = 0;
        given().auth().oauth2(worker).get(PATH + "/" + id).then().statusCode(200).body("description", equalTo(description));
        reads++;
        given().auth().oauth2(worker).get(PATH + "/mine").then().statusCode(200).body("items.id", hasItem(id))
                .body("items[0]", not(org.hamcrest.Matchers.hasKey("description")));

        approve(ADMIN, id, grant + 100001).then().statusCode(400).body("errors.field", hasItem("amountGrantedFen"));
        pay(ADMIN, id, 1, today()).then().statusCode(409);
        try (TopicProbe topic = TopicProbe.open(Topics.LEGAL_AID)) {
            approve(ADMIN, id, grant).then().statusCode(200).body("status", equalTo("GRANTED"))
                    .body("amountGrantedFen", equalTo((int) grant)).body("secondApprovalNeeded", equalTo(false));
            TopicProbe.Message event = topic.await(m -> m.value().contains(id) && m.value().contains("relief.granted"),
                    Duration.ofSeconds(30)).orElseThrow(() -> new AssertionError("no relief.granted"));
            assertTrue(event.value().contains("\"amountGrantedFen\":" + grant), event.value());
            assertTrue(event.value().contains("\"secondApprovalNeeded\":false"), event.value());
            assertTrue(event.value().contains("\"illnessCategory\":\"CANCER\""), event.value());
            for (String personal : List.of(description, subject, "650000", "householdSize", "applicant")) {
                assertFalse(event.value().contains(personal), "no personal details: " + event.value());
            }
        }
        approve(OTHER_ADMIN, id, 1).then().statusCode(409);

        pay(ADMIN, id, grant - 200000, today()).then().statusCode(200).body("status", equalTo("GRANTED"))
                .body("paidFen", equalTo((int) grant - 200000)).body("payments", org.hamcrest.Matchers.hasSize(1));
        pay(ADMIN, id, 200001, today()).then().statusCode(409);
        pay(ADMIN, id, 200000, today()).then().statusCode(200).body("status", equalTo("PAID"))
                .body("paidFen", equalTo((int) grant)).body("payments.amountFen", equalTo(List.of((int) grant - 200000,
                        200000)));
        pay(ADMIN, id, 1, today()).then().statusCode(409);
        given().auth().oauth2(ADMIN).queryParam("purpose", "核对支付").get(PATH + "/" + id).then().statusCode(200)
                .body("status", equalTo("PAID"));
        reads++;
        assertEquals(reads, audit(id, "READ", null), "every read has its entry");
        assertEquals(3, audit(id, "UPDATE", null), "the grant and two payments recorded; refusals change nothing");
        assertEquals(List.of(), PersonalDataScan.findInDatabase(List.of(description, subject)));
        assertEquals(List.of(), PersonalDataScan.findInLog(List.of(description, subject)));
    }

    @Test
    void aboveTheThresholdASecondApproverWhoIsNotTheFirstGrantsIt() throws SQLException {
        UUID station = LegalAidFixture.station(replica, codec, 39.7268, 116.3411);
        String workerSubject = "rider-r2-" + UUID.randomUUID();
        String staffSubject = "staff-r2-" + UUID.randomUUID();
        String staff = token(staffSubject, "union-staff");
        String otherStaff = token("staff-r3-" + UUID.randomUUID(), "union-staff");
        String description = "尿毒症每周透析三次，家庭负担重-" + UUID.randomUUID();
        long above = reviews.threshold() + 300000;
        Map<String, Object> body = body("KIDNEY_FAILURE", above + 50000, description);
        body.put("onBehalfOf", workerSubject);
        body.put("stationId", station.toString());
        String id = apply(staff, body).then().statusCode(201).body("recordedByStaff", equalTo(true))
                .body("district", equalTo("大兴区")).extract().path("id");
        int reads = 0;

        approve(staff, id, above).then().statusCode(200).body("status", equalTo("APPROVED_ONCE"))
                .body("secondApprovalNeeded", equalTo(true)).body("amountGrantedFen", nullValue())
                .body("firstAmountFen", equalTo((int) above));
        approve(staff, id, above).then().statusCode(409);
        approve(staff, id, above - 1).then().statusCode(409);
        pay(staff, id, 1, today()).then().statusCode(409);
        assertEquals("APPROVED_ONCE", column(id, "status"));

        // The database holds the rule too: no grant without a second approver, and never the first one again.
        assertThrows(SQLException.class, () -> execute("update relief_application set status = 'GRANTED',"
                + " amount_granted_fen = first_amount_fen, granted_at = now() where id = '" + id + "'"));
        assertThrows(SQLException.class, () -> execute("update relief_application set second_approved_by ="
                + " first_approved_by where id = '" + id + "'"));

        approve(otherStaff, id, above).then().statusCode(403);
        assertEquals(1, audit(id, "DENIED", null));
        approve(ADMIN, id, above + 1).then().statusCode(400).body("errors.field", hasItem("amountGrantedFen"));
        try (TopicProbe topic = TopicProbe.open(Topics.LEGAL_AID)) {
            approve(ADMIN, id, above - 100000).then().statusCode(200).body("status", equalTo("GRANTED"))
                    .body("amountGrantedFen", equalTo((int) above - 100000)).body("secondApprovalNeeded", equalTo(true));
            TopicProbe.Message event = topic.await(m -> m.value().contains(id) && m.value().contains("relief.granted"),
                    Duration.ofSeconds(30)).orElseThrow(() -> new AssertionError("no relief.granted"));
            assertTrue(event.value().contains("\"secondApprovalNeeded\":true"), event.value());
            assertFalse(event.value().contains(staffSubject) || event.value().contains("admin-r1")
                    || event.value().contains(workerSubject), "no people in the event: " + event.value());
        }
        assertEquals("admin-r1", column(id, "second_approved_by"));

        // Who sees it: the worker it is about, the recorder (with a purpose), admins; not other staff or workers.
        given().auth().oauth2(token(workerSubject, "worker")).get(PATH + "/" + id).then().statusCode(200)
                .body("description", equalTo(description)).body("status", equalTo("GRANTED"));
        reads++;
        given().auth().oauth2(staff).get(PATH + "/" + id).then().statusCode(400).body("errors.field", hasItem("purpose"));
        given().auth().oauth2(staff).queryParam("purpose", "安排支付").get(PATH + "/" + id).then().statusCode(200);
        reads++;
        given().auth().oauth2(otherStaff).queryParam("purpose", "看看").get(PATH + "/" + id).then().statusCode(403);
        given().auth().oauth2(token("rider-r4-" + UUID.randomUUID(), "worker")).get(PATH + "/" + id).then()
                .statusCode(403);
        given().auth().oauth2(token("lawyer-r4", "lawyer")).queryParam("purpose", "看看").get(PATH + "/" + id).then()
                .statusCode(403);
        pay(otherStaff, id, 1, today()).then().statusCode(403);
        assertEquals(5, audit(id, "DENIED", null), "the other staff member three times, the other worker and the "
                + "lawyer once each");
        assertEquals(reads, audit(id, "READ", null));

        given().auth().oauth2(staff).queryParam("limit", 100).get(PATH).then().statusCode(200)
                .body("items.id", hasItem(id)).body("items[0]", not(org.hamcrest.Matchers.hasKey("description")));
        given().auth().oauth2(otherStaff).queryParam("limit", 100).get(PATH).then().statusCode(200)
                .body("items.id", not(hasItem(id)));
        pay(staff, id, above - 100000, today()).then().statusCode(200).body("status", equalTo("PAID"));

        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"reason\": \"家庭人均收入高于救助标准\"}")
                .post(PATH + "/" + id + "/rejection").then().statusCode(409);
        assertEquals(List.of(), PersonalDataScan.findInDatabase(List.of(description, workerSubject)));
    }

    @Test
    void reviewersApprovingAtOnceTakeTurnsAndTwoDifferentPeopleGrant() throws Exception {
        long above = reviews.threshold() + 1;
        String id = apply(token("rider-r12-" + UUID.randomUUID(), "worker"), body("ORGAN_TRANSPLANT", above,
                "肾移植术后需长期抗排异治疗")).then().statusCode(201).extract().path("id");
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Integer> codes = new ArrayList<>();
        try {
            List<Callable<Integer>> attempts = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                String admin = token("admin-r12-" + i, "union-admin");
                attempts.add(() -> approve(admin, id, above).statusCode());
            }
            for (Future<Integer> f : pool.invokeAll(attempts)) {
                codes.add(f.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(2, codes.stream().filter(c -> c == 200).count(), "the first and the second approval: " + codes);
        assertEquals(4, codes.stream().filter(c -> c == 409).count(), codes.toString());
        assertEquals("GRANTED", column(id, "status"));
        assertFalse(column(id, "first_approved_by").equals(column(id, "second_approved_by")));
    }

    @Test
    void aRejectionKeepsItsReasonEncryptedAndTheApplicantReadsIt() throws SQLException {
        String subject = "rider-r5-" + UUID.randomUUID();
        String worker = token(subject, "worker");
        String reason = "家庭人均月收入高于救助标准-" + UUID.randomUUID();
        String id = apply(worker, body("STROKE", 900000, "脑卒中住院两周，自付部分较多")).then().statusCode(201)
                .extract().path("id");
        approve(ADMIN, id, reviews.threshold() + 1).then().statusCode(200).body("status", equalTo("APPROVED_ONCE"));
        given().auth().oauth2(OTHER_ADMIN).contentType(ContentType.JSON).body(Map.of("reason", "x"))
                .post(PATH + "/" + id + "/rejection").then().statusCode(400).body("errors.field", hasItem("reason"));
        given().auth().oauth2(OTHER_ADMIN).contentType(ContentType.JSON).body(Map.of("reason", reason))
                .post(PATH + "/" + id + "/rejection").then().statusCode(200).body("status", equalTo("REJECTED"))
                .body("rejectionReason", equalTo(reason));
        given().auth().oauth2(worker).get(PATH + "/" + id).then().statusCode(200).body("rejectionReason", equalTo(reason));
        approve(ADMIN, id, 1).then().statusCode(409);
        assertEquals(List.of(), PersonalDataScan.findInDatabase(List.of(reason, subject)));
    }

    @Test
    void aCaseRefersItsClientInOneStepCarryingOnlyTheApplicant() throws SQLException {
        String workerSubject = "rider-r6-" + UUID.randomUUID();
        String worker = token(workerSubject, "worker");
        String facts = "送餐途中被车撞伤，平台不认工伤-" + UUID.randomUUID();
        String employer = "某" + UUID.randomUUID().toString().substring(0, 8) + "配送有限公司";
        String caseId = given().auth().oauth2(worker).contentType(ContentType.JSON)
                .body(Map.of("category", "WORK_INJURY", "opposingPartyName", employer, "facts", facts,
                        "amountClaimedFen", 3200000)).post("/api/v1/legal-aid/applications")
                .then().statusCode(201).extract().path("id");
        String lawyerSubject = "lawyer-r6-" + UUID.randomUUID();
        String otherLawyerSubject = "lawyer-r7-" + UUID.randomUUID();
        String lawyerId = LegalAidFixture.lawyer(lawyerSubject, "周平");
        LegalAidFixture.lawyer(otherLawyerSubject, "吴安");
        String lawyer = token(lawyerSubject, "lawyer");
        Map<String, Object> referral = body("SEVERE_BURN", 1200000, "工伤后严重烧伤，植皮费用自付部分高");

        refer(lawyer, caseId, referral).then().statusCode(403);
        refer(ADMIN, caseId, referral).then().statusCode(409);
        caseStep(caseId, "conflict-decision", "{\"decision\": \"NO_CONFLICT\"}");
        caseStep(caseId, "decision", "{\"outcome\": \"ACCEPT\"}");
        caseStep(caseId, "lawyers", "{\"lawyerId\": \"" + lawyerId + "\"}");

        refer(token(otherLawyerSubject, "lawyer"), caseId, referral).then().statusCode(403);
        assertTrue(caseAudit(caseId, "DENIED", otherLawyerSubject) == 1, "the refusal is recorded against the case");
        long before = count("relief_application");
        Map<String, Object> onBehalf = new HashMap<>(referral);
        onBehalf.put("onBehalfOf", workerSubject);
        refer(lawyer, caseId, onBehalf).then().statusCode(400).body("errors.field", hasItem("onBehalfOf"));
        String id = refer(lawyer, caseId, referral).then().statusCode(201).body("status", equalTo("SUBMITTED"))
                .body("referredFromCase", equalTo(true)).body("illnessCategory", equalTo("SEVERE_BURN"))
                .body("$", not(org.hamcrest.Matchers.hasKey("description"))).extract().path("id");
        assertEquals(before + 1, count("relief_application"));
        refer(lawyer, caseId, referral).then().statusCode(409);
        assertEquals(1, caseAudit(caseId, "READ", lawyerSubject), "the referral's read of the case is recorded");

        // The worker finds it among their own: the case's applicant, nothing of the case but its id.
        given().auth().oauth2(worker).get(PATH + "/mine").then().statusCode(200).body("items.id", hasItem(id));
        String file = given().auth().oauth2(worker).get(PATH + "/" + id).then().statusCode(200)
                .body("caseId", equalTo(caseId)).body("recordedByStaff", equalTo(false)).extract().asString();
        assertFalse(file.contains(facts) || file.contains(employer) || file.contains("3200000")
                || file.contains("WORK_INJURY"), "nothing of the case but its id: " + file);
        assertEquals(column(caseId, "applicant", "application"), column(id, "applicant"));
        // The referring lawyer does not read the relief file afterwards.
        given().auth().oauth2(lawyer).queryParam("purpose", "跟进").get(PATH + "/" + id).then().statusCode(403);
        assertEquals(1, audit(id, "DENIED", lawyerSubject));
        approve(ADMIN, id, 1200000).then().statusCode(200).body("status", equalTo("APPROVED_ONCE"));
        approve(OTHER_ADMIN, id, 1200000).then().statusCode(200).body("status", equalTo("GRANTED"));
    }

    @Test
    void referralsAtOnceFromOneCaseGiveOneFile() throws Exception {
        String caseId = given().auth().oauth2(token("rider-r13-" + UUID.randomUUID(), "worker"))
                .contentType(ContentType.JSON).body(Map.of("category", "WORK_INJURY", "opposingPartyName",
                        "某" + UUID.randomUUID().toString().substring(0, 8) + "物流有限公司", "facts", "搬运时腰椎受伤",
                        "amountClaimedFen", 900000)).post("/api/v1/legal-aid/applications")
                .then().statusCode(201).extract().path("id");
        caseStep(caseId, "conflict-decision", "{\"decision\": \"NO_CONFLICT\"}");
        caseStep(caseId, "decision", "{\"outcome\": \"ACCEPT\"}");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Integer> codes = new ArrayList<>();
        try {
            List<Callable<Integer>> attempts = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                attempts.add(() -> refer(ADMIN, caseId, body("CANCER", 500000, "工伤治疗中查出肝癌")).statusCode());
            }
            for (Future<Integer> f : pool.invokeAll(attempts)) {
                codes.add(f.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, codes.stream().filter(c -> c == 201).count(), codes.toString());
        assertEquals(3, codes.stream().filter(c -> c == 409).count(), codes.toString());
        assertEquals(1, count("relief_application where case_id = '" + UUID.fromString(caseId) + "'"));
        assertThrows(SQLException.class, () -> execute("insert into relief_application (id, applicant, case_id,"
                + " illness_category, amount_requested_fen, monthly_household_income_fen, household_size,"
                + " description_enc, status, submitted_at) select gen_random_uuid(), applicant, case_id, illness_category,"
                + " 1, 0, 1, 'x', 'SUBMITTED', now() from relief_application where case_id = '" + caseId + "'"),
                "the database keeps one open referral per case");
    }

    @Test
    void badInputOnEveryEndpointIsNamedAndChangesNothing() throws SQLException {
        String worker = token("rider-r8-" + UUID.randomUUID(), "worker");
        String id = apply(worker, body("HEART_DISEASE", 200000, "心脏搭桥手术后需长期服药")).then().statusCode(201)
                .extract().path("id");
        long reliefs = count("relief_application");
        long payments = count("relief_payment");

        Map<String, Object> bad = new HashMap<>();
        bad.put("illnessCategory", "COLD");
        apply(worker, bad).then().statusCode(400);
        apply(worker, Map.of("amountRequestedFen", 0, "monthlyHouseholdIncomeFen", -1, "householdSize", 21,
                "documentRefs", List.of("doc 1"), "description", "短")).then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("illnessCategory")).body("errors.field", hasItem("amountRequestedFen"))
                .body("errors.field", hasItem("monthlyHouseholdIncomeFen")).body("errors.field", hasItem("householdSize"))
                .body("errors.field", hasItem("documentRefs[0]")).body("errors.field", hasItem("description"));
        Map<String, Object> onBehalf = body("OTHER", 1000, "罕见病治疗费用高");
        onBehalf.put("onBehalfOf", "rider-r9");
        apply(worker, onBehalf).then().statusCode(400).body("errors.field", equalTo(List.of("onBehalfOf")));
        apply(token("staff-r8", "union-staff"), body("OTHER", 1000, "罕见病治疗费用高")).then().statusCode(400)
                .body("errors.field", equalTo(List.of("onBehalfOf")));
        Map<String, Object> noStation = body("OTHER", 1000, "罕见病治疗费用高");
        noStation.put("stationId", UUID.randomUUID().toString());
        apply(worker, noStation).then().statusCode(400).body("errors.field", equalTo(List.of("stationId")));
        apply(worker, body("OTHER", 100_000_001L, "罕见病治疗费用高")).then().statusCode(400)
                .body("errors.field", hasItem("amountRequestedFen"));

        approve(ADMIN, id, 0).then().statusCode(400).body("errors.field", hasItem("amountGrantedFen"));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{}").post(PATH + "/" + id + "/approval")
                .then().statusCode(400).body("errors.field", hasItem("amountGrantedFen"));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"reason\": \" \"}")
                .post(PATH + "/" + id + "/rejection").then().statusCode(400).body("errors.field", hasItem("reason"));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"amountFen\": -5, \"reference\": \"转账 1\"}")
                .post(PATH + "/" + id + "/payments").then().statusCode(400).body("errors.field", hasItem("amountFen"))
                .body("errors.field", hasItem("paidOn")).body("errors.field", hasItem("reference"));
        given().auth().oauth2(ADMIN).queryParam("purpose", "x".repeat(301)).get(PATH + "/" + id).then().statusCode(400)
                .body("errors.field", hasItem("purpose"));
        given().auth().oauth2(ADMIN).queryParam("status", "LOST").queryParam("limit", 0).get(PATH).then().statusCode(400)
                .body("errors.field", hasItem("status")).body("errors.field", hasItem("limit"));
        given().auth().oauth2(worker).queryParam("limit", 101).get(PATH + "/mine").then().statusCode(400)
                .body("errors.field", hasItem("limit"));
        refer(ADMIN, UUID.randomUUID().toString(), Map.of("householdSize", 0)).then().statusCode(400)
                .body("errors.field", hasItem("householdSize")).body("errors.field", hasItem("description"));
        given().auth().oauth2(ADMIN).get(PATH + "/" + UUID.randomUUID() + "?purpose=x").then().statusCode(404);

        // Granted, then a payment in the future and one above the grant: refused, nothing paid.
        approve(ADMIN, id, 150000).then().statusCode(200).body("status", equalTo("GRANTED"));
        reliefs = count("relief_application");
        pay(ADMIN, id, 1, today().plusDays(2)).then().statusCode(400).body("errors.field", hasItem("paidOn"));
        pay(ADMIN, id, 150001, today()).then().statusCode(409);
        assertEquals(reliefs, count("relief_application"));
        assertEquals(payments, count("relief_payment"));
        assertEquals("0", column(id, "paid_fen"));
        assertEquals("GRANTED", column(id, "status"));

        String key = "relief-" + UUID.randomUUID();
        Map<String, Object> retried = body("OTHER", 1000, "罕见病治疗费用高");
        String first = given().auth().oauth2(worker).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(retried).post(PATH).then().statusCode(201).extract().path("id");
        given().auth().oauth2(worker).header("Idempotency-Key", key).contentType(ContentType.JSON).body(retried)
                .post(PATH).then().statusCode(200).body("id", equalTo(first));
        assertEquals(reliefs + 1, count("relief_application"));
    }

    @Test
    void figuresCountReliefGrantedAndPaidByDistrictAndWorkersOnce() {
        UUID station = LegalAidFixture.station(replica, codec, 39.7301, 116.3402);
        JsonPath before = figures();
        clock.shift(Duration.between(Instant.now(), Instant.parse("2024-05-10T02:00:00Z")));
        String staff = token("staff-r10-" + UUID.randomUUID(), "union-staff");
        String workerSubject = "rider-r10-" + UUID.randomUUID();
        String worker = token(workerSubject, "worker");
        Map<String, Object> atStation = body("CANCER", 400000, "乳腺癌手术后放疗");
        atStation.put("onBehalfOf", workerSubject);
        atStation.put("stationId", station.toString());
        String one = apply(staff, atStation).then().statusCode(201).extract().path("id");
        String two = apply(worker, body("OTHER", 300000, "罕见病需长期用药")).then().statusCode(201).extract().path("id");
        apply(token("rider-r11-" + UUID.randomUUID(), "worker"), body("STROKE", 200000, "脑卒中康复治疗"))
                .then().statusCode(201);
        approve(staff, one, 400000).then().statusCode(200).body("status", equalTo("GRANTED"));
        approve(ADMIN, two, 250000).then().statusCode(200).body("status", equalTo("GRANTED"));
        pay(staff, one, 100000, LocalDate.of(2024, 5, 10)).then().statusCode(200);
        clock.reset();

        JsonPath after = figures();
        String daxing = "relief.rows.find { it.district == '大兴区' }.";
        String none = "relief.rows.find { it.district == null }.";
        assertEquals(1, delta(before, after, daxing + "applications"));
        assertEquals(1, delta(before, after, daxing + "granted"));
        assertEquals(400000, delta(before, after, daxing + "grantedFen"));
        assertEquals(100000, delta(before, after, daxing + "paidFen"));
        assertEquals(2, delta(before, after, none + "applications"));
        assertEquals(250000, delta(before, after, none + "grantedFen"));
        assertEquals(3, delta(before, after, "relief.total.applications"));
        assertEquals(2, delta(before, after, "relief.total.granted"));
        assertEquals(650000, delta(before, after, "relief.total.grantedFen"));
        assertEquals(1, delta(before, after, "relief.total.workersGranted"), "one worker granted twice counts once");

        given().auth().oauth2(token("youth-r1", "partner")).accept("text/csv").queryParam("year", 2024)
                .queryParam("table", "RELIEF").get("/api/v1/legal-aid/figures").then().statusCode(200)
                .body(containsString("district,relief_applications,relief_granted,relief_granted_fen"))
                .body(containsString("大兴区")).body(containsString("合计 total"));
        given().auth().oauth2(ADMIN).queryParam("year", 2024).queryParam("district", "大兴区")
                .get("/api/v1/legal-aid/figures").then().statusCode(200)
                .body("relief.total.applications", equalTo(after.getInt(daxing + "applications")))
                .body("relief.rows.district", equalTo(List.of("大兴区")));
        given().auth().oauth2(worker).queryParam("year", 2024).get("/api/v1/legal-aid/figures").then()
                .statusCode(403);
    }

    private static Map<String, Object> body(String category, long fen, String description) {
        Map<String, Object> body = new HashMap<>();
        body.put("illnessCategory", category);
        body.put("amountRequestedFen", fen);
        body.put("monthlyHouseholdIncomeFen", 650000);
        body.put("householdSize", 3);
        body.put("documentRefs", List.of("doc:diagnosis-2026-09", "doc:hospital-bill-2026-10"));
        body.put("description", description);
        return body;
    }

    private static Response apply(String token, Map<String, Object> body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post(PATH);
    }

    private static Response approve(String token, String id, long fen) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("amountGrantedFen", fen))
                .post(PATH + "/" + id + "/approval");
    }

    private static Response pay(String token, String id, long fen, LocalDate on) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("amountFen", fen, "paidOn", on.toString(), "reference", "ICBC-" + UUID.randomUUID()))
                .post(PATH + "/" + id + "/payments");
    }

    private static Response refer(String token, String caseId, Map<String, Object> body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .post("/api/v1/legal-aid/applications/" + caseId + "/relief-referral");
    }

    private static void caseStep(String caseId, String step, String body) {
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(body)
                .post("/api/v1/legal-aid/applications/" + caseId + "/" + step).then().statusCode(200);
    }

    private static JsonPath figures() {
        return given().auth().oauth2(ADMIN).queryParam("year", 2024).get("/api/v1/legal-aid/figures")
                .then().statusCode(200).extract().jsonPath();
    }

    private static long delta(JsonPath before, JsonPath after, String path) {
        Number was = before.get(path);
        Number is = after.get(path);
        return (is == null ? 0 : is.longValue()) - (was == null ? 0 : was.longValue());
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneId.of("Asia/Shanghai"));
    }

    private static long audit(String id, String action, String actor) throws SQLException {
        return count("audit_entry where target_kind = 'RELIEF' and target_id = '" + UUID.fromString(id)
                + "' and action = '" + action + "'" + (actor == null ? "" : " and actor = '" + actor + "'"));
    }

    private static long caseAudit(String caseId, String action, String actor) throws SQLException {
        return count("audit_entry where target_kind = 'APPLICATION' and target_id = '" + UUID.fromString(caseId)
                + "' and action = '" + action + "' and actor = '" + actor + "'");
    }

    private static long count(String from) throws SQLException {
        try (Connection c = ServiceDatabase.open(); Statement st = c.createStatement();
             ResultSet rows = st.executeQuery("select count(*) from " + from)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static String column(String id, String column) throws SQLException {
        return column(id, column, "relief_application");
    }

    private static String column(String id, String column, String table) throws SQLException {
        try (Connection c = ServiceDatabase.open(); Statement st = c.createStatement();
             ResultSet rows = st.executeQuery("select " + column + " from " + table + " where id = '"
                     + UUID.fromString(id) + "'")) {
            assertTrue(rows.next(), "no row " + id);
            return rows.getString(1);
        }
    }

    private static void execute(String sql) throws SQLException {
        try (Connection c = ServiceDatabase.open(); Statement st = c.createStatement()) {
            st.executeUpdate(sql);
        }
    }
}
