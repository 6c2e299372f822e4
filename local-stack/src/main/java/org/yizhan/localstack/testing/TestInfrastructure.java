package org.yizhan.localstack.testing;

import org.yizhan.localstack.Settings;
import org.yizhan.localstack.TempDirs;
import org.yizhan.localstack.kafka.KafkaBroker;
import org.yizhan.localstack.postgres.PostgresProvisioner;
import org.yizhan.localstack.postgres.PostgresServer;
import org.yizhan.localstack.security.DevKeys;

import javax.management.MBeanServer;
import javax.management.ObjectName;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;

/**
 * The PostgreSQL server, Kafka broker and signing keys of one test JVM, started on first use
 * and stopped when the JVM exits.
 *
 * <p>Quarkus may load this class more than once (the test class and the test resource can live
 * in different class loaders), so what other copies need is published JVM-wide: addresses as
 * system properties, the broker's stop/start switch as a platform MBean.
 */
public final class TestInfrastructure {

    static final String KEYS_DIR = "yizhan.test.keys-dir";
    static final String KAFKA_BOOTSTRAP = "yizhan.test.kafka-bootstrap";
    static final String PG_HOST = "yizhan.test.pg-host";
    static final String PG_PORT = "yizhan.test.pg-port";
    static final String PG_USER = "yizhan.test.pg-user";
    static final String PG_PASSWORD = "yizhan.test.pg-password";
    static final String PG_ORIGIN = "yizhan.test.pg-origin";
    static final String KAFKA_MBEAN = "org.yizhan.test:type=KafkaBroker";

    private TestInfrastructure() {
    }

    /** Starts the infrastructure unless this JVM already has. */
    static void ensureStarted() {
        synchronized (System.getProperties()) {
            if (System.getProperty(KAFKA_BOOTSTRAP) == null) {
                start();
            }
        }
    }

    static String get(String property) {
        ensureStarted();
        return System.getProperty(property);
    }

    /** A handle on the test PostgreSQL server (which this or another class copy started). */
    static PostgresServer postgres() {
        ensureStarted();
        return PostgresServer.at(get(PG_HOST), Integer.parseInt(get(PG_PORT)), get(PG_USER), get(PG_PASSWORD));
    }

    private static void start() {
        Path root = TempDirs.createUnmanaged("yizhan-test-");
        DevKeys keys = DevKeys.loadOrCreate(root.resolve("keys"));
        PostgresServer pg = PostgresProvisioner.provision(Settings.fromEnvironment(),
                new PostgresProvisioner.EmbeddedOptions(root.resolve("postgres"), false, 0));
        KafkaBroker kafka = KafkaBroker.start(root.resolve("kafka"), 0);
        registerSwitch(kafka);

        System.setProperty(KEYS_DIR, keys.publicKeyPem().getParent().toString());
        System.setProperty(PG_HOST, pg.host());
        System.setProperty(PG_PORT, String.valueOf(pg.port()));
        System.setProperty(PG_USER, pg.user());
        System.setProperty(PG_PASSWORD, pg.password());
        System.setProperty(PG_ORIGIN, pg.origin());
        System.setProperty(KAFKA_BOOTSTRAP, kafka.bootstrapServers());

        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            quietly(kafka::close);
            quietly(pg::close);
            // Only now: the broker would halt the JVM if its log folder vanished under it.
            TempDirs.delete(root);
        }, "yizhan-test-infrastructure-stop"));
    }

    /** The MBean through which any class loader's {@link TestKafka} stops and starts the broker. */
    public interface KafkaSwitchMBean {
        void stop();

        void start();
    }

    private record KafkaSwitch(KafkaBroker broker) implements KafkaSwitchMBean {
        @Override
        public void stop() {
            broker.stop();
        }

        @Override
        public void start() {
            broker.start();
        }
    }

    private static void registerSwitch(KafkaBroker broker) {
        try {
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            ObjectName name = new ObjectName(KAFKA_MBEAN);
            if (server.isRegistered(name)) {
                server.unregisterMBean(name);
            }
            server.registerMBean(new javax.management.StandardMBean(new KafkaSwitch(broker), KafkaSwitchMBean.class),
                    name);
        } catch (Exception e) {
            throw new IllegalStateException("cannot register the Kafka switch", e);
        }
    }

    private interface Step {
        void run() throws Exception;
    }

    private static void quietly(Step step) {
        try {
            step.run();
        } catch (Exception ignored) {
            // best effort while the JVM exits
        }
    }

}
