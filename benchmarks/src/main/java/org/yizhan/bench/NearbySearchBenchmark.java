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
 * {@code GET /api/v1/stations/nearby} with open-now and two amenity filters against the same
 * statement run straight on PostgreSQL over JDBC, as the reference: first whether both give the
 * same answers, then the statement's plan ({@code EXPLAIN (ANALYZE, BUFFERS)}) against the
 * previous box-only statement, then an open-loop load at a fixed rate ({@link OpenLoop}) and a
 * step search for the highest rate that keeps p99 under a limit, and, with {@code --clients} above
 * 0, the closed-loop load of concurrent clients. The two phases of each load alternate in short
 * slices (service, database, database, service, ...), so that load from elsewhere on a shared
 * machine weighs on both alike; the report sums the slices of each phase.
 *
 * <p>Usage: see docs/benchmarks.md, "Near-me search at national scale".
 */
public final class NearbySearchBenchmark {

    /** The great-circle distance from the query point (latitude, latitude, longitude). */
    private static final String DISTANCE = "2 * 6371008.8 * asin(sqrt(power(sin(radians(s.latitude - ?) / 2), 2)"
            + " + cos(radians(?)) * cos(radians(s.latitude)) * power(sin(radians(s.longitude - ?) / 2), 2)))";

    /** Whether the hours are left to the service's check in Java (open-at instant, no official day near). */
    private static final String JAVA_CHECKS = "s.hours_week is null or s.hours_week_from > ?"
            + " or not (? or s.hours_calendar_free)";

    /** The bounding box of the radius (west, south, east, north). */
    private static final String BOX = "point(s.longitude, s.latitude) <@ box(point(?, ?), point(?, ?))";

    /** Status, the two amenities, and open at the instant by the derived week or left to the check in Java. */
    private static final String FILTERS = " and s.status in ('ACTIVE')"
            + " and s.working_amenities @> cast('{MICROWAVE,PHONE_CHARGING}' as text[])"
            + " and s.opening_hours is not null and (" + JAVA_CHECKS + " or s.hours_week @> ((extract(isodow from"
            + " cast(? as timestamptz) at time zone s.hours_zone) - 1) * 1440 + extract(hour from cast(? as timestamptz)"
            + " at time zone s.hours_zone) * 60 + extract(minute from cast(? as timestamptz) at time zone"
            + " s.hours_zone))::int)";

    private static final String SELECT = "select * from (select s.id, " + DISTANCE + " as distance, case when "
            + JAVA_CHECKS + " then cast(s.opening_hours as text) end as hours, s.name, s.host_type, s.host_organisation,"
            + " s.address, s.district, s.latitude, s.longitude, s.contact_phone, s.area_m2, s.seats,"
            + " cast(s.photos as text) as photos, cast(s.listed_in as text) as listed_in, s.status, s.status_reason,"
            + " s.expected_reopening, s.last_verified_on, s.registered_at, s.updated_at, s.version from station s where "
            + BOX;

    private static final String ORDER = ") c where distance <= ? order by distance, id limit 21";

    /**
     * The box of the largest distance among the 21 first matches in nearest-first (planar) order;
     * see station-service's StationSearch and ADR 0027.
     */
    private static final String BOX_OF_NEAREST = " and point(s.longitude, s.latitude) <@ (select case when n < 21"
            + " then box(point(-1000, -1000), point(1000, 1000)) else box(point(? - w, ? - h), point(? + w, ? + h)) end"
            + " from (select n, degrees(a) + 1e-9 as h, case when a >= pi() / 2 - radians(abs(?)) then 360"
            + " else degrees(asin(least(1, sin(a) / cos(radians(?))))) + 1e-9 end as w from (select count(*) as n,"
            + " max(distance) * (1 + 1e-9) / 6371008.8 as a from (select " + DISTANCE + " as distance from station s"
            + " where " + BOX + " and case when true" + FILTERS + " then true else false end"
            + " order by point(s.longitude, s.latitude) <-> point(?, ?) limit 21) k) g) m)";

