package org.yizhan.system.compose;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The operators' docker-compose.yml, the PostgreSQL init script and the five Dockerfile.jvm agree
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

    @Test
    @DisplayName("the five services exist and are built from modules of the root pom with their Dockerfile.jvm")
    void servicesAreBuiltFromModules() {
        assertNoProblems(checker.servicesAndBuildContexts());
    }

    @Test
    @DisplayName("each service publishes its module's quarkus.http.port on the same host port")
    void publishedPortsAreTheModulesHttpPorts() {
        assertNoProblems(checker.publishedPorts());
    }

    @Test
    @DisplayName("each healthcheck fetches /q/health/ready on the module's port")
    void healthchecksProbeReadiness() {
        assertNoProblems(checker.healthchecks());
    }

    @Test
    @DisplayName("every depends_on waits for a defined service with a healthcheck to be healthy")
    void dependenciesWaitForHealthyServices() {
        assertNoProblems(checker.dependencies());
    }

    @Test
    @DisplayName("every datasource points at a database the PostgreSQL init script creates")
    void datasourcesUseCreatedDatabases() {
        assertNoProblems(checker.datasources());
    }

    @Test
    @DisplayName("the gateway's upstream URLs name the backends' services and ports")
    void gatewayUpstreamsNameTheBackends() {
        assertNoProblems(checker.gatewayUpstreams());
    }

    @Test
    @DisplayName("Kafka is a KRaft single node at the Kafka version of the Quarkus BOM")
    void kafkaIsKraftAtTheBomVersion() {
        assertNoProblems(checker.kafka());
    }

    @Test
    @DisplayName("PostgreSQL 16 has a pg_isready healthcheck, a named data volume and the init script")
    void postgresIsConfigured() {
        assertNoProblems(checker.postgres());
    }

    @Test
    @DisplayName("named volumes are declared and bind-mounted folders exist")
    void volumesResolve() {
        assertNoProblems(checker.volumes());
    }

    @Test
    @DisplayName("each service verifies tokens with an issuer and a mounted public key or a JWKS URL")
    void servicesVerifyTokens() {
        assertNoProblems(checker.jwtKey());
    }

    @Test
    @DisplayName("each Dockerfile.jvm copies target/quarkus-app, EXPOSEs the module's port and runs as 185")
    void dockerfilesMatchTheModules() {
        assertNoProblems(checker.dockerfiles());
    }

    static void assertNoProblems(List<String> problems) {
        assertTrue(problems.isEmpty(), () -> problems.size() + " problem(s):\n  - " + String.join("\n  - ", problems));
    }
}
