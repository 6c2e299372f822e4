package org.yizhan.bench;

import org.yizhan.localstack.Settings;
import org.yizhan.localstack.TempDirs;
import org.yizhan.localstack.kafka.KafkaBroker;
import org.yizhan.localstack.postgres.PostgresServer;
import org.yizhan.localstack.run.ServiceProcess;
import org.yizhan.localstack.run.ServiceSpec;
import org.yizhan.localstack.run.Stack;
import org.yizhan.localstack.security.DevKeys;

import java.net.URI;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Starts the packaged services the benchmarks measure, configured alike in each benchmark. */
final class BenchServices {

    private BenchServices() {
    }

    /**
     * station-service from {@code repoRoot/station-service/target/quarkus-app} on {@code database},
     * trusting {@code keys}' tokens, with a JDBC pool of {@code pool}, plus {@code extraEnv}.
     */
    static ServiceProcess stationService(Path repoRoot, Path work, PostgresServer pg, KafkaBroker kafka, DevKeys keys,
                                         String database, int port, int pool, List<String> jvm,
                                         Map<String, String> extraEnv) {
        ServiceSpec spec = new ServiceSpec("station-service", "station-service", port, database, Map.of());
        Map<String, String> env = new HashMap<>();
        env.put("QUARKUS_DATASOURCE_JDBC_URL", pg.jdbcUrl(database));
        env.put("QUARKUS_DATASOURCE_USERNAME", pg.user());
        env.put("QUARKUS_DATASOURCE_PASSWORD", pg.password());
        env.put("QUARKUS_DATASOURCE_JDBC_MAX_SIZE", String.valueOf(pool));
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        env.putAll(keys.trustingEnvironment());
        env.put("YIZHAN_VISITS_PSEUDONYM_KEY", "benchmark-only-pseudonym-key-0123456789");
        env.putAll(extraEnv);
        return ServiceProcess.start(spec, repoRoot, work.resolve("logs"), jvm, env);
    }

    /**
     * A stack for a benchmark: the packaged services on free ports, the gateway's per-client rate
     * limit off (the load comes from one address), the loaded stations' search week derived within
     * seconds, plus {@code environment}; {@code moduleInstances} as in {@link Stack.Options}.
     */
    static Stack stack(Path repoRoot, List<String> jvm, String suffix, Map<String, Integer> moduleInstances,
                       Map<String, String> environment) {
        Map<String, String> env = new HashMap<>(Map.of("YIZHAN_GATEWAY_RATE_LIMIT_ENABLED", "false",
                "YIZHAN_SEARCH_DERIVE_HOURS_EVERY", "2s"));
        env.putAll(environment);
        return Stack.up(new Stack.Options(repoRoot, TempDirs.create("yizhan-bench-" + suffix + "-"), Stack.Ports.free(),
                false, jvm, Settings.fromEnvironment(), "_bench_" + suffix, env, 1, moduleInstances), System.out);
    }

    /** Stops the stack and drops its databases. */
    static void down(Stack stack) {
        stack.stopProcesses();
        stack.databases().forEach(db -> stack.postgres().dropDatabase(db));
        stack.close();
    }

    /**
     * Loads {@code count} generated stations into the stack's station database (the same stations
     * for the same count) and waits until station-service has derived their search weeks; the
     * station table's row count.
     */
    static long seedStations(Stack stack, int count) throws Exception {
        String database = stack.databases().stream().filter(d -> d.startsWith("yizhan_station")).findFirst()
                .orElseThrow();
        NearbySearchBenchmark.load(stack.postgres(), database, count);
        try (Connection c = stack.postgres().connect(database); Statement s = c.createStatement()) {
            NearbySearchBenchmark.awaitDerivedHours(c, Duration.ofMinutes(10));
            try (ResultSet rs = s.executeQuery("select count(*) from station")) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** The port of an {@code http://host:port} address. */
    static int port(String url) {
        return URI.create(url).getPort();
    }
}
