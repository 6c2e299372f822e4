package org.yizhan.bench;

import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.yizhan.localstack.Settings;
import org.yizhan.localstack.TempDirs;
import org.yizhan.localstack.run.Stack;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The event path against raw Kafka: how long an event takes from the transaction that writes it to
 * the outbox until a consumer in another service has applied it, against a plain Kafka producer and
 * consumer on the same broker with the same acks, message size and rate.
 *
 * <p>Service path: station registrations are sent to station-service at a fixed rate ({@link OpenLoop}:
 * each at its scheduled time, whether or not the one before was answered); each writes a
 * {@code station.registered} event to the outbox in the registration's transaction; the relay
 * publishes it (idempotent producer, {@code acks=all}) and every consumer of that topic applies it
 * in a transaction that records the event in its inbox. The latency of one event at one consumer
 * is the consumer's inbox {@code processed_at} minus the outbox's {@code created_at}, both taken by
 * the same PostgreSQL server's clock ({@code now()}: each transaction's start).
 *
 * <p>Reference: a producer with the relay's settings sends messages of the events' median size to a
 * topic with as many partitions, at the same rate, and a consumer in its own thread takes each
 * record's latency from the send time written into it (same JVM, same clock). The two paths take
 * turns in slices; each row sums its slices.
 *
 * <p>Usage: {@code java -cp "benchmarks/target/benchmarks-1.0.0-SNAPSHOT.jar:benchmarks/target/lib/*"
 * org.yizhan.bench.EventPathBenchmark --rate 50 --seconds 60 --slices 6}
 */
public final class EventPathBenchmark {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    /** Registrations in flight at most: enough for the rate at the registration's latency. */
    private static final int WORKERS = 16;

    private EventPathBenchmark() {
    }

    record Options(int rate, int seconds, int slices, int warmup, Path repoRoot, List<String> jvm) {
        static Options parse(String[] args) {
            Map<String, String> opts = BenchArgs.parse(args);
            return new Options(Integer.parseInt(opts.getOrDefault("rate", "50")),
                    Integer.parseInt(opts.getOrDefault("seconds", "60")),
                    Integer.parseInt(opts.getOrDefault("slices", "6")),
                    Integer.parseInt(opts.getOrDefault("warmup", "10")),
                    Path.of(opts.getOrDefault("repo", ".")).toAbsolutePath().normalize(),
                    List.of(opts.getOrDefault("jvm", "-Xmx256m -XX:+UseParallelGC").split("\\s+")));
        }
    }

    public static void main(String[] args) throws Exception {
        Options o = Options.parse(args);
        String loadAtStart = NearbySearchBenchmark.loadAverage();
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        Path work = TempDirs.create("yizhan-bench-events-");
        try (Stack stack = Stack.up(new Stack.Options(o.repoRoot(), work, Stack.Ports.free(), false, o.jvm(),
                Settings.fromEnvironment(), "_bench_events"), System.out)) {
            ServicePath service = new ServicePath(stack);
            int sliceSeconds = Math.max(1, o.seconds() / o.slices());
            // Warm-up: the service path first (it also tells the message size), then the reference.
            service.run(o.rate(), o.warmup(), null);
            int size = service.medianPayloadBytes();
            int partitions = service.partitions();
            try (RawPath raw = new RawPath(stack.kafkaBootstrap(), partitions, size)) {
                raw.run(o.rate(), o.warmup(), null);
                Histogram serviceLatency = new Histogram(60_000_000L, 3);
                Map<String, Histogram> perConsumer = new TreeMap<>();
                Histogram rawLatency = new Histogram(60_000_000L, 3);
                CpuMeter serviceCpu = new CpuMeter(stack);
                CpuMeter rawCpu = new CpuMeter(stack);
                for (int slice = 0; slice < o.slices(); slice++) {
                    boolean serviceFirst = slice % 2 == 0;
                    for (int turn = 0; turn < 2; turn++) {
                        if ((turn == 0) == serviceFirst) {
                            serviceCpu.start();
                            service.run(o.rate(), sliceSeconds, perConsumer);
                            serviceCpu.stop();
                        } else {
                            rawCpu.start();
                            raw.run(o.rate(), sliceSeconds, rawLatency);
                            rawCpu.stop();
                        }
                    }
                }
                perConsumer.values().forEach(serviceLatency::add);
                String table = report(o, size, partitions, service, serviceLatency, perConsumer, rawLatency, loadAtStart,
                        NearbySearchBenchmark.loadAverage())
                        + cpuReport(serviceCpu, service.relayMicros.getTotalCount(), rawCpu, rawLatency.getTotalCount());
                Path out = o.repoRoot().resolve("benchmarks/target/event-path.md");
                Files.createDirectories(out.getParent());
                Files.writeString(out, table);
                System.out.println(table);
            }
        }
    }

