package org.yizhan.bench;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.yizhan.localstack.Settings;
import org.yizhan.localstack.TempDirs;
import org.yizhan.localstack.kafka.KafkaBroker;
import org.yizhan.localstack.postgres.PostgresProvisioner;
import org.yizhan.localstack.postgres.PostgresServer;
import org.yizhan.localstack.run.ServiceProcess;
import org.yizhan.localstack.run.ServiceSpec;
import org.yizhan.localstack.security.DevKeys;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Near-me search at national scale: generates stations into station-service's database, starts
 * the packaged station-service on real PostgreSQL and Kafka, and measures
 * {@code GET /api/v1/stations/nearby} with open-now and two amenity filters from concurrent
 * clients, and the same query straight against PostgreSQL over JDBC with the same concurrency, as
 * the reference. After a warm-up of each, the two phases alternate in short slices (service,
 * database, database, service, ...), so that load from elsewhere on a shared machine weighs on
 * both alike; the report sums the slices of each phase.
 *
 * <p>Usage (from the repository root, after {@code ./mvnw -B package -DskipTests}):
 * {@code java -cp "benchmarks/target/benchmarks-1.0.0-SNAPSHOT.jar:benchmarks/target/lib/*"
 * org.yizhan.bench.NearbySearchBenchmark --stations 400000 --clients 50 --seconds 60 --slices 10}
 */
public final class NearbySearchBenchmark {

    /** The candidate query station-service's StationSearch issues for these filters (first round). */
    static final String CANDIDATE_SQL = "select id, distance, hours from (select s.id,"
            + " cast(s.opening_hours as text) as hours, 2 * 6371008.8 * asin(sqrt("
            + "power(sin(radians(s.latitude - ?) / 2), 2) + cos(radians(?)) * cos(radians(s.latitude))"
            + " * power(sin(radians(s.longitude - ?) / 2), 2))) as distance from station s"
            + " where point(s.longitude, s.latitude) <@ box(point(?, ?), point(?, ?))"
            + " and s.status in ('ACTIVE') and s.working_amenities @> cast(? as text[])) c"
            + " where distance <= ? order by distance, id limit 400";

    private NearbySearchBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = options(args);
        int stations = Integer.parseInt(opts.getOrDefault("stations", "400000"));
        int clients = Integer.parseInt(opts.getOrDefault("clients", "50"));
        int seconds = Integer.parseInt(opts.getOrDefault("seconds", "60"));
        int slices = Integer.parseInt(opts.getOrDefault("slices", "10"));
        int warmup = Integer.parseInt(opts.getOrDefault("warmup", "15"));
        int radius = Integer.parseInt(opts.getOrDefault("radius", "3000"));
        int pool = Integer.parseInt(opts.getOrDefault("pool", String.valueOf(Math.max(16, clients))));
        String database = opts.getOrDefault("database", "yizhan_bench");
        Path repoRoot = Path.of(opts.getOrDefault("repo", ".")).toAbsolutePath().normalize();
        Path out = repoRoot.resolve("benchmarks/target/nearby-search.md");
        String loadAtStart = loadAverage();
        System.out.println("load average at start: " + loadAtStart);

