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
 * system properties, the broker's stop/start switch and the PostgreSQL proxy's cut/restore switch
 * as platform MBeans.
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
    static final String PG_PROXY_PORT = "yizhan.test.pg-proxy-port";
    static final String PG_SWITCH_MBEAN = "org.yizhan.test:type=PostgresSwitch";

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

    /**
     * Starts the JVM's PostgreSQL proxy ({@link TestPostgres}) unless it runs already.
     *
     * @return the port on which it forwards to the test PostgreSQL server
     */
    static int ensurePostgresProxy() {
        synchronized (System.getProperties()) {
            ensureStarted();
            if (System.getProperty(PG_PROXY_PORT) == null) {
                PostgresProxy proxy = PostgresProxy.start(get(PG_HOST), Integer.parseInt(get(PG_PORT)));
                register(PG_SWITCH_MBEAN, new PostgresSwitch(proxy), PostgresSwitchMBean.class);
                System.setProperty(PG_PROXY_PORT, String.valueOf(proxy.port()));
            }
            return Integer.parseInt(System.getProperty(PG_PROXY_PORT));
        }
    }

    /** Invokes {@code operation} of the switch MBean {@code mbean}, whichever class loader registered it. */
    static void invoke(String mbean, String operation) {
        try {
            ManagementFactory.getPlatformMBeanServer().invoke(new ObjectName(mbean), operation, new Object[0],
                    new String[0]);
        } catch (Exception e) {
            throw new IllegalStateException("cannot " + operation + " " + mbean, e);
        }
    }

    private static void start() {
        Path root = TempDirs.createUnmanaged("yizhan-test-");
        DevKeys keys = DevKeys.loadOrCreate(root.resolve("keys"));
        PostgresServer pg = PostgresProvisioner.provision(Settings.fromEnvironment(),
                new PostgresProvisioner.EmbeddedOptions(root.resolve("postgres"), false, 0));
        KafkaBroker kafka = KafkaBroker.start(root.resolve("kafka"), 0);
        register(KAFKA_MBEAN, new KafkaSwitch(kafka), KafkaSwitchMBean.class);

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

    /** The MBean through which any class loader's {@link TestPostgres} cuts and restores the proxy. */
    public interface PostgresSwitchMBean {
        void cut();

        void restore();

        boolean isCut();
    }

    private record PostgresSwitch(PostgresProxy proxy) implements PostgresSwitchMBean {
        @Override
        public void cut() {
            proxy.cut();
        }

        @Override
        public void restore() {
            proxy.restore();
        }

        @Override
        public boolean isCut() {
            return proxy.isCut();
        }
    }

    private static <T> void register(String objectName, T implementation, Class<T> mbeanInterface) {
        try {
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            ObjectName name = new ObjectName(objectName);
            if (server.isRegistered(name)) {
                server.unregisterMBean(name);
            }
            server.registerMBean(new javax.management.StandardMBean(implementation, mbeanInterface), name);
        } catch (Exception e) {
            throw new IllegalStateException("cannot register " + objectName, e);
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