    /** Station registrations through station-service, and the consumers' inboxes. */
    static final class ServicePath {
        private final Stack stack;
        private final String stationUrl;
        private final String admin;
        private final String stationDatabase;
        private final List<String> consumerDatabases = new ArrayList<>();
        private final List<Integer> payloadSizes = new ArrayList<>();
        private final AtomicInteger failed = new AtomicInteger();
        private final Map<String, AtomicInteger> refusals = new ConcurrentHashMap<>();
        private final Histogram registrationMicros = new Histogram(3_600_000_000L, 3);
        private final Histogram relayMicros = new Histogram(60_000_000L, 3);
        private int sent;
        private String topic;

        ServicePath(Stack stack) {
            this.stack = stack;
            this.stationUrl = stack.process("station-service").spec().url();
            this.admin = stack.keys().mint("event-bench-admin", "union-admin");
            this.stationDatabase = databaseOf(stack, "station-service");
            stack.processes().stream().filter(p -> p.spec().database() != null)
                    .map(p -> databaseOf(stack, p.spec().name())).distinct()
                    .filter(db -> !db.equals(stationDatabase)).forEach(consumerDatabases::add);
        }

        /** Registers {@code rate} stations a second for {@code seconds}; adds each consumer's latencies to {@code into}. */
        void run(int rate, int seconds, Map<String, Histogram> into) throws Exception {
            Instant from = Instant.now();
            OpenLoop.Result answered = OpenLoop.run("registrations", rate, 0, seconds, WORKERS, 0, (worker, index) -> {
                int status = HTTP.send(registration(), HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status != 201) {
                    refusals.computeIfAbsent(String.valueOf(status), k -> new AtomicInteger()).incrementAndGet();
                    throw new IllegalStateException("answered " + status);
                }
            });
            sent += answered.due();
            failed.addAndGet((int) (answered.errors() + answered.incomplete()));
            if (answered.incomplete() > 0) {
                refusals.computeIfAbsent("unanswered", k -> new AtomicInteger()).addAndGet((int) answered.incomplete());
            }
            if (into != null) {
                registrationMicros.add(answered.micros());
            }
            collect(from, into);
        }

        private HttpRequest registration() {
            String body = String.format(Locale.ROOT, """
                    {"name":"事件路径基准 %s","hostType":"PARK","address":"北京市东城区",
                     "location":{"latitude":%.5f,"longitude":%.5f}}""", UUID.randomUUID(),
                    39.9 + Math.random() * 0.1, 116.3 + Math.random() * 0.1);
            return HttpRequest.newBuilder(URI.create(stationUrl + "/api/v1/stations"))
                    .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        }

        /** Waits until every consumer has applied the slice's events, then reads the latencies. */
        private void collect(Instant from, Map<String, Histogram> into) throws Exception {
            Map<String, Instant> created = new ConcurrentHashMap<>();
            Map<String, Instant> published = new ConcurrentHashMap<>();
            Instant deadline = Instant.now().plusSeconds(60);
            // The relay first: every event of the slice published (or the deadline passed).
            while (true) {
                created.clear();
                published.clear();
                try (Connection c = connect(stationDatabase);
                     PreparedStatement s = c.prepareStatement("select event_id, created_at, topic, length(payload),"
                             + " published_at from outbox_message"
                             + " where event_type = 'station.registered' and created_at >= ?")) {
                    s.setObject(1, java.sql.Timestamp.from(from));
                    try (ResultSet rs = s.executeQuery()) {
                        while (rs.next()) {
                            created.put(rs.getString(1), rs.getTimestamp(2).toInstant());
                            topic = rs.getString(3);
                            if (into == null) {
                                payloadSizes.add(rs.getInt(4));
                            }
                            if (rs.getTimestamp(5) != null) {
                                published.put(rs.getString(1), rs.getTimestamp(5).toInstant());
                            }
                        }
                    }
                }
                if (into == null || published.size() == created.size() || Instant.now().isAfter(deadline)) {
                    break;
                }
                Thread.sleep(200);
            }
            if (into == null) {
                return;
            }
            published.forEach((event, at) -> relayMicros.recordValue(Math.max(0,
                    Duration.between(created.get(event), at).toNanos() / 1_000)));
            Map<String, Map<String, Instant>> processed = new TreeMap<>();
            while (true) {
                processed.clear();
                for (String db : consumerDatabases) {
                    try (Connection c = connect(db);
                         PreparedStatement s = c.prepareStatement("select consumer, event_id, processed_at from inbox_processed_event"
                                 + " where event_id = any(?)")) {
                        s.setArray(1, c.createArrayOf("varchar", created.keySet().toArray()));
                        try (ResultSet rs = s.executeQuery()) {
                            while (rs.next()) {
                                processed.computeIfAbsent(rs.getString(1), k -> new ConcurrentHashMap<>())
                                        .put(rs.getString(2), rs.getTimestamp(3).toInstant());
                            }
                        }
                    }
                }
                boolean complete = !processed.isEmpty()
                        && processed.values().stream().allMatch(m -> m.size() == created.size());
                if (complete || Instant.now().isAfter(deadline)) {
                    break;
                }
                Thread.sleep(200);
            }
            processed.forEach((consumer, at) -> {
                Histogram h = into.computeIfAbsent(consumer, k -> new Histogram(60_000_000L, 3));
                at.forEach((event, when) -> h.recordValue(Math.max(0,
                        Duration.between(created.get(event), when).toNanos() / 1_000)));
            });
        }

