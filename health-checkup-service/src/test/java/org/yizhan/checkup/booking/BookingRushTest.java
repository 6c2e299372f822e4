package org.yizhan.checkup.booking;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.yizhan.localstack.testing.ServiceDatabase;
import org.yizhan.localstack.testing.YizhanTestResource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.yizhan.localstack.testing.TestTokens.token;

/**
 * The moment places open: 1,000 workers at once for 100 places over five slots, riders and couriers
 * each with their quota. Each worker holds a place and confirms it, then tries a second slot. Exactly
 * 100 are booked, no slot or quota holds more than its limit, nobody has two, and nobody gets a 5xx.
 */
@QuarkusTest
@WithTestResource(value = YizhanTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "yizhan_checkup"))
class BookingRushTest {

    private static final int WORKERS = 1_000;
    private static final Pattern ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");

    @TestHTTPResource("/")
    URI base;

    @Test
    void aThousandWorkersForAHundredPlacesGetExactlyAHundredBookings() throws Exception {
        BookingFixture f = BookingFixture.create(5, 20);
        // The strictest limit wins: riders 70 places in the campaign, couriers 30 at the site on the day.
        f.quota("FOOD_DELIVERY", null, 70);
        f.quota("COURIER", f.siteId(), 30);
        String version = f.consentVersion(token("rider-rush-0", "worker"));
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(32);
        List<Future<?>> attempts = new ArrayList<>();
        for (int i = 0; i < WORKERS; i++) {
            int n = i;
            attempts.add(pool.submit(() -> {
                String worker = token("rider-rush-" + n, "worker");
                String body = BookingFixture.holdBody(n % 2 == 0 ? "FOOD_DELIVERY" : "COURIER", "MT-RUSH-" + n, "骑手",
                        "139" + String.format("%08d", n));
                HttpResponse<String> held = post(http, worker, "appointments", BookingFixture.withSlot(f.slotIds().get(n % 5), body));
                count(statuses, held.statusCode());
                if (held.statusCode() == 201) {
                    Matcher id = ID.matcher(held.body());
                    assertTrue(id.find());
                    count(statuses, post(http, worker, "appointments/" + id.group(1) + "/confirm",
                            "{\"consentVersion\": \"" + version + "\", \"agree\": true}").statusCode());
                }
                count(statuses, post(http, worker, "appointments", BookingFixture.withSlot(f.slotIds().get((n + 1) % 5), body))
                        .statusCode());
                return null;
            }));
        }
        for (Future<?> attempt : attempts) {
            attempt.get();
        }
        pool.shutdown();

        assertTrue(statuses.keySet().stream().allMatch(s -> s < 500), "no 5xx: " + statuses);
        try (Connection c = ServiceDatabase.open(); Statement s = c.createStatement()) {
            ResultSet slots = s.executeQuery("select sum(booked), sum(held), max(booked + held - capacity) from slot"
                    + " where campaign_id = '" + f.campaignId() + "'");
            slots.next();
            assertEquals(100, slots.getInt(1), "every place booked once");
            assertEquals(0, slots.getInt(2), "no place left held");
            assertTrue(slots.getInt(3) <= 0, "no slot over capacity");
            ResultSet booked = s.executeQuery("select count(*), count(distinct person) from appointment"
                    + " where campaign_id = '" + f.campaignId() + "' and status = 'booked'");
            booked.next();
            assertEquals(100, booked.getInt(1));
            assertEquals(100, booked.getInt(2), "nobody twice");
            ResultSet byOccupation = s.executeQuery("select count(*) filter (where occupation = 'FOOD_DELIVERY'),"
                    + " count(*) filter (where occupation = 'COURIER') from appointment where campaign_id = '"
                    + f.campaignId() + "' and status = 'booked'");
            byOccupation.next();
            assertEquals(70, byOccupation.getInt(1), "riders' quota held");
            assertEquals(30, byOccupation.getInt(2), "couriers' quota held");
            ResultSet quotas = s.executeQuery("select sum(taken), sum(places) from quota where campaign_id = '"
                    + f.campaignId() + "'");
            quotas.next();
            assertEquals(100, quotas.getInt(1), "every booking counted in its quota once");
        }
        assertEquals(100, statuses.get(200).get(), "100 confirmations: " + statuses);
    }

    private HttpResponse<String> post(HttpClient http, String token, String path, String json) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/api/v1/checkups/" + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.ofString(json)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static void count(Map<Integer, AtomicInteger> statuses, int status) {
        statuses.computeIfAbsent(status, k -> new AtomicInteger()).incrementAndGet();
    }
}
