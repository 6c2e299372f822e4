package org.yizhan.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.yizhan.localstack.Ports;
import org.yizhan.localstack.Settings;
import org.yizhan.localstack.TempDirs;
import org.yizhan.localstack.kafka.KafkaBroker;
import org.yizhan.localstack.postgres.PostgresProvisioner;
import org.yizhan.localstack.postgres.PostgresServer;
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
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

/**
 * Partner push at volume: starts the packaged services-service on real PostgreSQL and Kafka,
 * pushes generated activity records in batches as a partner system would (one client, one batch
 * after the other), pushes the same batches again (every record unchanged), and then inserts the
 * same rows (activities, organisers, named participants) with plain JDBC batches into the same
 * tables, as the reference.
 *
 * <p>Usage (from the repository root, after {@code ./mvnw -B -pl benchmarks -am package -DskipTests}):
 * {@code java -cp "benchmarks/target/benchmarks-1.0.0-SNAPSHOT.jar:benchmarks/target/lib/*"
 * org.yizhan.bench.PartnerPushBenchmark --records 100000 --batch 1000}
 */
public final class PartnerPushBenchmark {

    static final String PARTNER = "youth-league";
    static final int STATIONS = 200;
    static final String[] TYPES = {"HAIRCUT", "BIRTHDAY_PARTY", "TRAFFIC_SAFETY_TRAINING", "SAFETY_TALK",
            "FREE_LAUNDRY", "HEALTH_TALK"};

    static final String PSEUDONYM_KEY = "benchmark-only-pseudonym-key-0123456789";

    private PartnerPushBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = BenchArgs.parse(args);
        int records = Integer.parseInt(opts.getOrDefault("records", "100000"));
        int batchSize = Integer.parseInt(opts.getOrDefault("batch", "1000"));
        int warmupBatches = Integer.parseInt(opts.getOrDefault("warmup", "10"));
        Path repoRoot = Path.of(opts.getOrDefault("repo", ".")).toAbsolutePath().normalize();
        Path out = repoRoot.resolve("benchmarks/target/partner-push.md");

