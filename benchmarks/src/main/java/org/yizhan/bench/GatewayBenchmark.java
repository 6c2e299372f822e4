package org.yizhan.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import org.yizhan.localstack.Ports;
import org.yizhan.localstack.Settings;
import org.yizhan.localstack.TempDirs;
import org.yizhan.localstack.kafka.KafkaBroker;
import org.yizhan.localstack.postgres.PostgresProvisioner;
import org.yizhan.localstack.postgres.PostgresServer;
import org.yizhan.localstack.run.ServiceProcess;
import org.yizhan.localstack.run.ServiceSpec;
import org.yizhan.localstack.security.DevKeys;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The gateway against nginx proxying the same upstream: the packaged station-service on real
 * PostgreSQL and Kafka, reached (1) through nginx (Debian package) configured as a plain reverse
 * proxy, (2) through the packaged gateway as deployed (tokens checked, rate limits, circuit breaker,
 * metrics on, tracing off, a JSON access log line per request on its console), (3) through a second
 * gateway with tracing on, exporting to an OTLP endpoint in this process, and (4) directly, with no
 * proxy, as the floor, and (5) through the bare proxy library the gateway is built on ({@link VertxProxy}).
 * The same client (wrk, 32 connections) drives each in turn, in alternating
 * slices, for a small public GET (a station) and an authenticated POST (a worker's check-in).
 *
 * <p>Usage (from the repository root, after {@code ./mvnw -B -pl benchmarks -am package -DskipTests};
 * needs the Debian packages {@code nginx-light} (or {@code nginx}) and {@code wrk}):
 * {@code java -cp "benchmarks/target/benchmarks-1.0.0-SNAPSHOT.jar:benchmarks/target/lib/*"
 * org.yizhan.bench.GatewayBenchmark --seconds 60 --slices 10 --warmup 15}
 */
public final class GatewayBenchmark {

    static final ObjectMapper JSON = new ObjectMapper();

    private GatewayBenchmark() {
    }

    /** The run's settings, from the command line. */
    record Options(int seconds, int slices, int warmup, int connections, int threads, boolean tracing,
                   boolean direct, boolean vertx, List<String> requests, boolean profile, Map<String, Map<String, String>> variants,
                   String database, Path repoRoot, List<String> jvm) {

        static Options parse(String[] args) {
            Map<String, String> opts = BenchArgs.parse(args);
            return new Options(Integer.parseInt(opts.getOrDefault("seconds", "60")),
                    Integer.parseInt(opts.getOrDefault("slices", "10")),
                    Integer.parseInt(opts.getOrDefault("warmup", "15")),
                    Integer.parseInt(opts.getOrDefault("connections", "32")),
                    Integer.parseInt(opts.getOrDefault("threads", "1")),
                    Boolean.parseBoolean(opts.getOrDefault("tracing", "true")),
                    Boolean.parseBoolean(opts.getOrDefault("direct", "true")),
                    Boolean.parseBoolean(opts.getOrDefault("vertx", "true")),
                    List.of(opts.getOrDefault("requests", "GET,POST").split(",")),
                    Boolean.parseBoolean(opts.getOrDefault("profile", "false")),
                    parseVariants(opts.getOrDefault("variants", "")),
                    opts.getOrDefault("database", "yizhan_bench_gateway"),
                    Path.of(opts.getOrDefault("repo", ".")).toAbsolutePath().normalize(),
                    List.of(opts.getOrDefault("jvm", "-Xmx256m -XX:+UseParallelGC").split("\\s+")));
        }
    }

    /**
     * Further gateways to compare, each with its own settings:
     * {@code name:VARIABLE=value;VARIABLE=value,name:...}.
     */
    static Map<String, Map<String, String>> parseVariants(String spec) {
        Map<String, Map<String, String>> variants = new LinkedHashMap<>();
        for (String variant : spec.split(",")) {
            if (variant.isBlank()) {
                continue;
            }
            String[] nameAndEnv = variant.split(":", 2);
            Map<String, String> env = new LinkedHashMap<>();
            for (String setting : nameAndEnv.length < 2 ? new String[0] : nameAndEnv[1].split(";")) {
                String[] kv = setting.split("=", 2);
                env.put(kv[0].trim(), kv.length < 2 ? "" : kv[1].trim());
            }
            variants.put(nameAndEnv[0].trim(), env);
        }
        return variants;
    }

    /** One way to reach station-service: its address, what its process has used, and its log's size. */
    record Target(String key, String label, String baseUrl, Supplier<Duration> cpu, LongSupplier logBytes) {
    }

    /** What one target measured for one request, slice by slice. */
    static final class Measured {
        final Target target;
        final List<Wrk.Result> slices = new ArrayList<>();
        Duration cpu = Duration.ZERO;
        long logBytes;

        Measured(Target target) {
            this.target = target;
        }

        Wrk.Result total() {
            return Wrk.Result.sum(slices);
        }
    }

    public static void main(String[] args) throws Exception {
        Options o = Options.parse(args);
        String loadAtStart = NearbySearchBenchmark.loadAverage();
        System.out.println("load average at start: " + loadAtStart);
        Path work = TempDirs.create("yizhan-bench-gateway-");
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        List<AutoCloseable> started = new ArrayList<>();
        try (PostgresServer pg = PostgresProvisioner.provision(Settings.fromEnvironment(),
                new PostgresProvisioner.EmbeddedOptions(work.resolve("postgres"), false, 0));
             KafkaBroker kafka = KafkaBroker.start(work.resolve("kafka"), 0);
             OtlpSink sink = OtlpSink.start()) {
            pg.dropDatabase(o.database());
            pg.createDatabaseIfMissing(o.database());
            DevKeys keys = DevKeys.loadOrCreate(work.resolve("keys"));
            ServiceProcess station = BenchServices.stationService(o.repoRoot(), work, pg, kafka, keys, o.database(),
                    Ports.free(), o.connections(), o.jvm(), Map.of());
            started.add(() -> station.stop(Duration.ofSeconds(15)));
            ServiceProcess gateway = startGateway("gateway", o, o.repoRoot(), work, keys, station, Map.of());
            started.add(() -> gateway.stop(Duration.ofSeconds(15)));
            Path noMetricsRoot = withoutMetrics(o, work);
            ServiceProcess noMetrics = noMetricsRoot == null ? null
                    : startGateway("gateway-no-metrics", o, noMetricsRoot, work, keys, station, Map.of());
            if (noMetrics != null) {
                started.add(() -> noMetrics.stop(Duration.ofSeconds(15)));
            }
            ServiceProcess traced = null;
            if (o.tracing()) {
                traced = startGateway("gateway-traced", o, o.repoRoot(), work, keys, station, Map.of(
                        "QUARKUS_OTEL_SDK_DISABLED", "false",
                        "QUARKUS_OTEL_EXPORTER_OTLP_TRACES_PROTOCOL", "http/protobuf",
                        "QUARKUS_OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", sink.url()));
                ServiceProcess t = traced;
                started.add(() -> t.stop(Duration.ofSeconds(15)));
            }
            station.awaitReady(Duration.ofMinutes(3));
            gateway.awaitReady(Duration.ofMinutes(3));
            if (traced != null) {
                traced.awaitReady(Duration.ofMinutes(3));
            }
            if (noMetrics != null) {
                noMetrics.awaitReady(Duration.ofMinutes(3));
            }
            Map<String, ServiceProcess> variants = new LinkedHashMap<>();
            for (Map.Entry<String, Map<String, String>> v : o.variants().entrySet()) {
                ServiceProcess p = startGateway("gateway-" + v.getKey(), o, o.repoRoot(), work, keys, station, v.getValue());
                started.add(() -> p.stop(Duration.ofSeconds(15)));
                variants.put(v.getKey(), p);
            }
            for (ServiceProcess p : variants.values()) {
                p.awaitReady(Duration.ofMinutes(3));
            }
            NginxProxy nginx = NginxProxy.start(work.resolve("nginx"), Ports.free(), "127.0.0.1:" + station.spec().port());
            started.add(nginx);
            ProxyProcess bare = o.vertx() ? VertxProxy.start(work.resolve("vertx-proxy"), Ports.free(), "127.0.0.1",
                    station.spec().port(), o.jvm()) : null;
            if (bare != null) {
                started.add(bare);
            }

            List<Target> targets = new ArrayList<>();
            targets.add(new Target("nginx", "nginx 1.22 (Debian), proxy_pass with keep-alive",
                    "http://127.0.0.1:" + nginx.port(), nginx::cpuTime, () -> size(nginx.accessLog())));
            if (bare != null) {
                targets.add(new Target("vertx-proxy", "vertx-http-proxy alone (no Quarkus, no checks, no log)",
                        "http://127.0.0.1:" + bare.port(), bare::cpuTime, () -> 0));
            }
            targets.add(processTarget("gateway", "gateway, as deployed (tracing off)", gateway));
            if (noMetrics != null) {
                targets.add(processTarget("gateway-no-metrics", "gateway, built without metrics (tracing off)",
                        noMetrics));
            }
            for (Map.Entry<String, ServiceProcess> v : variants.entrySet()) {
                targets.add(processTarget("gateway-" + v.getKey(), "gateway, " + v.getKey() + " "
                        + o.variants().get(v.getKey()), v.getValue()));
            }
            if (traced != null) {
                targets.add(processTarget("gateway-traced", "gateway, tracing on (OTLP export, every request)",
                        traced));
            }
            if (o.direct()) {
                targets.add(new Target("direct", "station-service, no proxy", station.spec().url(),
                        () -> Duration.ZERO, () -> 0));
            }

            Fixture fixture = Fixture.create(station.spec().url(), keys);
            Map<String, List<Measured>> results = new LinkedHashMap<>();
            if (o.requests().contains("GET")) {
                results.put("GET", measure(o, targets, work, fixture, fixture::publicGet));
            }
            if (o.requests().contains("POST")) {
                results.put("POST", measure(o, targets, work, fixture, fixture::checkIn));
            }

            String report = report(o, results, sink, loadAtStart, NearbySearchBenchmark.loadAverage(),
                    gateway.rssMib(), traced == null ? -1 : traced.rssMib());
            System.out.println(report);
            Path out = o.repoRoot().resolve("benchmarks/target/gateway-proxy.md");
            Files.createDirectories(out.getParent());
            Files.writeString(out, report);
        } finally {
            for (int i = started.size() - 1; i >= 0; i--) {
                started.get(i).close();
            }
        }
    }

    private static Target processTarget(String key, String label, ServiceProcess process) {
        Path out = process.logFile().resolveSibling(process.spec().name() + ".out");
        return new Target(key, label, process.spec().url(), process::cpuTime, () -> size(out));
    }

    static long size(Path file) {
        try {
            return Files.exists(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    /**
     * The gateway in front of station-service only, configured as deployed: JSON log lines (with the
     * access log) on its console, which goes to {@code <name>.out}. Rate limits are raised for the
     * benchmark's single client, so that they are checked on every request but never refuse one.
     */
    static ServiceProcess startGateway(String name, Options o, Path root, Path work, DevKeys keys,
                                       ServiceProcess station, Map<String, String> extra) {
        int port = Ports.free();
        Map<String, String> env = new HashMap<>(keys.trustingEnvironment());
        env.put("YIZHAN_GATEWAY_STATION_SERVICE_URL", station.spec().url());
        env.put("YIZHAN_GATEWAY_STATION_SERVICE_MANAGEMENT_URL", station.spec().managementUrl());
        for (String routeClass : List.of("SEARCH", "READS", "WRITES")) {
            env.put("YIZHAN_GATEWAY_" + routeClass + "_REQUESTS", "1000000000");
        }
        env.put("QUARKUS_LOG_FILE_ENABLED", "false");
        env.put("QUARKUS_LOG_CONSOLE_ENABLED", "true");
        env.putAll(extra);
        ServiceSpec spec = new ServiceSpec(name, "gateway", port, Ports.free(), null, Map.of());
        List<String> jvm = new ArrayList<>(o.jvm());
        if (o.profile()) {
            // Java Flight Recorder's sampling profile, read with `jfr print --events jdk.ExecutionSample`.
            Path profile = o.repoRoot().resolve("benchmarks/target/" + name + ".jfr");
            jvm.add("-XX:FlightRecorderOptions:stackdepth=256");
            jvm.add("-XX:StartFlightRecording=settings=profile,filename=" + profile);
            System.out.println(name + " records a profile into " + profile);
        }
        return ServiceProcess.start(spec, root, work.resolve("logs"), jvm, env);
    }

    /**
     * The gateway built without Micrometer, as a repository-like folder to start it from, or null
     * when it has not been built: Micrometer is fixed at build time, so "metrics off" is another build.
     */
    static Path withoutMetrics(Options o, Path work) throws IOException {
        Path app = o.repoRoot().resolve("gateway/target/quarkus-app-no-metrics");
        if (!Files.isRegularFile(app.resolve("quarkus-run.jar"))) {
            System.out.println("No gateway without metrics at " + app + ": build it with ./mvnw -B -pl gateway -am "
                    + "package -DskipTests -Dquarkus.micrometer.enabled=false "
                    + "-Dquarkus.package.output-directory=quarkus-app-no-metrics");
            return null;
        }
        Path root = work.resolve("no-metrics");
        Files.createDirectories(root.resolve("gateway/target"));
        Files.createSymbolicLink(root.resolve("gateway/target/quarkus-app"), app);
        return root;
    }

    /**
     * Warms each target up, then measures them in turn: slice i starts with target i (mod n), so
     * that each target is as often first, last and in between, and load from elsewhere on the
     * machine weighs on all alike.
     */
    static List<Measured> measure(Options o, List<Target> targets, Path work, Fixture fixture,
                                  Supplier<Wrk.Request> request) throws Exception {
        Wrk wrk = new Wrk(work.resolve("wrk"), o.threads(), o.connections());
        for (Target t : targets) {
            fixture.expectSuccess(t, request.get());
            wrk.run(t.baseUrl(), request.get(), o.warmup());
        }
        List<Measured> measured = new ArrayList<>();
        targets.forEach(t -> measured.add(new Measured(t)));
        int sliceSeconds = Math.max(1, o.seconds() / o.slices());
        for (int slice = 0; slice < o.slices(); slice++) {
            for (int k = 0; k < targets.size(); k++) {
                Measured m = measured.get((slice + k) % targets.size());
                Wrk.Request r = request.get();
                Duration cpuBefore = m.target.cpu().get();
                long logBefore = m.target.logBytes().getAsLong();
                Wrk.Result result = wrk.run(m.target.baseUrl(), r, sliceSeconds);
                m.cpu = m.cpu.plus(m.target.cpu().get().minus(cpuBefore));
                m.logBytes += m.target.logBytes().getAsLong() - logBefore;
                m.slices.add(result);
                System.out.printf(Locale.ROOT, "%s %s slice %d: %.0f req/s, p99 %.2f ms%n", r.method(), m.target.key(),
                        slice + 1, result.throughput(), result.micros().getValueAtPercentile(99) / 1000.0);
            }
        }
        return measured;
    }

    /** The station read, the check-in code and the tokens the requests use. */
    record Fixture(String stationUrl, String stationId, String admin, String worker, HttpClient http) {

        static Fixture create(String stationUrl, DevKeys keys) throws Exception {
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            String admin = keys.mint("bench-admin", List.of("union-admin"), Duration.ofHours(6));
            String worker = keys.mint("bench-rider-1", List.of("worker"), Duration.ofHours(6));
            HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(stationUrl + "/api/v1/stations"))
                    .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("""
                            {"name":"大兴区黄村镇户外劳动者服务站","hostType":"PARK","address":"北京市大兴区黄村镇兴华大街",
                             "location":{"latitude":39.7281,"longitude":116.3412}}""")).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (created.statusCode() != 201) {
                throw new IllegalStateException("station not created: " + created.statusCode() + " " + created.body());
            }
            return new Fixture(stationUrl, JSON.readTree(created.body()).get("id").asText(), admin, worker, http);
        }

        Wrk.Request publicGet() {
            return new Wrk.Request("GET", "/api/v1/stations/" + stationId, Map.of(), null);
        }

        /** A check-in with the station's current code (fetched anew for each slice: a code lasts two minutes). */
        Wrk.Request checkIn() {
            try {
                HttpResponse<String> code = http.send(HttpRequest.newBuilder(
                                URI.create(stationUrl + "/api/v1/stations/" + stationId + "/visit-code"))
                        .header("Authorization", "Bearer " + admin).build(), HttpResponse.BodyHandlers.ofString());
                JsonNode body = JSON.readTree(code.body());
                if (code.statusCode() != 200) {
                    throw new IllegalStateException("no visit code: " + code.statusCode() + " " + code.body());
                }
                return new Wrk.Request("POST", "/api/v1/stations/" + stationId + "/visits",
                        Map.of("Authorization", "Bearer " + worker, "Content-Type", "application/json"),
                        "{\"code\":\"" + body.get("code").asText() + "\",\"occupation\":\"FOOD_DELIVERY\"}");
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        /** Sends {@code request} once to {@code target}: it must succeed before it is measured. */
        void expectSuccess(Target target, Wrk.Request request) throws Exception {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(target.baseUrl() + request.path()))
                    .method(request.method(), request.body() == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(request.body()));
            request.headers().forEach(b::header);
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() / 100 != 2) {
                throw new IllegalStateException(target.key() + " answered " + r.statusCode() + ": " + r.body());
            }
        }
    }

    /** An OTLP/HTTP endpoint that accepts every export and counts what it received. */
    static final class OtlpSink implements AutoCloseable {
        private final HttpServer server;
        final AtomicLong exports = new AtomicLong();
        final AtomicLong bytes = new AtomicLong();

        private OtlpSink(HttpServer server) {
            this.server = server;
        }

        static OtlpSink start() throws IOException {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
            OtlpSink sink = new OtlpSink(server);
            server.createContext("/", exchange -> {
                try (InputStream in = exchange.getRequestBody()) {
                    sink.bytes.addAndGet(in.transferTo(java.io.OutputStream.nullOutputStream()));
                }
                sink.exports.incrementAndGet();
                exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
                exchange.sendResponseHeaders(200, -1);
                exchange.close();
            });
            server.start();
            return sink;
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    static String report(Options o, Map<String, List<Measured>> results, OtlpSink sink, String loadAtStart,
                         String loadAtEnd, long gatewayRss, long tracedRss) {
        StringBuilder r = new StringBuilder();
        r.append("<!-- generated by org.yizhan.bench.GatewayBenchmark; do not edit by hand -->\n");
        r.append(String.format(Locale.ROOT, "Run %s: wrk, %d connection(s) on %d thread(s); %d s measured per "
                        + "target and request in %d alternating slices of %d s after %d s of warm-up; %d cores; load "
                        + "average (1/5/15 min) %s at the start, %s at the end.%n%n",
                Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS), o.connections(), o.threads(),
                o.slices() * Math.max(1, o.seconds() / o.slices()), o.slices(), Math.max(1, o.seconds() / o.slices()),
                o.warmup(), Runtime.getRuntime().availableProcessors(), loadAtStart, loadAtEnd));
        for (Map.Entry<String, List<Measured>> e : results.entrySet()) {
            r.append(e.getKey().equals("GET")
                    ? "**Small public GET** `GET /api/v1/stations/{id}` (no token; a station, about 700 bytes of JSON)\n\n"
                    : "**Authenticated POST** `POST /api/v1/stations/{id}/visits` (a worker's bearer token, a check-in "
                    + "body of 60 bytes; station-service checks the code and records the visit once per hour)\n\n");
            r.append("| through | requests | not 2xx | socket errors | req/s | vs nginx | p50 (ms) | p90 (ms) | "
                    + "p99 (ms) | max (ms) | proxy CPU per 1,000 req (ms) | log bytes per req |\n");
            r.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
            double nginx = e.getValue().get(0).total().throughput();
            for (Measured m : e.getValue()) {
                Wrk.Result t = m.total();
                boolean proxy = !m.target.key().equals("direct");
                r.append(String.format(Locale.ROOT, "| %s | %,d | %d | %d | %.0f | %.2f× | %.2f | %.2f | %.2f | %.2f | %s | %s |%n",
                        m.target.label(), t.requests(), t.non2xx(), t.socketErrors(), t.throughput(),
                        t.throughput() / nginx, ms(t, 50), ms(t, 90), ms(t, 99), t.micros().getMaxValue() / 1000.0,
                        proxy ? String.format(Locale.ROOT, "%.0f", m.cpu.toNanos() / 1e6 / (t.requests() / 1000.0)) : "–",
                        proxy ? String.format(Locale.ROOT, "%.0f", (double) m.logBytes / t.requests()) : "–"));
            }
            r.append('\n');
            for (Measured m : e.getValue()) {
                double min = m.slices.stream().mapToDouble(Wrk.Result::throughput).min().orElse(Double.NaN);
                double max = m.slices.stream().mapToDouble(Wrk.Result::throughput).max().orElse(Double.NaN);
                r.append(String.format(Locale.ROOT, "- %s: %.0f–%.0f req/s per slice%n", m.target.key(), min, max));
            }
            r.append('\n');
        }
        r.append(String.format(Locale.ROOT, "Gateway RSS after the run: %d MiB as deployed, %s with tracing on. "
                        + "The OTLP endpoint received %,d exports (%,d bytes).%n", gatewayRss,
                tracedRss < 0 ? "–" : tracedRss + " MiB", sink.exports.get(), sink.bytes.get()));
        return r.toString();
    }

    private static double ms(Wrk.Result r, double percentile) {
        return r.micros().getValueAtPercentile(percentile) / 1000.0;
    }
}
