package org.yizhan.bench;

import org.yizhan.localstack.Settings;
import org.yizhan.localstack.TempDirs;
import org.yizhan.localstack.run.ServiceProcess;
import org.yizhan.localstack.run.ServiceSpec;
import org.yizhan.localstack.run.Stack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Startup and memory of each service started alone, against a bare Quarkus REST application built
 * with the same Quarkus version ({@code benchmarks/reference-apps/bare-rest}) on the same machine.
 *
 * <p>The whole stack runs (PostgreSQL, Kafka, every service and the gateway, migrated and idle);
 * then, round after round, each target in turn is stopped and started again while nothing else
 * starts: the time from launch to its first ready answer (a service's {@code /q/health/ready}, which
 * checks its database and Kafka; the bare application's one endpoint), then a warm-up of requests on
 * a representative read of that service, then its resident memory. Where a service was packaged with
 * an AppCDS archive ({@code target/quarkus-app/app-cds.jsa}), each round also starts it with the
 * archive, as a variant of its own.
 *
 * <p>Usage (from the repository root): {@code ./mvnw -B -pl benchmarks -am package -DskipTests},
 * {@code ./mvnw -B -f benchmarks/reference-apps/bare-rest/pom.xml package -DskipTests}, then
 * {@code java -cp "benchmarks/target/benchmarks-1.0.0-SNAPSHOT.jar:benchmarks/target/lib/*"
 * org.yizhan.bench.StartupBenchmark --rounds 5 --requests 2000}
 */
public final class StartupBenchmark {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final String BARE = "bare-rest";
    /** The second reference: the services' Quarkus extensions, one table, one endpoint. */
    private static final String SAME = "same-extensions";
    private static final String APPCDS_ARCHIVE = "app-cds.jsa";

    private StartupBenchmark() {
    }

    record Options(int rounds, int requests, Path repoRoot, List<String> jvm, List<String> targets) {

        static Options parse(String[] args) {
            Map<String, String> opts = BenchArgs.parse(args);
            return new Options(Integer.parseInt(opts.getOrDefault("rounds", "5")),
                    Integer.parseInt(opts.getOrDefault("requests", "2000")),
                    Path.of(opts.getOrDefault("repo", ".")).toAbsolutePath().normalize(),
                    List.of(opts.getOrDefault("jvm", "-Xmx256m -XX:+UseParallelGC").split("\\s+")),
                    List.of(opts.getOrDefault("targets", BARE + "," + SAME + ",station-service,services-service,"
                            + "health-checkup-service,legal-aid-service,overview-service,gateway").split(",")));
        }
    }

    /** One start of one target: how long until ready, the warm-up's answers, and the memory after it. */
    record Start(String target, String variant, long readyMillis, int notOk, long rssMib) {
    }

    public static void main(String[] args) throws Exception {
        Options o = Options.parse(args);
        for (String reference : List.of(BARE, SAME)) {
            Path app = o.repoRoot().resolve(moduleOf(reference)).resolve("target/quarkus-app/quarkus-run.jar");
            if (o.targets().contains(reference) && !Files.isRegularFile(app)) {
                throw new IllegalStateException(app + " is missing: ./mvnw -B -f " + moduleOf(reference)
                        + "/pom.xml package -DskipTests");
            }
        }
        String loadAtStart = NearbySearchBenchmark.loadAverage();
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        Path work = TempDirs.create("yizhan-bench-startup-");
        List<Start> starts = new ArrayList<>();
        List<ServiceProcess> ours = new ArrayList<>();
        try (Stack stack = Stack.up(new Stack.Options(o.repoRoot(), work, Stack.Ports.free(), false, o.jvm(),
                Settings.fromEnvironment(), "_bench_startup"), System.out)) {
            String token = stack.keys().mint("startup-bench-worker", "worker");
            Map<String, ServiceProcess> current = new LinkedHashMap<>();
            for (String target : o.targets()) {
                current.put(target, isReference(target) ? null : stack.process(target));
            }
            Map<String, ServiceSpec> references = Map.of(
                    BARE, new ServiceSpec(BARE, moduleOf(BARE), org.yizhan.localstack.Ports.free(), null, Map.of()),
                    SAME, new ServiceSpec(SAME, moduleOf(SAME), org.yizhan.localstack.Ports.free(), null,
                            sameExtensionsEnvironment(stack)));
            for (int round = 1; round <= o.rounds(); round++) {
                // Each round begins with the next target, so that no target always follows the same one.
                List<String> order = new ArrayList<>(o.targets());
                java.util.Collections.rotate(order, -(round - 1));
                for (String target : order) {
                    for (String variant : variants(o, target)) {
                        Start start = isReference(target)
                                ? startReference(o, references.get(target), variant, work)
                                : restart(o, target, variant, current, ours, token);
                        starts.add(start);
                        System.out.printf(Locale.ROOT, "round %d %s%s: ready after %d ms, RSS %d MiB after %d requests"
                                        + " (%d not 2xx)%n", round, target, variant.isEmpty() ? "" : " (" + variant + ")",
                                start.readyMillis(), start.rssMib(), o.requests(), start.notOk());
                    }
                }
            }
        } finally {
            ours.forEach(p -> p.stop(Duration.ofSeconds(15)));
        }
        String table = report(o, starts, loadAtStart, NearbySearchBenchmark.loadAverage());
        Path out = o.repoRoot().resolve("benchmarks/target/startup.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, table);
        System.out.println(table);
    }

    /** "" for the start as packaged, and "appcds" where the target was packaged with an archive. */
    private static List<String> variants(Options o, String target) {
        return Files.isRegularFile(archive(o, moduleOf(target))) ? List.of("", "appcds") : List.of("");
    }

    private static boolean isReference(String target) {
        return target.equals(BARE) || target.equals(SAME);
    }

    private static String moduleOf(String target) {
        return isReference(target) ? "benchmarks/reference-apps/" + target : target;
    }

    /** The same-extensions application's database (its own, created here) and Kafka: the stack's. */
    private static Map<String, String> sameExtensionsEnvironment(Stack stack) {
        String database = "yizhan_bench_same_extensions";
        stack.postgres().createDatabaseIfMissing(database);
        return Map.of("QUARKUS_DATASOURCE_JDBC_URL", stack.postgres().jdbcUrl(database),
                "QUARKUS_DATASOURCE_USERNAME", stack.postgres().user(),
                "QUARKUS_DATASOURCE_PASSWORD", stack.postgres().password(),
                "KAFKA_BOOTSTRAP_SERVERS", stack.kafkaBootstrap());
    }

    private static Path archive(Options o, String module) {
        return o.repoRoot().resolve(module).resolve("target/quarkus-app").resolve(APPCDS_ARCHIVE);
    }

    private static List<String> jvm(Options o, String module, String variant) {
        List<String> jvm = new ArrayList<>(o.jvm());
        if (variant.equals("appcds")) {
            // -Xshare:on: a JVM that cannot use the archive refuses to start instead of starting without it.
            jvm.add("-Xshare:on");
            jvm.add("-XX:SharedArchiveFile=" + archive(o, module));
        }
        return jvm;
    }

    /** Stops the stack's (or the last) process of {@code target} and starts it again alone. */
    private static Start restart(Options o, String target, String variant, Map<String, ServiceProcess> current,
                                 List<ServiceProcess> ours, String token) throws Exception {
        ServiceProcess old = current.get(target);
        old.stop(Duration.ofSeconds(15));
        long launched = System.nanoTime();
        ServiceProcess started = old.startAgain(jvm(o, target, variant));
        ours.add(started);
        current.put(target, started);
        long ready = awaitOk(started, URI.create(started.spec().managementUrl() + "/q/health/ready"), launched);
        int notOk = warmUp(o.requests(), readOf(target, started.spec().url()), token);
        return new Start(target, variant, ready, notOk, started.rssMib());
    }

    /**
     * Starts a reference application: ready at the first 200 of its one endpoint (bare-rest) or of
     * its readiness check, which covers its database and Kafka (same-extensions).
     */
    private static Start startReference(Options o, ServiceSpec spec, String variant, Path work) throws Exception {
        long launched = System.nanoTime();
        ServiceProcess p = ServiceProcess.start(spec, o.repoRoot(), work.resolve("logs"),
                jvm(o, spec.module(), variant), Map.of());
        try {
            URI hello = URI.create(spec.url() + "/hello");
            long ready = awaitOk(p, spec.name().equals(BARE) ? hello : URI.create(spec.url() + "/q/health/ready"),
                    launched);
            int notOk = warmUp(o.requests(), hello, null);
            return new Start(spec.name(), variant, ready, notOk, p.rssMib());
        } finally {
            p.stop(Duration.ofSeconds(15));
        }
    }

    /** A read each service answers for a worker (or anyone): what its clients call most. */
    static URI readOf(String target, String base) {
        String path = switch (target) {
            case "station-service", "gateway" -> "/api/v1/stations/nearby?lat=39.9042&lon=116.4074&radius=3000";
            case "services-service" -> "/api/v1/activities";
            case "health-checkup-service" -> "/api/v1/checkups/appointments/mine";
            case "legal-aid-service" -> "/api/v1/legal-aid/consultations/mine";
            case "overview-service" -> "/api/v1/me/overview";
            default -> throw new IllegalArgumentException("no read known for " + target);
        };
        return URI.create(base + path);
    }

    /** Polls {@code uri} every 20 ms until it answers 200; milliseconds since {@code launchedNanos}. */
    private static long awaitOk(ServiceProcess p, URI uri, long launchedNanos) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(2)).GET().build();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (Instant.now().isBefore(deadline)) {
            if (!p.isAlive()) {
                throw new IllegalStateException(p.spec().name() + " exited; see " + p.logFile());
            }
            try {
                if (HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return (System.nanoTime() - launchedNanos) / 1_000_000;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException(p.spec().name() + " not ready after 3 minutes; see " + p.logFile());
    }

    /** Sends {@code n} reads one after the other; returns how many were not answered 2xx. */
    private static int warmUp(int n, URI uri, String token) throws Exception {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET();
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        HttpRequest request = builder.build();
        int notOk = 0;
        for (int i = 0; i < n; i++) {
            int status = HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status / 100 != 2) {
                notOk++;
            }
        }
        return notOk;
    }

    static String report(Options o, List<Start> starts, String loadAtStart, String loadAtEnd) {
        StringBuilder sb = new StringBuilder();
        sb.append("<!-- generated by org.yizhan.bench.StartupBenchmark; do not edit by hand -->\n");
        sb.append(String.format(Locale.ROOT, "Run %s: %d rounds, each target started alone in turn while the rest of "
                        + "the stack idles; JVM options `%s`; %d reads after each start before RSS is read; %d cores; "
                        + "load average (1/5/15 min) %s at the start, %s at the end.%n%n",
                Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS), o.rounds(), String.join(" ", o.jvm()),
                o.requests(), Runtime.getRuntime().availableProcessors(), loadAtStart, loadAtEnd));
        sb.append("| target | ready, median (ms) | min–max (ms) | vs bare | vs same extensions |"
                + " RSS after warm-up, median (MiB) | vs bare | vs same extensions | reads not 2xx |\n");
        sb.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        Map<String, List<Start>> byTarget = new LinkedHashMap<>();
        for (Start s : starts) {
            byTarget.computeIfAbsent(s.target() + (s.variant().isEmpty() ? "" : " (" + s.variant() + ")"),
                    k -> new ArrayList<>()).add(s);
        }
        List<Start> bare = byTarget.getOrDefault(BARE, List.of());
        double bareReady = median(bare.stream().mapToLong(Start::readyMillis).toArray());
        double bareRss = median(bare.stream().mapToLong(Start::rssMib).toArray());
        List<Start> same = byTarget.getOrDefault(SAME, List.of());
        double sameReady = median(same.stream().mapToLong(Start::readyMillis).toArray());
        double sameRss = median(same.stream().mapToLong(Start::rssMib).toArray());
        byTarget.forEach((name, list) -> {
            long[] ready = list.stream().mapToLong(Start::readyMillis).toArray();
            long[] rss = list.stream().mapToLong(Start::rssMib).toArray();
            double r = median(ready);
            double m = median(rss);
            sb.append(String.format(Locale.ROOT, "| %s | %,.0f | %,d–%,d | %.1f× | %.1f× | %,.0f | %.1f× | %.1f× | %d |%n",
                    name, r, java.util.Arrays.stream(ready).min().orElse(0),
                    java.util.Arrays.stream(ready).max().orElse(0), r / bareReady, r / sameReady, m, m / bareRss,
                    m / sameRss, list.stream().mapToInt(Start::notOk).sum()));
        });
        return sb.toString();
    }

    static double median(long[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        long[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2.0;
    }
}
