package org.yizhan.system.compose;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * The operators' docker-compose.yml, the PostgreSQL init script and the six Dockerfile.jvm agree
 * with the repository: its modules, the ports in their application.properties, and the Kafka
 * version of the Quarkus platform. Files only: no container engine is needed.
 */
@DisplayName("docker-compose.yml matches the repository")
class DockerComposeTest {

    private static ComposeChecker checker;

    @BeforeAll
    static void parseComposeFile() {
        checker = new ComposeChecker(RepoFiles.locate(), ManagedVersions.kafka());
    }

    static Stream<Arguments> rules() {
        return Stream.of(
                rule("the six services exist and are built from modules of the root pom with their Dockerfile.jvm",
                        ComposeChecker::servicesAndBuildContexts),
                rule("only the gateway publishes a port: its module's quarkus.http.port, on the same host port",
                        ComposeChecker::publishedPorts),
                rule("each healthcheck fetches /q/health/ready on the module's management (or HTTP) port",
                        ComposeChecker::healthchecks),
                rule("every depends_on waits for a defined service with a healthcheck to be healthy; a service waits for "
                        + "the database and Kafka it uses, the gateway for every service it routes to",
                        ComposeChecker::dependencies),
                rule("every datasource points at a database the PostgreSQL init script creates",
                        ComposeChecker::datasources),
                rule("the gateway's upstream URLs name the routed services and their ports", ComposeChecker::gatewayUpstreams),
                rule("overview-service's part URLs name the backends' services and ports",
                        ComposeChecker::overviewUpstreams),
                rule("Kafka is a KRaft single node at the Kafka version of the Quarkus BOM; only its users bootstrap from it",
                        ComposeChecker::kafka),
                rule("PostgreSQL 16 has a pg_isready healthcheck, a named data volume and the init script",
                        ComposeChecker::postgres),
                rule("named volumes are declared and bind-mounted folders exist", ComposeChecker::volumes),
                rule("each service verifies tokens with an issuer and a mounted public key or a JWKS URL",
                        ComposeChecker::jwtKey),
                rule("each Dockerfile.jvm copies target/quarkus-app, EXPOSEs the module's ports and runs as 185",
                        ComposeChecker::dockerfiles));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void theFileFollowsTheRule(String rule, Function<ComposeChecker, List<String>> check) {
        assertNoProblems(check.apply(checker));
    }

    private static Arguments rule(String name, Function<ComposeChecker, List<String>> check) {
        return arguments(name, check);
    }

    static void assertNoProblems(List<String> problems) {
        assertTrue(problems.isEmpty(), () -> problems.size() + " problem(s):\n  - " + String.join("\n  - ", problems));
    }
}
