package org.yizhan.legalaid.consultation;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.yizhan.events.Topics;
import org.yizhan.kit.events.CloudEventCodec;
import org.yizhan.kit.replica.StationReplica;
import org.yizhan.legalaid.LegalAidFixture;
import org.yizhan.localstack.testing.PersonalDataScan;
import org.yizhan.localstack.testing.ServiceDatabase;
import org.yizhan.localstack.testing.TopicProbe;
import org.yizhan.localstack.testing.YizhanTestResource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.yizhan.localstack.testing.TestTokens.token;

/** Consultations: who may ask, answer and read, with every read and refusal in the audit log. */
@QuarkusTest
@WithTestResource(value = YizhanTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "yizhan_legal_aid"))
class ConsultationTest {

    private static final String PATH = "/api/v1/legal-aid/consultations";

    @Inject
    StationReplica replica;

    @Inject
    CloudEventCodec codec;

    @Test
    void aWorkerAsksALawyerAnswersAndOnlyThePeopleOnItReadItEachReadAudited() throws SQLException {
        String question = "外卖平台拖欠我两个月工资共8600元-" + UUID.randomUUID();
        String answerText = "可向劳动保障监察投诉或申请仲裁-" + UUID.randomUUID();
        String worker = token("rider-c1", "worker");
        String lawyerSubject = "lawyer-c1-" + UUID.randomUUID();
        String otherLawyerSubject = "lawyer-c2-" + UUID.randomUUID();
        LegalAidFixture.lawyer(lawyerSubject, "孙立");
        LegalAidFixture.lawyer(otherLawyerSubject, "钱进");
        String lawyer = token(lawyerSubject, "lawyer");
        String otherLawyer = token(otherLawyerSubject, "lawyer");

        String id = ask(worker, "{\"category\": \"WAGE_ARREARS\", \"channel\": \"ONLINE\", \"question\": \"" + question + "\"}")
                .then().statusCode(201).body("status", equalTo("OPEN")).body("question", equalTo(question))
                .body("recordedByStaff", equalTo(false)).extract().path("id");
        int reads = 0;

        given().auth().oauth2(lawyer).queryParam("status", "OPEN").queryParam("limit", 100).get(PATH)
                .then().statusCode(200).body("items.id", hasItem(id));
        given().auth().oauth2(worker).queryParam("status", "OPEN").get(PATH + "/mine")
                .then().statusCode(200).body("items.id", hasItem(id));
        given().auth().oauth2(lawyer).get(PATH + "/" + id).then().statusCode(400).body("errors.field", hasItem("purpose"));
        given().auth().oauth2(lawyer).queryParam("purpose", "答复咨询").get(PATH + "/" + id)
                .then().statusCode(200).body("question", equalTo(question));
        reads++;

        try (TopicProbe topic = TopicProbe.open(Topics.LEGAL_AID)) {
            given().auth().oauth2(lawyer).contentType(ContentType.JSON).body("{\"answer\": \"" + answerText + "\"}")
                    .post(PATH + "/" + id + "/answer").then().statusCode(200).body("status", equalTo("ANSWERED"))
                    .body("answeredByRole", equalTo("lawyer")).body("answer", equalTo(answerText));
            TopicProbe.Message answered = topic.await(m -> m.value().contains(id)
                    && m.value().contains("consultation.answered"), Duration.ofSeconds(30))
                    .orElseThrow(() -> new AssertionError("no consultation.answered"));
            assertTrue(answered.value().contains("WAGE_ARREARS"), answered.value());
            for (String personal : List.of(question, answerText, "rider-c1", lawyerSubject)) {
                assertFalse(answered.value().contains(personal), "no personal details in the event");
            }
        }
        given().auth().oauth2(lawyer).contentType(ContentType.JSON).body("{\"answer\": \"再答一次\"}")
                .post(PATH + "/" + id + "/answer").then().statusCode(409);

        given().auth().oauth2(worker).get(PATH + "/" + id).then().statusCode(200)
                .body("answer", equalTo(answerText)).body("status", equalTo("ANSWERED"));
        reads++;
        given().auth().oauth2(worker).get(PATH + "/mine").then().statusCode(200).body("items.id", hasItem(id));
        // Answered, it is no longer among the worker's open ones (what their overview shows).
        given().auth().oauth2(worker).queryParam("status", "OPEN").get(PATH + "/mine")
                .then().statusCode(200).body("items.id", not(hasItem(id)));
        given().auth().oauth2(worker).queryParam("status", "ANSWERED").get(PATH + "/mine")
                .then().statusCode(200).body("items.id", hasItem(id));
        given().auth().oauth2(token("admin-c1", "union-admin")).queryParam("purpose", "质量抽查").get(PATH + "/" + id)
                .then().statusCode(200);
        reads++;
        given().auth().oauth2(lawyer).queryParam("purpose", "回访").get(PATH + "/" + id).then().statusCode(200);
        reads++;

        // A lawyer not on it, other staff, another worker: refused, and each attempt is in the log.
        given().auth().oauth2(otherLawyer).queryParam("purpose", "看看").get(PATH + "/" + id).then().statusCode(403)
                .contentType("application/problem+json");
        given().auth().oauth2(otherLawyer).queryParam("limit", 100).get(PATH).then().statusCode(200)
                .body("items.id", not(hasItem(id)));
        given().auth().oauth2(token("staff-c1", "union-staff")).queryParam("purpose", "看看").get(PATH + "/" + id)
                .then().statusCode(403);
        given().auth().oauth2(token("rider-c2", "worker")).get(PATH + "/" + id).then().statusCode(403);
        given().auth().oauth2(token("lawyer-unregistered", "lawyer")).contentType(ContentType.JSON)
                .body("{\"answer\": \"我来答\"}").post(PATH + "/" + id + "/answer").then().statusCode(403);

        assertEquals(reads, audited(id, "READ", null), "every read has its audit row");
        assertEquals(1, audited(id, "DENIED", otherLawyerSubject), "the unassigned lawyer's attempt is recorded");
        assertEquals(1, audited(id, "DENIED", "staff-c1"));
        assertEquals(1, audited(id, "DENIED", "lawyer-unregistered"));
        assertEquals(1, audited(id, "UPDATE", lawyerSubject));
        assertEquals(1, audited(id, "CREATE", null));
        given().auth().oauth2(token("admin-c2", "union-admin")).queryParam("targetId", id).queryParam("action", "DENIED")
                .get("/api/v1/legal-aid/audit").then().statusCode(200).body("items.actor", hasItem(otherLawyerSubject))
                .body("items.purpose", hasItem("看看"));

        assertEquals(List.of(), PersonalDataScan.findInDatabase(List.of(question, answerText, "rider-c1", "rider-c2")));
        assertEquals(List.of(), PersonalDataScan.findInLog(List.of(question, answerText)));
    }

