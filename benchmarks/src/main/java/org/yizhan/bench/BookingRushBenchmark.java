package org.yizhan.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.HdrHistogram.Histogram;
import org.yizhan.localstack.Ports;
import org.yizhan.localstack.Settings;
import org.yizhan.localstack.TempDirs;
import org.yizhan.localstack.kafka.KafkaBroker;
import org.yizhan.localstack.postgres.PostgresProvisioner;
import org.yizhan.localstack.postgres.PostgresServer;
import org.yizhan.localstack.run.Secrets;
import org.yizhan.localstack.run.ServiceProcess;
import org.yizhan.localstack.run.ServiceSpec;
import org.yizhan.localstack.security.DevKeys;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The checkup booking rush: starts the packaged health-checkup-service on real PostgreSQL and Kafka,
 * opens a campaign with a given number of places, and lets workers try once each (hold, then
 * confirm with consent, as the app does) through the HTTP API, from a fixed number of concurrent
 * clients; then runs the same booking transactions straight over JDBC against a second, identical
 * campaign in the same database, as the reference. After each phase it checks in the database that
 * every place was sold exactly once.
 *
 * <p>Usage (from the repository root, after {@code ./mvnw -B -pl benchmarks -am package -DskipTests}):
 * {@code java -cp "benchmarks/target/benchmarks-1.0.0-SNAPSHOT.jar:benchmarks/target/lib/*"
 * org.yizhan.bench.BookingRushBenchmark --rushes 1000:100,10000:1000 --clients 32}
 */
public final class BookingRushBenchmark {

    static final String CLINIC = "bench-clinic";
    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    static final ObjectMapper JSON = new ObjectMapper();

    private BookingRushBenchmark() {
    }

    /** One rush: how many workers try, for how many places. */
    record Rush(int attempts, int places) {
        int slots() {
            return places <= 100 ? 5 : 10;
        }
    }

    /** What a phase measured, and what the database holds afterwards. */
    record Phase(String name, Rush rush, int sold, int refused, int errors, double seconds, Histogram micros,
                 Check check, double serviceCpuMs, double clientCpuMs) {
        double perSecond() {
            return rush.attempts() / seconds;
        }
    }

    /** The database after a rush: booked appointments, the slots' booked counters, places still held, persons. */
    record Check(int appointmentsBooked, int slotsBooked, int held, int pending, int overCapacity, int persons) {
        boolean exactlyOnce(int sold, int places) {
            return appointmentsBooked == sold && slotsBooked == sold && held == 0 && pending == 0
                    && overCapacity == 0 && persons == sold && sold <= places;
        }
    }

    /** A campaign opened for a rush. */
    record Campaign(String id, String site, List<String> slots, String consentVersion) {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = BenchArgs.parse(args);
        List<Rush> rushes = new ArrayList<>();
        for (String r : opts.getOrDefault("rushes", "1000:100,10000:1000").split(",")) {
            String[] parts = r.split(":");
            rushes.add(new Rush(Integer.parseInt(parts[0]), Integer.parseInt(parts[1])));
        }
        int clients = Integer.parseInt(opts.getOrDefault("clients", "32"));
        String[] warmup = opts.getOrDefault("warmup", "20000:2000").split(":");
        int pool = Integer.parseInt(opts.getOrDefault("pool", "16"));
        Path repoRoot = Path.of(opts.getOrDefault("repo", ".")).toAbsolutePath().normalize();
        Path out = repoRoot.resolve("benchmarks/target/booking-rush.md");