        Path work = TempDirs.create("yizhan-bench-");
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        try (PostgresServer pg = PostgresProvisioner.provision(Settings.fromEnvironment(),
                new PostgresProvisioner.EmbeddedOptions(work.resolve("postgres"), false, 0));
             KafkaBroker kafka = KafkaBroker.start(work.resolve("kafka"), 0)) {
            String database = "yizhan_bench_push";
            pg.dropDatabase(database);
            pg.createDatabaseIfMissing(database);
            DevKeys keys = DevKeys.loadOrCreate(work.resolve("keys"));
            int port = Ports.free();
            ServiceSpec spec = new ServiceSpec("services-service", "services-service", port, database,
                    Map.of("YIZHAN_PSEUDONYM_KEY", PSEUDONYM_KEY));
            Map<String, String> env = new HashMap<>();
            env.put("QUARKUS_DATASOURCE_JDBC_URL", pg.jdbcUrl(database));
            env.put("QUARKUS_DATASOURCE_USERNAME", pg.user());
            env.put("QUARKUS_DATASOURCE_PASSWORD", pg.password());
            env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
            env.putAll(keys.trustingEnvironment());
            // Phase timings of each batch in the service log (no record data).
            env.put("QUARKUS_LOG_CATEGORY__ORG_YIZHAN_SERVICES_SERVICE_PUSH__LEVEL", "DEBUG");
            // The shared server of the tests may be busy; the service needs few connections here.
            env.put("QUARKUS_DATASOURCE_JDBC_MAX_SIZE", "8");
            List<String> jvm = List.of(opts.getOrDefault("jvm", "-Xmx512m -XX:+UseParallelGC").split("\\s+"));
            ServiceProcess service = ServiceProcess.start(spec, repoRoot, work.resolve("logs"), jvm, env);
            try {
                service.awaitReady(Duration.ofMinutes(3));
                System.out.printf("services-service ready in %.1f s%n", service.startupTime().toMillis() / 1000.0);
                String report = measure(pg, database, keys, port, service, repoRoot, work, records, batchSize,
                        warmupBatches);
                System.out.println(report);
                Files.createDirectories(out.getParent());
                Files.writeString(out, report);
            } finally {
                service.stop(Duration.ofSeconds(15));
                pg.dropDatabase(database);
            }
        }
    }

    /** Pushes new records, then the same again (all unchanged), then the plain-JDBC reference; returns the report. */
    static String measure(PostgresServer pg, String database, DevKeys keys, int port, ServiceProcess service,
                          Path repoRoot, Path work, int records, int batchSize, int warmupBatches) throws Exception {
        List<UUID> stations = venues(pg, database);
        String token = keys.mint("bench-partner-system", List.of("partner"), Duration.ofHours(6), PARTNER);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        URI uri = URI.create("http://127.0.0.1:" + port + "/api/v1/activities/partner-records");
        ObjectMapper json = new ObjectMapper();

        List<byte[]> warmup = bodies(json, "warmup", warmupBatches * batchSize, batchSize, stations, now);
        Phase warm = push("warm-up", http, uri, token, warmup, "\"created\":" + batchSize);
        System.out.printf("warm-up: %d batches, %.0f records/s%n", warmup.size(), warm.recordsPerSecond(batchSize));

        List<byte[]> batches = bodies(json, "bench", records, batchSize, stations, now);
        Phase created = push("push, new records", http, uri, token, batches, "\"created\":" + batchSize);
        System.out.printf("push: %.0f records/s, p99 %.1f ms%n", created.recordsPerSecond(batchSize),
                created.percentile(99));
        long drainStart = System.nanoTime();
        long pending = awaitOutboxDrained(pg, database, Duration.ofMinutes(10));
        double drainSeconds = (System.nanoTime() - drainStart) / 1e9;
        Phase unchanged = push("push again, all unchanged", http, uri, token, batches, "\"unchanged\":" + batchSize);
        System.out.printf("replay: %.0f records/s%n", unchanged.recordsPerSecond(batchSize));
        long rss = service.rssMib();
        Counts counts = counts(pg, database);
        Files.copy(work.resolve("logs/services-service.log"), repoRoot.resolve("benchmarks/target/partner-push-service.log"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        Phase plain = plainJdbc(pg, database, records, batchSize, stations, now);
        System.out.printf("plain JDBC: %.0f records/s%n", plain.recordsPerSecond(batchSize));
        return report(records, batchSize, created, unchanged, plain, drainSeconds, pending, rss, counts, pg.origin());
    }

    /** One generated record: a mix of held activities with named participants or counts, and upcoming ones. */
    static Map<String, Object> record(String prefix, int i, List<UUID> stations, Instant now) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("recordId", prefix + "-" + String.format(Locale.ROOT, "%07d", i));
        r.put("type", TYPES[i % TYPES.length]);
        r.put("title", "驿站活动 " + i);
        r.put("stationId", stations.get(i % stations.size()).toString());
        boolean upcoming = i % 10 == 0;
        Instant start = upcoming ? now.plus(1 + i % 30, ChronoUnit.DAYS) : now.minus(1 + i % 300, ChronoUnit.DAYS);
        r.put("startsAt", start.toString());
        r.put("endsAt", start.plus(2, ChronoUnit.HOURS).toString());
        if (i % 5 == 0) {
            r.put("organisers", List.of("womens-federation"));
        }
        if (upcoming) {
            r.put("status", "PUBLISHED");
            r.put("capacity", 30);
        } else if (i % 10 <= 4) {
            r.put("status", "COMPLETED");
            List<Map<String, Object>> participants = new ArrayList<>();
            for (int p = 0; p < 5; p++) {
                participants.add(Map.of("id", "p-" + ((i * 7 + p) % 100_000), "checkedInAt",
                        start.plus(p, ChronoUnit.MINUTES).toString()));
            }
            r.put("participants", participants);
        } else {
            r.put("status", "COMPLETED");
            r.put("participantCount", 10 + i % 50);
        }
        return r;
    }

    static List<byte[]> bodies(ObjectMapper json, String prefix, int records, int batchSize, List<UUID> stations,
                               Instant now) throws Exception {
        List<byte[]> bodies = new ArrayList<>();
        for (int from = 0; from < records; from += batchSize) {
            List<Map<String, Object>> batch = new ArrayList<>(batchSize);
            for (int i = from; i < Math.min(records, from + batchSize); i++) {
                batch.add(record(prefix, i, stations, now));
            }
            bodies.add(json.writeValueAsBytes(Map.of("records", batch)));
        }
        return bodies;
    }

    /** Per-batch latencies in microseconds, and the wall time of the whole phase. */
    record Phase(String name, long[] micros, double seconds) {
        double recordsPerSecond(int batchSize) {
            return micros.length * (double) batchSize / seconds;
        }

        double percentile(double p) {
            long[] sorted = micros.clone();
            Arrays.sort(sorted);
            int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1000.0;
        }

        double max() {
            return Arrays.stream(micros).max().orElse(0) / 1000.0;
        }
    }

    static Phase push(String name, HttpClient http, URI uri, String token, List<byte[]> bodies, String expect)
            throws Exception {
        long[] micros = new long[bodies.size()];
        long start = System.nanoTime();
        for (int b = 0; b < bodies.size(); b++) {
            HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(2))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .header("Idempotency-Key", name.replaceAll("[^a-z]", "") + "-" + b)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(bodies.get(b))).build();
            long t0 = System.nanoTime();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            micros[b] = (System.nanoTime() - t0) / 1000;
            if (response.statusCode() != 200 || !response.body().contains(expect)) {
                throw new IllegalStateException("batch " + b + ": HTTP " + response.statusCode() + " "
                        + response.body().substring(0, Math.min(500, response.body().length())));
            }
        }
        return new Phase(name, micros, (System.nanoTime() - start) / 1e9);
    }

    /** Inserts the venues the records take place at, as the station events would. */
    static List<UUID> venues(PostgresServer pg, String database) throws Exception {
        List<UUID> ids = new ArrayList<>();
        try (Connection c = pg.connect(database);
             PreparedStatement ps = c.prepareStatement("insert into station_replica (station_id, version, name,"
                     + " host_type, address, latitude, longitude, status, registered_at, last_event_id, updated_at)"
                     + " values (?, 0, ?, 'RESTAURANT', '北京市大兴区', 39.73, 116.33, 'ACTIVE', now(), 'bench', now())")) {
            for (int i = 0; i < STATIONS; i++) {
                UUID id = UUID.nameUUIDFromBytes(("bench-station-" + i).getBytes());
                ids.add(id);
                ps.setObject(1, id);
                ps.setString(2, "驿站 " + i);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        return ids;
    }

    /** Waits until the relay has published every event of the pushes; returns what was still pending at the start. */
    static long awaitOutboxDrained(PostgresServer pg, String database, Duration timeout) throws Exception {
        long first = -1;
        Instant deadline = Instant.now().plus(timeout);
        try (Connection c = pg.connect(database); Statement s = c.createStatement()) {
            while (Instant.now().isBefore(deadline)) {
                try (ResultSet rs = s.executeQuery("select count(*) from outbox_message where published_at is null")) {
                    rs.next();
                    long pending = rs.getLong(1);
                    if (first < 0) {
                        first = pending;
                    }
                    if (pending == 0) {
                        return first;
                    }
                }
                Thread.sleep(200);
            }
        }
        throw new IllegalStateException("the outbox did not drain in " + timeout);
    }

    record Counts(long activities, long organisers, long attendance, long events) {
    }

    static Counts counts(PostgresServer pg, String database) throws Exception {
        try (Connection c = pg.connect(database); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select (select count(*) from activity where source_record_id like 'bench-%'),"
                     + " (select count(*) from activity_organiser o join activity a on a.id = o.activity_id"
                     + "  where a.source_record_id like 'bench-%'),"
                     + " (select count(*) from attendance t join activity a on a.id = t.activity_id"
                     + "  where a.source_record_id like 'bench-%'),"
                     + " (select count(*) from outbox_message)")) {
            rs.next();
            return new Counts(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4));
        }
    }

    /**
     * The reference: the same rows (activity, organisers, named participants) for the same
     * generated records, inserted with plain JDBC batches, one transaction per batch, into the
     * same tables (as another partner's records, so that none collides with the pushed ones).
     */
    static Phase plainJdbc(PostgresServer pg, String database, int records, int batchSize, List<UUID> stations,
                           Instant now) throws Exception {
        Properties props = new Properties();
        props.setProperty("user", pg.user());
        if (pg.password() != null) {
            props.setProperty("password", pg.password());
        }
        // The same driver setting as the service.
        props.setProperty("reWriteBatchedInserts", "true");
        int batches = (records + batchSize - 1) / batchSize;
        long[] micros = new long[batches];
        long start = System.nanoTime();
        try (Connection c = DriverManager.getConnection(pg.jdbcUrl(database), props)) {
            c.setAutoCommit(false);
            PreparedStatement activity = c.prepareStatement("insert into activity (id, type, title, description,"
                    + " station_id, starts_at, ends_at, capacity, occupations, status, cancel_reason, source_hash,"
                    + " reported_participants, version, created_at, updated_at, published_at, completed_at, created_by,"
                    + " source, source_partner, source_record_id)"
                    + " values (?, ?, ?, null, ?, ?, ?, ?, ?, ?, null, ?, ?, 0, ?, ?, ?, ?, ?, 'PUSH', ?, ?)");
            PreparedStatement organiser = c.prepareStatement(
                    "insert into activity_organiser (activity_id, partner_code) values (?, ?)");
            PreparedStatement invitation = c.prepareStatement(
                    "insert into activity_invitation (activity_id, partner_code) values (?, ?)");
            PreparedStatement attendance = c.prepareStatement("insert into attendance (activity_id, participant, kind,"
                    + " source, checked_in_at, recorded_at) values (?, ?, 'ATTENDED', 'PUSH', ?, ?)");
            String partner = "volunteers";
            for (int b = 0; b < batches; b++) {
                long t0 = System.nanoTime();
                OffsetDateTime ts = OffsetDateTime.now(ZoneOffset.UTC);
                for (int i = b * batchSize; i < Math.min(records, (b + 1) * batchSize); i++) {
                    Map<String, Object> r = record("plain", i, stations, now);
                    UUID id = UUID.randomUUID();
                    bindActivity(c, activity, r, id, ts, partner);
                    activity.addBatch();
                    organiser.setObject(1, id);
                    organiser.setString(2, partner);
                    organiser.addBatch();
                    if (r.get("organisers") != null) {
                        invitation.setObject(1, id);
                        invitation.setString(2, "womens-federation");
                        invitation.addBatch();
                    }
                    addParticipants(attendance, r, id, ts, partner);
                }
                activity.executeBatch();
                organiser.executeBatch();
                invitation.executeBatch();
                attendance.executeBatch();
                c.commit();
                micros[b] = (System.nanoTime() - t0) / 1000;
            }
        }
        return new Phase("plain JDBC", micros, (System.nanoTime() - start) / 1e9);
    }

    /** The columns of one generated record's activity row, in the order of the reference's insert. */
    static void bindActivity(Connection c, PreparedStatement activity, Map<String, Object> r, UUID id, OffsetDateTime ts,
                             String partner) throws Exception {
        String status = (String) r.get("status");
        activity.setObject(1, id);
        activity.setString(2, (String) r.get("type"));
        activity.setString(3, (String) r.get("title"));
        activity.setObject(4, UUID.fromString((String) r.get("stationId")));
        activity.setObject(5, OffsetDateTime.parse((String) r.get("startsAt")));
        activity.setObject(6, OffsetDateTime.parse((String) r.get("endsAt")));
        if (r.get("capacity") == null) {
            activity.setNull(7, Types.INTEGER);
        } else {
            activity.setInt(7, (Integer) r.get("capacity"));
        }
        activity.setArray(8, c.createArrayOf("text", new String[0]));
        activity.setString(9, status);
        activity.setString(10, "0".repeat(64));
        if (r.get("participantCount") == null) {
            activity.setNull(11, Types.INTEGER);
        } else {
            activity.setInt(11, (Integer) r.get("participantCount"));
        }
        activity.setObject(12, ts);
        activity.setObject(13, ts);
        activity.setObject(14, "PUBLISHED".equals(status) ? ts : null);
        activity.setObject(15, "COMPLETED".equals(status) ? ts : null);
        activity.setString(16, "bench-plain");
        activity.setString(17, partner);
        activity.setString(18, (String) r.get("recordId"));
    }

    /** The named participants of a generated record, as pseudonyms (HMAC-SHA256, as the service stores them). */
    static void addParticipants(PreparedStatement attendance, Map<String, Object> r, UUID id, OffsetDateTime ts,
                                String partner) throws Exception {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> participants = (List<Map<String, Object>>) r.get("participants");
        if (participants == null) {
            return;
        }
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(PSEUDONYM_KEY.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                "HmacSHA256"));
        for (Map<String, Object> p : participants) {
            byte[] pseudonym = mac.doFinal((partner + ":" + p.get("id")).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            attendance.setObject(1, id);
            attendance.setString(2, java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(pseudonym));
            attendance.setObject(3, OffsetDateTime.parse((String) p.get("checkedInAt")));
            attendance.setObject(4, ts);
            attendance.addBatch();
        }
    }

    static String report(int records, int batchSize, Phase created, Phase unchanged, Phase plain, double drainSeconds,
                         long pendingAtEnd, long rssMib, Counts counts, String pgOrigin) {
        StringBuilder r = new StringBuilder();
        r.append("<!-- generated by org.yizhan.bench.PartnerPushBenchmark; do not edit by hand -->\n");
        r.append(String.format(Locale.ROOT, "Run %s: %,d records in batches of %,d, one client; 10 %% upcoming, 40 %% held "
                        + "with 5 named participants, 50 %% held with a count, 20 %% co-organised; PostgreSQL: %s; %d cores.%n%n",
                Instant.now().truncatedTo(ChronoUnit.SECONDS), records, batchSize, pgOrigin,
                Runtime.getRuntime().availableProcessors()));
        r.append("| phase | batches | records/s | p50 per batch (ms) | p99 per batch (ms) | max (ms) | total (s) |\n");
        r.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for (Phase p : List.of(created, unchanged, plain)) {
            String name = switch (p.name()) {
                case "plain JDBC" -> "plain JDBC batches, the same rows (reference)";
                default -> "services-service `POST /api/v1/activities/partner-records`: " + p.name();
            };
            r.append(String.format(Locale.ROOT, "| %s | %d | %,.0f | %.1f | %.1f | %.1f | %.1f |%n", name,
                    p.micros().length, p.recordsPerSecond(batchSize), p.percentile(50), p.percentile(99), p.max(),
                    p.seconds()));
        }
        r.append(String.format(Locale.ROOT, "%nPushing new records ran at %.0f %% of the plain-JDBC rate. Written: %,d "
                        + "activities, %,d organiser rows, %,d attendance rows, %,d outbox events (warm-up included); "
                        + "%,d events were still waiting when the last batch was answered, published %.1f s later. "
                        + "services-service RSS after the run: %d MiB.%n",
                100.0 * created.recordsPerSecond(batchSize) / plain.recordsPerSecond(batchSize), counts.activities(),
                counts.organisers(), counts.attendance(), counts.events(), pendingAtEnd, drainSeconds, rssMib));
        return r.toString();
    }

}
