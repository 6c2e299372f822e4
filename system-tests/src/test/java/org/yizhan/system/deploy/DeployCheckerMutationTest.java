package org.yizhan.system.deploy;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yizhan.system.compose.CheckerMutation;
import org.yizhan.system.compose.RepoFiles;

import java.util.List;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The checks of {@link KubernetesManifestsTest} notice broken files: each case feeds the checker a
 * copy of the repository in which one file is changed (a generated manifest, the base, the
 * overlay, a module's application.properties, the compose file or the README) and expects the
 * matching check to report it.
 */
@DisplayName("the Kubernetes checks notice broken files")
class DeployCheckerMutationTest {

    private static final String BASE = DeployChecker.BASE + "/" + Kustomization.FILE;
    private static final String OVERLAY = DeployChecker.OVERLAY + "/" + Kustomization.FILE;
    private static final String SECRETS_PATCH = DeployChecker.OVERLAY + "/database-secrets.yaml";
    private static final String AUTOSCALING = DeployChecker.BASE + "/autoscaling.yaml";
    private static final String STATION = DeployChecker.BASE + "/station-service/kubernetes.yml";

    private static RepoFiles repo;

    @BeforeAll
    static void repository() {
        repo = RepoFiles.locate();
    }

    @Test
    @DisplayName("the repository's files have no problem")
    void baselineHasNoProblem() {
        KubernetesManifestsTest.assertNoProblems(new DeployChecker(repo).all());
    }

    @Test
    @DisplayName("a manifest that is not valid YAML is rejected")
    void invalidYamlIsRejected() {
        RepoFiles broken = repo.editFile(AUTOSCALING, text -> text + "\n---\nkind: [unclosed\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new DeployChecker(broken));
        assertTrue(e.getMessage().contains("cannot be parsed"), e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mutations")
    void checkerReportsTheProblem(CheckerMutation<DeployChecker> mutation) {
        DeployChecker checker = new DeployChecker(mutation.change().apply(repo));
        List<String> problems = mutation.reportedBy(checker);
        assertTrue(checker.all().containsAll(problems), "all() reports what the single check reports");
    }

    static Stream<CheckerMutation<DeployChecker>> mutations() {
        return Stream.of(
                // generated manifests
                new CheckerMutation<>("a generated manifest is missing",
                        r -> r.withoutFile(DeployChecker.BASE + "/gateway/kubernetes.yml"),
                        DeployChecker::generatedManifests, "gateway/kubernetes.yml does not exist"),
                new CheckerMutation<>("a generated manifest is no longer marked as generated",
                        r -> r.editFile(STATION, t -> t.replace("app.kubernetes.io/managed-by: quarkus",
                                "app.kubernetes.io/managed-by: hand")),
                        DeployChecker::generatedManifests, "is not marked as generated"),

                // ports, services, probes, resources
                properties("a module changes its HTTP port", "station-service", "quarkus.http.port=8081",
                        "quarkus.http.port=8181", DeployChecker::portsAndServices, "not quarkus.http.port 8181"),
                properties("a module changes its management port", "station-service", "quarkus.management.port=9081",
                        "quarkus.management.port=9181", DeployChecker::probes, "not the management port 9181"),
                edit("a probe fetches another path", STATION, "path: /q/health/ready", "path: /q/health",
                        DeployChecker::probes, "readinessProbe fetches /q/health, expected /q/health/ready"),
                new CheckerMutation<>("a service behind the gateway gets an Ingress",
                        r -> r.withFile(DeployChecker.BASE + "/ingress.yaml", """
                                apiVersion: networking.k8s.io/v1
                                kind: Ingress
                                metadata:
                                  name: station-service
                                spec:
                                  defaultBackend:
                                    service: {name: station-service, port: {number: 80}}
                                """).editFile(BASE, t -> t.replace("  - autoscaling.yaml\n",
                                "  - autoscaling.yaml\n  - ingress.yaml\n")),
                        DeployChecker::portsAndServices, "Ingress station-service"),
                edit("a container is not limited in memory", STATION, "memory: 1Gi", "ephemeral-storage: 1Gi",
                        DeployChecker::resources, "station-service has no resources.limits.memory"),

                // settings
                edit("a ConfigMap sets what the service does not read", BASE,
                        "      - KAFKA_BOOTSTRAP_SERVERS=kafka:9092\n  - name: services-service-config",
                        "      - KAFKA_BOOTSTRAP_SERVERS=kafka:9092\n      - YIZHAN_STATION_COLOUR=red\n"
                                + "  - name: services-service-config",
                        DeployChecker::settingsAreRead, "station-service gets YIZHAN_STATION_COLOUR"),
                edit("the overlay does not set the tokens' issuer", OVERLAY,
                        "      - MP_JWT_VERIFY_ISSUER=https://id.example.org/realms/yizhan\n", "",
                        DeployChecker::requiredSettings, "needs MP_JWT_VERIFY_ISSUER"),
                edit("the gateway's URL of a service is empty", BASE,
                        "YIZHAN_GATEWAY_LEGAL_AID_SERVICE_URL=http://legal-aid-service:80",
                        "YIZHAN_GATEWAY_LEGAL_AID_SERVICE_URL=", DeployChecker::requiredSettings,
                        "needs YIZHAN_GATEWAY_LEGAL_AID_SERVICE_URL, which is empty"),

                // secrets
                new CheckerMutation<>("a Secret with data is added",
                        r -> r.withFile(DeployChecker.BASE + "/secret.yaml", """
                                apiVersion: v1
                                kind: Secret
                                metadata:
                                  name: station-service-db
                                stringData:
                                  username: yizhan
                                """).editFile(BASE, t -> t.replace("  - autoscaling.yaml\n",
                                "  - autoscaling.yaml\n  - secret.yaml\n")),
                        DeployChecker::noSecretValues, "Secret station-service-db holds literal data"),
                edit("a password is written into a ConfigMap", OVERLAY,
                        "      - MP_JWT_VERIFY_AUDIENCES=yizhan-api\n",
                        "      - MP_JWT_VERIFY_AUDIENCES=yizhan-api\n      - QUARKUS_DATASOURCE_PASSWORD=yizhan\n",
                        DeployChecker::noSecretValues, "ConfigMap yizhan-jwt-config holds QUARKUS_DATASOURCE_PASSWORD"),
                edit("a public key is written into a ConfigMap", OVERLAY,
                        "      - MP_JWT_VERIFY_AUDIENCES=yizhan-api\n",
                        "      - MP_JWT_VERIFY_AUDIENCES=yizhan-api\n      - MP_JWT_VERIFY_PUBLICKEY=-----BEGIN PUBLIC KEY-----\n",
                        DeployChecker::noSecretValues, "looks like key material"),
                edit("a password is written into a JDBC URL", OVERLAY,
                        "yizhan_services?sslmode=require", "yizhan_services?sslmode=require&password=yizhan",
                        DeployChecker::noSecretValues, "looks like key material or a password"),
                edit("the overlay generates a Secret", OVERLAY, "patches:\n",
                        "secretGenerator:\n  - name: station-service-keys\n    literals: [pseudonym-key=abc]\npatches:\n",
                        DeployChecker::noSecretValues, "a secretGenerator writes secret values"),
                edit("a Secret the manifests use is not in the README", DeployChecker.README,
                        "`legal-aid-service-keys`", "`legal-aid-keys`",
                        DeployChecker::secretsDocumented, "Secret legal-aid-service-keys"),

                // overlay
                edit("an overlay patch targets a Deployment that does not exist", SECRETS_PATCH,
                        "  name: legal-aid-service\n", "  name: legal-aid\n",
                        DeployChecker::overlay, "targets Deployment legal-aid,"),
                edit("the overlay merges a ConfigMap no base generates", OVERLAY,
                        "  - name: legal-aid-service-config\n", "  - name: legal-aid-config\n",
                        DeployChecker::overlay, "ConfigMap legal-aid-config is merged, but no base generates it"),
                edit("the overlay points a service at another service's database", OVERLAY,
                        "/yizhan_checkup?sslmode=require", "/yizhan_station?sslmode=require",
                        DeployChecker::overlay, "does not name the database yizhan_checkup"),
                edit("the overlay keeps the base's Kafka", OVERLAY,
                        "      - KAFKA_BOOTSTRAP_SERVERS=kafka-0.kafka.example.internal:9092,kafka-1.kafka.example.internal:9092,"
                                + "kafka-2.kafka.example.internal:9092\n  - name: services-service-config",
                        "  - name: services-service-config",
                        DeployChecker::overlay, "station-service: the overlay keeps the base's KAFKA_BOOTSTRAP_SERVERS"),
                edit("an image override matches no container", OVERLAY, "  - name: docker.io/yizhan/gateway\n",
                        "  - name: docker.io/yizhan/gateway-x\n", DeployChecker::overlay, "image override docker.io/yizhan/gateway-x"),

                // upstreams, autoscalers, compose
                edit("the gateway calls a service on a port its Service does not forward", BASE,
                        "YIZHAN_GATEWAY_LEGAL_AID_SERVICE_URL=http://legal-aid-service:80",
                        "YIZHAN_GATEWAY_LEGAL_AID_SERVICE_URL=http://legal-aid-service:8084",
                        DeployChecker::upstreams, "uses port 8084 of Service legal-aid-service"),
                edit("a Service does not forward the management port", BASE,
                        "value: {name: management, port: 9081, protocol: TCP, targetPort: management}",
                        "value: {name: management, port: 9091, protocol: TCP, targetPort: management}",
                        DeployChecker::upstreams, "uses port 9081 of Service station-service"),
                edit("overview-service calls a host that is no Service", BASE,
                        "YIZHAN_OVERVIEW_STATION_SERVICE_URL=http://station-service:80",
                        "YIZHAN_OVERVIEW_STATION_SERVICE_URL=http://stations:80",
                        DeployChecker::upstreams, "names host stations"),
                edit("an autoscaler scales a Deployment that does not exist", AUTOSCALING,
                        "    name: overview-service\n  minReplicas", "    name: overview\n  minReplicas",
                        DeployChecker::autoscalers, "scales Deployment overview, which does not exist"),
                edit("an autoscaler may scale down to one pod", AUTOSCALING,
                        "    name: gateway\n  minReplicas: 2", "    name: gateway\n  minReplicas: 1",
                        DeployChecker::autoscalers, "may scale down to 1 pod"),
                edit("docker-compose.yml sets a service a variable the manifests do not", "docker-compose.yml",
                        "      YIZHAN_OVERVIEW_LEGAL_AID_SERVICE_URL: http://legal-aid-service:8084\n",
                        "      YIZHAN_OVERVIEW_LEGAL_AID_SERVICE_URL: http://legal-aid-service:8084\n"
                                + "      YIZHAN_OVERVIEW_TIMEOUT: 2s\n",
                        DeployChecker::inStepWithCompose, "docker-compose.yml sets [YIZHAN_OVERVIEW_TIMEOUT]"));
    }

    private static CheckerMutation<DeployChecker> edit(String name, String file, String from, String to,
                                 Function<DeployChecker, List<String>> check, String expected) {
        return new CheckerMutation<>(name, r -> r.editFile(file, text -> replaceOnce(file, text, from, to)), check, expected);
    }

    private static CheckerMutation<DeployChecker> properties(String name, String module, String from, String to,
                                       Function<DeployChecker, List<String>> check, String expected) {
        return edit(name, module + "/src/main/resources/application.properties", from, to, check, expected);
    }

    private static String replaceOnce(String file, String text, String from, String to) {
        int at = text.indexOf(from);
        if (at < 0 || text.indexOf(from, at + 1) >= 0) {
            throw new IllegalStateException(file + " must contain exactly once: " + from);
        }
        return text.substring(0, at) + to + text.substring(at + from.length());
    }
}