        Path work = TempDirs.create("yizhan-bench-");
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        String loadAtStart = NearbySearchBenchmark.loadAverage();
        try (PostgresServer pg = PostgresProvisioner.provision(Settings.fromEnvironment(),
                new PostgresProvisioner.EmbeddedOptions(work.resolve("postgres"), false, 0));
             KafkaBroker kafka = KafkaBroker.start(work.resolve("kafka"), 0)) {
            String database = "yizhan_bench_rush";
            pg.dropDatabase(database);
            pg.createDatabaseIfMissing(database);
            DevKeys keys = DevKeys.loadOrCreate(work.resolve("keys"));
            int port = Ports.free();
            ServiceSpec spec = new ServiceSpec("health-checkup-service", "health-checkup-service", port, database,
                    Map.of("YIZHAN_PSEUDONYM_KEY", Secrets.loadOrCreate(work.resolve("keys/pseudonym.key")),
                            "YIZHAN_FIELD_ENCRYPTION_KEYSET",
                            Secrets.keysetOrCreate(work.resolve("keys/fields.json"), "AES256_GCM"),
                            "YIZHAN_FIELD_ENCRYPTION_LOOKUP_KEYSET",
                            Secrets.keysetOrCreate(work.resolve("keys/lookup.json"), "AES256_SIV")));
            Map<String, String> env = new HashMap<>();
            env.put("QUARKUS_DATASOURCE_JDBC_URL", pg.jdbcUrl(database));
            env.put("QUARKUS_DATASOURCE_USERNAME", pg.user());
            env.put("QUARKUS_DATASOURCE_PASSWORD", pg.password() == null ? "" : pg.password());
            env.put("QUARKUS_DATASOURCE_JDBC_MAX_SIZE", String.valueOf(pool));
            env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
            env.putAll(keys.trustingEnvironment());
            List<String> jvm = List.of(opts.getOrDefault("jvm", "-Xmx512m -XX:+UseParallelGC").split("\\s+"));
            ServiceProcess service = ServiceProcess.start(spec, repoRoot, work.resolve("logs"), jvm, env);
            try {
                service.awaitReady(Duration.ofMinutes(3));
                System.out.printf("health-checkup-service ready in %.1f s%n", service.startupTime().toMillis() / 1000.0);
                Api api = new Api(port, keys);
                // Warm-up: a rush through both paths, not reported. On two shared cores the JIT needs some 15,000
                // attempts before the service runs compiled code (3.6 ms of CPU per attempt falls to 1.3 ms).
                run(api, pg, database, new Rush(Integer.parseInt(warmup[0]), Integer.parseInt(warmup[1])), clients, pool,
                        "warm-up ", service);
                List<Phase> phases = new ArrayList<>();
                for (Rush rush : rushes) {
                    phases.addAll(run(api, pg, database, rush, clients, pool, "", service));
                }
                String report = report(phases, clients, pool, pg.origin(), loadAtStart,
                        NearbySearchBenchmark.loadAverage(), service.rssMib());
                System.out.println(report);
                Files.createDirectories(out.getParent());
                Files.writeString(out, report);
            } finally {
                service.stop(Duration.ofSeconds(15));
                pg.dropDatabase(database);
            }
        }
    }

