package org.yizhan.checkup.booking;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.yizhan.localstack.testing.ServiceDatabase;
import org.yizhan.localstack.testing.YizhanTestResource;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.yizhan.checkup.booking.BookingFixture.confirm;
import static org.yizhan.checkup.booking.BookingFixture.hold;
import static org.yizhan.checkup.booking.BookingFixture.holdBody;
import static org.yizhan.checkup.booking.BookingFixture.free;
import static org.yizhan.localstack.testing.TestTokens.token;

/** Moving a booked appointment: the old place goes only when the new one is taken, also under contention. */
@QuarkusTest
@WithTestResource(value = YizhanTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "yizhan_checkup"))
class RescheduleTest {

    private static String book(BookingFixture f, String worker, int slot, String riderId) {
        String id = hold(worker, f.slotIds().get(slot), holdBody("COURIER", riderId, "周八", "13300000008"))
                .then().statusCode(201).extract().path("id");
        confirm(worker, id, f.consentVersion(worker)).then().statusCode(200);
        return id;
    }

    private static Response move(String worker, String appointment, String slot) {
        return given().auth().oauth2(worker).contentType(ContentType.JSON).body("{\"slotId\": \"" + slot + "\"}")
                .post("/api/v1/checkups/appointments/" + appointment + "/reschedule");
    }

    @Test
    void aBookedAppointmentMovesAndAFullSlotLeavesItWhereItWas() throws SQLException {
        BookingFixture f = BookingFixture.create(3, 1);
        String mover = token("courier-r1", "worker");
        String id = book(f, mover, 0, "SF-R1");
        book(f, token("courier-r2", "worker"), 2, "SF-R2");

        move(mover, id, f.slotIds().get(1)).then().statusCode(200).body("slotId", equalTo(f.slotIds().get(1)))
                .body("status", equalTo("booked"));
        assertEquals(1, free(f.slotIds().get(0)));
        assertEquals(0, free(f.slotIds().get(1)));

        move(mover, id, f.slotIds().get(2)).then().statusCode(409);
        assertEquals(0, free(f.slotIds().get(1)), "still in its slot");
        assertEquals(0, free(f.slotIds().get(2)));
        move(mover, id, BookingFixture.create(1, 1).slotIds().get(0)).then().statusCode(400)
                .body("errors.field", hasItem("slotId"));
        move(token("courier-r3", "worker"), id, f.slotIds().get(0)).then().statusCode(404);
    }

    @Test
    void underContentionNobodyLosesTheirPlaceWithoutTakingTheNewOne() throws Exception {
        BookingFixture f = BookingFixture.create(2, 20);
        String from = f.slotIds().get(0);
        String to = f.slotIds().get(1);
        f.quota("COURIER", f.siteId(), 40);
        // Fill the target to 15 of 20 so that 5 places are left for 15 movers and 10 newcomers.
        for (int i = 0; i < 15; i++) {
            book(f, token("courier-t" + i, "worker"), 1, "SF-T" + i);
        }
        List<String> movers = new ArrayList<>();
        List<String> moving = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            movers.add(token("courier-m" + i, "worker"));
            moving.add(book(f, movers.get(i), 0, "SF-M" + i));
        }
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Future<?>> calls = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            int n = i;
            calls.add(pool.submit(() -> statuses.computeIfAbsent(move(movers.get(n), moving.get(n), to).statusCode(),
                    k -> new AtomicInteger()).incrementAndGet()));
        }
        for (int i = 0; i < 10; i++) {
            int n = i;
            calls.add(pool.submit(() -> statuses.computeIfAbsent(hold(token("courier-n" + n, "worker"), to,
                    holdBody("COURIER", "SF-N" + n, "吴九", "13300000009")).statusCode(), k -> new AtomicInteger())
                    .incrementAndGet()));
        }
        for (Future<?> call : calls) {
            call.get();
        }
        pool.shutdown();
        assertTrue(statuses.keySet().stream().allMatch(s -> s < 500), "no 5xx: " + statuses);

        try (Connection c = ServiceDatabase.open(); Statement s = c.createStatement()) {
            ResultSet slots = s.executeQuery("select id, booked, held, capacity from slot where campaign_id = '"
                    + f.campaignId() + "' order by starts_at");
            slots.next();
            int leftBehind = slots.getInt(2);
            slots.next();
            assertEquals(20, slots.getInt(2) + slots.getInt(3), "the target is exactly full");
            ResultSet movers2 = s.executeQuery("select count(*), count(distinct person), count(*) filter (where slot_id = '"
                    + from + "') from appointment where campaign_id = '" + f.campaignId()
                    + "' and status = 'booked' and id in ('" + String.join("','", moving) + "')");
            movers2.next();
            assertEquals(15, movers2.getInt(1), "every mover still has a booked appointment");
            assertEquals(15, movers2.getInt(2));
            assertEquals(leftBehind, movers2.getInt(3), "the old slot counts exactly those who stayed");
            ResultSet quota = s.executeQuery("select taken from quota where campaign_id = '" + f.campaignId() + "'");
            quota.next();
            ResultSet live = c.createStatement().executeQuery("select count(*) from appointment where campaign_id = '"
                    + f.campaignId() + "' and status in ('pending', 'booked')");
            live.next();
            assertEquals(live.getInt(1), quota.getInt(1), "the site's quota counts every live appointment once");
        }
    }
}
