package org.yizhan.system.compose;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Versions of the platform the build resolves, as opposed to versions written in the compose file. */
final class ManagedVersions {

    private ManagedVersions() {
    }

    /**
     * The Kafka version of org.apache.kafka:kafka-clients on the test classpath, whose version the
     * Quarkus BOM manages (system-tests/pom.xml gives none): the broker in docker-compose.yml must run
     * the same one.
     */
    static String kafka() {
        try (InputStream in = ManagedVersions.class.getResourceAsStream("/kafka/kafka-version.properties")) {
            if (in == null) {
                throw new IllegalStateException("kafka/kafka-version.properties is not on the test classpath; "
                        + "system-tests needs org.apache.kafka:kafka-clients (test scope)");
            }
            Properties properties = new Properties();
            properties.load(in);
            String version = properties.getProperty("version");
            if (version == null || version.isBlank()) {
                throw new IllegalStateException("kafka/kafka-version.properties names no version");
            }
            return version.trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
