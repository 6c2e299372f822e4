package org.yizhan.legalaid.openapi;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.yizhan.kit.events.CloudEventCodec;
import org.yizhan.kit.replica.StationReplica;
import org.yizhan.legalaid.LegalAidFixture;
import org.yizhan.localstack.testing.HostileRequests;
import org.yizhan.localstack.testing.ServiceDatabase;
import org.yizhan.localstack.testing.YizhanTestResource;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.yizhan.localstack.testing.TestTokens.token;

/**
 * Hostile variants of every operation of the service's OpenAPI document, by a union admin, union
 * staff, a registered lawyer and a worker: never a 5xx, a stack trace or an undeclared status, and
 * no record is created or changed (the audit log grows by the reads and refusals, which it must).
 */
@QuarkusTest
@WithTestResource(value = YizhanTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "yizhan_legal_aid"))
class HostileRequestsTest {

    @Inject
    StationReplica replica;

    @Inject
    CloudEventCodec codec;

    @Test
    void noRequestShapeIsAnsweredWithA5xxOrAStackTraceAndNoneChangesAnything() throws SQLException {
        UUID station = LegalAidFixture.station(replica, codec, 39.7268, 116.3411);
        String lawyer = LegalAidFixture.lawyer("lawyer-h1", "韩明");
        LegalAidFixture.session(station, lawyer, 3, 2);
        String rider = token("rider-h1", "worker");
        String consultation = given().auth().oauth2(rider).contentType(ContentType.JSON)
                .body("{\"category\": \"WAGE_ARREARS\", \"channel\": \"ONLINE\", \"question\": \"平台拖欠我两个月工资怎么办\"}")
                .post("/api/v1/legal-aid/consultations").then().statusCode(201).extract().path("id");
        String application = given().auth().oauth2(rider).contentType(ContentType.JSON)
                .body("{\"category\": \"WAGE_ARREARS\", \"opposingPartyName\": \"北京恒远配送有限公司\","
                        + " \"facts\": \"二〇二六年九月至十月工资未发\", \"amountClaimedFen\": 500000}")
                .post("/api/v1/legal-aid/applications").then().statusCode(201).extract().path("id");
        String before = counts();

        HostileRequests.Result result = new HostileRequests(
                // A worker with nothing of their own: a request with merely odd headers may be a valid one (asking,
                // booking a slot), and must then not touch what the first worker has.
                List.of(LegalAidFixture.ADMIN, token("staff-h1", "union-staff"), token("lawyer-h1", "lawyer"),
                        token("rider-h2", "worker")),
                Map.of("id", application)).sendAll();

        assertTrue(result.operations() >= 25, "operations: " + result.operations());
        assertTrue(result.requests() > 1_500, "requests: " + result.requests());
        assertEquals(List.of(), result.failures());
        assertEquals(List.of(), result.acceptedWrites(), "no hostile write is accepted");
        assertEquals(before, counts(), "hostile requests changed nothing (consultation " + consultation + ")");
    }

    /** Rows of every table a request could add to (the audit log aside), and the states of what exists. */
    private static String counts() throws SQLException {
        try (Connection c = ServiceDatabase.open(); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("select concat_ws('/', (select count(*) from lawyer),"
                     + " (select count(*) from duty_session), (select count(*) from session_booking),"
                     + " (select coalesce(sum(booked), 0) from session_slot),"
                     + " (select count(*) from consultation), (select count(*) from application),"
                     + " (select count(*) from application_supplement), (select count(*) from case_lawyer),"
                     + " (select count(*) from case_amount), (select count(*) from outbox_message),"
                     + " (select count(*) from idempotency_key), (select count(*) from application_worker),"
                     + " (select count(*) from case_stage), (select count(*) from relief_application),"
                     + " (select count(*) from relief_payment),"
                     + " (select string_agg(status || ':' || version, ',' order by id) from application),"
                     + " (select string_agg(status, ',' order by id) from consultation),"
                     + " (select string_agg(status, ',' order by id) from session_booking),"
                     + " (select string_agg(status, ',' order by id) from relief_application))")) {
            rows.next();
            return rows.getString(1);
        }
    }
}