    /**
     * The statement station-service's StationSearch issues for these filters (openAt = now, the
     * amenities, status ACTIVE, first page of 20, so 21 rows), parameters marked {@code ?}: the
     * nearest stations in the circle whose hours are open by their week, or whose hours it then
     * checks in Java (none of the generated ones on an ordinary day), read from the box of the
     * nearest matches. Checked against the service's answers before measuring ({@link #checkSameAnswers}).
     */
    static final String SERVICE_SQL = SELECT + BOX_OF_NEAREST + FILTERS + ORDER;

    /**
     * The statement before ADR 0027: every match in the box of the radius, ordered by distance.
     * Measured with {@code EXPLAIN} against {@link #SERVICE_SQL} and checked to give the same rows.
     */
    static final String BOX_ONLY_SQL = SELECT + FILTERS + ORDER;

    private NearbySearchBenchmark() {
    }

    /** Where {@code EXPLAIN} looks: central Shanghai (dense) and the outskirts of Lhasa (sparse). */
    static final double[] SHANGHAI = {31.2304, 121.4737};
    static final double[] LHASA_OUTSKIRTS = {29.70, 91.25};

    /** The run's settings, from the command line. */
    record Options(int stations, int clients, int seconds, int slices, int warmup, int radius, int pool,
                   String database, Path repoRoot, List<String> jvm, double rate, int rateSeconds, int rateSlices,
                   int workers, double p99Limit, int stepSeconds, Path doc, boolean loads, boolean keep,
                   boolean reuse) {

        static Options parse(String[] args) {
            Map<String, String> opts = BenchArgs.parse(args);
            int clients = Integer.parseInt(opts.getOrDefault("clients", "0"));
            int workers = Integer.parseInt(opts.getOrDefault("workers", "16"));
            Path repo = Path.of(opts.getOrDefault("repo", ".")).toAbsolutePath().normalize();
            return new Options(Integer.parseInt(opts.getOrDefault("stations", "400000")), clients,
                    Integer.parseInt(opts.getOrDefault("seconds", "60")), Integer.parseInt(opts.getOrDefault("slices", "10")),
                    Integer.parseInt(opts.getOrDefault("warmup", "15")), Integer.parseInt(opts.getOrDefault("radius", "3000")),
                    Integer.parseInt(opts.getOrDefault("pool", String.valueOf(Math.max(16, Math.max(clients, workers))))),
                    opts.getOrDefault("database", "yizhan_bench"), repo,
                    List.of(opts.getOrDefault("jvm", "-Xmx512m -XX:+UseParallelGC").split("\\s+")),
                    Double.parseDouble(opts.getOrDefault("rate", "300")),
                    Integer.parseInt(opts.getOrDefault("rate-seconds", "30")),
                    Integer.parseInt(opts.getOrDefault("rate-slices", "6")), workers,
                    Double.parseDouble(opts.getOrDefault("p99-limit", "50")),
                    Integer.parseInt(opts.getOrDefault("step-seconds", "5")),
                    opts.containsKey("doc") ? repo.resolve(opts.get("doc")) : null,
                    Boolean.parseBoolean(opts.getOrDefault("loads", "true")),
                    Boolean.parseBoolean(opts.getOrDefault("keep", "false")),
                    Boolean.parseBoolean(opts.getOrDefault("reuse", "false")));
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
            if (!o.reuse()) {
                pg.dropDatabase(o.database());
            }
            pg.createDatabaseIfMissing(o.database());
            int port = org.yizhan.localstack.Ports.free();
            ServiceProcess service = startService(o, pg, kafka, work, port);
            List<Connection> connections = new ArrayList<>();
            try {
                service.awaitReady(Duration.ofMinutes(3));
                System.out.printf("station-service ready in %.1f s%n", service.startupTime().toMillis() / 1000.0);
                long loadStart = System.nanoTime();
                if (o.reuse() && stationCount(pg, o.database()) == o.stations()) {
                    System.out.printf("%,d stations already there (--reuse)%n", o.stations());
                } else {
                    load(pg, o.database(), o.stations());
                    System.out.printf("%,d stations loaded and analysed in %.1f s%n", o.stations(),
                            (System.nanoTime() - loadStart) / 1e9);
                }
                for (int i = 0; i < Math.max(o.clients(), o.workers()); i++) {
                    connections.add(pg.connect(o.database()));
                }
                String report = measure(o, port, connections, service, pg, loadAtStart);
                DocSection.publish(o.repoRoot(), "nearby-search.md", o.doc(), NearbySearchBenchmark.class.getName(), report);
            } finally {
                for (Connection c : connections) {
                    c.close();
                }
                service.stop(Duration.ofSeconds(15));
                if (!o.keep()) {
                    pg.dropDatabase(o.database());
                }
            }
        }
    }

