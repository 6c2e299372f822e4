package org.yizhan.system.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.Test;
import org.yizhan.localstack.run.DemoData;
import org.yizhan.localstack.run.Stack;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The packaged services, each in its own JVM, behind the packaged gateway, on real PostgreSQL and
 * Kafka: what {@code ./yizhan up} runs, on free ports and throw-away databases.
 */
@ExtendWith(SharedStack.class)
class StackThroughGatewayTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final java.time.ZoneId BEIJING = java.time.ZoneId.of("Asia/Shanghai");

    static Stack stack;
    static String admin;

    @BeforeAll
    static void up() throws Exception {
        stack = SharedStack.get();
        admin = stack.keys().mint("admin-1", "union-admin");
    }


    @Test
    void aStationRegisteredThroughTheGatewayReachesTheServicesReplica() throws Exception {
        String name = "系统测试驿站 " + UUID.randomUUID();
        HttpResponse<String> created = post("/api/v1/stations", admin, """
                {"name":"%s","hostType":"PARK","address":"北京市大兴区黄村镇",
                 "location":{"latitude":39.73,"longitude":116.33}}""".formatted(name));
        assertEquals(201, created.statusCode(), created.body());
        String id = JSON.readTree(created.body()).get("id").asText();
        Instant registered = Instant.now();

        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(50)).until(() ->
                get("/api/v1/activities/venues/" + id, admin).statusCode() == 200);
        System.out.println("station.registered reached the replica after "
                + Duration.between(registered, Instant.now()).toMillis() + " ms");

        JsonNode venue = JSON.readTree(get("/api/v1/activities/venues/" + id, admin).body());
        assertEquals(name, venue.get("name").asText());
        assertEquals("PARK", venue.get("hostType").asText());

        // Public read, no token.
        HttpResponse<String> station = get("/api/v1/stations/" + id, null);
        assertEquals(200, station.statusCode());
        assertEquals(name, JSON.readTree(station.body()).get("name").asText());
    }

    @Test
    void theEventOnTheTopicIsACloudEventThatAPlainKafkaClientReads() throws Exception {
        HttpResponse<String> created = post("/api/v1/stations", admin, """
                {"name":"读事件驿站","hostType":"SUPERMARKET","address":"北京市大兴区",
                 "location":{"latitude":39.74,"longitude":116.34}}""");
        assertEquals(201, created.statusCode(), created.body());
        String id = JSON.readTree(created.body()).get("id").asText();

        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrap(),
                ConsumerConfig.GROUP_ID_CONFIG, "system-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        JsonNode event = null;
        try (KafkaConsumer<String, String> consumer =
                     new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("yizhan.station.v1"));
            Instant deadline = Instant.now().plusSeconds(30);
            while (event == null && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (id.equals(record.key())) {
                        event = JSON.readTree(record.value());
                    }
                }
            }
        }
        assertTrue(event != null, "no event for station " + id);
        assertEquals("1.0", event.get("specversion").asText());
        assertEquals("station.registered", event.get("type").asText());
        assertEquals("/yizhan/station-service", event.get("source").asText());
        assertEquals(id, event.at("/data/stationId").asText());
    }

    @Test
    void theGatewayAndTheServicesAnswerProblemsForBadRequests() throws Exception {
        HttpResponse<String> noToken = post("/api/v1/stations", null, "{}");
        assertEquals(401, noToken.statusCode());
        assertEquals("application/problem+json", noToken.headers().firstValue("content-type").orElse(""));

        HttpResponse<String> worker = post("/api/v1/stations", stack.keys().mint("rider-1", "worker"), """
                {"name":"x","hostType":"PARK","address":"y","location":{"latitude":1,"longitude":2}}""");
        assertEquals(403, worker.statusCode(), worker.body());

        HttpResponse<String> invalid = post("/api/v1/stations", admin, "{\"hostType\":\"SPACESHIP\"}");
        assertEquals(400, invalid.statusCode());
        JsonNode problem = JSON.readTree(invalid.body());
        assertEquals("urn:yizhan:problem:validation", problem.get("type").asText());
        assertEquals("hostType", problem.at("/errors/0/field").asText());
    }

    @Test
    void aWorkerChecksInWithTheStationsRotatingCode() throws Exception {
        HttpResponse<String> created = post("/api/v1/stations", admin, """
                {"name":"扫码驿站","hostType":"PARK","address":"北京市大兴区",
                 "location":{"latitude":39.75,"longitude":116.35}}""");
        String id = JSON.readTree(created.body()).get("id").asText();
        HttpResponse<String> code = get("/api/v1/stations/" + id + "/visit-code", admin);
        assertEquals(200, code.statusCode(), code.body());
        String worker = stack.keys().mint("rider-" + UUID.randomUUID(), "worker");
        HttpResponse<String> visit = post("/api/v1/stations/" + id + "/visits", worker,
                "{\"code\":\"" + JSON.readTree(code.body()).get("code").asText() + "\",\"occupation\":\"FOOD_DELIVERY\"}");
        assertEquals(201, visit.statusCode(), visit.body());
        assertTrue(JSON.readTree(visit.body()).get("counted").asBoolean());
    }

    /**
     * The whole activity flow through the gateway: a partner plans an activity at a new station
     * with a co-organiser, which accepts the invitation, a worker registers and checks in with a one-time pass, the partner completes it, and
     * station-service counts it among the station's activities for the awards.
     */
    @Test
    void anActivityHeldAtAStationCountsForTheStationsAward() throws Exception {
        HttpResponse<String> created = post("/api/v1/stations", admin, """
                {"name":"活动驿站","hostType":"COMMUNITY_CENTRE","address":"北京市大兴区",
                 "location":{"latitude":39.76,"longitude":116.36}}""");
        assertEquals(201, created.statusCode(), created.body());
        String station = JSON.readTree(created.body()).get("id").asText();
        await().atMost(Duration.ofSeconds(15)).until(() ->
                get("/api/v1/activities/venues/" + station, admin).statusCode() == 200);

        String partner = stack.keys().mint("youth-system", List.of("partner"), Duration.ofHours(1), "youth-league");
        Instant start = Instant.now().plusSeconds(4).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        HttpResponse<String> planned = post("/api/v1/activities", partner, """
                {"type":"HAIRCUT","title":"爱心义剪","stationId":"%s","startsAt":"%s","endsAt":"%s","capacity":10,
                 "organisers":["womens-federation"]}""".formatted(station, start, start.plusSeconds(3600)));
        assertEquals(201, planned.statusCode(), planned.body());
        String activity = JSON.readTree(planned.body()).get("id").asText();
        // The named co-organiser is invited until it accepts (ADR 0014).
        String women = stack.keys().mint("women-system", List.of("partner"), Duration.ofHours(1), "womens-federation");
        HttpResponse<String> accepted = post("/api/v1/activities/" + activity + "/invitations/accept", women, "");
        assertEquals(200, accepted.statusCode(), accepted.body());
        assertEquals(200, post("/api/v1/activities/" + activity + "/publish", partner, "").statusCode());

        String worker = stack.keys().mint("rider-" + UUID.randomUUID(), "worker");
        HttpResponse<String> registered = post("/api/v1/activities/" + activity + "/registrations", worker,
                "{\"occupation\":\"FOOD_DELIVERY\"}");
        assertEquals(201, registered.statusCode(), registered.body());
        assertEquals("REGISTERED", JSON.readTree(registered.body()).get("status").asText());
        HttpResponse<String> pass = post("/api/v1/activities/" + activity + "/check-in-pass", worker, "");
        assertEquals(200, pass.statusCode(), pass.body());

        await().atMost(Duration.ofSeconds(10)).until(() -> Instant.now().isAfter(start.plusSeconds(1)));
        HttpResponse<String> checkIns = post("/api/v1/activities/" + activity + "/check-ins", partner, """
                {"checkIns":[{"pass":"%s","scannedAt":"%s"}]}""".formatted(
                JSON.readTree(pass.body()).get("pass").asText(), Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS)));
        assertEquals(200, checkIns.statusCode(), checkIns.body());
        assertEquals("COUNTED", JSON.readTree(checkIns.body()).at("/results/0/result").asText());
        HttpResponse<String> completed = post("/api/v1/activities/" + activity + "/complete", partner, "");
        assertEquals(200, completed.statusCode(), completed.body());

        // station-service consumed activity.completed: the station hosted one activity this year.
        int year = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).getYear();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode score = JSON.readTree(get("/api/v1/stations/" + station + "/score?year=" + year, admin).body());
            JsonNode activities = null;
            for (JsonNode line : score.get("criteria")) {
                if (line.get("criterion").asText().equals("ACTIVITIES")) {
                    activities = line;
                }
            }
            assertTrue(activities != null, score.toString());
            assertEquals(1, activities.at("/inputs/completedActivities").asInt(), activities.toString());
        });

        // The union's figures count it once, for both organisers.
        HttpResponse<String> figures = get("/api/v1/activities/figures?year=" + year + "&groupBy=partner&stationId="
                + station, admin);
        assertEquals(200, figures.statusCode(), figures.body());
        JsonNode total = JSON.readTree(figures.body()).get("total");
        assertEquals(1, total.get("activities").asInt());
        assertEquals(1, total.get("personTimes").asInt());
        assertEquals(2, JSON.readTree(figures.body()).get("rows").size());
    }

    /**
     * A checkup day at a station through the gateway: the station reaches health-checkup-service's
     * replica, a worker books, the 48-hour reminder is sent once even though the service is killed
     * and started again, and the clinic's scan reaches the service.
     */
    @Test
    void aCheckupBookedAtAStationIsRemindedOnceAcrossAKill() throws Exception {
        HttpResponse<String> created = post("/api/v1/stations", admin, """
                {"name":"体检驿站","hostType":"COMMUNITY_CENTRE","address":"北京市大兴区",
                 "location":{"latitude":39.77,"longitude":116.37}}""");
        String station = JSON.readTree(created.body()).get("id").asText();
        Instant now = Instant.now();
        HttpResponse<String> campaign = post("/api/v1/checkups/campaigns", admin, """
                {"name":"系统测试体检","year":%d,"organiser":"大兴区总工会",
                 "packages":[{"occupation":"FOOD_DELIVERY","items":["BASIC"]}],"clinics":["daxing-district-hospital"],
                 "bookingOpensAt":"%s","bookingClosesAt":"%s"}""".formatted(
                java.time.LocalDate.now(BEIJING).getYear(), now.minusSeconds(3600), now.plus(Duration.ofDays(30))));
        assertEquals(201, campaign.statusCode(), campaign.body());
        String campaignId = JSON.readTree(campaign.body()).get("id").asText();
        assertEquals(200, post("/api/v1/checkups/campaigns/" + campaignId + "/publish", admin, "").statusCode());
        String siteBody = "{\"kind\":\"STATION\",\"stationId\":\"" + station
                + "\",\"clinic\":\"daxing-district-hospital\"}";
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).until(() ->
                post("/api/v1/checkups/campaigns/" + campaignId + "/sites", admin, siteBody).statusCode() == 201);
        String site = JSON.readTree(get("/api/v1/checkups/campaigns/" + campaignId + "/sites", admin).body())
                .at("/items/0/id").asText();

        // One slot about three hours from now: the 48-hour reminder is due at once, the 2-hour one not yet.
        java.time.ZonedDateTime start = now.plus(Duration.ofHours(3)).atZone(BEIJING)
                .truncatedTo(java.time.temporal.ChronoUnit.HOURS);
        while (start.getHour() >= 23 || start.getHour() < 1) {
            start = start.plusHours(1);
        }
        HttpResponse<String> day = put("/api/v1/checkups/campaigns/" + campaignId + "/sites/" + site + "/days", admin,
                "{\"day\":\"%s\",\"from\":\"%s\",\"to\":\"%s\",\"minutes\":30,\"capacity\":2}".formatted(
                        start.toLocalDate(), start.toLocalTime(), start.toLocalTime().plusMinutes(30)));
        assertEquals(200, day.statusCode(), day.body());
        String slot = JSON.readTree(day.body()).at("/items/0/id").asText();

        String worker = stack.keys().mint("rider-" + UUID.randomUUID(), "worker");
        HttpResponse<String> held = post("/api/v1/checkups/appointments", worker, """
                {"slotId":"%s","occupation":"FOOD_DELIVERY","platform":"meituan","riderId":"MT-%s","name":"韩梅梅",
                 "phone":"13912340000"}""".formatted(slot, UUID.randomUUID().toString().substring(0, 8)));
        assertEquals(201, held.statusCode(), held.body());
        String appointment = JSON.readTree(held.body()).get("id").asText();
        String version = JSON.readTree(get("/api/v1/checkups/campaigns/" + campaignId + "/consent", worker).body())
                .get("version").asText();
        HttpResponse<String> booked = post("/api/v1/checkups/appointments/" + appointment + "/confirm", worker,
                "{\"consentVersion\":\"" + version + "\",\"agree\":true}");
        assertEquals(200, booked.statusCode(), booked.body());

        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrap(),
                ConsumerConfig.GROUP_ID_CONFIG, "system-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("yizhan.checkup.v1"));
            List<String> reminders = new java.util.ArrayList<>();
            Instant deadline = Instant.now().plusSeconds(60);
            while (reminders.isEmpty() && Instant.now().isBefore(deadline)) {
                reminders.addAll(remindersOf(consumer, appointment));
            }
            assertEquals(1, reminders.size(), "the 48-hour reminder");
            assertTrue(reminders.get(0).contains("\"lead\":\"PT48H\""), reminders.get(0));
            assertTrue(!reminders.get(0).contains("韩梅梅") && !reminders.get(0).contains("13912340000"));

            stack.restart("health-checkup-service", true);
            // The job runs 20 s after the start and then every few seconds: give it several runs.
            deadline = Instant.now().plusSeconds(40);
            while (Instant.now().isBefore(deadline)) {
                reminders.addAll(remindersOf(consumer, appointment));
            }
            // One reminder: one event id. Kafka delivery is at least once (a relay killed after sending and
            // before marking the row sent sends it again), and consumers drop the repeat by its id (inbox).
            java.util.Set<String> ids = new java.util.HashSet<>();
            for (String reminder : reminders) {
                ids.add(JSON.readTree(reminder).get("id").asText());
            }
            assertEquals(1, ids.size(), "no second reminder after the restart: " + reminders);
            System.out.println("48-hour reminder: 1 event, delivered " + reminders.size() + " time(s) across the kill");
        }

        // The clinic's device reaches the service through the gateway with its org claim; a pass scanned
        // now, hours before the slot, is refused (redemption itself: health-checkup-service's OnSiteTest).
        String pass = JSON.readTree(get("/api/v1/checkups/appointments/" + appointment + "/pass", worker).body())
                .get("token").asText();
        String clinic = stack.keys().mint("nurse-1", List.of("clinic"), Duration.ofHours(1), "daxing-district-hospital");
        HttpResponse<String> scanned = post("/api/v1/checkups/clinic/scans", clinic,
                "{\"scans\":[{\"pass\":\"" + pass + "\",\"scannedAt\":\"" + Instant.now() + "\"}]}");
        assertEquals(200, scanned.statusCode(), scanned.body());
        assertEquals("OUTSIDE_WINDOW", JSON.readTree(scanned.body()).at("/outcomes/0/reason").asText(), scanned.body());
        assertEquals(403, post("/api/v1/checkups/clinic/scans", worker, "{\"scans\":[]}").statusCode());
    }

    private static List<String> remindersOf(KafkaConsumer<String, String> consumer, String appointment) {
        List<String> found = new java.util.ArrayList<>();
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
            if (record.value().contains("appointment.reminder_due") && record.value().contains(appointment)) {
                found.add(record.value());
            }
        }
        return found;
    }

    @Test
    void aRiderMeetsALawyerOnDutyAndTheCaseIsSeenOnlyByThoseOnIt() throws Exception {
        HttpResponse<String> created = post("/api/v1/stations", admin, """
                {"name":"法律服务驿站","hostType":"COMMUNITY_CENTRE","address":"北京市大兴区西红门镇",
                 "location":{"latitude":39.79,"longitude":116.33}}""");
        String station = JSON.readTree(created.body()).get("id").asText();
        String lawyerSubject = "lawyer-" + UUID.randomUUID();
        HttpResponse<String> lawyer = post("/api/v1/legal-aid/lawyers", admin, """
                {"name":"周律师","licenceNumber":"%017d","firm":"北京市大兴区法律援助中心","subject":"%s"}"""
                .formatted(Math.abs(UUID.randomUUID().getLeastSignificantBits()) % 100_000_000_000_000_000L, lawyerSubject));
        assertEquals(201, lawyer.statusCode(), lawyer.body());
        String lawyerId = JSON.readTree(lawyer.body()).get("id").asText();
        Instant start = Instant.now().plus(Duration.ofDays(3)).truncatedTo(java.time.temporal.ChronoUnit.HOURS);
        String plan = """
                {"stationId":"%s","lawyerId":"%s","startsAt":"%s","endsAt":"%s","slotMinutes":20}"""
                .formatted(station, lawyerId, start, start.plus(Duration.ofHours(1)));
        // The session waits for station.registered to reach legal-aid-service's replica.
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).until(() ->
                post("/api/v1/legal-aid/sessions", admin, plan).statusCode() == 201);

        String rider = stack.keys().mint("rider-" + UUID.randomUUID(), "worker");
        JsonNode near = JSON.readTree(get("/api/v1/legal-aid/sessions?lat=39.79&lon=116.33&radiusKm=1", rider).body());
        JsonNode session = null;
        for (JsonNode item : near.get("items")) {
            if (station.equals(item.get("stationId").asText())) {
                session = item;
            }
        }
        assertTrue(session != null, "the session near the rider: " + near);
        String sessionId = session.get("id").asText();
        String slot = JSON.readTree(get("/api/v1/legal-aid/sessions/" + sessionId, rider).body()).at("/slots/0/id").asText();
        HttpResponse<String> booked = post("/api/v1/legal-aid/sessions/" + sessionId + "/bookings", rider,
                "{\"slotId\":\"" + slot + "\"}");
        assertEquals(201, booked.statusCode(), booked.body());

        String question = "快递公司拖欠我三个月工资 " + UUID.randomUUID();
        HttpResponse<String> asked = post("/api/v1/legal-aid/consultations", rider,
                "{\"category\":\"WAGE_ARREARS\",\"channel\":\"ONLINE\",\"question\":\"" + question + "\"}");
        assertEquals(201, asked.statusCode(), asked.body());
        String consultation = JSON.readTree(asked.body()).get("id").asText();
        String onDuty = stack.keys().mint(lawyerSubject, "lawyer");
        assertEquals(200, post("/api/v1/legal-aid/consultations/" + consultation + "/answer", onDuty,
                "{\"answer\":\"可申请劳动仲裁，法律援助免费代理。\"}").statusCode());

        HttpResponse<String> applied = post("/api/v1/legal-aid/applications", rider,
                "{\"consultationId\":\"" + consultation + "\",\"opposingPartyName\":\"北京迅达同城配送有限公司\","
                        + "\"amountClaimedFen\":1290000}");
        assertEquals(201, applied.statusCode(), applied.body());
        String application = JSON.readTree(applied.body()).get("id").asText();
        assertEquals(200, post("/api/v1/legal-aid/applications/" + application + "/conflict-decision", admin,
                "{\"decision\":\"NO_CONFLICT\",\"note\":\"无冲突\"}").statusCode());
        HttpResponse<String> accepted = post("/api/v1/legal-aid/applications/" + application + "/decision", admin,
                "{\"outcome\":\"ACCEPT\"}");
        assertEquals(200, accepted.statusCode(), accepted.body());

        // Confidential: a registered lawyer not on the case gets 403, and the attempt is in the audit log.
        String otherSubject = "lawyer-" + UUID.randomUUID();
        assertEquals(201, post("/api/v1/legal-aid/lawyers", admin, """
                {"name":"吴律师","licenceNumber":"%017d","firm":"北京市大兴区法律援助中心","subject":"%s"}"""
                .formatted(Math.abs(UUID.randomUUID().getMostSignificantBits()) % 100_000_000_000_000_000L, otherSubject))
                .statusCode());
        HttpResponse<String> refused = get("/api/v1/legal-aid/applications/" + application + "?purpose=check",
                stack.keys().mint(otherSubject, "lawyer"));
        assertEquals(403, refused.statusCode(), refused.body());
        assertTrue(refused.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        JsonNode audit = JSON.readTree(get("/api/v1/legal-aid/audit?targetKind=APPLICATION&targetId=" + application,
                admin).body());
        List<String> actions = new java.util.ArrayList<>();
        audit.get("items").forEach(entry -> actions.add(entry.get("action").asText() + ":" + entry.get("actor").asText()));
        assertTrue(actions.contains("DENIED:" + otherSubject), actions.toString());

        // The events say what happened, never who or what was said.
        List<String> events = eventsOf("yizhan.legalaid.v1", List.of(consultation, application), 2);
        assertTrue(events.stream().anyMatch(e -> e.contains("\"consultation.answered\"")), events.toString());
        assertTrue(events.stream().anyMatch(e -> e.contains("\"case.accepted\"")), events.toString());
        assertTrue(events.stream().noneMatch(e -> e.contains(question) || e.contains("迅达") || e.contains("rider-")),
                events.toString());
    }

    /** The events on the topic whose key is one of {@code keys}, waiting up to 30 s for at least {@code atLeast}. */
    private static List<String> eventsOf(String topic, List<String> keys, int atLeast) {
        List<String> found = new java.util.ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrap(),
                ConsumerConfig.GROUP_ID_CONFIG, "system-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            Instant deadline = Instant.now().plusSeconds(30);
            while (found.size() < atLeast && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (keys.contains(record.key())) {
                        found.add(record.value());
                    }
                }
            }
        }
        return found;
    }

    @Test
    void theDemoStationsLoadOnceHoweverOftenTheLocalRunStarts() throws Exception {
        int expected = DemoData.stations().size();
        int first = DemoData.load(stack.gatewayUrl(), admin);
        int second = DemoData.load(stack.gatewayUrl(), admin);
        assertEquals(expected, first);
        assertEquals(0, second);
        HttpResponse<String> list = get("/api/v1/stations?limit=200", null);
        long trucks = 0;
        for (JsonNode item : JSON.readTree(list.body()).get("items")) {
            if (item.get("name").asText().equals("卡车司机暖心驿站")) {
                trucks++;
            }
        }
        assertEquals(1, trucks);
    }

    @Test
    void everyServiceIsReadyAndReportsItsDatabaseAndKafka() throws Exception {
        for (var process : stack.processes()) {
            HttpResponse<String> ready = HTTP.send(HttpRequest.newBuilder(
                    URI.create(process.spec().managementUrl() + "/q/health/ready")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, ready.statusCode(), process.spec().name() + ": " + ready.body());
            if (process.spec().database() != null) {
                assertTrue(ready.body().contains("Database"), process.spec().name() + ": " + ready.body());
                assertTrue(ready.body().contains("Kafka"), process.spec().name() + ": " + ready.body());
            }
        }
    }

    @Test
    void theServicesManagementEndpointsAreOnlyOnTheirManagementPorts() throws Exception {
        for (var process : stack.processes()) {
            String name = process.spec().name();
            if (name.equals("gateway")) {
                // Its API documents are public, its health and metrics are not.
                for (String path : List.of("/q/health/ready", "/q/metrics")) {
                    assertEquals(404, get(path, null).statusCode(), "the gateway's " + path + " on its public port");
                    assertEquals(200, HTTP.send(HttpRequest.newBuilder(URI.create(process.spec().managementUrl() + path))
                            .build(), HttpResponse.BodyHandlers.ofString()).statusCode(), "the gateway's " + path);
                }
                assertEquals(200, get("/q/openapi", null).statusCode());
                continue;
            }
            for (String path : List.of("/q/health/ready", "/q/openapi", "/q/metrics")) {
                HttpResponse<String> publicPort = HTTP.send(HttpRequest.newBuilder(
                        URI.create(process.spec().url() + path)).build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(404, publicPort.statusCode(), name + " " + path + " on its public port");
            }
            HttpResponse<String> document = HTTP.send(HttpRequest.newBuilder(
                    URI.create(process.spec().managementUrl() + "/q/openapi?format=json")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, document.statusCode(), name);
            String metrics = HTTP.send(HttpRequest.newBuilder(URI.create(process.spec().managementUrl() + "/q/metrics"))
                    .build(), HttpResponse.BodyHandlers.ofString()).body();
            assertTrue(metrics.contains(process.spec().database() == null ? "jvm_memory_used_bytes" : "yizhan_outbox_pending"),
                    name);
            assertTrue(JSON.readTree(document.body()).get("paths").size() >= 2, name + ": " + document.body());
        }
    }

    @Test
    void theLocalRunLogsAShortPlainLinePerRequestIntoRotatedFiles() throws Exception {
        String marker = "/api/v1/stations/" + UUID.randomUUID();
        assertEquals(404, get(marker, null).statusCode());
        Path log = stack.processes().get(stack.processes().size() - 1).logFile();
        await().atMost(Duration.ofSeconds(10)).until(() -> java.nio.file.Files.readString(log).contains(marker));
        String line = java.nio.file.Files.readAllLines(log).stream().filter(l -> l.contains(marker)).findFirst()
                .orElseThrow();
        assertTrue(line.length() < 250 && !line.startsWith("{"), "a short plain line: " + line);
        assertTrue(line.contains("404"), line);
    }

    @Test
    void theGatewaysApiDocumentsCoverEveryRouteAndEveryDocumentedOperationIsRouted() throws Exception {
        JsonNode index = JSON.readTree(get("/api-docs", null).body());
        JsonNode all = JSON.readTree(get("/api-docs/yizhan.json", null).body());
        List<String> paths = new java.util.ArrayList<>();
        all.get("paths").fieldNames().forEachRemaining(paths::add);
        assertTrue(paths.size() > 100, "operations of the four services: " + paths.size());
        // Every prefix the gateway routes has documented operations in the document of its service.
        for (JsonNode route : index.get("routes")) {
            String prefix = route.get("prefix").asText();
            JsonNode service = JSON.readTree(get("/api-docs/" + route.get("service").asText() + ".json", null).body());
            List<String> below = new java.util.ArrayList<>();
            service.get("paths").fieldNames().forEachRemaining(p -> {
                if (p.equals(prefix) || p.startsWith(prefix + "/")) {
                    below.add(p);
                }
            });
            assertTrue(!below.isEmpty(), prefix + " is routed to " + route.get("service") + " but not documented");
            assertEquals(stack.gatewayUrl(), service.at("/servers/0/url").asText(), "the server clients call");
        }
        // Kept for the OpenAPI lint (tools/openapi-lint/lint --public), which holds them to every rule.
        Path saved = Path.of("target", "api-docs");
        java.nio.file.Files.createDirectories(saved);
        for (JsonNode url : index.get("urls")) {
            String name = url.get("name").asText();
            java.nio.file.Files.writeString(saved.resolve(name + ".json"), get("/api-docs/" + name + ".json", null).body());
        }
        // Every documented operation reaches its service: never the gateway's own "no service here".
        for (String path : paths) {
            HttpResponse<String> answer = get(path.replaceAll("\\{[^}]+}", "1"), null);
            assertTrue(!(answer.statusCode() == 404 && answer.body().contains("网关没有与此路径对应的服务")),
                    path + " is documented but not routed");
        }
    }

    private static HttpResponse<String> post(String path, String token, String body) throws Exception {
        return send("POST", path, token, body);
    }

    private static HttpResponse<String> put(String path, String token, String body) throws Exception {
        return send("PUT", path, token, body);
    }

    private static HttpResponse<String> send(String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + path))
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + path)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