        Path work = TempDirs.create("yizhan-bench-");
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        try (PostgresServer pg = PostgresProvisioner.provision(Settings.fromEnvironment(),
                new PostgresProvisioner.EmbeddedOptions(work.resolve("postgres"), false, 0));
             KafkaBroker kafka = KafkaBroker.start(work.resolve("kafka"), 0)) {
            pg.dropDatabase(database);
            pg.createDatabaseIfMissing(database);
            DevKeys keys = DevKeys.loadOrCreate(work.resolve("keys"));
            int port = org.yizhan.localstack.Ports.free();
            ServiceSpec spec = new ServiceSpec("station-service", "station-service", port, database, Map.of());
            Map<String, String> env = new HashMap<>();
            env.put("QUARKUS_DATASOURCE_JDBC_URL", pg.jdbcUrl(database));
            env.put("QUARKUS_DATASOURCE_USERNAME", pg.user());
            env.put("QUARKUS_DATASOURCE_PASSWORD", pg.password());
            env.put("QUARKUS_DATASOURCE_JDBC_MAX_SIZE", String.valueOf(pool));
            env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
            env.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", keys.publicKeyPem().toString());
            env.put("YIZHAN_VISITS_PSEUDONYM_KEY", "benchmark-only-pseudonym-key-0123456789");
            List<String> jvm = List.of(opts.getOrDefault("jvm", "-Xmx512m -XX:+UseParallelGC").split("\\s+"));
            ServiceProcess service = ServiceProcess.start(spec, repoRoot, work.resolve("logs"), jvm, env);
            List<Connection> connections = new ArrayList<>();
            try {
                service.awaitReady(Duration.ofMinutes(3));
                System.out.printf("station-service ready in %.1f s%n", service.startupTime().toMillis() / 1000.0);
                long loadStart = System.nanoTime();
                load(pg, database, stations);
                System.out.printf("%,d stations loaded and analysed in %.1f s%n", stations,
                        (System.nanoTime() - loadStart) / 1e9);

                StationGenerator points = new StationGenerator(99);
                List<double[]> queries = new ArrayList<>();
                for (int i = 0; i < 20_000; i++) {
                    queries.add(points.queryPoint());
                }
                HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
                Call serviceCall = q -> {
                    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(nearbyUrl(port, q, radius)))
                            .GET().build(), HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() != 200) {
                        throw new IllegalStateException("HTTP " + r.statusCode() + ": " + r.body());
                    }
                    return r.body().length();
                };
                for (int i = 0; i < clients; i++) {
                    connections.add(pg.connect(database));
                }
                Call databaseCall = databaseCall(connections, radius);