    @Test
    void unionStaffRecordAQuestionForAWorkerAtAStation() {
        UUID station = LegalAidFixture.station(replica, codec, 39.7700, 116.3200);
        String staff = token("staff-c3", "union-staff");
        String body = "{\"category\": \"WORK_INJURY\", \"channel\": \"STATION\", \"stationId\": \"" + station
                + "\", \"question\": \"送餐途中摔伤，算工伤吗？\", \"onBehalfOf\": \"rider-c3\"}";
        String id = ask(staff, body).then().statusCode(201).body("recordedByStaff", equalTo(true))
                .body("stationId", equalTo(station.toString())).extract().path("id");
        given().auth().oauth2(token("rider-c3", "worker")).get(PATH + "/mine").then().statusCode(200)
                .body("items.id", hasItem(id));
        given().auth().oauth2(token("rider-c3", "worker")).get(PATH + "/" + id).then().statusCode(200)
                .body("question", equalTo("送餐途中摔伤，算工伤吗？"));
        given().auth().oauth2(staff).queryParam("purpose", "转交律师").get(PATH + "/" + id).then().statusCode(200);
        given().auth().oauth2(staff).get(PATH).then().statusCode(200).body("items.id", hasItem(id));
        given().auth().oauth2(staff).contentType(ContentType.JSON).body("{\"answer\": \"可以申请工伤认定，请保留就医记录。\"}")
                .post(PATH + "/" + id + "/answer").then().statusCode(200).body("answeredByRole", equalTo("union-staff"));

        ask(staff, body.replace("\"STATION\", \"stationId\": \"" + station + "\"", "\"ONLINE\""))
                .then().statusCode(400).body("errors.field", hasItem("channel"));
        ask(staff, body.replace(", \"onBehalfOf\": \"rider-c3\"", "")).then().statusCode(400)
                .body("errors.field", hasItem("onBehalfOf"));
        ask(token("rider-c4", "worker"), body).then().statusCode(400).body("errors.field", hasItem("onBehalfOf"));
    }

