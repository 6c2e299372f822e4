package org.yizhan.checkup.retention;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.yizhan.checkup.booking.BookingFixture;
import org.yizhan.checkup.service.retention.PersonalDataRetention;
import org.yizhan.kit.time.AppClock;
import org.yizhan.localstack.testing.ServiceDatabase;
import org.yizhan.localstack.testing.YizhanTestResource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.yizhan.checkup.booking.BookingFixture.holdBody;
import static org.yizhan.localstack.testing.TestTokens.token;

/** The personal data of a campaign is erased a retention period after it is over, on real PostgreSQL. */
@QuarkusTest
@WithTestResource(value = YizhanTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "yizhan_checkup"))
class RetentionTest {

    @Inject
    AppClock clock;

    @Inject
    PersonalDataRetention retention;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aCampaignOverForLongerThanTheRetentionPeriodKeepsItsFiguresButNoPersonalData() throws SQLException {
        BookingFixture over = BookingFixture.create(1, 5, Instant.now().plus(Duration.ofDays(8)).toString());
        BookingFixture running = BookingFixture.create(1, 5);
        String worker = token("rider-t1", "worker");
        String erased = over.book(worker, over.slotIds().get(0), holdBody("COURIER", "SF-T1", "褚一", "13100000001"));
        String kept = running.book(worker, running.slotIds().get(0), holdBody("COURIER", "SF-T1", "褚一", "13100000001"));
        String personBefore = column(kept, "person");

        clock.shift(Duration.ofDays(8 + 170));
        assertFalse(retention.eraseDue().contains(UUID.fromString(over.campaignId())), "not before the retention period");
        clock.shift(Duration.ofDays(8 + 181));
        List<UUID> campaigns = retention.eraseDue();
        assertTrue(campaigns.contains(UUID.fromString(over.campaignId())), "erased: " + campaigns);
        assertFalse(campaigns.contains(UUID.fromString(running.campaignId())));
        assertEquals(List.of(), retention.eraseDue(), "once");

        assertEquals("-", column(erased, "name_enc"));
        assertEquals("-", column(erased, "phone_enc"));
        assertTrue(column(erased, "person").startsWith("erased:"));
        assertTrue(column(erased, "proof").startsWith("erased:"));
        assertEquals("booked", column(erased, "status"), "what the figures count stays");
        assertEquals(personBefore, column(kept, "person"), "a running campaign keeps its data");
        assertTrue(column(kept, "name_enc").length() > 10);
        clock.reset();
        given().auth().oauth2(worker).get("/api/v1/checkups/appointments/mine").then().statusCode(200)
                .body("items.id", hasItem(kept)).body("items.id", not(hasItem(erased)));
    }

    private static String column(String appointmentId, String column) throws SQLException {
        try (Connection c = ServiceDatabase.open(); PreparedStatement s = c.prepareStatement(
                "select " + column + " from appointment where id = ?::uuid")) {
            s.setString(1, appointmentId);
            try (ResultSet rows = s.executeQuery()) {
                assertTrue(rows.next());
                return rows.getString(1);
            }
        }
    }
}