    private static long stationCount(PostgresServer pg, String database) throws java.sql.SQLException {
        try (Connection c = pg.connect(database); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select count(*) from station")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static ServiceProcess startService(Options o, PostgresServer pg, KafkaBroker kafka, Path work, int port)
            throws Exception {
        // Loaded stations get their search week from the service's backfill; do not wait a minute for it.
        return BenchServices.stationService(o.repoRoot(), work, pg, kafka, DevKeys.loadOrCreate(work.resolve("keys")),
                o.database(), port, o.pool(), o.jvm(), Map.of("YIZHAN_SEARCH_DERIVE_HOURS_EVERY", "2s"));
    }

    /** Query points near the cities, rounded to the 6 decimals the URL carries, so both sides get the same inputs. */
    static List<double[]> queryPoints(int count) {
        StationGenerator points = new StationGenerator(99);
        List<double[]> queries = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            double[] q = points.queryPoint();
            queries.add(new double[] {micro(q[0]), micro(q[1])});
        }
        return queries;
    }

    /** The double nearest to the value rounded to 6 decimals: what the service parses from {@code %.6f}. */
    static double micro(double degrees) {
        return Math.round(degrees * 1e6) / 1e6;
    }

    /** Checks both sides give the same answers, then measures them; the report. */
    private static String measure(Options o, int port, List<Connection> connections, ServiceProcess service,
                                  PostgresServer pg, String loadAtStart) throws Exception {
        List<double[]> queries = queryPoints(20_000);
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
        StringBuilder report = new StringBuilder();
        report.append(String.format(Locale.ROOT, "Run %s: %,d stations, radius %d m, openNow=true, "
                        + "amenities=PHONE_CHARGING,MICROWAVE, limit 20; PostgreSQL: %s %s; %d cores; load average "
                        + "(1/5/15 min) %s at the start.%n%n",
                Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS), o.stations(), o.radius(),
                pg.origin(), serverVersion(connections.get(0)), Runtime.getRuntime().availableProcessors(),
                loadAtStart));
        report.append(checkSameAnswers(http, port, connections.get(0), queries, o.radius()));
        report.append(explain(connections.get(0), o.radius()));

        String loadBeforeLoad = loadAverage();
        System.out.println("load average before the load phases: " + loadBeforeLoad);
        report.append(String.format(Locale.ROOT, "%nLoad average (1/5/15 min) before the load phases (after loading, "
                + "deriving the hours and compacting): %s.%n", loadBeforeLoad));
        if (o.loads()) {
            OpenLoopPhases open = new OpenLoopPhases(o, queries, serviceCall, connections);
            report.append(open.fixedRate());
            report.append(open.stepSearch());
        }

        if (o.loads() && o.clients() > 0) {
            report.append(closedLoop(o, queries, serviceCall, connections));
        }
        String loadAtEnd = loadAverage();
        report.append(String.format(Locale.ROOT, "%nstation-service RSS after the run: %d MiB. Load average "
                + "(1/5/15 min) at the end: %s%s.%n", service.rssMib(), loadAtEnd, busyNote(loadAtStart, loadAtEnd)));
        return report.toString();
    }

