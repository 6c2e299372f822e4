package org.yizhan.system.compose;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The checks of {@link DockerComposeTest} notice broken files: each case feeds the checker a copy
 * of the repository in which one file is changed (compose file, init script, Dockerfile or a
 * module's application.properties) and expects the matching check to report it.
 *
 * <p>The baseline gives every module an application.properties with the agreed port and its
 * management port (the HTTP port plus 1000), so that these tests do not depend on the services' own
 * configuration files.
 */
@DisplayName("the compose checks notice broken files")
class ComposeCheckerMutationTest {

    private static final String ISSUER = "${YIZHAN_JWT_ISSUER:?set YIZHAN_JWT_ISSUER to the issuer of your identity provider's tokens}";
    private static final String AUDIENCE = "${YIZHAN_JWT_AUDIENCE:?set YIZHAN_JWT_AUDIENCE to the audience of your identity provider's tokens for Yizhan}";


    private static final String COMPOSE = ComposeChecker.COMPOSE_FILE;
    private static final String INIT_SCRIPT = "docker/postgres/init/01-yizhan-databases.sh";

    private static RepoFiles baseline;
    private static String kafkaVersion;

    @BeforeAll
    static void baseline() {
        RepoFiles repo = RepoFiles.locate();
        for (ServiceModule spec : ServiceModule.ALL) {
            String management = "quarkus.management.enabled=true\nquarkus.management.port="
                    + (spec.conventionalPort() + 1000) + "\n";
            repo = repo.withFile(spec.applicationProperties(),
                    "quarkus.http.port=" + spec.conventionalPort() + "\n" + management);
        }
        baseline = repo;
        kafkaVersion = ManagedVersions.kafka();
    }

    @Test
    @DisplayName("the unchanged files, with the agreed ports, have no problem")
    void baselineHasNoProblem() {
        DockerComposeTest.assertNoProblems(new ComposeChecker(baseline, kafkaVersion).all());
    }

    @Test
    @DisplayName("a compose file that is not valid YAML is rejected")
    void invalidYamlIsRejected() {
        RepoFiles broken = baseline.editFile(COMPOSE, text -> replaceOnce(text, "    image: postgres:16\n",
                "    image: postgres:16\n   restart: [unclosed\n"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ComposeChecker(broken, kafkaVersion));
        assertTrue(e.getMessage().contains("cannot be parsed"), e.getMessage());
    }

    @Test
    @DisplayName("a compose file with a duplicate key is rejected")
    void duplicateKeyIsRejected() {
        RepoFiles broken = baseline.editFile(COMPOSE, text -> replaceOnce(text, "    image: postgres:16\n",
                "    image: postgres:16\n    image: postgres:15\n"));
        assertThrows(IllegalArgumentException.class, () -> new ComposeChecker(broken, kafkaVersion));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mutations")
    void checkerReportsTheProblem(CheckerMutation<ComposeChecker> mutation) {
        ComposeChecker checker = new ComposeChecker(mutation.change().apply(baseline), kafkaVersion);
        List<String> problems = mutation.reportedBy(checker);
        assertTrue(checker.all().containsAll(problems), "all() reports what the single check reports");
    }

    static Stream<CheckerMutation<ComposeChecker>> mutations() {
        return Stream.of(
                // services and build contexts
                compose("a service is missing", "  legal-aid-service:\n    <<: *quarkus-service",
                        "  legal-aid:\n    <<: *quarkus-service",
                        ComposeChecker::servicesAndBuildContexts, "service 'legal-aid-service' is missing"),
                compose("a build context is not a module", "context: ./gateway\n", "context: ./docs\n",
                        ComposeChecker::servicesAndBuildContexts, "is not a module of the root pom.xml"),
                compose("a build context does not exist", "context: ./station-service\n", "context: ./station\n",
                        ComposeChecker::servicesAndBuildContexts, "is not a directory of the repository"),
                new CheckerMutation<>("a Dockerfile.jvm is missing",
                        repo -> repo.withoutFile("gateway/" + ComposeChecker.DOCKERFILE),
                        ComposeChecker::servicesAndBuildContexts,
                        "Dockerfile gateway/src/main/docker/Dockerfile.jvm does not exist"),

                // ports
                compose("the gateway's published host port differs", "\"8080:8080\"", "\"8090:8080\"",
                        ComposeChecker::publishedPorts, "publishes port \"8090:8080\""),
                compose("the gateway's published container port differs", "\"8080:8080\"", "\"8080:8092\"",
                        ComposeChecker::publishedPorts, "publishes port \"8080:8092\""),
                compose("a service behind the gateway publishes its port",
                        "    image: yizhan/station-service:${YIZHAN_IMAGE_TAG:-latest}\n",
                        "    image: yizhan/station-service:${YIZHAN_IMAGE_TAG:-latest}\n    ports:\n      - \"8081:8081\"\n",
                        ComposeChecker::publishedPorts, "service 'station-service' publishes [8081:8081]"),
                compose("overview-service publishes its port",
                        "    image: yizhan/overview-service:${YIZHAN_IMAGE_TAG:-latest}\n",
                        "    image: yizhan/overview-service:${YIZHAN_IMAGE_TAG:-latest}\n    ports:\n      - \"8085:8085\"\n",
                        ComposeChecker::publishedPorts, "service 'overview-service' publishes [8085:8085]"),
                properties("the gateway changes its port (ports)", "gateway", "quarkus.http.port=7080\n",
                        ComposeChecker::publishedPorts, "expected \"7080:7080\""),
                properties("a module changes its management port (healthcheck)", "station-service",
                        "quarkus.http.port=8081\nquarkus.management.enabled=true\nquarkus.management.port=7081\n",
                        ComposeChecker::healthchecks, "does not use port 7081 (quarkus.management.port"),
                properties("a module without a management interface is probed on its HTTP port", "station-service",
                        "quarkus.http.port=8081\n", ComposeChecker::healthchecks, "does not use port 8081 (quarkus.http.port"),
                properties("a module changes its port (gateway)", "station-service", "quarkus.http.port=7081\n",
                        ComposeChecker::gatewayUpstreams, "does not use port 7081"),
                properties("a module changes its port (Dockerfile)", "station-service", "quarkus.http.port=7081\n",
                        ComposeChecker::dockerfiles, "does not EXPOSE 7081"),
                properties("a module changes its management port (Dockerfile)", "station-service",
                        "quarkus.http.port=8081\nquarkus.management.enabled=true\nquarkus.management.port=7081\n",
                        ComposeChecker::dockerfiles, "does not EXPOSE 7081 (quarkus.management.port"),
                properties("a module has no quarkus.http.port", "gateway", "quarkus.application.name=gateway\n",
                        ComposeChecker::publishedPorts, "has no quarkus.http.port"),
                new CheckerMutation<>("a module has no application.properties",
                        repo -> repo.withoutFile("gateway/src/main/resources/application.properties"),
                        ComposeChecker::publishedPorts,
                        "gateway/src/main/resources/application.properties does not exist"),

                compose("the gateway looks for a service's documents on its HTTP port",
                        "YIZHAN_GATEWAY_STATION_SERVICE_MANAGEMENT_URL: http://station-service:9081",
                        "YIZHAN_GATEWAY_STATION_SERVICE_MANAGEMENT_URL: http://station-service:8081",
                        ComposeChecker::gatewayUpstreams, "does not use port 9081 (quarkus.management.port"),

                // healthchecks
                compose("a healthcheck uses another port", "http://localhost:9083/q/health/ready",
                        "http://localhost:9093/q/health/ready",
                        ComposeChecker::healthchecks, "does not use port 9083"),
                compose("a healthcheck probes liveness", "http://localhost:9084/q/health/ready",
                        "http://localhost:9084/q/health/live",
                        ComposeChecker::healthchecks, "is not /q/health/ready"),
                compose("a service has no healthcheck",
                        "      test: [\"CMD\", \"curl\", \"-fsS\", \"-o\", \"/dev/null\", \"http://localhost:9080/q/health/ready\"]",
                        "      disable: true",
                        ComposeChecker::healthchecks, "service 'gateway' has no healthcheck"),
                compose("overview-service's healthcheck probes its HTTP port", "http://localhost:9085/q/health/ready",
                        "http://localhost:8085/q/health/ready",
                        ComposeChecker::healthchecks, "service 'overview-service': healthcheck URL "
                                + "http://localhost:8085/q/health/ready does not use port 9085"),
                new CheckerMutation<>("overview-service is missing",
                        repo -> repo.editFile(COMPOSE, text -> replaceOnce(text,
                                "  overview-service:\n    <<: *quarkus-service", "  overview:\n    <<: *quarkus-service")),
                        ComposeChecker::servicesAndBuildContexts, "service 'overview-service' is missing"),

                // depends_on
                compose("a dependency waits only for the start", "      station-service:\n        condition: service_healthy",
                        "      station-service:\n        condition: service_started",
                        ComposeChecker::dependencies, "with condition service_started"),
                compose("a dependency names no service", "      legal-aid-service:\n        condition: service_healthy",
                        "      legal-aid:\n        condition: service_healthy",
                        ComposeChecker::dependencies, "'legal-aid', which is not a service of the file"),
                compose("a dependency has no healthcheck",
                        "      test: [\"CMD-SHELL\", \"KAFKA_HEAP_OPTS=-Xmx128m /opt/kafka/bin/kafka-broker-api-versions.sh --bootstrap-server localhost:9092 > /dev/null 2>&1\"]",
                        "      disable: true",
                        ComposeChecker::dependencies, "but 'kafka' has no healthcheck"),
                compose("depends_on in short form",
                        "&backend-depends-on\n  postgres:\n    condition: service_healthy\n  kafka:\n    condition: service_healthy\n",
                        "&backend-depends-on\n  - postgres\n  - kafka\n",
                        ComposeChecker::dependencies, "with condition (none)"),
                compose("the backends do not wait for Kafka",
                        "&backend-depends-on\n  postgres:\n    condition: service_healthy\n  kafka:\n    condition: service_healthy\n",
                        "&backend-depends-on\n  postgres:\n    condition: service_healthy\n",
                        ComposeChecker::dependencies, "does not depend on 'kafka'"),
                compose("the gateway does not wait for overview-service",
                        "      overview-service:\n        condition: service_healthy\n", "",
                        ComposeChecker::dependencies, "service 'gateway' does not depend on 'overview-service'"),

                // datasources and the init script
                compose("a datasource names a database nobody creates", "postgres:5432/yizhan_checkup",
                        "postgres:5432/yizhan_health",
                        ComposeChecker::datasources, "database 'yizhan_health' is not created"),
                new CheckerMutation<>("the init script forgets a database",
                        repo -> repo.editFile(INIT_SCRIPT, text -> replaceOnce(text,
                                "CREATE DATABASE yizhan_legal_aid OWNER :\"app_user\" ENCODING 'UTF8';\n", "")),
                        ComposeChecker::datasources, "database 'yizhan_legal_aid' is not created"),
                compose("the init folder is not mounted", "      - ./docker/postgres/init:/docker-entrypoint-initdb.d:ro\n",
                        "", ComposeChecker::postgres, "no folder of the repository is mounted at"),
                compose("a datasource points at another host", "jdbc:postgresql://postgres:5432/yizhan_station",
                        "jdbc:postgresql://db:5432/yizhan_station",
                        ComposeChecker::datasources, "is not the PostgreSQL service"),
                compose("two services share a database", "jdbc:postgresql://postgres:5432/yizhan_services",
                        "jdbc:postgresql://postgres:5432/yizhan_station",
                        ComposeChecker::datasources, "share database 'yizhan_station'"),
                compose("a datasource logs in with another role",
                        "  QUARKUS_DATASOURCE_USERNAME: ${YIZHAN_DB_USER:-yizhan}",
                        "  QUARKUS_DATASOURCE_USERNAME: ${YIZHAN_DB_USER:-app}",
                        ComposeChecker::datasources, "QUARKUS_DATASOURCE_USERNAME is 'app'"),
                compose("overview-service is given a database",
                        "      <<: *jwt-env\n      YIZHAN_OVERVIEW_STATION_SERVICE_URL",
                        "      <<: *jwt-env\n      QUARKUS_DATASOURCE_JDBC_URL: jdbc:postgresql://postgres:5432/yizhan_station"
                                + "\n      YIZHAN_OVERVIEW_STATION_SERVICE_URL",
                        ComposeChecker::datasources, "service 'overview-service' has a datasource, but it owns no database"),

                // gateway
                compose("an upstream URL uses another port",
                        "YIZHAN_GATEWAY_STATION_SERVICE_URL: http://station-service:8081",
                        "YIZHAN_GATEWAY_STATION_SERVICE_URL: http://station-service:8085",
                        ComposeChecker::gatewayUpstreams, "does not use port 8081"),
                compose("an upstream URL names another service",
                        "YIZHAN_GATEWAY_SERVICES_SERVICE_URL: http://services-service:8082",
                        "YIZHAN_GATEWAY_SERVICES_SERVICE_URL: http://service-service:8082",
                        ComposeChecker::gatewayUpstreams, "does not name the service 'services-service'"),
                compose("an upstream URL is missing",
                        "      YIZHAN_GATEWAY_LEGAL_AID_SERVICE_URL: http://legal-aid-service:8084\n", "",
                        ComposeChecker::gatewayUpstreams, "YIZHAN_GATEWAY_LEGAL_AID_SERVICE_URL is not set"),
                compose("the gateway's overview-service URL is missing",
                        "      YIZHAN_GATEWAY_OVERVIEW_SERVICE_URL: http://overview-service:8085\n", "",
                        ComposeChecker::gatewayUpstreams, "YIZHAN_GATEWAY_OVERVIEW_SERVICE_URL is not set"),
                compose("the gateway looks for overview-service's document on its HTTP port",
                        "YIZHAN_GATEWAY_OVERVIEW_SERVICE_MANAGEMENT_URL: http://overview-service:9085",
                        "YIZHAN_GATEWAY_OVERVIEW_SERVICE_MANAGEMENT_URL: http://overview-service:8085",
                        ComposeChecker::gatewayUpstreams, "does not use port 9085 (quarkus.management.port"),

                // overview-service's parts
                compose("a part URL uses the service's management port",
                        "YIZHAN_OVERVIEW_HEALTH_CHECKUP_SERVICE_URL: http://health-checkup-service:8083",
                        "YIZHAN_OVERVIEW_HEALTH_CHECKUP_SERVICE_URL: http://health-checkup-service:9083",
                        ComposeChecker::overviewUpstreams, "overview-service: YIZHAN_OVERVIEW_HEALTH_CHECKUP_SERVICE_URL="
                                + "http://health-checkup-service:9083 does not use port 8083"),
                compose("a part URL goes through the gateway",
                        "YIZHAN_OVERVIEW_LEGAL_AID_SERVICE_URL: http://legal-aid-service:8084",
                        "YIZHAN_OVERVIEW_LEGAL_AID_SERVICE_URL: http://gateway:8080",
                        ComposeChecker::overviewUpstreams, "does not name the service 'legal-aid-service'"),
                compose("a part URL is missing",
                        "      YIZHAN_OVERVIEW_STATION_SERVICE_URL: http://station-service:8081\n", "",
                        ComposeChecker::overviewUpstreams, "YIZHAN_OVERVIEW_STATION_SERVICE_URL is not set"),
                properties("a backend changes its port (overview-service)", "services-service",
                        "quarkus.http.port=7082\n", ComposeChecker::overviewUpstreams,
                        "YIZHAN_OVERVIEW_SERVICES_SERVICE_URL=http://services-service:8082 does not use port 7082"),

                // Kafka
                compose("Kafka runs another version", "apache/kafka:4.1.2", "apache/kafka:3.9.1",
                        ComposeChecker::kafka, "does not run Kafka"),
                compose("Kafka is not a controller", "KAFKA_PROCESS_ROLES: broker,controller",
                        "KAFKA_PROCESS_ROLES: broker",
                        ComposeChecker::kafka, "is not a KRaft single node"),
                compose("Kafka replicates offsets three times", "KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR: 1",
                        "KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR: 3",
                        ComposeChecker::kafka, "KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR is '3'"),
                compose("the backends bootstrap from a port Kafka does not advertise",
                        "KAFKA_BOOTSTRAP_SERVERS: kafka:9092", "KAFKA_BOOTSTRAP_SERVERS: kafka:29092",
                        ComposeChecker::kafka, "entry 'kafka:29092' is not a listener"),
                compose("the Kafka healthcheck uses no Kafka tool",
                        "/opt/kafka/bin/kafka-broker-api-versions.sh --bootstrap-server localhost:9092",
                        "nc -z localhost 9092",
                        ComposeChecker::kafka, "does not run kafka-broker-api-versions.sh"),
                compose("overview-service is given Kafka",
                        "      <<: *jwt-env\n      YIZHAN_OVERVIEW_STATION_SERVICE_URL",
                        "      <<: *jwt-env\n      KAFKA_BOOTSTRAP_SERVERS: kafka:9092\n      YIZHAN_OVERVIEW_STATION_SERVICE_URL",
                        ComposeChecker::kafka, "service 'overview-service' sets KAFKA_BOOTSTRAP_SERVERS, but it uses no Kafka"),

                // PostgreSQL and volumes
                compose("PostgreSQL is another major version", "image: postgres:16", "image: postgres:17",
                        ComposeChecker::postgres, "is not PostgreSQL 16"),
                compose("PostgreSQL has no pg_isready healthcheck", "[\"CMD\", \"pg_isready\",",
                        "[\"CMD\", \"true\",",
                        ComposeChecker::postgres, "does not run pg_isready"),
                compose("a named volume is not declared", "  postgres-data:\n  kafka-data:\n", "  postgres-data:\n",
                        ComposeChecker::volumes, "mounts volume 'kafka-data', which is not declared"),

                // token verification
                compose("the key folder is not mounted", "    - ./docker/jwt:/etc/yizhan/jwt:ro\n", "",
                        ComposeChecker::jwtKey, "is not inside a folder of the repository mounted"),
                compose("the issuer is empty", ISSUER, "${YIZHAN_JWT_ISSUER}",
                        ComposeChecker::jwtKey, "MP_JWT_VERIFY_ISSUER is not set"),
                compose("the issuer defaults to the local run's", ISSUER, "${YIZHAN_JWT_ISSUER:-https://yizhan.local/issuer}",
                        ComposeChecker::jwtKey, "defaults to the local run's issuer"),
                compose("the audience may be left out", AUDIENCE, "${YIZHAN_JWT_AUDIENCE:-}",
                        ComposeChecker::jwtKey, "MP_JWT_VERIFY_AUDIENCES is not set"),

                // Dockerfiles
                dockerfile("a Dockerfile exposes another port", "health-checkup-service", "EXPOSE 8083", "EXPOSE 8080",
                        "does not EXPOSE 8083"),
                dockerfile("a Dockerfile leaves out the libraries", "services-service",
                        "COPY --chown=185 target/quarkus-app/lib/ /deployments/lib/\n", "",
                        "does not copy target/quarkus-app/lib/"),
                dockerfile("a Dockerfile runs as root", "station-service", "USER 185", "USER root",
                        "does not run as the non-root user 185"),
                dockerfile("overview-service's Dockerfile leaves out its management port", "overview-service",
                        "EXPOSE 8085 9085", "EXPOSE 8085", "does not EXPOSE 9085 (quarkus.management.port"));
    }

    private static CheckerMutation<ComposeChecker> compose(String name, String from, String to,
                                    Function<ComposeChecker, List<String>> check, String expected) {
        return new CheckerMutation<>(name, repo -> repo.editFile(COMPOSE, text -> replaceOnce(text, from, to)), check, expected);
    }

    private static CheckerMutation<ComposeChecker> properties(String name, String module, String content,
                                       Function<ComposeChecker, List<String>> check, String expected) {
        return new CheckerMutation<>(name, repo -> repo.withFile(module + "/src/main/resources/application.properties", content),
                check, expected);
    }

    private static CheckerMutation<ComposeChecker> dockerfile(String name, String module, String from, String to, String expected) {
        return new CheckerMutation<>(name,
                repo -> repo.editFile(module + "/" + ComposeChecker.DOCKERFILE, text -> replaceOnce(text, from, to)),
                ComposeChecker::dockerfiles, expected);
    }

    /** {@code text} with the single occurrence of {@code from} replaced; a mutation that changes nothing fails. */
    static String replaceOnce(String text, String from, String to) {
        int at = text.indexOf(from);
        if (at < 0 || text.indexOf(from, at + 1) >= 0) {
            throw new AssertionError("the mutation needs exactly one occurrence of \"" + from + "\"; found "
                    + (at < 0 ? "none" : "several"));
        }
        return text.substring(0, at) + to + text.substring(at + from.length());
    }
}
