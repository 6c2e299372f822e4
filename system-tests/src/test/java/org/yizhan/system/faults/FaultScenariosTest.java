package org.yizhan.system.faults;

import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.yizhan.localstack.run.ServiceProcess;
import org.yizhan.localstack.run.Stack;
import org.yizhan.system.stack.Http;
import org.yizhan.system.stack.StackLogs;
import org.yizhan.system.stack.TestStacks;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The fault scenarios of issue 12 on one running stack (the packaged services and gateway as
 * processes, a Kafka broker and an embedded PostgreSQL that this class stops and starts): each
 * breaks something under writes and then asserts on what the databases and topics finally hold,
 * printing its figures and writing them to {@code target/reliability/<scenario>.json}.
 *
 * <p>Knobs (system properties): {@code yizhan.faults.kafka-outage-seconds} (60),
 * {@code yizhan.faults.postgres-outage-seconds} (10), {@code yizhan.faults.rate} (requests per
 * second of the load, 10). See docs/reliability.md.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultScenariosTest {

    static final String STATION_SERVICE = "station-service";
    static final String SERVICES_SERVICE = "services-service";
    static final String CHECKUP_SERVICE = "health-checkup-service";
    static final Duration KAFKA_OUTAGE = Duration.ofSeconds(Long.getLong("yizhan.faults.kafka-outage-seconds", 60));
    static final Duration POSTGRES_OUTAGE = Duration.ofSeconds(Long.getLong("yizhan.faults.postgres-outage-seconds", 10));
    static final int RATE = Integer.getInteger("yizhan.faults.rate", 10);
    /** How long the system may take to deliver and apply everything once the fault is over. */
    static final Duration CATCH_UP_LIMIT = Duration.ofSeconds(120);
    private static final Pattern STATUS_LINE = Pattern.compile("^HTTP/1\\.1 (\\d{3})");
    private static final Pattern ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");

    static Stack stack;
    static Http gateway;
    static Fixtures fixtures;
    static Databases databases;
    static Topics topics;
    static final HttpClient PROBE = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @BeforeAll
    static void up() {
        // An embedded PostgreSQL of this stack's own: the scenarios stop it.
        stack = TestStacks.upOnItsOwnPostgres("faults");
        gateway = new Http(stack::gatewayUrl);
        databases = new Databases(stack.postgres(), stack.databases());
        topics = new Topics(stack.kafkaBootstrap());
        fixtures = new Fixtures(stack, gateway);
        fixtures.create(12);
    }

    @AfterAll
    static void down() {
        if (stack != null) {
            stack.stopProcesses();
            stack.close();
        }
    }

    /** Whatever a scenario left broken (it failed half-way) is repaired before the next. */
    @AfterEach
    void heal() {
        if (!stack.kafkaRunning()) {
            stack.startKafka();
        }
        if (!stack.postgres().isRunning()) {
            stack.startPostgres();
        }
        for (ServiceProcess process : stack.processes()) {
            if (!process.isAlive()) {
                restart(process.spec().name());
            }
        }
    }

    /**
     * Issue 12, item 6. Requests that station-service has begun to read when it gets SIGTERM are
     * answered (their bodies arrive only after the signal), the relay publishes each of their
     * events once, and services-service stopped in the middle of a batch has committed the
     * offsets of every event it applied.
     */
    @Test
    @Order(1)
    void gracefulShutdownFinishesRequestsInFlightAndCommitsWhatWasApplied() throws Exception {
        EventFlow flow = new EventFlow(databases, topics);
        ServiceProcess station = stack.process(STATION_SERVICE);
        int inFlight = 16;
        List<Socket> sockets = new ArrayList<>();
        List<byte[]> rests = new ArrayList<>();
        for (int i = 0; i < inFlight; i++) {
            byte[] body = Fixtures.stationBody("关停演练驿站 " + fixtures.run + "-" + i, i).getBytes(StandardCharsets.UTF_8);
            Socket socket = new Socket("127.0.0.1", station.spec().port());
            socket.setSoTimeout(60_000);
            socket.getOutputStream().write(("POST /api/v1/stations HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Authorization: Bearer " + fixtures.admin + "\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + body.length + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().write(body, 0, body.length / 2);
            socket.getOutputStream().flush();
            sockets.add(socket);
            rests.add(java.util.Arrays.copyOfRange(body, body.length / 2, body.length));
        }
        Thread.sleep(500); // the service has every request's head
        long signalled = System.nanoTime();
        station.terminate();
        Thread.sleep(500); // the shutdown has begun
        List<Integer> statuses = new ArrayList<>();
        List<String> created = new ArrayList<>();
        for (int i = 0; i < inFlight; i++) {
            try {
                sockets.get(i).getOutputStream().write(rests.get(i));
                sockets.get(i).getOutputStream().flush();
            } catch (IOException e) {
                // the service closed the connection: counted below as an answer missing
            }
        }
        for (Socket socket : sockets) {
            String answer;
            try {
                answer = readAll(socket.getInputStream());
            } catch (IOException e) {
                answer = "";
            } finally {
                socket.close();
            }
            Matcher status = STATUS_LINE.matcher(answer);
            statuses.add(status.find() ? Integer.parseInt(status.group(1)) : Http.NO_CONNECTION);
            Matcher id = ID.matcher(answer);
            if (id.find()) {
                created.add(id.group(1));
            }
        }
        OptionalInt exit = station.awaitExit(Duration.ofSeconds(40));
        double shutdownSeconds = (System.nanoTime() - signalled) / 1e9;
        assertTrue(exit.isPresent(), "station-service still runs 40 s after SIGTERM");
        restart(STATION_SERVICE);

        // services-service stopped by SIGTERM while it applies a backlog of station events.
        Interruption consumer = interruptMidBatch(SERVICES_SERVICE, false, 150);
        Map<TopicPartition, Long> committed = consumer.committed();
        long appliedNotCommitted = consumer.appliedNotCommitted();
        restart(SERVICES_SERVICE);
        awaitCaughtUp(flow);
        EventFlow.Delivery delivery = flow.delivery();
        List<String> replicas = EventFlow.replicaDifferences(databases);
        new Figures("graceful-shutdown")
                .put("writesAccepted", created.size())
                .put("eventsDelivered", delivery.delivered())
                .put("duplicates", delivery.duplicates())
                .put("lost", delivery.lost())
                .put("fiveXx", statuses.stream().filter(s -> s >= 500).count())
                .put("requestsInFlightAtSigterm", inFlight)
                .put("requestsAnswered201", statuses.stream().filter(s -> s == 201).count())
                .put("stationServiceShutdownSeconds", shutdownSeconds)
                .put("stationServiceExitCode", exit.getAsInt())
                .put("consumerAppliedBeforeSigterm", consumer.appliedAtSignal())
                .put("consumerAppliedNotCommitted", appliedNotCommitted)
                .put("consumerCommittedOffsets", committed.toString())
                .report();

        assertEquals(only(201, inFlight), counted(statuses), "every request in flight at SIGTERM answered 201");
        assertEquals(inFlight, databases.count(Databases.STATION, "select count(*) from station where id::text = any(?)",
                created), "every station answered is stored");
        assertTrue(shutdownSeconds < 15, "the shutdown is bounded: " + shutdownSeconds + " s");
        assertEquals(0, delivery.lost(), "events not published: " + delivery.missing());
        assertEquals(0, delivery.duplicates(), "the relay marks what it sent before it stops: no event twice");
        assertEquals(0, appliedNotCommitted, "services-service commits the offsets of what it applied before it stops");
        assertEquals(List.of(), flow.notAppliedOnce());
        assertEquals(List.of(), replicas);
    }

    /**
     * A consumer killed -9 while it applies a backlog: after its restart every event is applied
     * exactly once (its inbox), and every replica equals station-service's stations row by row.
     */
    @Test
    @Order(2)
    void aConsumerKilledInTheMiddleOfABatchAppliesEveryEventOnce() {
        EventFlow flow = new EventFlow(databases, topics);
        Interruption killed = interruptMidBatch(SERVICES_SERVICE, true, 200);
        long restarted = System.nanoTime();
        restart(SERVICES_SERVICE);
        awaitCaughtUp(flow);
        double catchUp = (System.nanoTime() - restarted) / 1e9;
        EventFlow.Delivery delivery = flow.delivery();
        List<String> notOnce = flow.notAppliedOnce();
        List<String> replicas = EventFlow.replicaDifferences(databases);
        new Figures("consumer-killed-mid-batch")
                .put("writesAccepted", killed.writes())
                .put("eventsDelivered", delivery.delivered())
                .put("duplicates", delivery.duplicates())
                .put("lost", delivery.lost())
                .put("catchUpSeconds", catchUp)
                .put("appliedBeforeKill", killed.appliedAtSignal())
                .put("eventsOfTheBacklog", killed.eventIds().size())
                .put("eventsNotAppliedOnce", notOnce.size())
                .put("replicaDifferences", replicas.size())
                .report();

        assertTrue(killed.appliedAtSignal() < killed.eventIds().size(), "killed before the backlog was applied");
        assertEquals(0, delivery.lost(), delivery.missing().toString());
        assertEquals(List.of(), notOnce);
        assertEquals(List.of(), replicas);
    }

    /**
     * A producer killed after its transactions committed and before its relay published them
     * (Kafka is away, so nothing can be published): after its restart the relay publishes every
     * one, and the replicas receive them.
     */
    @Test
    @Order(3)
    void aProducerKilledBetweenCommitAndPublishPublishesAfterItsRestart() {
        EventFlow flow = new EventFlow(databases, topics);
        stack.stopKafka();
        List<String> written = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            Http.Answer registered = gateway.post("/api/v1/stations", fixtures.admin,
                    Fixtures.stationBody("断点演练驿站 " + fixtures.run + "-" + i, i));
            assertEquals(201, registered.status(), registered.body());
            written.add(registered.field("/id"));
        }
        written.addAll(updateStations(20));
        List<Databases.OutboxRow> committed = flow.rows(Databases.STATION);
        long unpublished = committed.stream().filter(r -> r.publishedAt() == null).count();
        stack.kill(STATION_SERVICE);
        stack.startKafka();
        long back = System.nanoTime();
        restart(STATION_SERVICE);
        awaitCaughtUp(flow);
        double catchUp = (System.nanoTime() - back) / 1e9;
        EventFlow.Delivery delivery = flow.delivery();
        List<String> replicas = EventFlow.replicaDifferences(databases);
        new Figures("producer-killed-before-publish")
                .put("writesAccepted", written.size())
                .put("eventsDelivered", delivery.delivered())
                .put("duplicates", delivery.duplicates())
                .put("lost", delivery.lost())
                .put("catchUpSeconds", catchUp)
                .put("committedUnpublishedAtKill", unpublished)
                .report();

        assertEquals(40, written.size());
        assertEquals(40, committed.size(), "one outbox row per accepted write");
        assertEquals(40, unpublished, "every row was committed and not yet published when the producer died");
        assertEquals(40, delivery.delivered());
        assertEquals(0, delivery.lost(), delivery.missing().toString());
        assertEquals(List.of(), delivery.outOfOrder());
        assertEquals(List.of(), flow.notAppliedOnce());
        assertEquals(List.of(), replicas);
    }

    /**
     * Two rushes at once, 120 workers at an activity with 50 places and 100 at a checkup slot with
     * 40, while services-service is killed and started again: clients retry what failed, and the
     * databases end with exactly the capacity taken, once per worker.
     */
    @Test
    @Order(4)
    void twoBookingRushesWhileAServiceRestartsTakeExactlyTheCapacity() throws Exception {
        int activityPlaces = 50;
        int activityWorkers = 120;
        int slotPlaces = 40;
        int slotWorkers = 100;
        String activity = fixtures.publishedActivity(fixtures.stations.get(1), activityPlaces);
        String slot = fixtures.checkupSlot(slotPlaces);
        ExecutorService pool = Executors.newFixedThreadPool(64);
        List<Future<List<Integer>>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < Math.max(activityWorkers, slotWorkers); i++) {
                int n = i;
                if (i < activityWorkers) {
                    String worker = fixtures.worker();
                    answers.add(pool.submit(() -> untilAnswered(() -> gateway.post("/api/v1/activities/" + activity
                            + "/registrations", worker, "{\"occupation\":\"COURIER\"}"))));
                }
                if (i < slotWorkers) {
                    String worker = fixtures.worker();
                    answers.add(pool.submit(() -> untilAnswered(() -> gateway.post("/api/v1/checkups/appointments",
                            worker, Fixtures.holdBody(slot, fixtures.run + "r", 100_000 + n)))));
                }
            }
            Thread.sleep(300);
            long killed = System.nanoTime();
            stack.restart(SERVICES_SERVICE, true);
            double restartSeconds = (System.nanoTime() - killed) / 1e9;
            List<Integer> all = new ArrayList<>();
            for (Future<List<Integer>> answer : answers) {
                all.addAll(answer.get());
            }
            Map<String, Long> registrations = new TreeMap<>();
            databases.rows(Databases.SERVICES, "select status, count(*) from registration where activity_id = ?::uuid"
                    + " group by status", activity).forEach(r -> registrations.put((String) r.get(0), ((Number) r.get(1)).longValue()));
            long liveWorkers = databases.count(Databases.SERVICES, "select count(distinct participant) from registration"
                    + " where activity_id = ?::uuid and status in ('REGISTERED', 'WAITLISTED', 'OFFERED')", activity);
            long holds = databases.count(Databases.CHECKUP, "select count(*) from appointment where slot_id = ?::uuid"
                    + " and status in ('pending', 'booked')", slot);
            long holders = databases.count(Databases.CHECKUP, "select count(distinct person) from appointment"
                    + " where slot_id = ?::uuid and status in ('pending', 'booked')", slot);
            long slotTaken = databases.count(Databases.CHECKUP, "select booked + held from slot where id = ?::uuid", slot);
            new Figures("booking-rushes-with-restart")
                    .put("writesAccepted", registrations.values().stream().mapToLong(Long::longValue).sum() + holds)
                    .put("fiveXx", all.stream().filter(s -> s >= 500).count())
                    .put("attempts", all.size())
                    .put("noConnection", all.stream().filter(s -> s <= 0).count())
                    .put("servicesServiceRestartSeconds", restartSeconds)
                    .put("activityRegistrations", registrations.toString())
                    .put("slotHolds", holds)
                    .put("slotCounter", slotTaken)
                    .report();

            assertEquals(activityPlaces, registrations.getOrDefault("REGISTERED", 0L), registrations.toString());
            assertEquals(activityWorkers - activityPlaces, registrations.getOrDefault("WAITLISTED", 0L),
                    registrations.toString());
            assertEquals(activityWorkers, liveWorkers, "one live registration per worker");
            assertEquals(slotPlaces, holds, "the slot's places, no more");
            assertEquals(holds, holders, "one place per worker");
            assertEquals(holds, slotTaken, "the slot's counter agrees with its appointments");
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Kafka stopped for {@link #KAFKA_OUTAGE} under the load: the API goes on (no 5xx, every
     * service ready throughout), and once Kafka is back every accepted write's event is delivered
     * (ids as in the outboxes, each key in order) and applied once by each consumer.
     */
    @Test
    @Order(5)
    void kafkaStoppedUnderWritesLosesNothingAndCatchesUp() throws Exception {
        EventFlow flow = new EventFlow(databases, topics);
        List<String> notReady = new ArrayList<>();
        int readinessChecks = 0;
        long pendingDuringOutage = 0;
        double catchUp;
        List<LoadGenerator.Sent> sent;
        try (LoadGenerator load = new LoadGenerator(gateway, fixtures, RATE).start()) {
            Thread.sleep(5_000);
            stack.stopKafka();
            Instant until = Instant.now().plus(KAFKA_OUTAGE);
            while (Instant.now().isBefore(until)) {
                readinessChecks++;
                notReady.addAll(notReady());
                pendingDuringOutage = Math.max(pendingDuringOutage, flow.pending());
                Thread.sleep(2_000);
            }
            stack.startKafka();
            long back = System.nanoTime();
            Thread.sleep(5_000);
            load.close();
            sent = load.answers();
            awaitCaughtUp(flow);
            catchUp = (System.nanoTime() - back) / 1e9;
        }
        EventFlow.Delivery delivery = flow.delivery();
        List<String> notOnce = flow.notAppliedOnce();
        List<String> replicas = EventFlow.replicaDifferences(databases);
        List<String> notInOutbox = acceptedWithoutEvent(flow, sent);
        List<String> lostWrites = lostWrites(sent);
        long fiveXx = sent.stream().filter(LoadGenerator.Sent::fiveXx).count();
        new Figures("kafka-outage")
                .put("outageSeconds", KAFKA_OUTAGE.toSeconds())
                .put("requests", sent.size())
                .put("writesAccepted", sent.stream().filter(LoadGenerator.Sent::accepted).count())
                .put("eventsDelivered", delivery.delivered())
                .put("duplicates", delivery.duplicates())
                .put("lost", delivery.lost())
                .put("catchUpSeconds", catchUp)
                .put("fiveXx", fiveXx)
                .put("readinessChecks", readinessChecks * stack.processes().size())
                .put("readinessNotUp", notReady.size())
                .put("outboxBacklogAtMost", pendingDuringOutage)
                .put("answers", byKindAndStatus(sent))
                .report();

        assertTrue(pendingDuringOutage > 0, "writes were accepted and waited in the outboxes while Kafka was away");
        assertEquals(0, fiveXx, "no 5xx while Kafka is away: " + byKindAndStatus(sent));
        assertEquals(0, sent.stream().filter(s -> s.status() <= 0).count(), "every request answered");
        assertEquals(List.of(), notReady, "readiness stays UP while Kafka is away");
        assertEquals(List.of(), lostWrites, "accepted writes stored");
        assertEquals(List.of(), notInOutbox, "every accepted write has its event in the outbox");
        assertEquals(0, delivery.lost(), delivery.missing().toString());
        assertEquals(List.of(), delivery.outOfOrder(), "each key's events on the topic in outbox order");
        assertEquals(List.of(), notOnce);
        assertEquals(List.of(), replicas);
    }

    /**
     * PostgreSQL stopped for {@link #POSTGRES_OUTAGE} under the load and started again: requests in
     * the gap get 503 problems (never 500, none left hanging), the services recover without a
     * restart, no accepted write is lost, and no event comes from a transaction that rolled back.
     */
    @Test
    @Order(6)
    void postgresRestartedUnderLoadAnswers503AndLosesNothing() throws Exception {
        EventFlow flow = new EventFlow(databases, topics);
        Map<TopicPartition, Long> stationTopicStart = topics.ends(Topics.STATION);
        Map<TopicPartition, Long> activityTopicStart = topics.ends(Topics.ACTIVITY);
        Map<String, Long> pids = new TreeMap<>();
        stack.processes().forEach(p -> pids.put(p.spec().name(), p.pid()));
        List<LoadGenerator.Sent> sent;
        Instant stopped;
        Instant started;
        double recovery;
        try (LoadGenerator load = new LoadGenerator(gateway, fixtures, RATE).start()) {
            Thread.sleep(5_000);
            stopped = Instant.now();
            stack.stopPostgres();
            Thread.sleep(POSTGRES_OUTAGE.toMillis());
            stack.startPostgres();
            started = Instant.now();
            long back = System.nanoTime();
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).until(() ->
                    notReady().isEmpty() && gateway.post("/api/v1/stations", fixtures.admin,
                            Fixtures.stationBody("恢复演练驿站 " + UUID.randomUUID(), 1)).status() == 201);
            recovery = (System.nanoTime() - back) / 1e9;
            Thread.sleep(5_000);
            load.close();
            sent = load.answers();
        }
        awaitCaughtUp(flow);
        Instant gapFrom = stopped.minusSeconds(1);
        Instant gapTo = started.plusMillis((long) (recovery * 1000) + 1000);
        List<LoadGenerator.Sent> inGap = sent.stream()
                .filter(s -> !s.at().isBefore(gapFrom) && s.at().isBefore(gapTo)).toList();
        List<LoadGenerator.Sent> wrong5xx = sent.stream()
                .filter(s -> s.status() >= 500 && !(s.status() == 503 && s.problem())).toList();
        long unanswered = sent.stream().filter(s -> s.status() <= 0).count();
        List<String> lostWrites = lostWrites(sent);
        List<String> orphanEvents = new ArrayList<>();
        orphanEvents.addAll(eventsWithoutOutboxRow(Topics.STATION, stationTopicStart, Databases.STATION));
        orphanEvents.addAll(eventsWithoutOutboxRow(Topics.ACTIVITY, activityTopicStart, Databases.SERVICES));
        List<String> failedButPublished = failedRegistrationsWithEvents(sent, stationTopicStart);
        EventFlow.Delivery delivery = flow.delivery();
        Map<String, Long> pidsAfter = new TreeMap<>();
        stack.processes().forEach(p -> pidsAfter.put(p.spec().name(), p.pid()));
        new Figures("postgres-restart")
                .put("outageSeconds", POSTGRES_OUTAGE.toSeconds())
                .put("requests", sent.size())
                .put("writesAccepted", sent.stream().filter(LoadGenerator.Sent::accepted).count())
                .put("eventsDelivered", delivery.delivered())
                .put("duplicates", delivery.duplicates())
                .put("lost", delivery.lost() + lostWrites.size())
                .put("catchUpSeconds", recovery)
                .put("fiveXx", sent.stream().filter(LoadGenerator.Sent::fiveXx).count())
                .put("requestsInGap", inGap.size())
                .put("answered503InGap", inGap.stream().filter(s -> s.status() == 503).count())
                .put("fiveXxNot503Problem", wrong5xx.size())
                .put("slowestMillis", sent.stream().mapToLong(LoadGenerator.Sent::millis).max().orElse(0))
                .put("eventsWithoutOutboxRow", orphanEvents.size())
                .put("answers", byKindAndStatus(sent))
                .report();

        assertTrue(inGap.stream().anyMatch(s -> s.status() == 503), "the database was away: some requests got 503");
        assertEquals(List.of(), wrong5xx.stream().map(s -> s.kind() + " " + s.status()).toList(),
                "in the gap: 503 problems, never 500");
        assertEquals(0, unanswered, "no request left hanging or cut");
        assertEquals(pids, pidsAfter, "the services recover without a restart");
        assertEquals(List.of(), lostWrites, "no accepted write lost");
        assertEquals(List.of(), orphanEvents, "no event from a transaction that rolled back");
        assertEquals(List.of(), failedButPublished, "a registration answered 5xx left no event");
        assertEquals(List.of(), acceptedWithoutEvent(flow, sent), "every accepted write has its event in the outbox");
        assertEquals(0, delivery.lost(), delivery.missing().toString());
        assertEquals(List.of(), flow.notAppliedOnce());
        assertEquals(List.of(), EventFlow.replicaDifferences(databases));
    }

    // ---- what the scenarios share

    /** What {@link #interruptMidBatch} did: the writes, the events of the backlog, and how many were applied at the signal. */
    record Interruption(int writes, List<String> eventIds, long appliedAtSignal, Map<TopicPartition, Long> committed,
                        long appliedNotCommitted) {
    }

    /**
     * Stops {@code service} (a station consumer), builds a backlog of station events while it is
     * down, starts it, and as soon as it has applied the first of them kills it ({@code kill}) or
     * sends SIGTERM and waits for it to end; leaves it down.
     */
    Interruption interruptMidBatch(String service, boolean kill, int updates) {
        String database = service.equals(SERVICES_SERVICE) ? Databases.SERVICES : Databases.CHECKUP;
        stack.process(service).stop(Duration.ofSeconds(15));
        EventFlow backlog = new EventFlow(databases, topics);
        int writes = updateStations(updates).size();
        await().atMost(Duration.ofSeconds(60)).until(() -> backlog.pending() == 0);
        List<String> ids = backlog.rows(Databases.STATION).stream()
                .filter(r -> EventFlow.REPLICATED.contains(r.type())).map(Databases.OutboxRow::eventId).toList();
        ServiceProcess process = stack.start(service);
        long applied = 0;
        Instant deadline = Instant.now().plusSeconds(180);
        while (applied == 0 && Instant.now().isBefore(deadline)) {
            applied = databases.inboxCounts(database, ids).size();
        }
        if (kill) {
            process.kill();
        } else {
            process.terminate();
            assertTrue(process.awaitExit(Duration.ofSeconds(40)).isPresent(), service + " ends after SIGTERM");
        }
        Map<TopicPartition, Long> committed = topics.committed(service, Topics.STATION);
        Set<String> appliedIds = databases.inboxCounts(database, ids).keySet();
        long appliedNotCommitted = 0;
        for (Topics.Event event : topics.all(Topics.STATION)) {
            long commit = committed.getOrDefault(new TopicPartition(Topics.STATION, event.partition()), 0L);
            if (event.offset() >= commit && appliedIds.contains(event.id())) {
                appliedNotCommitted++;
            }
        }
        return new Interruption(writes, ids, applied, committed, appliedNotCommitted);
    }

    /** Starts {@code service} again and waits until it is ready and the gateway routes to it. */
    void restart(String service) {
        stack.start(service).awaitReady(Duration.ofMinutes(3));
        stack.awaitRouted(Duration.ofSeconds(30));
    }

    /** {@code count} station updates through the gateway, round the fixture stations; the ids updated. */
    List<String> updateStations(int count) {
        List<String> updated = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String station = fixtures.stations.get(i % fixtures.stations.size());
            Http.Answer read = gateway.get("/api/v1/stations/" + station, fixtures.admin);
            assertEquals(200, read.status(), read.body());
            Http.Answer written = gateway.put("/api/v1/stations/" + station, fixtures.admin,
                    Fixtures.stationBody("积压演练驿站 " + fixtures.run + " " + UUID.randomUUID().toString().substring(0, 8), i),
                    Map.of("If-Match", read.etag()));
            assertEquals(200, written.status(), written.body());
            updated.add(station);
        }
        return updated;
    }

    /** Waits until every row since the flow began is published and applied, and the replicas agree. */
    void awaitCaughtUp(EventFlow flow) {
        await().atMost(CATCH_UP_LIMIT).pollInterval(Duration.ofMillis(250)).ignoreExceptions().until(() ->
                flow.pending() == 0 && flow.notAppliedOnce().isEmpty()
                        && EventFlow.replicaDifferences(databases).isEmpty());
    }

    /**
     * After every fault: the logs of every process (each service and the gateway, their files and
     * consoles) hold none of the personal data the load sent (the checkup holds' rider ids, phone
     * numbers and name, the workers' subjects), though they do hold the requests' paths.
     */
    @Test
    @Order(7)
    void noPersonalDataReachedAnyLog() throws Exception {
        assertTrue(!StackLogs.containing(stack, List.of("/api/v1/stations")).isEmpty(), "the logs hold the requests");
        assertEquals(List.of(), StackLogs.containing(stack, List.of("FT-" + fixtures.run, "1390000", "测试骑手",
                "fault-worker-" + fixtures.run)));
    }

    /**
     * The services whose readiness is not UP now (each asked on its management port), counting a
     * service only when two probes a second apart fail, as an orchestrator's failure threshold
     * does: one probe that times out on a busy machine is not a service out of rotation.
     */
    static List<String> notReady() {
        List<String> down = new ArrayList<>();
        for (String first : probeReadiness()) {
            String name = first.substring(0, first.indexOf(' '));
            try {
                Thread.sleep(1_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            probeReadiness().stream().filter(again -> again.startsWith(name + " ")).forEach(down::add);
        }
        return down;
    }

    private static List<String> probeReadiness() {
        List<String> down = new ArrayList<>();
        for (ServiceProcess process : stack.processes()) {
            try {
                HttpResponse<String> ready = PROBE.send(HttpRequest.newBuilder(URI.create(
                                process.spec().managementUrl() + "/q/health/ready")).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (ready.statusCode() != 200) {
                    down.add(process.spec().name() + " " + ready.statusCode() + " " + ready.body());
                }
            } catch (IOException e) {
                down.add(process.spec().name() + " unreachable");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                down.add("interrupted");
            }
        }
        return down;
    }

    /** Accepted writes whose row is not in the database. */
    static List<String> lostWrites(List<LoadGenerator.Sent> sent) {
        Map<LoadGenerator.Kind, List<String>> ids = sent.stream().filter(LoadGenerator.Sent::accepted)
                .collect(Collectors.groupingBy(LoadGenerator.Sent::kind, Collectors.mapping(LoadGenerator.Sent::id,
                        Collectors.toList())));
        List<String> lost = new ArrayList<>();
        lost.addAll(missing(ids.get(LoadGenerator.Kind.STATION_REGISTRATION), Databases.STATION, "station", "id"));
        lost.addAll(missing(ids.get(LoadGenerator.Kind.STATION_UPDATE), Databases.STATION, "station", "id"));
        lost.addAll(missing(ids.get(LoadGenerator.Kind.ACTIVITY_PLAN), Databases.SERVICES, "activity", "id"));
        lost.addAll(missing(ids.get(LoadGenerator.Kind.PARTNER_PUSH), Databases.SERVICES, "activity", "id"));
        lost.addAll(missing(ids.get(LoadGenerator.Kind.REGISTRATION), Databases.SERVICES, "registration", "id"));
        lost.addAll(missing(ids.get(LoadGenerator.Kind.CHECKUP_HOLD), Databases.CHECKUP, "appointment", "id"));
        List<String> published = ids.getOrDefault(LoadGenerator.Kind.ACTIVITY_PUBLISH, List.of());
        if (!published.isEmpty()) {
            Set<String> stillPlanned = new HashSet<>();
            databases.rows(Databases.SERVICES, "select id::text from activity where id::text = any(?)"
                    + " and status = 'DRAFT'", published)
                    .forEach(r -> stillPlanned.add((String) r.get(0)));
            stillPlanned.forEach(id -> lost.add("publication of activity " + id));
        }
        return lost;
    }

    private static List<String> missing(List<String> ids, String service, String table, String column) {
        if (ids == null || ids.isEmpty()) {
            return List.of();
        }
        Set<String> found = new HashSet<>();
        databases.rows(service, "select " + column + "::text from " + table + " where " + column + "::text = any(?)", ids)
                .forEach(r -> found.add((String) r.get(0)));
        return ids.stream().filter(id -> !found.contains(id)).map(id -> table + " " + id).distinct().toList();
    }

    /**
     * Accepted writes that should have produced an event keyed by what they wrote, and whose
     * service's outbox has none since the flow began (or fewer than the accepted updates).
     */
    static List<String> acceptedWithoutEvent(EventFlow flow, List<LoadGenerator.Sent> sent) {
        Map<String, Long> stationEvents = flow.rows(Databases.STATION).stream()
                .filter(r -> EventFlow.REPLICATED.contains(r.type()))
                .collect(Collectors.groupingBy(Databases.OutboxRow::key, Collectors.counting()));
        Set<String> activityKeys = flow.rows(Databases.SERVICES).stream().map(Databases.OutboxRow::key)
                .collect(Collectors.toSet());
        Map<String, Long> stationWrites = sent.stream().filter(LoadGenerator.Sent::accepted)
                .filter(s -> s.kind() == LoadGenerator.Kind.STATION_REGISTRATION || s.kind() == LoadGenerator.Kind.STATION_UPDATE)
                .collect(Collectors.groupingBy(LoadGenerator.Sent::id, Collectors.counting()));
        List<String> problems = new ArrayList<>();
        stationWrites.forEach((station, writes) -> {
            long events = stationEvents.getOrDefault(station, 0L);
            if (events < writes) {
                problems.add("station " + station + ": " + writes + " writes accepted, " + events + " events");
            }
        });
        sent.stream().filter(LoadGenerator.Sent::accepted)
                .filter(s -> s.kind() == LoadGenerator.Kind.ACTIVITY_PUBLISH || s.kind() == LoadGenerator.Kind.PARTNER_PUSH)
                .filter(s -> !activityKeys.contains(s.id()))
                .forEach(s -> problems.add(s.kind() + " " + s.id() + ": no event"));
        return problems;
    }

    /** Events on the topic since {@code from} whose id is in no outbox row of their producer. */
    static List<String> eventsWithoutOutboxRow(String topic, Map<TopicPartition, Long> from, String producer) {
        List<String> ids = topics.after(topic, from).stream().map(Topics.Event::id).distinct().toList();
        if (ids.isEmpty()) {
            return List.of();
        }
        Set<String> known = new HashSet<>();
        databases.rows(producer, "select event_id from outbox_message where event_id = any(?)", ids)
                .forEach(r -> known.add((String) r.get(0)));
        return ids.stream().filter(id -> !known.contains(id)).map(id -> topic + " " + id).toList();
    }

    /** Station registrations answered 5xx whose station is not stored but whose event is on the topic. */
    static List<String> failedRegistrationsWithEvents(List<LoadGenerator.Sent> sent, Map<TopicPartition, Long> from) {
        List<String> failed = sent.stream().filter(s -> s.kind() == LoadGenerator.Kind.STATION_REGISTRATION)
                .filter(s -> s.fiveXx()).map(LoadGenerator.Sent::marker).toList();
        if (failed.isEmpty()) {
            return List.of();
        }
        Set<String> stored = new HashSet<>();
        databases.rows(Databases.STATION, "select name from station where name = any(?)", failed)
                .forEach(r -> stored.add((String) r.get(0)));
        List<String> published = new ArrayList<>();
        for (Topics.Event event : topics.after(Topics.STATION, from)) {
            for (String name : failed) {
                if (!stored.contains(name) && event.value().contains("\"" + name + "\"")) {
                    published.add(name);
                }
            }
        }
        return published;
    }

    /** Sends until the answer is the service's own (not 5xx, not a failed connection), for at most two minutes. */
    static List<Integer> untilAnswered(Supplier<Http.Answer> request) throws InterruptedException {
        List<Integer> statuses = new ArrayList<>();
        Instant deadline = Instant.now().plusSeconds(120);
        while (Instant.now().isBefore(deadline)) {
            Http.Answer answer = request.get();
            statuses.add(answer.status());
            if (answer.status() > 0 && answer.status() < 500) {
                return statuses;
            }
            Thread.sleep(1_000);
        }
        return statuses;
    }

    static Map<String, Long> byKindAndStatus(List<LoadGenerator.Sent> sent) {
        return sent.stream().collect(Collectors.groupingBy(s -> s.kind() + " " + s.status(), TreeMap::new,
                Collectors.counting()));
    }

    private static Map<Integer, Long> counted(List<Integer> statuses) {
        return statuses.stream().collect(Collectors.groupingBy(s -> s, TreeMap::new, Collectors.counting()));
    }

    private static Map<Integer, Long> only(int status, int count) {
        Map<Integer, Long> map = new TreeMap<>();
        map.put(status, (long) count);
        return map;
    }

    private static String readAll(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        in.transferTo(out);
        return out.toString(StandardCharsets.UTF_8);
    }

}