    /**
     * A warning when other work kept the machine busy (a 1-minute load above the number of cores
     * before the benchmark started anything), or a note that the load at the end includes the
     * benchmark's own.
     */
    static String busyNote(String loadAtStart, String loadAtEnd) {
        int cores = Runtime.getRuntime().availableProcessors();
        double start = Double.parseDouble(loadAtStart.split("\\s+")[0]);
        double end = Double.parseDouble(loadAtEnd.split("\\s+")[0]);
        // The end includes the benchmark's own load (up to one service, one database and the clients).
        return start > cores ? String.format(Locale.ROOT, " (the machine was busy with other work: a 1-minute load "
                + "of %.1f on %d cores at the start; the numbers are lower than on a quiet machine)", start, cores)
                : end > 3 * cores ? " (the load at the end includes the benchmark's own)" : "";
    }

    private static String serverVersion(Connection c) throws java.sql.SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("show server_version")) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** The open-loop phases: a fixed rate in alternating slices, and the step search for the highest rate. */
    private static final class OpenLoopPhases {
        private final Options o;
        private final List<double[]> queries;
        private final Call serviceCall;
        private final List<PreparedStatement> statements = new ArrayList<>();

        OpenLoopPhases(Options o, List<double[]> queries, Call serviceCall, List<Connection> connections)
                throws java.sql.SQLException {
            this.o = o;
            this.queries = queries;
            this.serviceCall = serviceCall;
            for (int w = 0; w < o.workers(); w++) {
                statements.add(connections.get(w).prepareStatement(SERVICE_SQL));
            }
        }

        /** One slice; the two phases of a pair of slices start at the same {@code first} query, so they ask the same. */
        OpenLoop.Result run(boolean service, double rate, double settle, double seconds, long first)
                throws InterruptedException {
            OpenLoop.Call call = service
                    ? (worker, index) -> serviceCall.call(queries.get((int) (index % queries.size())))
                    : (worker, index) -> {
                        PreparedStatement ps = statements.get(worker);
                        bindServiceQuery(ps, queries.get((int) (index % queries.size())), o.radius());
                        try (ResultSet rs = ps.executeQuery()) {
                            while (rs.next()) {
                                rs.getString(1);
                            }
                        }
                    };
            return OpenLoop.run(service ? "service" : "database", rate, settle, seconds, o.workers(), first, call);
        }

        String fixedRate() throws InterruptedException {
            double rate = o.rate();
            run(true, rate, 0, Math.min(10, o.warmup()), 0);
            run(false, rate, 0, Math.min(10, o.warmup()), 0);
            double sliceSeconds = Math.max(1, (double) o.rateSeconds() / o.rateSlices());
            List<OpenLoop.Result> serviceSlices = new ArrayList<>();
            List<OpenLoop.Result> databaseSlices = new ArrayList<>();
            for (int i = 0; i < o.rateSlices(); i++) {
                boolean serviceFirst = i % 2 == 0;
                for (int k = 0; k < 2; k++) {
                    boolean isService = serviceFirst == (k == 0);
                    OpenLoop.Result r = run(isService, rate, SETTLE_SECONDS, sliceSeconds, (i + 1) * 7_919L);
                    (isService ? serviceSlices : databaseSlices).add(r);
                    System.out.printf(Locale.ROOT, "open loop %.0f req/s, slice %d %-8s p99 %.2f ms%n", rate, i + 1,
                            r.name(), r.percentileMillis(99));
                }
            }
            OpenLoop.Result service = OpenLoop.Result.merge(serviceSlices);
            OpenLoop.Result database = OpenLoop.Result.merge(databaseSlices);
            StringBuilder r = new StringBuilder();
            r.append(String.format(Locale.ROOT, "%n**Open loop at %.0f req/s** (requests due every %.2f ms whatever "
                            + "the answers, latency from the intended send time; %d workers; %d alternating slices of "
                            + "%.0f s per phase after %d s settling each; goal p99 < 20 ms):%n%n", rate, 1000 / rate,
                    o.workers(), o.rateSlices(), sliceSeconds, SETTLE_SECONDS));
            r.append("| phase | requests due | errors | unanswered | p50 (ms) | p90 (ms) | p99 (ms) | max (ms) | p99 < 20 ms |\n");
            r.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |\n");
            for (OpenLoop.Result x : List.of(service, database)) {
                r.append(String.format(Locale.ROOT, "| %s | %,d | %d | %d | %.2f | %.2f | %.2f | %.2f | %s |%n",
                        phaseName(x.name()), x.due(), x.errors(), x.incomplete(), x.percentileMillis(50),
                        x.percentileMillis(90), x.percentileMillis(99), x.maxMillis(), x.meets(20) ? "met" : "not met"));
            }
            r.append(String.format(Locale.ROOT, "%nPer slice, p99 at the service %s ms, at the database %s ms.%n",
                    p99Range(serviceSlices), p99Range(databaseSlices)));
            return r.toString();
        }

        /**
         * For each phase: rates from {@code --rate} up by half at a time while p99 stays under the
         * limit, then halving the interval between the highest rate that kept it and the lowest
         * that did not, until they are within 10 %; both phases step in turn, in alternating order.
         */
        String stepSearch() throws InterruptedException {
            double[] kept = {0, 0};
            double[] missed = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY};
            List<String> rows = new ArrayList<>();
            for (int step = 0; step < 24; step++) {
                boolean any = false;
                for (int k = 0; k < 2; k++) {
                    int side = step % 2 == 0 ? k : 1 - k;
                    double rate = kept[side] == 0 && missed[side] == Double.POSITIVE_INFINITY ? o.rate()
                            : missed[side] == Double.POSITIVE_INFINITY ? kept[side] * 1.5
                            : (kept[side] + missed[side]) / 2;
                    rate = Math.round(rate / 10.0) * 10.0;
                    if (missed[side] <= kept[side] * 1.1 || rate < 20 || rate >= missed[side] || rate <= kept[side]) {
                        continue;
                    }
                    any = true;
                    OpenLoop.Result r = run(side == 0, rate, SETTLE_SECONDS, o.stepSeconds(), step * 4_999L);
                    boolean met = r.meets(o.p99Limit());
                    if (met) {
                        kept[side] = rate;
                    } else {
                        missed[side] = rate;
                    }
                    System.out.printf(Locale.ROOT, "step %.0f req/s %-8s p99 %.2f ms %s%n", rate, r.name(),
                            r.percentileMillis(99), met ? "kept" : "missed");
                    rows.add(String.format(Locale.ROOT, "| %s | %.0f | %.0f | %d | %d | %.2f | %.2f | %.2f | %s |",
                            phaseName(r.name()), rate, r.throughput(), r.errors(), r.incomplete(),
                            r.percentileMillis(50), r.percentileMillis(99), r.maxMillis(),
                            met ? "yes" : r.cutShort() ? "no (cut short: backlog)" : "no"));
                }
                if (!any) {
                    break;
                }
            }
            StringBuilder r = new StringBuilder();
            r.append(String.format(Locale.ROOT, "%n**Highest rate keeping p99 < %.0f ms** (open loop, %d s per step "
                    + "after %d s settling; each step's phases in alternating order):%n%n", o.p99Limit(),
                    o.stepSeconds(), SETTLE_SECONDS));
            r.append(String.format(Locale.ROOT, "| phase | rate (req/s) | answered (req/s) | errors | unanswered | p50 "
                    + "(ms) | p99 (ms) | max (ms) | p99 < %.0f ms |%n", o.p99Limit()));
            r.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |\n");
            rows.forEach(row -> r.append(row).append('\n'));
            r.append(String.format(Locale.ROOT, "%nHighest rate that kept p99 under %.0f ms: station-service %s, the "
                            + "database alone %s%s.%n", o.p99Limit(), rateText(kept[0], missed[0]),
                    rateText(kept[1], missed[1]), kept[0] > 0 && kept[1] > 0
                            ? String.format(Locale.ROOT, " (service %.0f %% of the database)", 100 * kept[0] / kept[1])
                            : ""));
            return r.toString();
        }

        private static String rateText(double kept, double missed) {
            if (kept == 0) {
                return String.format(Locale.ROOT, "below %.0f req/s", missed);
            }
            return missed == Double.POSITIVE_INFINITY ? String.format(Locale.ROOT, "at least %.0f req/s", kept)
                    : String.format(Locale.ROOT, "%.0f req/s (%.0f missed)", kept, missed);
        }

        private static String p99Range(List<OpenLoop.Result> slices) {
            double min = slices.stream().mapToDouble(s -> s.percentileMillis(99)).min().orElse(Double.NaN);
            double max = slices.stream().mapToDouble(s -> s.percentileMillis(99)).max().orElse(Double.NaN);
            return String.format(Locale.ROOT, "%.2f–%.2f", min, max);
        }
    }

    private static String phaseName(String name) {
        return name.equals("service") ? "station-service `GET /api/v1/stations/nearby`"
                : "PostgreSQL, the service's statement over JDBC";
    }

    /** The closed loop of concurrent clients (each sends its next request when answered), alternating slices. */
    private static String closedLoop(Options o, List<double[]> queries, Call serviceCall, List<Connection> connections)
            throws Exception {
        Call databaseCall = databaseCall(connections.subList(0, o.clients()), o.radius());
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
        return closedLoopReport(o.clients(), o.slices(), sliceSeconds, Stats.merge(serviceSlices),
                Stats.merge(databaseSlices), serviceSlices, databaseSlices);
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
        bind(ps, q, radius, Instant.now().atOffset(java.time.ZoneOffset.UTC), true);
    }

    /**
     * Binds {@link #SERVICE_SQL} ({@code nearest} true) or {@link #BOX_ONLY_SQL} with the values
     * the service computes for the query point: the box of the radius as StationSearch computes it.
     */
    static void bind(PreparedStatement ps, double[] q, int radius, java.time.OffsetDateTime now, boolean nearest)
            throws java.sql.SQLException {
        double lat = q[0];
        double lon = q[1];
        double dLat = Math.toDegrees(radius / 6371008.8);
        double dLon = Math.min(180, dLat / Math.max(Math.cos(Math.toRadians(lat)), 0.01));
        // The service passes whether no official day (休/班) is near; none is near the benchmark's
        // dates, and the generated hours with official-day rules are those it would then check in Java.
        boolean ordinaryDays = true;
        List<Object> values = new ArrayList<>(List.of(lat, lat, lon, now, ordinaryDays,
                lon - dLon, lat - dLat, lon + dLon, lat + dLat));
        List<Object> filters = List.of(now, ordinaryDays, now, now, now);
        if (nearest) {
            values.addAll(List.of(lon, lat, lon, lat, lat, lat, lat, lat, lon, lon - dLon, lat - dLat, lon + dLon,
                    lat + dLat));
            values.addAll(filters);
            values.addAll(List.of(lon, lat));
        }
        values.addAll(filters);
        values.add((double) radius);
        for (int i = 0; i < values.size(); i++) {
            ps.setObject(i + 1, values.get(i));
        }
    }

    /**
     * The reference must be the statement the service runs, and the statement must give what the
     * previous one gave: at 50 query points the service's page must be the reference's first 20
     * rows ({@link NearbyPages}: same order, same distances, freedom only between true ties), and
     * at 500 points the statement must give the same rows with the same distances as
     * {@link #BOX_ONLY_SQL}. Points whose rows include hours left to the Java check are counted
     * and skipped. A paragraph for the report.
     */
    static String checkSameAnswers(HttpClient http, int port, Connection connection, List<double[]> queries,
                                   int radius) throws Exception {
        int compared = 0;
        int skipped = 0;
        try (PreparedStatement ps = connection.prepareStatement(SERVICE_SQL)) {
            for (int n = 0; n < 50; n++) {
                double[] q = queries.get(n * 97);
                // An opening or closing minute may pass between the two; then they are asked again.
                String difference = difference(http, port, ps, q, radius);
                if (difference != null) {
                    difference = difference(http, port, ps, q, radius);
                }
                if (SKIPPED.equals(difference)) {
                    skipped++;
                    continue;
                }
                if (difference != null) {
                    throw new IllegalStateException("the reference query answers differently from the service at "
                            + Arrays.toString(q) + ": " + difference);
                }
                compared++;
            }
        }
        int same = 0;
        int rows = 0;
        try (PreparedStatement nearest = connection.prepareStatement(SERVICE_SQL);
             PreparedStatement boxOnly = connection.prepareStatement(BOX_ONLY_SQL)) {
            for (int n = 0; n < 500; n++) {
                double[] q = queries.get(n * 37 + 11);
                java.time.OffsetDateTime now = Instant.now().atOffset(java.time.ZoneOffset.UTC);
                bind(nearest, q, radius, now, true);
                bind(boxOnly, q, radius, now, false);
                List<NearbyPages.Row> a = rows(nearest);
                List<NearbyPages.Row> b = rows(boxOnly);
                if (!a.equals(b)) {
                    throw new IllegalStateException("the nearest-first statement differs from the box-only one at "
                            + Arrays.toString(q) + ": " + a + " vs " + b);
                }
                same++;
                rows += a.size();
            }
        }
        String text = String.format(Locale.ROOT, "Same answers: the service's page was the reference statement's "
                + "first 20 rows, in order, with the same distances, at %d query points (%d skipped: rows left to the "
                + "hours check in Java); the statement gave the same %,d rows with the same distances as the "
                + "box-only statement at %d points.%n", compared, skipped, rows, same);
        System.out.print(text);
        return text;
    }

    private static final String SKIPPED = "rows left to the hours check in Java";

    private static List<NearbyPages.Row> rows(PreparedStatement ps) throws java.sql.SQLException {
        List<NearbyPages.Row> rows = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                rows.add(new NearbyPages.Row(rs.getString("id"), rs.getDouble("distance")));
            }
        }
        return rows;
    }

    /** Null when the service's page is the reference's first rows (see {@link NearbyPages}), else what differs. */
    private static String difference(HttpClient http, int port, PreparedStatement ps, double[] q, int radius)
            throws Exception {
        bindServiceQuery(ps, q, radius);
        List<NearbyPages.Row> reference = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                if (rs.getString("hours") != null) {
                    return SKIPPED;
                }
                reference.add(new NearbyPages.Row(rs.getString("id"), rs.getDouble("distance")));
            }
        }
        String body = http.send(HttpRequest.newBuilder(URI.create(nearbyUrl(port, q, radius))).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
        List<NearbyPages.Row> service = new ArrayList<>();
        JSON.readTree(body).get("items").forEach(item -> service.add(new NearbyPages.Row(
                item.get("station").get("id").asText(), item.get("distanceMetres").asDouble())));
        return NearbyPages.difference(reference, service, 20);
    }

    /**
     * {@code EXPLAIN (ANALYZE, BUFFERS)} of the box-only statement and of the service's statement at
     * a dense and a sparse point, after running each a few times: table rows read, buffers and
     * time, then the plans.
     */
    static String explain(Connection connection, int radius) throws Exception {
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT, "%n**The statement's cost** "
                + "(`EXPLAIN (ANALYZE, BUFFERS)`, after three runs of each; rows read = rows the scans of `station` "
                + "returned or removed by a filter, over all loops):%n%n"
                + "| query point | statement | rows read | shared buffers hit / read | execution (ms) | rows |%n"
                + "| --- | --- | ---: | ---: | ---: | ---: |%n"));
        StringBuilder plans = new StringBuilder("\n<details><summary>Plans</summary>\n\n");
        for (double[] q : List.of(SHANGHAI, LHASA_OUTSKIRTS)) {
            String where = q == SHANGHAI ? "central Shanghai" : "outskirts of Lhasa";
            for (boolean nearest : new boolean[] {false, true}) {
                String sql = nearest ? SERVICE_SQL : BOX_ONLY_SQL;
                java.time.OffsetDateTime now = Instant.now().atOffset(java.time.ZoneOffset.UTC);
                int rows = 0;
                try (PreparedStatement ps = connection.prepareStatement(sql)) {
                    for (int i = 0; i < 3; i++) {
                        bind(ps, q, radius, now, nearest);
                        rows = rows(ps).size();
                    }
                }
                com.fasterxml.jackson.databind.JsonNode plan;
                try (PreparedStatement ps = connection.prepareStatement(
                        "explain (analyze, buffers, format json) " + sql)) {
                    bind(ps, q, radius, now, nearest);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        plan = JSON.readTree(rs.getString(1)).get(0);
                    }
                }
                com.fasterxml.jackson.databind.JsonNode top = plan.get("Plan");
                String name = nearest ? "nearest-first, then the box of the nearest (ADR 0027)"
                        : "box of the radius (before)";
                table.append(String.format(Locale.ROOT, "| %s [%s, %s] | %s | %,d | %,d / %,d | %.2f | %d |%n", where,
                        q[0], q[1], name, rowsRead(top), top.get("Shared Hit Blocks").asLong(),
                        top.get("Shared Read Blocks").asLong(), plan.get("Execution Time").asDouble(), rows));
                try (PreparedStatement ps = connection.prepareStatement("explain (analyze, buffers) " + sql)) {
                    bind(ps, q, radius, now, nearest);
                    plans.append(where).append(", ").append(name).append(":\n\n```\n");
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            plans.append(rs.getString(1)).append('\n');
                        }
                    }
                    plans.append("```\n\n");
                }
            }
        }
        plans.append("</details>\n");
        System.out.print(table);
        return table.append(plans).toString();
    }

    /** Rows the scans of {@code station} in a JSON plan returned or removed, times their loops. */
    static long rowsRead(com.fasterxml.jackson.databind.JsonNode node) {
        long rows = 0;
        if ("station".equals(node.path("Relation Name").asText())) {
            rows += (node.path("Actual Rows").asLong() + node.path("Rows Removed by Filter").asLong()
                    + node.path("Rows Removed by Index Recheck").asLong()) * Math.max(1, node.path("Actual Loops").asLong());
        }
        for (com.fasterxml.jackson.databind.JsonNode child : node.path("Plans")) {
            rows += rowsRead(child);
        }
        return rows;
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

    static String closedLoopReport(int clients, int slices, int sliceSeconds, Stats service, Stats db,
                                   List<Stats> serviceSlices, List<Stats> dbSlices) {
        StringBuilder r = new StringBuilder();
        r.append(String.format(Locale.ROOT, "%n**Closed loop** (%d concurrent clients, each sending its next request "
                        + "when answered; %d s measured per phase in %d alternating slices of %d s after %d s settling "
                        + "each):%n%n", clients, slices * sliceSeconds, slices, sliceSeconds, SETTLE_SECONDS));
        r.append("| phase | requests | errors | throughput (req/s) | p50 (ms) | p90 (ms) | p99 (ms) | max (ms) |\n");
        r.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for (Stats s : List.of(service, db)) {
            r.append(String.format(Locale.ROOT, "| %s | %,d | %d | %.0f | %.2f | %.2f | %.2f | %.2f |%n",
                    phaseName(s.name()), s.micros().length, s.errors(), s.throughput(), s.percentile(50),
                    s.percentile(90), s.percentile(99),
                    s.micros().length == 0 ? Double.NaN : s.micros()[s.micros().length - 1] / 1000.0));
        }
        r.append(String.format(Locale.ROOT, "%nService throughput is %.0f %% of the database's own (sums over all "
                        + "slices); per slice the service did %s req/s and the database %s req/s.%n",
                100.0 * service.throughput() / db.throughput(), range(serviceSlices), range(dbSlices)));
        return r.toString();
    }

    private static String range(List<Stats> slices) {
        double min = slices.stream().mapToDouble(Stats::throughput).min().orElse(Double.NaN);
        double max = slices.stream().mapToDouble(Stats::throughput).max().orElse(Double.NaN);
        return String.format(Locale.ROOT, "%.0f–%.0f", min, max);
    }

}