    @Test
    void badQuestionsAreNamedAndStoreNothing() throws SQLException {
        String worker = token("rider-c5", "worker");
        long before = count();
        ask(worker, "{\"channel\": \"SESSION\", \"question\": \"问\", \"stationId\": \"" + UUID.randomUUID() + "\"}")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("category")).body("errors.field", hasItem("question"))
                .body("errors.field", hasItem("sessionId")).body("errors.field", hasItem("stationId"));
        ask(worker, "{\"category\": \"DIVORCE\", \"channel\": \"ONLINE\", \"question\": \"离婚财产怎么分？\"}")
                .then().statusCode(400);
        ask(worker, "{\"category\": \"OTHER\", \"channel\": \"SESSION\", \"sessionId\": \"" + UUID.randomUUID()
                + "\", \"question\": \"值班律师在吗？\"}").then().statusCode(400).body("errors.field", hasItem("sessionId"));
        ask(worker, "{\"category\": ").then().statusCode(400).contentType("application/problem+json");
        ask(token("lawyer-c9", "lawyer"), "{\"category\": \"OTHER\", \"channel\": \"ONLINE\", \"question\": \"律师能提问吗？\"}")
                .then().statusCode(403);
        given().auth().oauth2(worker).queryParam("status", "CLOSED").get(PATH + "/mine").then().statusCode(400)
                .body("errors.field", hasItem("status"));
        given().auth().oauth2(token("admin-c3", "union-admin")).queryParam("category", "DIVORCE").get(PATH)
                .then().statusCode(400).body("errors.field", hasItem("category"));
        given().auth().oauth2(token("admin-c3", "union-admin")).contentType(ContentType.JSON).body("{\"answer\": \"\"}")
                .post(PATH + "/" + UUID.randomUUID() + "/answer").then().statusCode(400)
                .body("errors.field", hasItem("answer"));
        assertEquals(before, count());
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyRecordsTheQuestionOnce() throws SQLException {
        String worker = token("rider-c6", "worker");
        String body = "{\"category\": \"SOCIAL_INSURANCE\", \"channel\": \"ONLINE\", \"question\": \"公司没给我交社保怎么办？\"}";
        String key = "ask-" + UUID.randomUUID();
        long before = count();
        String id = given().auth().oauth2(worker).header("Idempotency-Key", key).contentType(ContentType.JSON).body(body)
                .post(PATH).then().statusCode(201).extract().path("id");
        given().auth().oauth2(worker).header("Idempotency-Key", key).contentType(ContentType.JSON).body(body)
                .post(PATH).then().statusCode(200).body("id", equalTo(id));
        given().auth().oauth2(worker).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(body.replace("社保", "医保")).post(PATH).then().statusCode(422);
        given().auth().oauth2(worker).header("Idempotency-Key", "bad key!").contentType(ContentType.JSON).body(body)
                .post(PATH).then().statusCode(400).body("errors.field", hasItem("Idempotency-Key"));
        assertEquals(before + 1, count());
        assertEquals(List.of(), PersonalDataScan.findInDatabase(List.of("rider-c6", "公司没给我交社保怎么办？")));
    }

    private static Response ask(String token, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post(PATH);
    }

    /** Audit rows of the consultation with the action (and actor, when given). */
    private static long audited(String id, String action, String actor) throws SQLException {
        try (Connection c = ServiceDatabase.open(); PreparedStatement ps = c.prepareStatement("select count(*) from"
                + " audit_entry where target_kind = 'CONSULTATION' and target_id = ? and action = ?"
                + (actor == null ? "" : " and actor = ?"))) {
            ps.setString(1, id);
            ps.setString(2, action);
            if (actor != null) {
                ps.setString(3, actor);
            }
            try (ResultSet rows = ps.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static long count() throws SQLException {
        try (Connection c = ServiceDatabase.open(); Statement st = c.createStatement();
             ResultSet rows = st.executeQuery("select count(*) from consultation")) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
