package org.yizhan.system.faults;

import org.yizhan.localstack.run.Stack;
import org.yizhan.system.stack.Http;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What the scenarios write against: stations known to every replica, an open activity, a checkup
 * campaign with a site, and the tokens of the people who act (union admin, a partner department,
 * workers).
 */
final class Fixtures {

    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    static final String PARTNER_ORG = "youth-league";
    static final double LATITUDE = 39.73;
    static final double LONGITUDE = 116.33;

    final Stack stack;
    final Http gateway;
    /** Unique to this run: the stack's data outlives nothing, but names and record ids stay apart. */
    final String run = UUID.randomUUID().toString().substring(0, 6);
    final String admin;
    final String partner;
    final List<String> stations = new ArrayList<>();
    String activity;
    String campaign;
    String site;
    /** A slot with room for the whole load (1000 places). */
    String slot;
    private final AtomicInteger workers = new AtomicInteger();
    private final AtomicInteger slotDays = new AtomicInteger(2);

    Fixtures(Stack stack, Http gateway) {
        this.stack = stack;
        this.gateway = gateway;
        this.admin = stack.keys().mint("fault-admin", List.of("union-admin"), Duration.ofHours(6));
        this.partner = stack.keys().mint("youth-system", List.of("partner"), Duration.ofHours(6), PARTNER_ORG);
    }

    /** A new worker's token, never used before. */
    String worker() {
        return stack.keys().mint("fault-worker-" + run + "-" + workers.incrementAndGet(), List.of("worker"),
                Duration.ofHours(6));
    }

    /** Creates the stations, the activity and the checkup campaign, and waits for the replicas to know the stations. */
    void create(int stationCount) {
        for (int i = 0; i < stationCount; i++) {
            Http.Answer created = gateway.post("/api/v1/stations", admin, stationBody("故障演练驿站 " + run + "-" + i, i));
            assertEquals(201, created.status(), created.body());
            stations.add(created.field("/id"));
        }
        for (String station : stations) {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() ->
                    gateway.get("/api/v1/activities/venues/" + station, admin).status() == 200);
        }
        activity = publishedActivity(stations.get(0), 1000);

        Instant now = Instant.now();
        LocalDate day = LocalDate.now(BEIJING).plusDays(1);
        Http.Answer campaignAnswer = gateway.post("/api/v1/checkups/campaigns", admin, """
                {"name":"故障演练体检 %s","year":%d,"organiser":"大兴区总工会",
                 "packages":[{"occupation":"FOOD_DELIVERY","items":["BASIC"]}],"clinics":["daxing-district-hospital"],
                 "bookingOpensAt":"%s","bookingClosesAt":"%s"}""".formatted(run, day.getYear(),
                now.minusSeconds(3600), now.plus(Duration.ofDays(30))));
        assertEquals(201, campaignAnswer.status(), campaignAnswer.body());
        campaign = campaignAnswer.field("/id");
        assertEquals(200, gateway.post("/api/v1/checkups/campaigns/" + campaign + "/publish", admin, "").status());
        String siteBody = "{\"kind\":\"STATION\",\"stationId\":\"" + stations.get(0)
                + "\",\"clinic\":\"daxing-district-hospital\"}";
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() ->
                gateway.post("/api/v1/checkups/campaigns/" + campaign + "/sites", admin, siteBody).status() == 201);
        site = gateway.get("/api/v1/checkups/campaigns/" + campaign + "/sites", admin).field("/items/0/id");
        slot = checkupSlot(1000);
    }

    /** A new slot (on a day of its own, so that days never clash) with {@code capacity} places. */
    String checkupSlot(int capacity) {
        LocalDate day = LocalDate.now(BEIJING).plusDays(slotDays.getAndIncrement());
        Http.Answer answer = gateway.put("/api/v1/checkups/campaigns/" + campaign + "/sites/" + site + "/days", admin,
                "{\"day\":\"%s\",\"from\":\"09:00\",\"to\":\"09:30\",\"minutes\":30,\"capacity\":%d}".formatted(day, capacity),
                Map.of());
        assertEquals(200, answer.status(), answer.body());
        return answer.field("/items/0/id");
    }

    /** A published activity at the station, two days ahead, with {@code capacity} places. */
    String publishedActivity(String station, int capacity) {
        Instant start = Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        Http.Answer planned = gateway.post("/api/v1/activities", partner, activityBody(station, start, capacity));
        assertEquals(201, planned.status(), planned.body());
        String id = planned.field("/id");
        Http.Answer published = gateway.post("/api/v1/activities/" + id + "/publish", partner, "");
        assertEquals(200, published.status(), published.body());
        return id;
    }

    static String activityBody(String station, Instant start, int capacity) {
        return """
                {"type":"HAIRCUT","title":"爱心义剪","stationId":"%s","startsAt":"%s","endsAt":"%s","capacity":%d}"""
                .formatted(station, start, start.plusSeconds(3600), capacity);
    }

    /** The body of a station registration or update: {@code i} spreads the stations around Huangcun. */
    static String stationBody(String name, int i) {
        return String.format(Locale.ROOT, """
                {"name":"%s","hostType":"PARK","address":"北京市大兴区黄村镇 %d 号","district":"大兴区",
                 "location":{"latitude":%.5f,"longitude":%.5f}}""", name, i,
                LATITUDE + (i % 10) * 0.001, LONGITUDE + (i % 7) * 0.001);
    }

    /** A worker's hold of a place at {@code slot}; rider id and phone unique to {@code n}. */
    static String holdBody(String slot, String run, int n) {
        return """
                {"slotId":"%s","occupation":"FOOD_DELIVERY","platform":"meituan","riderId":"FT-%s-%d","name":"测试骑手",
                 "phone":"139%08d"}""".formatted(slot, run, n, n);
    }
}
