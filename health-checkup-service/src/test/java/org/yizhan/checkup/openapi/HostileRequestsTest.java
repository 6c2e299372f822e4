package org.yizhan.checkup.openapi;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.yizhan.checkup.booking.BookingFixture;
import org.yizhan.localstack.testing.HostileRequests;
import org.yizhan.localstack.testing.ServiceDatabase;
import org.yizhan.localstack.testing.YizhanTestResource;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.yizhan.checkup.booking.BookingFixture.HOSPITAL;
import static org.yizhan.checkup.booking.BookingFixture.holdBody;
import static org.yizhan.localstack.testing.TestTokens.clinicToken;
import static org.yizhan.localstack.testing.TestTokens.token;

/**
 * Hostile variants of every operation of the service's OpenAPI document, by a union admin, a worker
 * and the clinic: never a 5xx, a stack trace or an undeclared status, and nothing is created and no
 * place or booking of the campaign changes.
 */
@QuarkusTest
@WithTestResource(value = YizhanTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "yizhan_checkup"))
class HostileRequestsTest {

    @Test
    void noRequestShapeIsAnsweredWithA5xxOrAStackTraceAndNoneChangesAnything() throws SQLException {
        BookingFixture f = BookingFixture.create(2, 5);
        String worker = token("rider-h1", "worker");
        String appointment = f.book(worker, f.slotIds().get(0), holdBody("COURIER", "SF-H1", "黄一", "13000000001"));
        String before = counts(f.campaignId());
        HostileRequests.Result result = new HostileRequests(
                // A worker without appointments: a request with merely odd headers may be a valid one (withdrawing
                // consent, say), and must then not change what the booked worker has.
                List.of(BookingFixture.ADMIN, token("rider-h2", "worker"), clinicToken("nurse-h", HOSPITAL)),
                Map.of("id", f.campaignId(), "siteId", f.siteId())).sendAll();
        assertTrue(result.operations() >= 20, "operations: " + result.operations());
        assertTrue(result.requests() > 1_000, "requests: " + result.requests());
        assertEquals(List.of(), result.failures());
        assertEquals(before, counts(f.campaignId()), "hostile requests changed nothing (appointment " + appointment + ")");
    }

    /**
     * Rows of every table a request could add to, and the places and appointment states of the
     * campaign (other tests' holds may expire meanwhile elsewhere).
     */
    private static String counts(String campaign) throws SQLException {
        String c1 = "'" + java.util.UUID.fromString(campaign) + "'";
        try (Connection c = ServiceDatabase.open(); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("select (select count(*) from campaign) || '/' || (select count(*) from site)"
                     + " || '/' || (select count(*) from slot) || '/' || (select count(*) from appointment)"
                     + " || '/' || (select count(*) from quota) || '/' || (select count(*) from person_standing)"
                     + " || '/' || (select coalesce(sum(booked + held), 0) from slot where campaign_id = " + c1 + ")"
                     + " || '/' || (select string_agg(status, ',' order by id) from appointment where campaign_id = "
                     + c1 + ")")) {
            rows.next();
            return rows.getString(1);
        }
    }
}
