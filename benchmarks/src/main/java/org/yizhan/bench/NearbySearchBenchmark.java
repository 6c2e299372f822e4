package org.yizhan.bench;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.yizhan.localstack.Settings;
import org.yizhan.localstack.TempDirs;
import org.yizhan.localstack.kafka.KafkaBroker;
import org.yizhan.localstack.postgres.PostgresProvisioner;
import org.yizhan.localstack.postgres.PostgresServer;
import org.yizhan.localstack.run.ServiceProcess;
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

    /**
     * The statement station-service's StationSearch issues for these filters (openAt = now, the
     * amenities, status ACTIVE, first page of 20, so 21 rows), parameters marked {@code ?}: the
     * nearest stations in the circle whose hours are open by their week, or whose hours it then
     * checks in Java (none of the generated ones on an ordinary day). Checked against the service's
     * answers before measuring ({@link #checkSameAnswers}).
     */
    static final String SERVICE_SQL = "select * from (select s.id, 2 * 6371008.8 * asin(sqrt("
            + "power(sin(radians(s.latitude - ?) / 2), 2) + cos(radians(?)) * cos(radians(s.latitude))"
            + " * power(sin(radians(s.longitude - ?) / 2), 2))) as distance, case when s.hours_week is null"
            + " or s.hours_week_from > ? or not (? or s.hours_calendar_free) then cast(s.opening_hours as text) end"
            + " as hours, s.name, s.host_type, s.host_organisation, s.address, s.district, s.latitude, s.longitude,"
            + " s.contact_phone, s.area_m2, s.seats, cast(s.photos as text) as photos, cast(s.listed_in as text)"
            + " as listed_in, s.status, s.status_reason, s.expected_reopening, s.last_verified_on, s.registered_at,"
            + " s.updated_at, s.version from station s where point(s.longitude, s.latitude)"
            + " <@ box(point(?, ?), point(?, ?)) and s.status in ('ACTIVE')"
            + " and s.working_amenities @> cast('{MICROWAVE,PHONE_CHARGING}' as text[])"
            + " and s.opening_hours is not null and (s.hours_week is null or s.hours_week_from > ?"
            + " or not (? or s.hours_calendar_free) or s.hours_week @> ((extract(isodow from cast(? as timestamptz)"
            + " at time zone s.hours_zone) - 1) * 1440 + extract(hour from cast(? as timestamptz) at time zone"
            + " s.hours_zone) * 60 + extract(minute from cast(? as timestamptz) at time zone s.hours_zone))::int))"
            + " c where distance <= ? order by distance, id limit 21";

    private NearbySearchBenchmark() {
    }

    /** The run's settings, from the command line. */
    record Options(int stations, int clients, int seconds, int slices, int warmup, int radius, int pool,
                   String database, Path repoRoot, List<String> jvm) {

        static Options parse(String[] args) {
            Map<String, String> opts = BenchArgs.parse(args);
            int clients = Integer.parseInt(opts.getOrDefault("clients", "50"));
            return new Options(Integer.parseInt(opts.getOrDefault("stations", "400000")), clients,
                    Integer.parseInt(opts.getOrDefault("seconds", "60")), Integer.parseInt(opts.getOrDefault("slices", "10")),
                    Integer.parseInt(opts.getOrDefault("warmup", "15")), Integer.parseInt(opts.getOrDefault("radius", "3000")),
                    Integer.parseInt(opts.getOrDefault("pool", String.valueOf(Math.max(16, clients)))),
                    opts.getOrDefault("database", "yizhan_bench"),
                    Path.of(opts.getOrDefault("repo", ".")).toAbsolutePath().normalize(),
                    List.of(opts.getOrDefault("jvm", "-Xmx512m -XX:+UseParallelGC").split("\\s+")));
        }
    }

    public static void main(String[] args) throws Exception {
        Options o = Options.parse(args);
        String loadAtStart = loadAverage();
        System.out.println("load average at start: " + loadAtStart);
        Path work = TempDirs.create("yizhan-bench-");
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        try (PostgresServer pg = PostgresProvisioner.provision(Settings.fromEnvironment(),
                new PostgresProvisioner.EmbeddedOptions(work.resolve("postgres"), false, 0));
             KafkaBroker kafka = KafkaBroker.start(work.resolve("kafka"), 0)) {
            pg.dropDatabase(o.database());
            pg.createDatabaseIfMissing(o.database());
            int port = org.yizhan.localstack.Ports.free();
            ServiceProcess service = startService(o, pg, kafka, work, port);
            List<Connection> connections = new ArrayList<>();
            try {
                service.awaitReady(Duration.ofMinutes(3));
                System.out.printf("station-service ready in %.1f s%n", service.startupTime().toMillis() / 1000.0);
                long loadStart = System.nanoTime();
                load(pg, o.database(), o.stations());
                System.out.printf("%,d stations loaded and analysed in %.1f s%n", o.stations(),
                        (System.nanoTime() - loadStart) / 1e9);
                for (int i = 0; i < o.clients(); i++) {
                    connections.add(pg.connect(o.database()));
                }
                String report = measure(o, port, connections, service, pg.origin(), loadAtStart);
                System.out.println(report);
                Path out = o.repoRoot().resolve("benchmarks/target/nearby-search.md");
                Files.createDirectories(out.getParent());
                Files.writeString(out, report);
            } finally {
                for (Connection c : connections) {
                    c.close();
                }
                service.stop(Duration.ofSeconds(15));
                pg.dropDatabase(o.database());
            }
        }
    }

    private static ServiceProcess startService(Options o, PostgresServer pg, KafkaBroker kafka, Path work, int port)
            throws Exception {
        // Loaded stations get their search week from the service's backfill; do not wait a minute for it.
        return BenchServices.stationService(o.repoRoot(), work, pg, kafka, DevKeys.loadOrCreate(work.resolve("keys")),
                o.database(), port, o.pool(), o.jvm(), Map.of("YIZHAN_SEARCH_DERIVE_HOURS_EVERY", "2s"));
    }

    /** Checks both sides give the same answers, then measures them in alternating slices; the report. */
    private static String measure(Options o, int port, List<Connection> connections, ServiceProcess service,
                                  String pgOrigin, String loadAtStart) throws Exception {
        StationGenerator points = new StationGenerator(99);
        List<double[]> queries = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            queries.add(points.queryPoint());
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        Call serviceCall = q -> {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(nearbyUrl(port, q, o.radius())))
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("HTTP " + r.statusCode() + ": " + r.body());
            }
            return r.body().length();
        };
        awaitDerivedHours(connections.get(0), Duration.ofMinutes(5));
        checkSameAnswers(http, port, connections.get(0), queries, o.radius());
        Call databaseCall = databaseCall(connections, o.radius());

        // Warm-up of both, then alternating slices (service, database, database, service, ...),
        // so that background load on a shared machine weighs on both phases alike.
        slice("service", o.clients(), o.warmup(), 0, queries, 0, serviceCall);
        slice("database", o.clients(), o.warmup(), 0, queries, 0, databaseCall);
        int sliceSeconds = Math.max(1, o.seconds() / o.slices());
        List<Stats> serviceSlices = new ArrayList<>();
        List<Stats> databaseSlices = new ArrayList<>();
        for (int i = 0; i < o.slices(); i++) {
            boolean serviceFirst = i % 2 == 0;
            for (int k = 0; k < 2; k++) {
                boolean isService = serviceFirst == (k == 0);
                Stats s = slice(isService ? "service" : "database", o.clients(), SETTLE_SECONDS, sliceSeconds,
                        queries, i + 1, isService ? serviceCall : databaseCall);
                (isService ? serviceSlices : databaseSlices).add(s);
                System.out.printf(Locale.ROOT, "slice %d %-8s %6.0f req/s p99 %.1f ms%n", i + 1, s.name(),
                        s.throughput(), s.percentile(99));
            }
        }
        return report(o.stations(), o.clients(), o.slices(), sliceSeconds, o.radius(), Stats.merge(serviceSlices),
                Stats.merge(databaseSlices), serviceSlices, databaseSlices, service.rssMib(), pgOrigin, loadAtStart,
                loadAverage());
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
                prepared.add(c.prepareStatement(SERVICE_SQL));
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
            bindServiceQuery(ps, q, radius);
            int rows = 0;
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows++;
                }
            }
            return rows;
        };
    }

    static void bindServiceQuery(PreparedStatement ps, double[] q, int radius) throws java.sql.SQLException {
        double dLat = Math.toDegrees(radius / 6371008.8);
        double dLon = dLat / Math.max(Math.cos(Math.toRadians(q[0])), 0.01);
        java.time.OffsetDateTime now = Instant.now().atOffset(java.time.ZoneOffset.UTC);
        // The service passes whether no official day (休/班) is near; none is near the benchmark's
        // dates, and the generated hours with official-day rules are those it would then check in Java.
        boolean ordinaryDays = true;
        int i = 1;
        ps.setDouble(i++, q[0]);
        ps.setDouble(i++, q[0]);
        ps.setDouble(i++, q[1]);
        ps.setObject(i++, now);
        ps.setBoolean(i++, ordinaryDays);
        ps.setDouble(i++, q[1] - dLon);
        ps.setDouble(i++, q[0] - dLat);
        ps.setDouble(i++, q[1] + dLon);
        ps.setDouble(i++, q[0] + dLat);
        ps.setObject(i++, now);
        ps.setBoolean(i++, ordinaryDays);
        ps.setObject(i++, now);
        ps.setObject(i++, now);
        ps.setObject(i++, now);
        ps.setDouble(i, radius);
    }

    /**
     * The reference must be the query the service runs: for some query points, the ids of the
     * service's page must be the first 20 rows of the reference query whose hours need no check in
     * Java (rows whose hours come back are left to the service's check).
     */
    static void checkSameAnswers(HttpClient http, int port, Connection connection, List<double[]> queries,
                                 int radius) throws Exception {
        int compared = 0;
        try (PreparedStatement ps = connection.prepareStatement(SERVICE_SQL)) {
            for (int n = 0; n < 50; n++) {
                double[] q = queries.get(n * 97);
                // An opening or closing minute may pass between the two; then they are asked again.
                String difference = difference(http, port, ps, q, radius);
                if (difference != null) {
                    difference = difference(http, port, ps, q, radius);
                }
                if (difference != null) {
                    throw new IllegalStateException("the reference query answers differently from the service at "
                            + Arrays.toString(q) + ": " + difference);
                }
                compared++;
            }
        }
        System.out.printf("the reference query gave the service's answers at %d query points%n", compared);
    }

    /** Null when the service's page is the reference's first rows, else both; rows checked in Java compare too. */
    private static String difference(HttpClient http, int port, PreparedStatement ps, double[] q, int radius)
            throws Exception {
        bindServiceQuery(ps, q, radius);
        List<String> reference = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                if (rs.getString("hours") != null) {
                    return null;
                }
                reference.add(rs.getString("id"));
            }
        }
        String body = http.send(HttpRequest.newBuilder(URI.create(nearbyUrl(port, q, radius))).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
        List<String> service = new ArrayList<>();
        JSON.readTree(body).get("items").forEach(item -> service.add(item.get("station").get("id").asText()));
        List<String> expected = reference.subList(0, Math.min(20, reference.size()));
        return service.equals(expected) ? null : expected + " vs " + service;
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
            new com.fasterxml.jackson.databind.ObjectMapper();

    /** Waits until station-service has derived the search week of every loaded station's hours. */
    static void awaitDerivedHours(Connection connection, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        long start = System.nanoTime();
        try (Statement s = connection.createStatement()) {
            while (true) {
                try (ResultSet rs = s.executeQuery("select count(*) from station where opening_hours is not null"
                        + " and not hours_derived")) {
                    rs.next();
                    if (rs.getLong(1) == 0) {
                        break;
                    }
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("station-service did not derive the hours in " + timeout);
                }
                Thread.sleep(1_000);
            }
            // Deriving rewrote every row of the freshly loaded table, leaving it twice its size;
            // compact it again (same row order), as a table filled through the API over time would be.
            s.execute("vacuum full analyze station");
        }
        System.out.printf("hours derived by station-service and table compacted in %.1f s%n",
                (System.nanoTime() - start) / 1e9);
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

}