                // Warm-up of both, then alternating slices (service, database, database, service, ...),
                // so that background load on a shared machine weighs on both phases alike.
                slice("service", clients, warmup, 0, queries, 0, serviceCall);
                slice("database", clients, warmup, 0, queries, 0, databaseCall);
                int sliceSeconds = Math.max(1, seconds / slices);
                List<Stats> serviceSlices = new ArrayList<>();
                List<Stats> databaseSlices = new ArrayList<>();
                for (int i = 0; i < slices; i++) {
                    boolean serviceFirst = i % 2 == 0;
                    for (int k = 0; k < 2; k++) {
                        boolean isService = serviceFirst == (k == 0);
                        Stats s = slice(isService ? "service" : "database", clients, SETTLE_SECONDS, sliceSeconds,
                                queries, i + 1, isService ? serviceCall : databaseCall);
                        (isService ? serviceSlices : databaseSlices).add(s);
                        System.out.printf(Locale.ROOT, "slice %d %-8s %6.0f req/s p99 %.1f ms%n", i + 1, s.name(),
                                s.throughput(), s.percentile(99));
                    }
                }
                long rss = service.rssMib();
                String loadAtEnd = loadAverage();
                String report = report(stations, clients, slices, sliceSeconds, radius, Stats.merge(serviceSlices),
                        Stats.merge(databaseSlices), serviceSlices, databaseSlices, rss, pg.origin(), loadAtStart,
                        loadAtEnd);
                System.out.println(report);
                Files.createDirectories(out.getParent());
                Files.writeString(out, report);
            } finally {
                for (Connection c : connections) {
                    c.close();
                }
                service.stop(Duration.ofSeconds(15));
                pg.dropDatabase(database);
            }
        }
    }

    /** Seconds at the start of each slice before latencies count, so that a phase starts from its steady state. */
    static final int SETTLE_SECONDS = 1;

    static String nearbyUrl(int port, double[] q, int radius) {
        return String.format(Locale.ROOT, "http://127.0.0.1:%d/api/v1/stations/nearby?lat=%.6f&lon=%.6f"
                + "&radius=%d&openNow=true&amenities=PHONE_CHARGING,MICROWAVE&limit=20", port, q[0], q[1], radius);
    }

    /** The 1, 5 and 15 minute load averages, as {@code uptime} prints them. */
    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (java.io.IOException e) {
            return String.format(Locale.ROOT, "%.2f (1 min)",
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    /** Bulk-loads generated stations with COPY, then refreshes the planner's statistics. */
    static void load(PostgresServer pg, String database, int count) throws Exception {
        StationGenerator generator = new StationGenerator(2026);
        try (Connection c = pg.connect(database)) {
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            int batch = 20_000;
            for (int from = 0; from < count; from += batch) {
                StringBuilder csv = new StringBuilder();
                for (int i = from; i < Math.min(count, from + batch); i++) {
                    StationGenerator.GeneratedStation s = generator.next(i);
                    csv.append(s.id()).append(',').append(s.name()).append(',').append(s.hostType()).append(',')
                            .append(s.address()).append(',').append(s.latitude()).append(',').append(s.longitude())
                            .append(',').append(s.status()).append(",2026-01-01T00:00:00Z,benchmark,2026-01-01T00:00:00Z,")
                            .append('"').append('{').append(String.join(",", s.workingAmenities())).append('}').append('"')
                            .append(',').append('"').append(s.openingHours().replace("\"", "\"\"")).append('"')
                            .append('\n');
                }
                copy.copyIn("copy station (id, name, host_type, address, latitude, longitude, status, registered_at,"
                        + " registered_by, updated_at, working_amenities, opening_hours) from stdin with (format csv)",
                        new StringReader(csv.toString()));
            }
            try (Statement s = c.createStatement()) {
                s.execute("analyze station");
            }
        }
    }

    interface Call {
        int call(double[] query) throws Exception;
    }

    /** Latencies of one phase, in microseconds, sorted. */
    record Stats(String name, long[] micros, long errors, double seconds) {
        double throughput() {
            return micros.length / seconds;
        }

        double percentile(double p) {
            if (micros.length == 0) {
                return Double.NaN;
            }
            int index = (int) Math.ceil(p / 100.0 * micros.length) - 1;
            return micros[Math.max(0, Math.min(micros.length - 1, index))] / 1000.0;
        }

        /** The slices of one phase as one: all latencies, errors and measured seconds summed. */
        static Stats merge(List<Stats> slices) {
            long[] all = slices.stream().flatMapToLong(s -> Arrays.stream(s.micros())).sorted().toArray();
            return new Stats(slices.get(0).name(), all, slices.stream().mapToLong(Stats::errors).sum(),
                    slices.stream().mapToDouble(Stats::seconds).sum());
        }
    }

    /**
     * One closed-loop slice: {@code clients} threads call as fast as answers come for
     * {@code settleSeconds + seconds}; calls that start after the settling time and end within
     * the slice count. Returns when every client's last call has ended.
     */
    static Stats slice(String name, int clients, int settleSeconds, int seconds, List<double[]> queries,
                       int sliceIndex, Call call) throws InterruptedException {
        AtomicLong errors = new AtomicLong();
        List<long[]> perClient = new ArrayList<>();
        CountDownLatch done = new CountDownLatch(clients);
        long measureFrom = System.nanoTime() + settleSeconds * 1_000_000_000L;
        long measureUntil = measureFrom + seconds * 1_000_000_000L;
        for (int t = 0; t < clients; t++) {
            long[] latencies = new long[200_000];
            perClient.add(latencies);
            int offset = t * 397 + sliceIndex * 1_009;
            Thread thread = new Thread(() -> {
                int n = 0;
                int i = offset;
                try {
                    while (System.nanoTime() < measureUntil) {
                        double[] q = queries.get(i++ % queries.size());
                        long start = System.nanoTime();
                        try {
                            call.call(q);
                        } catch (Exception e) {
                            if (start >= measureFrom) {
                                errors.incrementAndGet();
                            }
                            continue;
                        }
                        long end = System.nanoTime();
                        if (start >= measureFrom && end <= measureUntil && n < latencies.length - 1) {
                            latencies[n++] = (end - start) / 1000;
                        }
                    }
                } finally {
                    latencies[latencies.length - 1] = n;
                    done.countDown();
                }
            }, name + "-client-" + t);
            thread.start();
        }
        done.await();
        long total = perClient.stream().mapToLong(l -> l[l.length - 1]).sum();
        long[] all = new long[(int) total];
        int k = 0;
        for (long[] l : perClient) {
            int n = (int) l[l.length - 1];
            System.arraycopy(l, 0, all, k, n);
            k += n;
        }
        Arrays.sort(all);
        return new Stats(name, all, errors.get(), seconds);
    }

    /** The reference: the service's query straight over JDBC, one prepared statement per client connection. */
    static Call databaseCall(List<Connection> connections, int radius) {
        // Client threads are new in every slice; each takes the next connection and keeps its statement.
        List<PreparedStatement> prepared = new ArrayList<>();
        for (Connection c : connections) {
            try {
                prepared.add(c.prepareStatement(CANDIDATE_SQL));
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        }
        ThreadLocal<PreparedStatement> statements = new ThreadLocal<>();
        AtomicLong next = new AtomicLong();
        return q -> {
            PreparedStatement ps = statements.get();
            if (ps == null) {
                ps = prepared.get((int) (next.getAndIncrement() % prepared.size()));
                statements.set(ps);
            }
            bindCandidateQuery(ps, q, radius);
            int rows = 0;
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows++;
                }
            }
            return rows;
        };
    }

    static void bindCandidateQuery(PreparedStatement ps, double[] q, int radius) throws java.sql.SQLException {
        double dLat = Math.toDegrees(radius / 6371008.8);
        double dLon = dLat / Math.max(Math.cos(Math.toRadians(q[0])), 0.01);
        ps.setDouble(1, q[0]);
        ps.setDouble(2, q[0]);
        ps.setDouble(3, q[1]);
        ps.setDouble(4, q[1] - dLon);
        ps.setDouble(5, q[0] - dLat);
        ps.setDouble(6, q[1] + dLon);
        ps.setDouble(7, q[0] + dLat);
        ps.setString(8, "{MICROWAVE,PHONE_CHARGING}");
        ps.setDouble(9, radius);
    }

    static String report(int stations, int clients, int slices, int sliceSeconds, int radius, Stats service, Stats db,
                         List<Stats> serviceSlices, List<Stats> dbSlices, long rssMib, String pgOrigin,
                         String loadAtStart, String loadAtEnd) {
        StringBuilder r = new StringBuilder();
        r.append("<!-- generated by org.yizhan.bench.NearbySearchBenchmark; do not edit by hand -->\n");
        r.append(String.format(Locale.ROOT, "Run %s: %,d stations, %d concurrent clients, %d s measured per phase "
                        + "in %d alternating slices of %d s (after %d s settling each), radius %d m, openNow=true, "
                        + "amenities=PHONE_CHARGING,MICROWAVE, limit 20; PostgreSQL: %s; %d cores; load average "
                        + "(1/5/15 min) %s at the start, %s at the end.%n%n",
                Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS), stations, clients,
                slices * sliceSeconds, slices, sliceSeconds, SETTLE_SECONDS, radius, pgOrigin,
                Runtime.getRuntime().availableProcessors(), loadAtStart, loadAtEnd));
        r.append("| phase | requests | errors | throughput (req/s) | p50 (ms) | p90 (ms) | p99 (ms) | max (ms) |\n");
        r.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for (Stats s : List.of(service, db)) {
            r.append(String.format(Locale.ROOT, "| %s | %,d | %d | %.0f | %.2f | %.2f | %.2f | %.2f |%n",
                    s.name().equals("service") ? "station-service `GET /api/v1/stations/nearby`"
                            : "PostgreSQL, the service's query over JDBC",
                    s.micros().length, s.errors(), s.throughput(), s.percentile(50), s.percentile(90),
                    s.percentile(99), s.micros().length == 0 ? Double.NaN : s.micros()[s.micros().length - 1] / 1000.0));
        }
        r.append(String.format(Locale.ROOT, "%nService throughput is %.0f %% of the database's own (sums over all "
                        + "slices); per slice the service did %s req/s and the database %s req/s. station-service "
                        + "RSS after the run: %d MiB.%n", 100.0 * service.throughput() / db.throughput(),
                range(serviceSlices), range(dbSlices), rssMib));
        return r.toString();
    }

    private static String range(List<Stats> slices) {
        double min = slices.stream().mapToDouble(Stats::throughput).min().orElse(Double.NaN);
        double max = slices.stream().mapToDouble(Stats::throughput).max().orElse(Double.NaN);
        return String.format(Locale.ROOT, "%.0f–%.0f", min, max);
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> opts = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            opts.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        return opts;
    }
}