    /** One rush through the service, then the same through JDBC; each checked in the database. */
    static List<Phase> run(Api api, PostgresServer pg, String database, Rush rush, int clients, int pool,
                           String label, ServiceProcess process) throws Exception {
        List<String> tokens = new ArrayList<>(rush.attempts());
        String run = UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < rush.attempts(); i++) {
            tokens.add(api.keys.mint("bench-" + run + "-" + i, "worker"));
        }
        Campaign viaApi = api.open(rush);
        Phase service = rush(label + "service", rush, clients, viaApi, i -> api.attempt(viaApi, tokens.get(i), i, run),
                pg, database, process);
        System.out.printf(Locale.ROOT, "%s: %.0f attempts/s, p99 %.1f ms, sold %d, exactly once: %s%n", service.name(),
                service.perSecond(), service.micros().getValueAtPercentile(99) / 1000.0, service.sold(),
                service.check().exactlyOnce(service.sold(), rush.places()));
        Campaign viaJdbc = api.open(rush);
        BlockingQueue<Connection> connections = new ArrayBlockingQueue<>(pool);
        for (int i = 0; i < pool; i++) {
            Connection c = pg.connect(database);
            c.setAutoCommit(false);
            connections.add(c);
        }
        try {
            Jdbc jdbc = new Jdbc(connections);
            Phase reference = rush(label + "jdbc", rush, clients, viaJdbc,
                    i -> jdbc.attempt(viaJdbc, "jdbc-" + run + "-" + i, i), pg, database, process);
            System.out.printf(Locale.ROOT, "%s: %.0f attempts/s, p99 %.1f ms, sold %d, exactly once: %s%n",
                    reference.name(), reference.perSecond(), reference.micros().getValueAtPercentile(99) / 1000.0,
                    reference.sold(), reference.check().exactlyOnce(reference.sold(), rush.places()));
            return label.isEmpty() ? List.of(service, reference) : List.of();
        } finally {
            for (Connection c : connections) {
                c.close();
            }
        }
    }

    /** The outcome of one worker's attempt. */
    enum Outcome { SOLD, REFUSED, ERROR }

    interface Attempt {
        Outcome run(int worker) throws Exception;
    }

    /** All workers at once from {@code clients} threads, one attempt each; then the database check. */
    static Phase rush(String name, Rush rush, int clients, Campaign campaign, Attempt attempt, PostgresServer pg,
                      String database, ServiceProcess process) throws Exception {
        Duration serviceCpu = process.cpuTime();
        long clientCpu = ((com.sun.management.OperatingSystemMXBean)
                java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
        AtomicInteger next = new AtomicInteger();
        AtomicInteger sold = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(clients);
        List<Future<Histogram>> done = new ArrayList<>();
        long start = System.nanoTime();
        for (int t = 0; t < clients; t++) {
            done.add(threads.submit(() -> {
                Histogram h = new Histogram(60_000_000L, 3);
                for (int i = next.getAndIncrement(); i < rush.attempts(); i = next.getAndIncrement()) {
                    long t0 = System.nanoTime();
                    Outcome outcome;
                    try {
                        outcome = attempt.run(i);
                    } catch (Exception e) {
                        outcome = Outcome.ERROR;
                    }
                    h.recordValue(Math.min(60_000_000L, (System.nanoTime() - t0) / 1000));
                    (outcome == Outcome.SOLD ? sold : outcome == Outcome.REFUSED ? refused : errors).incrementAndGet();
                }
                return h;
            }));
        }
        Histogram all = new Histogram(60_000_000L, 3);
        for (Future<Histogram> f : done) {
            all.add(f.get());
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        threads.shutdown();
        double serviceMs = process.cpuTime().minus(serviceCpu).toNanos() / 1e6 / rush.attempts();
        double clientMs = (((com.sun.management.OperatingSystemMXBean)
                java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime() - clientCpu)
                / 1e6 / rush.attempts();
        return new Phase(name, rush, sold.get(), refused.get(), errors.get(), seconds, all,
                check(pg, database, campaign.id()), serviceMs, clientMs);
    }

    static Check check(PostgresServer pg, String database, String campaignId) throws SQLException {
        try (Connection c = pg.connect(database); PreparedStatement s = c.prepareStatement("select"
                + " (select count(*) from appointment where campaign_id = ?::uuid and status = 'booked'),"
                + " (select coalesce(sum(booked), 0) from slot where campaign_id = ?::uuid),"
                + " (select coalesce(sum(held), 0) from slot where campaign_id = ?::uuid),"
                + " (select count(*) from appointment where campaign_id = ?::uuid and status = 'pending'),"
                + " (select count(*) from slot where campaign_id = ?::uuid and booked + held > capacity),"
                + " (select count(distinct person) from appointment where campaign_id = ?::uuid and status = 'booked')")) {
            for (int i = 1; i <= 6; i++) {
                s.setString(i, campaignId);
            }
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return new Check(r.getInt(1), r.getInt(2), r.getInt(3), r.getInt(4), r.getInt(5), r.getInt(6));
            }
        }
    }

    /** The service's HTTP API, as the union's admin and as workers. */
    static final class Api {
        final DevKeys keys;
        final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        final String base;
        final String admin;

        Api(int port, DevKeys keys) {
            this.keys = keys;
            this.base = "http://127.0.0.1:" + port + "/api/v1/checkups";
            this.admin = keys.mint("bench-admin", List.of("union-admin"), Duration.ofHours(6));
        }

        /** A published campaign with one site and {@code rush.slots()} slots sharing the places, a week ahead. */
        Campaign open(Rush rush) throws Exception {
            String id = post(admin, "/campaigns", "{\"name\":\"抢约测试 " + UUID.randomUUID().toString().substring(0, 8)
                    + "\",\"year\":2026,\"organiser\":\"总工会\",\"packages\":[{\"occupation\":\"FOOD_DELIVERY\","
                    + "\"items\":[\"BASIC\"]}],\"clinics\":[\"" + CLINIC + "\"],\"bookingOpensAt\":\"2026-01-01T00:00:00Z\","
                    + "\"bookingClosesAt\":\"2099-01-01T00:00:00Z\"}", 201).path("id").asText();
            post(admin, "/campaigns/" + id + "/publish", "", 200);
            String site = post(admin, "/campaigns/" + id + "/sites", "{\"kind\":\"CLINIC\",\"clinic\":\"" + CLINIC
                    + "\",\"name\":\"体检中心\",\"address\":\"黄村西大街26号\",\"latitude\":39.73,\"longitude\":116.33}", 201)
                    .path("id").asText();
            int end = 8 * 60 + 30 * rush.slots();
            LocalDate day = LocalDate.now(BEIJING).plusDays(7);
            JsonNode slots = send(admin, "PUT", "/campaigns/" + id + "/sites/" + site + "/days", "{\"day\":\"" + day
                    + "\",\"from\":\"08:00\",\"to\":\"" + String.format("%02d:%02d", end / 60, end % 60)
                    + "\",\"minutes\":30,\"capacity\":" + rush.places() / rush.slots() + "}", 200).path("items");
            List<String> ids = new ArrayList<>();
            slots.forEach(s -> ids.add(s.path("id").asText()));
            String version = send(admin, "GET", "/campaigns/" + id + "/consent", null, 200).path("version").asText();
            return new Campaign(id, site, ids, version);
        }

        /** Hold a place in the worker's slot, then confirm it, as the app does. */
        Outcome attempt(Campaign c, String token, int worker, String run) throws Exception {
            HttpResponse<String> held = http.send(request(token, "POST", "/appointments", "{\"slotId\":\""
                    + c.slots().get(worker % c.slots().size()) + "\",\"occupation\":\"FOOD_DELIVERY\",\"platform\":"
                    + "\"meituan\",\"riderId\":\"MT-" + run + "-" + worker + "\",\"name\":\"骑手\",\"phone\":\"13800000000\"}"),
                    HttpResponse.BodyHandlers.ofString());
            if (held.statusCode() == 409) {
                return Outcome.REFUSED;
            }
            if (held.statusCode() != 201) {
                return Outcome.ERROR;
            }
            String id = JSON.readTree(held.body()).path("id").asText();
            HttpResponse<String> confirmed = http.send(request(token, "POST", "/appointments/" + id + "/confirm",
                    "{\"consentVersion\":\"" + c.consentVersion() + "\",\"agree\":true}"),
                    HttpResponse.BodyHandlers.ofString());
            return confirmed.statusCode() == 200 ? Outcome.SOLD : Outcome.ERROR;
        }

        JsonNode post(String token, String path, String body, int expect) throws Exception {
            return send(token, "POST", path, body, expect);
        }

        JsonNode send(String token, String method, String path, String body, int expect) throws Exception {
            HttpResponse<String> r = http.send(request(token, method, path, body), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != expect) {
                throw new IllegalStateException(method + " " + path + " answered " + r.statusCode() + ": " + r.body());
            }
            return r.body().isEmpty() ? JSON.nullNode() : JSON.readTree(r.body());
        }

        HttpRequest request(String token, String method, String path, String body) {
            return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(body)).build();
        }
    }

    /**
     * The service's booking transactions, statement for statement (BookingService.hold and confirm, with the
     * with AppointmentRepository's and QuotaRepository's SQL and the outbox insert), straight over
     * JDBC: no HTTP, no token, no JSON, no encryption or pseudonyms (fixed strings stand in for them).
     */
    static final class Jdbc {
        private final BlockingQueue<Connection> pool;

        Jdbc(BlockingQueue<Connection> pool) {
            this.pool = pool;
        }

        Outcome attempt(Campaign c, String person, int worker) throws Exception {
            UUID slot = UUID.fromString(c.slots().get(worker % c.slots().size()));
            UUID campaign = UUID.fromString(c.id());
            UUID site = UUID.fromString(c.site());
            UUID appointment = UUID.randomUUID();
            Connection db = pool.take();
            try {
                if (!hold(db, campaign, site, slot, appointment, person)) {
                    return Outcome.REFUSED;
                }
                confirm(db, campaign, slot, appointment, c.consentVersion());
                return Outcome.SOLD;
            } catch (SQLException e) {
                db.rollback();
                return Outcome.ERROR;
            } finally {
                pool.add(db);
            }
        }

        private static boolean hold(Connection db, UUID campaign, UUID site, UUID slot, UUID appointment, String person)
                throws SQLException {
            Timestamp now = Timestamp.from(Instant.now());
            LocalDate day;
            boolean looksFull;
            // SlotRepository.bookability: slot, campaign window, site and occupation in one statement.
            try (PreparedStatement s = db.prepareStatement("select s.campaign_id, s.site_id, s.starts_at,"
                    + " c.status = 'PUBLISHED' and c.booking_opens_at <= ? and ? < c.booking_closes_at,"
                    + " s.starts_at <= ?, st.warning is not null, jsonb_exists(c.packages, ?),"
                    + " s.booked + s.held >= s.capacity"
                    + " from slot s join campaign c on c.id = s.campaign_id join site st on st.id = s.site_id"
                    + " where s.id = ?")) {
                s.setTimestamp(1, now);
                s.setTimestamp(2, now);
                s.setTimestamp(3, now);
                s.setString(4, "FOOD_DELIVERY");
                s.setObject(5, slot);
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    day = r.getTimestamp(3).toInstant().atZone(BEIJING).toLocalDate();
                    looksFull = r.getBoolean(8);
                }
            }
            // Expired holds of the slot are freed only when it looks full, as BookingService.hold does.
            if (looksFull) {
                try (PreparedStatement s = db.prepareStatement("with expired as (update appointment set status = 'cancelled',"
                        + " cancel_reason = 'HOLD_EXPIRED', updated_at = ?, version = version + 1 where status = 'pending'"
                        + " and hold_expires_at <= ? and slot_id = ? returning slot_id, campaign_id, occupation, site_id,"
                        + " quota_day), freed as (update slot set held = held - e.n from (select slot_id, count(*) as n"
                        + " from expired group by slot_id) e where slot.id = e.slot_id returning e.n), quotas as (update"
                        + " quota set taken = taken - g.n from (select q.id, count(*) as n from expired e join quota q on"
                        + " q.campaign_id = e.campaign_id and q.occupation = e.occupation and (q.site_id is null or"
                        + " q.site_id = e.site_id) and (q.day is null or q.day = e.quota_day) group by q.id) g where"
                        + " quota.id = g.id returning 1) select coalesce(sum(n), 0) from freed")) {
                    s.setTimestamp(1, now);
                    s.setTimestamp(2, now);
                    s.setObject(3, slot);
                    s.executeQuery().close();
                }
            }
            if (update(db, "update slot set held = held + 1 where id = ? and booked + held < capacity", slot) != 1) {
                db.rollback();
                return false;
            }
            String matching = " where campaign_id = ? and occupation = 'FOOD_DELIVERY' and (site_id is null or"
                    + " site_id = ?) and (day is null or day = ?)";
            int took;
            try (PreparedStatement s = db.prepareStatement("update quota set taken = taken + 1" + matching
                    + " and taken < places")) {
                s.setObject(1, campaign);
                s.setObject(2, site);
                s.setObject(3, day);
                took = s.executeUpdate();
            }
            try (PreparedStatement s = db.prepareStatement("select count(*) from quota" + matching)) {
                s.setObject(1, campaign);
                s.setObject(2, site);
                s.setObject(3, day);
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    if (r.getInt(1) != took) {
                        db.rollback();
                        return false;
                    }
                }
            }
            try (PreparedStatement s = db.prepareStatement("insert into appointment (id, campaign_id, slot_id, site_id,"
                    + " person, proof, occupation, status, hold_expires_at, name_enc, phone_enc, quota_day, created_at,"
                    + " updated_at) values (?, ?, ?, ?, ?, ?, 'FOOD_DELIVERY', 'pending', ?, ?, ?, ?, ?, ?)"
                    + " on conflict do nothing")) {
                s.setObject(1, appointment);
                s.setObject(2, campaign);
                s.setObject(3, slot);
                s.setObject(4, site);
                s.setString(5, person);
                s.setString(6, "proof-" + person);
                s.setTimestamp(7, Timestamp.from(now.toInstant().plusSeconds(300)));
                s.setString(8, "AZWp3bNnX2x0bJxqkJ7l0ZyF3y0kqz6bL5Fv8yH2Qe0pWm");
                s.setString(9, "AZWp3bNnX2x0bJxqkJ7l0ZyF3y0kqz6bL5Fv8yH2Qe0pWn");
                s.setObject(10, day);
                s.setTimestamp(11, now);
                s.setTimestamp(12, now);
                if (s.executeUpdate() != 1) {
                    db.rollback();
                    return false;
                }
            }
            db.commit();
            return true;
        }

        private static void confirm(Connection db, UUID campaign, UUID slot, UUID appointment, String consent)
                throws SQLException {
            Timestamp now = Timestamp.from(Instant.now());
            try (PreparedStatement s = db.prepareStatement("select * from appointment where id = ?")) {
                s.setObject(1, appointment);
                s.executeQuery().close();
            }
            try (PreparedStatement s = db.prepareStatement("select * from campaign where id = ?")) {
                s.setObject(1, campaign);
                s.executeQuery().close();
            }
            if (update(db, "update slot set held = held - 1, booked = booked + 1 where id = ? and held > 0", slot) != 1) {
                throw new SQLException("a pending appointment without its held place");
            }
            try (PreparedStatement s = db.prepareStatement("select * from slot where id = ?")) {
                s.setObject(1, slot);
                s.executeQuery().close();
            }
            try (PreparedStatement s = db.prepareStatement("update appointment set status = 'booked', hold_expires_at"
                    + " = null, consent_version = ?, consented_at = ?, booked_at = ?, updated_at = ?,"
                    + " version = version + 1 where id = ? and version = 0")) {
                s.setString(1, consent);
                s.setTimestamp(2, now);
                s.setTimestamp(3, now);
                s.setTimestamp(4, now);
                s.setObject(5, appointment);
                s.executeUpdate();
            }
            try (PreparedStatement s = db.prepareStatement("insert into outbox_message (event_id, topic, message_key,"
                    + " event_type, payload) values (?, 'yizhan.checkup.v1', ?, 'appointment.booked', ?)")) {
                s.setString(1, UUID.randomUUID().toString());
                s.setString(2, campaign.toString());
                s.setString(3, "{\"specversion\":\"1.0\",\"type\":\"appointment.booked\",\"data\":{\"appointment\":\""
                        + appointment + "\",\"campaign\":\"" + campaign + "\",\"slot\":\"" + slot + "\"}}");
                s.executeUpdate();
            }
            db.commit();
        }

        private static int update(Connection db, String sql, UUID id) throws SQLException {
            try (PreparedStatement s = db.prepareStatement(sql)) {
                s.setObject(1, id);
                return s.executeUpdate();
            }
        }
    }

    static String report(List<Phase> phases, int clients, int pool, String pgOrigin, String loadStart, String loadEnd,
                         long rssMib) {
        StringBuilder r = new StringBuilder("<!-- generated by org.yizhan.bench.BookingRushBenchmark; do not edit by hand -->\n");
        r.append(String.format(Locale.ROOT, "Run %s: %d concurrent clients, each worker one attempt (hold, then confirm"
                        + " with consent); service JDBC pool and reference connections: %d; PostgreSQL: %s; %d cores;"
                        + " load average (1/5/15 min) %s at the start, %s at the end.%n%n", Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS),
                clients, pool, pgOrigin, Runtime.getRuntime().availableProcessors(), loadStart, loadEnd));
        r.append("| phase | attempts | places | sold | refused (409) | errors | attempts/s | p50 (ms) | p99 (ms) | max (ms)"
                + " | CPU per attempt: service / load generator (ms) | sold exactly once (database) |\n");
        r.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |\n");
        for (Phase p : phases) {
            Check c = p.check();
            r.append(String.format(Locale.ROOT, "| %s | %,d | %,d | %,d | %,d | %d | %,.0f | %.1f | %.1f | %.1f"
                            + " | %.2f / %.2f | %s (booked appointments %d, slot counters %d, held %d, persons %d) |%n",
                    p.name().equals("service") ? "health-checkup-service over HTTP" : "the same transactions over JDBC",
                    p.rush().attempts(), p.rush().places(), p.sold(), p.refused(), p.errors(), p.perSecond(),
                    p.micros().getValueAtPercentile(50) / 1000.0, p.micros().getValueAtPercentile(99) / 1000.0,
                    p.micros().getMaxValue() / 1000.0, p.serviceCpuMs(), p.clientCpuMs(),
                    c.exactlyOnce(p.sold(), p.rush().places()) ? "yes" : "NO",
                    c.appointmentsBooked(), c.slotsBooked(), c.held(), c.persons()));
        }
        r.append('\n');
        for (int i = 0; i + 1 < phases.size(); i += 2) {
            r.append(String.format(Locale.ROOT, "- %,d attempts for %,d places: the service did %.0f %% of the JDBC"
                            + " reference's attempts/s.%n", phases.get(i).rush().attempts(), phases.get(i).rush().places(),
                    100 * phases.get(i).perSecond() / phases.get(i + 1).perSecond()));
        }
        r.append(String.format(Locale.ROOT, "%nhealth-checkup-service RSS after the run: %d MiB.%n", rssMib));
        return r.toString();
    }
}
