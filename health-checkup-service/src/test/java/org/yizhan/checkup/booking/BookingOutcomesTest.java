package org.yizhan.checkup.booking;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.yizhan.localstack.testing.YizhanTestResource;

import java.sql.SQLException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.yizhan.checkup.booking.BookingFixture.confirm;
import static org.yizhan.checkup.booking.BookingFixture.hold;
import static org.yizhan.checkup.booking.BookingFixture.holdBody;
import static org.yizhan.localstack.testing.TestTokens.token;

/** Holds and confirmations are counted by outcome (yizhan_checkup_holds_total, ..._confirmations_total). */
@QuarkusTest
@WithTestResource(value = YizhanTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "yizhan_checkup"))
class BookingOutcomesTest {

    @Inject
    MeterRegistry registry;

    @Test
    void holdsAndConfirmationsCountTheirOutcomes() throws SQLException {
        BookingFixture f = BookingFixture.create(2, 5);
        String worker = token("rider-m1", "worker");
        double pending = count("yizhan.checkup.holds", "pending");
        double conflict = count("yizhan.checkup.holds", "refused_conflict");
        double booked = count("yizhan.checkup.confirmations", "booked");
        double notFound = count("yizhan.checkup.confirmations", "refused_not_found");

        String id = hold(worker, f.slotIds().get(0), holdBody("COURIER", "SF-M1", "赵六", "13700000011"))
                .then().statusCode(201).extract().path("id");
        // A second appointment in the same campaign is refused.
        hold(worker, f.slotIds().get(1), holdBody("COURIER", "SF-M1", "赵六", "13700000011")).then().statusCode(409);
        confirm(token("rider-m2", "worker"), id, f.consentVersion(worker)).then().statusCode(404);
        confirm(worker, id, f.consentVersion(worker)).then().statusCode(200);

        assertEquals(pending + 1, count("yizhan.checkup.holds", "pending"));
        assertEquals(conflict + 1, count("yizhan.checkup.holds", "refused_conflict"));
        assertEquals(notFound + 1, count("yizhan.checkup.confirmations", "refused_not_found"));
        assertEquals(booked + 1, count("yizhan.checkup.confirmations", "booked"));
    }

    private double count(String name, String outcome) {
        Counter counter = registry.find(name).tag("outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }
}
