package org.yizhan.localstack.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.yizhan.localstack.security.DevKeys;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Quarkus test resource that gives a service real infrastructure: its own fresh PostgreSQL
 * database (dropped afterwards), the JVM's Kafka broker and the JVM's JWT verification key.
 *
 * <p>Use it with {@code scope = TestResourceScope.GLOBAL} so that all test classes of a module
 * share one application boot. Init arg {@code database}: the database name prefix (e.g.
 * {@code yizhan_station}); leave it out for an application without a datasource. Init arg
 * {@code postgres-switch=true}: the datasource goes through the JVM's PostgreSQL proxy, so that a
 * test can take the database away with {@link TestPostgres#cut()}.
 */
public class YizhanTestResource implements QuarkusTestResourceLifecycleManager {

    /** Init arg: {@code true} to reach the database through the switchable proxy. */
    public static final String POSTGRES_SWITCH = "postgres-switch";

    private String databasePrefix;
    private boolean postgresSwitch;
    private String database;

    @Override
    public void init(Map<String, String> initArgs) {
        databasePrefix = initArgs.get("database");
        postgresSwitch = Boolean.parseBoolean(initArgs.get(POSTGRES_SWITCH));
    }

    @Override
    public Map<String, String> start() {
        TestInfrastructure.ensureStarted();
        Map<String, String> config = new HashMap<>();
        config.put("mp.jwt.verify.publickey.location",
                Path.of(TestInfrastructure.get(TestInfrastructure.KEYS_DIR), "jwt-public.pem").toString());
        config.put("mp.jwt.verify.issuer", DevKeys.ISSUER);
        config.put("kafka.bootstrap.servers", TestKafka.bootstrapServers());
        if (databasePrefix != null) {
            database = databasePrefix + "_" + UUID.randomUUID().toString().substring(0, 8);
            var pg = TestInfrastructure.postgres();
            pg.createDatabaseIfMissing(database);
            config.put("quarkus.datasource.jdbc.url", postgresSwitch
                    ? "jdbc:postgresql://127.0.0.1:" + TestInfrastructure.ensurePostgresProxy() + "/" + database
                    : pg.jdbcUrl(database));
            config.put("quarkus.datasource.username", pg.user());
            config.put("quarkus.datasource.password", pg.password());
        }
        return config;
    }

    @Override
    public void stop() {
        if (database != null) {
            TestInfrastructure.postgres().dropDatabase(database);
            database = null;
        }
    }
}
