package org.yizhan.bench;

import org.yizhan.localstack.kafka.KafkaBroker;
import org.yizhan.localstack.postgres.PostgresServer;
import org.yizhan.localstack.run.ServiceProcess;
import org.yizhan.localstack.run.ServiceSpec;
import org.yizhan.localstack.security.DevKeys;

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
}
