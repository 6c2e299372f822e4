package org.yizhan.system.scaleout;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.yizhan.localstack.run.ServiceProcess;
import org.yizhan.localstack.run.Stack;
import org.yizhan.system.faults.Databases;
import org.yizhan.system.faults.EventFlow;
import org.yizhan.system.faults.Topics;
import org.yizhan.system.stack.Http;
import org.yizhan.system.stack.Invariants;
import org.yizhan.system.stack.TestStacks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two instances of every service behind the gateway, on one stack (issue 13, item 1): requests reach
 * both instances of a service; one station-service instance and one services-service instance killed
 * with SIGKILL under a steady load of reads and writes cost the reads no 5xx once the gateway's
 * readiness checks have noticed, and the writes either succeed or get a problem; every outbox row is
 * published, in per-key order, with two relays (the killed relay's last batch possibly twice) and
 * applied once by each consumer; the consumers of a group share the
 * partitions, the survivor takes them all after the kill, and the replicas catch up.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScaleOutThroughGatewayTest {

    /** How often the gateway checks each instance's readiness in this stack. */
    static final Duration CHECK_INTERVAL = Duration.ofSeconds(1);
    /**
     * The bound on a killed instance's reach: by then a readiness check (every {@link #CHECK_INTERVAL})
     * has found its port closed and taken it out of rotation, and no read may get a 5xx. Before it, a
     * read that meets the dead instance is sent to the other one (a refused or broken connection, no
     * answer yet), and the first refused connection takes the instance out too.
     */
    static final Duration NOTICED_WITHIN = Duration.ofSeconds(3);
    /** The consumer groups' session timeout here: a killed member's partitions move after this. */
    static final Duration SESSION_TIMEOUT = Duration.ofSeconds(8);
    static final String STATIONS = "/api/v1/stations";
    /** The outbox relay's batch (yizhan.events.relay.batch-size): what a killed relay may have sent unmarked. */
    static final int RELAY_BATCH = 200;

    static Stack stack;
    static Http gateway;
    static String admin;
    static Databases databases;
    static Topics topics;
    static final HttpClient PROBE = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    static final String RUN = UUID.randomUUID().toString().substring(0, 6);

    @BeforeAll
    static void up() {
        stack = TestStacks.up("scaleout", Map.of(
                "YIZHAN_GATEWAY_HEALTH_CHECK_INTERVAL", CHECK_INTERVAL.toMillis() + "ms",
                // Eleven JVMs on two cores answer a check late now and then; a killed one refuses it.
                "YIZHAN_GATEWAY_HEALTH_CHECK_TIMEOUT", "3s",
                "YIZHAN_GATEWAY_HEALTH_CHECK_FAILURES", "3",
                // The load comes from one address and one token: the per-client limits are not under test.
                "YIZHAN_GATEWAY_RATE_LIMIT_ENABLED", "false",
                "YIZHAN_EVENTS_CONSUMER_SESSION_TIMEOUT", SESSION_TIMEOUT.toMillis() + "ms"), 2);
        gateway = new Http(stack::gatewayUrl);
        admin = stack.keys().mint("scaleout-admin", List.of("union-admin"), Duration.ofHours(2));
        databases = new Databases(stack.postgres(), stack.databases());
        topics = new Topics(stack.kafkaBootstrap());
    }

    @AfterAll
    static void down() {
        TestStacks.down(stack);
    }

    @Test
    @Order(1)
    void everyServiceRunsTwiceAndTheGatewaySpreadsTheRequestsOverBoth() throws Exception {
        for (String module : List.of("station-service", "services-service", "health-checkup-service",
                "legal-aid-service", "overview-service")) {
            assertEquals(2, stack.instancesOf(module).size(), module);
        }
        List<ServiceProcess> station = stack.instancesOf("station-service");
        List<Double> before = station.stream().map(ScaleOutThroughGatewayTest::stationReads).toList();
        for (int i = 0; i < 20; i++) {
            Http.Answer answer = gateway.get(STATIONS + "?limit=5", null);
            assertEquals(200, answer.status(), answer.body());
        }
        for (int i = 0; i < station.size(); i++) {
            double served = stationReads(station.get(i)) - before.get(i);
            System.out.printf("[scale-out] %s served %.0f of 20 reads%n", station.get(i).spec().name(), served);
            // Round robin: about half each (other requests of the stack may fall in between).
            assertTrue(served >= 5, station.get(i).spec().name() + " served " + served + " of 20");
        }
    }

    @Test
    @Order(2)
    void theConsumersOfAGroupShareThePartitions() {
        // The station topic exists once a station is registered; the groups then divide its partitions.
        assertEquals(201, gateway.post(STATIONS, admin, stationBody(0)).status());
        for (String group : List.of("services-service", "health-checkup-service", "legal-aid-service")) {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                    .untilAsserted(() -> {
                        Map<String, Set<TopicPartition>> assigned = assignments(group);
                        assertEquals(2, assigned.size(), group + ": " + assigned);
                        assertTrue(assigned.values().stream().noneMatch(Set::isEmpty), group + ": " + assigned);
                        assertEquals(3, assigned.values().stream().mapToInt(Set::size).sum(), group + ": " + assigned);
                    });
        }
    }

    @Test
    @Order(3)
    void killingOneInstanceUnderLoadCostsTheReadsNothingAndLosesNoEvent() throws Exception {
        EventFlow flow = new EventFlow(databases, topics);
        String known = gateway.post(STATIONS, admin, stationBody(1)).field("/id");
        assertNotNull(known, "a station to read");
        List<Sent> sent = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService load = Executors.newFixedThreadPool(3);
        for (int reader = 0; reader < 2; reader++) {
            int r = reader;
            load.submit(() -> {
                for (int n = 0; running.get(); n++) {
                    String path = (n + r) % 2 == 0 ? STATIONS + "?limit=5" : STATIONS + "/" + known;
                    long at = System.nanoTime();
                    sent.add(new Sent(false, at, gateway.get(path, null)));
                    sleep(20);
                }
            });
        }
        load.submit(() -> {
            for (int n = 2; running.get(); n++) {
                long at = System.nanoTime();
                sent.add(new Sent(true, at, gateway.post(STATIONS, admin, stationBody(n))));
                sleep(100);
            }
        });
        sleep(4_000);
        long killedAt = System.nanoTime();
        stack.kill("station-service-2");
        stack.kill("services-service-2");
        sleep(8_000);
        running.set(false);
        load.shutdown();
        assertTrue(load.awaitTermination(90, TimeUnit.SECONDS));

        // Reads: none failed once the gateway had noticed; before, each was sent to the other instance.
        List<Sent> reads = sent.stream().filter(s -> !s.write()).toList();
        List<Sent> failedReads = reads.stream().filter(s -> s.answer().status() >= 500 || s.answer().status() <= 0)
                .toList();
        long afterBound = failedReads.stream().filter(s -> s.at() - killedAt > NOTICED_WITHIN.toNanos()).count();
        List<Sent> writes = sent.stream().filter(Sent::write).toList();
        Map<Integer, Long> writeStatuses = new TreeMap<>(writes.stream()
                .collect(Collectors.groupingBy(s -> s.answer().status(), Collectors.counting())));
        System.out.printf(Locale.ROOT, "[scale-out] %d reads, %d failed (%d later than %d s after the kill); %d writes: %s%n",
                reads.size(), failedReads.size(), afterBound, NOTICED_WITHIN.toSeconds(), writes.size(), writeStatuses);
        assertTrue(reads.size() > 50, "a steady load: " + reads.size() + " reads");
        assertEquals(0, afterBound, "reads answered 5xx after the gateway noticed: " + failedReads);
        // Writes: answered, with a problem when not carried out; never a connection left hanging.
        for (Sent write : writes) {
            Http.Answer answer = write.answer();
            assertTrue(answer.status() == 201 || (answer.status() >= 400 && answer.problem()),
                    "a write answered " + answer.status() + " " + answer.contentType() + ": " + answer.body());
        }
        assertTrue(writes.stream().filter(s -> s.answer().status() == 201).count() > 10, "writes carried out");

        // The survivor of each group takes every partition; the replicas catch up.
        await().atMost(SESSION_TIMEOUT.multipliedBy(4)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            Map<String, Set<TopicPartition>> assigned = assignments("services-service");
            assertEquals(1, assigned.size(), "services-service: " + assigned);
            assertEquals(3, assigned.values().iterator().next().size(), "services-service: " + assigned);
        });
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> flow.pending() == 0);
        EventFlow.Delivery delivery = flow.delivery();
        System.out.printf("[scale-out] outbox rows %d, delivered %d, duplicates %d, lost %d%n", delivery.written(),
                delivery.delivered(), delivery.duplicates(), delivery.lost());
        // A relay killed after Kafka took its batch and before it marked the rows sent leaves them to the
        // survivor, which sends them again (measured: 1 of 29): at least once on the topic, at most one
        // batch twice, and once in effect, since the inboxes apply each event once (checked below).
        assertTrue(delivery.duplicates() <= RELAY_BATCH, "published twice: " + delivery.duplicates());
        assertEquals(0, delivery.lost(), "not published: " + delivery.missing());
        assertEquals(List.of(), delivery.outOfOrder(), "keys out of order");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> assertEquals(List.of(), flow.notAppliedOnce()));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> assertEquals(List.of(), EventFlow.replicaDifferences(databases)));
        assertEquals(List.of(), Invariants.broken(stack));

        // The killed instances come back into rotation and are served again.
        stack.start("station-service-2").awaitReady(Duration.ofMinutes(2));
        ServiceProcess second = stack.process("station-service-2");
        double before = stationReads(second);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
            gateway.get(STATIONS + "?limit=1", null);
            return stationReads(second) > before;
        });
    }

    private record Sent(boolean write, long at, Http.Answer answer) {
    }

    /** The GETs below /api/v1/stations an instance has served, from its own metrics. */
    private static double stationReads(ServiceProcess instance) {
        try {
            HttpResponse<String> metrics = PROBE.send(HttpRequest.newBuilder(
                    URI.create(instance.spec().managementUrl() + "/q/metrics")).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return metrics.body().lines()
                    .filter(line -> line.startsWith("http_server_requests_seconds_count{")
                            && line.contains("method=\"GET\"") && line.contains("uri=\"/api/v1/stations"))
                    .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                    .sum();
        } catch (Exception e) {
            throw new IllegalStateException("no metrics from " + instance.spec().name(), e);
        }
    }

    /** Each member of {@code group} (by member id) and the partitions of the station topic it holds. */
    private static Map<String, Set<TopicPartition>> assignments(String group) throws Exception {
        try (Admin kafka = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrap()))) {
            ConsumerGroupDescription description = kafka.describeConsumerGroups(List.of(group)).describedGroups()
                    .get(group).get(30, TimeUnit.SECONDS);
            Map<String, Set<TopicPartition>> assigned = new TreeMap<>();
            for (MemberDescription member : description.members()) {
                assigned.put(member.consumerId(), member.assignment().topicPartitions().stream()
                        .filter(p -> p.topic().equals("yizhan.station.v1")).collect(Collectors.toSet()));
            }
            return assigned;
        }
    }

    private static String stationBody(int i) {
        return String.format(Locale.ROOT, """
                {"name":"扩容演练驿站 %s-%d","hostType":"PARK","address":"北京市大兴区黄村镇 %d 号","district":"大兴区",
                 "location":{"latitude":%.5f,"longitude":%.5f}}""", RUN, i, i,
                39.73 + (i % 10) * 0.001, 116.33 + (i % 7) * 0.001);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