        /** The database the stack created for {@code service}: its base name with the stack's suffix. */
        private static String databaseOf(Stack stack, String service) {
            String base = stack.process(service).spec().database();
            return stack.databases().stream().filter(db -> db.startsWith(base)).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no database for " + service));
        }

        int medianPayloadBytes() {
            List<Integer> sorted = new ArrayList<>(payloadSizes);
            sorted.sort(Integer::compare);
            return sorted.isEmpty() ? 1_000 : sorted.get(sorted.size() / 2);
        }

        int partitions() throws Exception {
            Properties p = new Properties();
            p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrap());
            try (Admin admin = Admin.create(p)) {
                return admin.describeTopics(Set.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS).get(topic)
                        .partitions().size();
            }
        }

        int failed() {
            return failed.get();
        }

        /** Why registrations were not answered 201: status (or "unanswered") and how many. */
        String refusals() {
            return refusals.isEmpty() ? "none" : new TreeMap<>(refusals).toString();
        }

        int sent() {
            return sent;
        }

        String topic() {
            return topic;
        }

        private Connection connect(String database) throws Exception {
            return DriverManager.getConnection(stack.postgres().jdbcUrl(database), stack.postgres().user(),
                    stack.postgres().password());
        }
    }

    /** A plain producer (the relay's settings) and consumer on a topic of its own. */
    static final class RawPath implements AutoCloseable {
        private final String topic = "bench.raw-" + UUID.randomUUID().toString().substring(0, 8);
        private final KafkaProducer<String, byte[]> producer;
        private final Thread consumerThread;
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final int size;
        private volatile Histogram target;
        private final AtomicInteger received = new AtomicInteger();

        RawPath(String bootstrap, int partitions, int size) throws Exception {
            this.size = Math.max(16, size);
            Properties a = new Properties();
            a.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
            try (Admin admin = Admin.create(a)) {
                admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get(30, TimeUnit.SECONDS);
            }
            Properties p = new Properties();
            p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
            p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            p.put(ProducerConfig.ACKS_CONFIG, "all");
            p.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
            p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
            producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
            Properties c = new Properties();
            c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
            c.put(ConsumerConfig.GROUP_ID_CONFIG, topic);
            c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
            c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
            KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(c, new StringDeserializer(),
                    new ByteArrayDeserializer());
            consumer.subscribe(List.of(topic));
            consumerThread = new Thread(() -> {
                try (consumer) {
                    while (running.get()) {
                        for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(100))) {
                            long sentAt = ByteBuffer.wrap(r.value()).getLong();
                            Histogram h = target;
                            if (h != null) {
                                synchronized (h) {
                                    h.recordValue(Math.max(0, (System.nanoTime() - sentAt) / 1_000));
                                }
                            }
                            received.incrementAndGet();
                        }
                        consumer.commitSync();
                    }
                }
            }, "raw-consumer");
            consumerThread.start();
        }

        void run(int rate, int seconds, Histogram into) throws Exception {
            Histogram slice = new Histogram(60_000_000L, 3);
            target = slice;
            int before = received.get();
            OpenLoop.Result sent = OpenLoop.run("raw", rate, 0, seconds, 1, 0, (worker, index) -> {
                byte[] value = new byte[size];
                ByteBuffer.wrap(value).putLong(System.nanoTime());
                producer.send(new ProducerRecord<>(topic, UUID.randomUUID().toString(), value));
            });
            long n = sent.due();
            Instant deadline = Instant.now().plusSeconds(60);
            while (received.get() - before < n && Instant.now().isBefore(deadline)) {
                Thread.sleep(20);
            }
            if (into != null) {
                synchronized (slice) {
                    into.add(slice);
                }
            }
        }

        @Override
        public void close() throws Exception {
            running.set(false);
            consumerThread.join(10_000);
            producer.close(Duration.ofSeconds(10));
        }
    }

    static String report(Options o, int size, int partitions, ServicePath service, Histogram serviceLatency,
                         Map<String, Histogram> perConsumer, Histogram raw, String loadAtStart, String loadAtEnd) {
        StringBuilder sb = new StringBuilder();
        sb.append("<!-- generated by org.yizhan.bench.EventPathBenchmark; do not edit by hand -->\n");
        sb.append(String.format(Locale.ROOT, "Run %s: %d events/s, %d s measured per path in %d alternating slices "
                        + "after %d s of warm-up; topic `%s`, %d partitions, messages of %,d bytes (the events' median), "
                        + "acks=all, idempotent producer, linger 5 ms; %d registrations sent, %d not answered 201 (%s), "
                        + "registration p50 %.1f ms, p99 %.1f ms from the intended send time; %d cores; "
                        + "load average (1/5/15 min) %s at the start, %s at the end.%n%n",
                Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS), o.rate(), o.seconds(), o.slices(),
                o.warmup(), service.topic(), partitions, size, service.sent(), service.failed(), service.refusals(),
                service.registrationMicros.getValueAtPercentile(50) / 1_000.0,
                service.registrationMicros.getValueAtPercentile(99) / 1_000.0,
                Runtime.getRuntime().availableProcessors(), loadAtStart, loadAtEnd));
        sb.append("| path | events | p50 (ms) | p90 (ms) | p99 (ms) | max (ms) | p99 vs raw Kafka |\n");
        sb.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        double rawP99 = raw.getValueAtPercentile(99) / 1_000.0;
        row(sb, "raw Kafka producer → consumer", raw, rawP99);
        row(sb, "outbox → published to Kafka (the relay)", service.relayMicros, rawP99);
        row(sb, "outbox → applied, every consumer", serviceLatency, rawP99);
        perConsumer.forEach((consumer, h) -> row(sb, "outbox → applied by `" + consumer + "`", h, rawP99));
        return sb.toString();
    }

    /**
     * CPU per event of each process in either path, over the measured slices (each slice's wait for
     * its events to be applied included), and what the service path's CPU per event means at the rate.
     */
    static String cpuReport(CpuMeter service, long serviceEvents, CpuMeter raw, long rawEvents) {
        StringBuilder sb = new StringBuilder();
        sb.append("\nCPU time per event over the measured slices (ms of CPU, all threads; PostgreSQL: all its processes):\n\n");
        sb.append("| process | outbox → applied | raw Kafka |\n| --- | ---: | ---: |\n");
        Map<String, Long> s = new TreeMap<>(service.used());
        Map<String, Long> r = raw.used();
        s.forEach((name, ms) -> sb.append(String.format(Locale.ROOT, "| %s | %.2f | %.2f |%n", name,
                perEvent(ms, serviceEvents), perEvent(r.getOrDefault(name, 0L), rawEvents))));
        sb.append(String.format(Locale.ROOT, "| **all** | **%.2f** | **%.2f** |%n", perEvent(service.total(), serviceEvents),
                perEvent(raw.total(), rawEvents)));
        return sb.toString();
    }

    private static double perEvent(long millis, long events) {
        return events == 0 ? Double.NaN : (double) millis / events;
    }

    private static void row(StringBuilder sb, String name, Histogram h, double rawP99) {
        sb.append(String.format(Locale.ROOT, "| %s | %,d | %.1f | %.1f | %.1f | %.1f | %.1f× |%n", name,
                h.getTotalCount(), h.getValueAtPercentile(50) / 1_000.0, h.getValueAtPercentile(90) / 1_000.0,
                h.getValueAtPercentile(99) / 1_000.0, h.getMaxValue() / 1_000.0,
                h.getValueAtPercentile(99) / 1_000.0 / rawP99));
    }
}
