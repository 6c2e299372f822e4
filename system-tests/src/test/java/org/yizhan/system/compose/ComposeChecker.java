package org.yizhan.system.compose;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;

/**
 * Checks docker-compose.yml, the PostgreSQL init script and the services' Dockerfiles against the
 * repository: its modules, their ports and the conventions the services are written to. Every
 * check returns the problems it finds, one sentence each; an empty list means the check passed.
 */
final class ComposeChecker {

    /** The issuer of the local run's tokens (DevKeys), which production refuses. */
    private static final String LOCAL_ISSUER = "https://yizhan.local/issuer";

    static final String COMPOSE_FILE = "docker-compose.yml";
    static final String DOCKERFILE = "src/main/docker/Dockerfile.jvm";
    static final String READINESS_PATH = "/q/health/ready";
    static final String INIT_DIR_IN_CONTAINER = "/docker-entrypoint-initdb.d";
    static final String POSTGRES_DATA_DIR = "/var/lib/postgresql/data";
    static final String POSTGRES_MAJOR = "16";
    static final String DATASOURCE_URL = "QUARKUS_DATASOURCE_JDBC_URL";

    /** The parts of a Quarkus fast-jar, each of which the image must contain. */
    static final List<String> FAST_JAR_PARTS = List.of(
            "target/quarkus-app/lib/", "target/quarkus-app/*.jar",
            "target/quarkus-app/app/", "target/quarkus-app/quarkus/");

    private static final Pattern URL = Pattern.compile("https?://[^\\s\"',;|>]+");
    private static final Pattern CREATE_DATABASE =
            Pattern.compile("(?i)CREATE\\s+DATABASE\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?\"?([A-Za-z_][A-Za-z0-9_$]*)\"?");
    private static final Pattern JDBC_POSTGRES =
            Pattern.compile("jdbc:postgresql://([^:/?]+)(?::(\\d+))?/([^?]+)(?:\\?.*)?");

    private final RepoFiles repo;
    private final String expectedKafkaVersion;
    private final ComposeFile compose;

    /**
     * @param repo                 the repository (or a view with replaced files)
     * @param expectedKafkaVersion the Kafka version the broker image must run
     * @throws IllegalArgumentException when docker-compose.yml is missing or not valid YAML
     */
    ComposeChecker(RepoFiles repo, String expectedKafkaVersion) {
        this.repo = repo;
        this.expectedKafkaVersion = expectedKafkaVersion;
        String text = repo.read(COMPOSE_FILE).orElseThrow(
                () -> new IllegalArgumentException(COMPOSE_FILE + " does not exist in " + repo.root()));
        try {
            this.compose = ComposeFile.parse(text);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(COMPOSE_FILE + " cannot be parsed: " + e.getMessage(), e);
        }
    }

    /** Every check, in the order of the test class. */
    List<String> all() {
        List<String> problems = new ArrayList<>();
        problems.addAll(servicesAndBuildContexts());
        problems.addAll(publishedPorts());
        problems.addAll(healthchecks());
        problems.addAll(dependencies());
        problems.addAll(datasources());
        problems.addAll(gatewayUpstreams());
        problems.addAll(overviewUpstreams());
        problems.addAll(kafka());
        problems.addAll(postgres());
        problems.addAll(volumes());
        problems.addAll(jwtKey());
        problems.addAll(dockerfiles());
        return problems;
    }

    // ------------------------------------------------------------------------------------------
    // Services and images
    // ------------------------------------------------------------------------------------------

    /**
     * The six services exist under their module names and are built from their module with
     * src/main/docker/Dockerfile.jvm; every build context of the file is a module of the root pom
     * and its Dockerfile exists.
     */
    List<String> servicesAndBuildContexts() {
        List<String> problems = new ArrayList<>();
        Set<String> modules = rootPomModules(problems);
        for (ServiceModule spec : ServiceModule.ALL) {
            Optional<ComposeFile.Service> service = compose.service(spec.module());
            if (service.isEmpty()) {
                problems.add("service '" + spec.module() + "' is missing");
                continue;
            }
            Optional<ComposeFile.Build> build = service.get().build();
            if (build.isEmpty()) {
                problems.add("service '" + spec.module() + "' has no build section");
                continue;
            }
            String context = RepoFiles.normalize(build.get().context()).orElse(build.get().context());
            if (!context.equals(spec.module())) {
                problems.add("service '" + spec.module() + "' is built from context '" + build.get().context()
                        + "', expected ./" + spec.module());
            }
            if (!build.get().dockerfile().equals(DOCKERFILE)) {
                problems.add("service '" + spec.module() + "' is built with dockerfile '"
                        + build.get().dockerfile() + "', expected " + DOCKERFILE);
            }
        }
        for (ComposeFile.Service service : compose.services()) {
            if (service.build().isEmpty()) {
                continue;
            }
            ComposeFile.Build build = service.build().get();
            Optional<String> context = RepoFiles.normalize(build.context());
            if (context.isEmpty() || !repo.isDirectory(context.get())) {
                problems.add("service '" + service.name() + "': build context '" + build.context()
                        + "' is not a directory of the repository");
                continue;
            }
            if (!modules.contains(context.get())) {
                problems.add("service '" + service.name() + "': build context '" + build.context()
                        + "' is not a module of the root pom.xml " + new TreeSet<>(modules));
            }
            String dockerfile = context.get().isEmpty() ? build.dockerfile() : context.get() + "/" + build.dockerfile();
            if (!repo.isFile(dockerfile)) {
                problems.add("service '" + service.name() + "': Dockerfile " + dockerfile + " does not exist");
            }
        }
        return problems;
    }

    /**
     * Only the gateway is public: it publishes exactly its module's quarkus.http.port, under the
     * same number on the host; the services behind it publish nothing.
     */
    List<String> publishedPorts() {
        List<String> problems = new ArrayList<>();
        for (ServiceModule spec : ServiceModule.BEHIND_GATEWAY) {
            compose.service(spec.module()).filter(service -> !service.ports().isEmpty()).ifPresent(service ->
                    problems.add("service '" + spec.module() + "' publishes " + service.ports().stream()
                            .map(ComposeFile.PortMapping::spec).toList() + "; only the gateway may be public"));
        }
        ServiceModule spec = ServiceModule.GATEWAY;
        Optional<ComposeFile.Service> service = compose.service(spec.module());
        OptionalInt port = modulePort(spec, problems);
        if (service.isEmpty() || port.isEmpty()) {
            return problems;
        }
        String expected = port.getAsInt() + ":" + port.getAsInt();
        List<ComposeFile.PortMapping> ports = service.get().ports();
        if (ports.isEmpty()) {
            problems.add("service '" + spec.module() + "' publishes no port, expected \"" + expected + "\"");
        }
        for (ComposeFile.PortMapping mapping : ports) {
            boolean sameContainerPort = samePort(mapping.container(), port.getAsInt());
            boolean sameHostPort = mapping.host() != null && samePort(mapping.host(), port.getAsInt());
            if (!sameContainerPort || !sameHostPort) {
                problems.add("service '" + spec.module() + "' publishes port \"" + mapping.spec()
                        + "\", expected \"" + expected + "\" (quarkus.http.port in "
                        + spec.applicationProperties() + ")");
            }
        }
        return problems;
    }

    /**
     * Each service's healthcheck fetches http://localhost:PORT/q/health/ready with curl or wget,
     * PORT being the module's quarkus.management.port where its management interface is enabled,
     * else its quarkus.http.port.
     */
    List<String> healthchecks() {
        List<String> problems = new ArrayList<>();
        for (ServiceModule spec : ServiceModule.ALL) {
            Optional<ComposeFile.Service> service = compose.service(spec.module());
            OptionalInt port = healthPort(spec, problems);
            if (service.isEmpty() || port.isEmpty()) {
                continue;
            }
            Optional<String> command = service.get().healthcheckCommand();
            if (command.isEmpty()) {
                problems.add("service '" + spec.module() + "' has no healthcheck");
                continue;
            }
            if (!command.get().matches("(?s).*\\b(curl|wget)\\b.*")) {
                problems.add("service '" + spec.module() + "': healthcheck '" + command.get()
                        + "' uses neither curl nor wget");
            }
            List<String> urls = urls(command.get());
            if (urls.isEmpty()) {
                problems.add("service '" + spec.module() + "': healthcheck '" + command.get() + "' fetches no URL");
            }
            for (String url : urls) {
                Optional<URI> uri = uri(url);
                boolean local = uri.map(u -> Set.of("localhost", "127.0.0.1", "[::1]").contains(u.getHost()))
                        .orElse(false);
                if (!local) {
                    problems.add("service '" + spec.module() + "': healthcheck URL " + url
                            + " is not on localhost");
                }
                if (uri.isEmpty() || uri.get().getPort() != port.getAsInt()) {
                    problems.add("service '" + spec.module() + "': healthcheck URL " + url + " does not use port "
                            + port.getAsInt() + " (" + healthPortSource(spec) + " in " + spec.applicationProperties() + ")");
                }
                if (uri.isEmpty() || !READINESS_PATH.equals(uri.get().getPath())) {
                    problems.add("service '" + spec.module() + "': healthcheck URL " + url + " is not "
                            + READINESS_PATH);
                }
            }
        }
        return problems;
    }

    /**
     * Every depends_on names a service of the file, waits for condition service_healthy, and that
     * service has a healthcheck; a service that owns a database waits for PostgreSQL, one that uses
     * Kafka for Kafka, and the gateway for every service it routes to.
     */
    List<String> dependencies() {
        List<String> problems = new ArrayList<>();
        for (ComposeFile.Service service : compose.services()) {
            service.dependsOn().forEach((target, condition) -> {
                Optional<ComposeFile.Service> dependency = compose.service(target);
                if (dependency.isEmpty()) {
                    problems.add("service '" + service.name() + "' depends on '" + target
                            + "', which is not a service of the file");
                }
                if (!condition.equals(Optional.of("service_healthy"))) {
                    problems.add("service '" + service.name() + "' depends on '" + target + "' with condition "
                            + condition.orElse("(none)") + ", expected service_healthy");
                }
                if (dependency.isPresent() && dependency.get().healthcheckCommand().isEmpty()) {
                    problems.add("service '" + service.name() + "' waits for '" + target
                            + "' to be healthy, but '" + target + "' has no healthcheck");
                }
            });
        }
        Optional<String> postgres = postgresService().map(ComposeFile.Service::name);
        Optional<String> kafka = kafkaService().map(ComposeFile.Service::name);
        for (ServiceModule spec : ServiceModule.ALL) {
            compose.service(spec.module()).ifPresent(service -> {
                Set<String> deps = service.dependsOn().keySet();
                postgres.filter(p -> spec.database().isPresent() && !deps.contains(p)).ifPresent(p -> problems.add(
                        "service '" + spec.module() + "' does not depend on '" + p + "'"));
                kafka.filter(k -> spec.kafka() && !deps.contains(k)).ifPresent(k -> problems.add(
                        "service '" + spec.module() + "' does not depend on '" + k + "'"));
            });
        }
        compose.service(ServiceModule.GATEWAY.module()).ifPresent(gateway -> {
            for (ServiceModule backend : ServiceModule.BEHIND_GATEWAY) {
                if (!gateway.dependsOn().containsKey(backend.module())) {
                    problems.add("service 'gateway' does not depend on '" + backend.module() + "'");
                }
            }
        });
        return problems;
    }

    // ------------------------------------------------------------------------------------------
    // Infrastructure and its clients
    // ------------------------------------------------------------------------------------------

    /**
     * Every datasource URL points at the postgres service and at a database its init script
     * creates, each backend at its own database with the role the init script sets up; the gateway
     * has no datasource.
     */
    List<String> datasources() {
        List<String> problems = new ArrayList<>();
        Optional<ComposeFile.Service> postgres = postgresService();
        if (postgres.isEmpty()) {
            problems.add("no PostgreSQL service (image postgres:*)");
            return problems;
        }
        Set<String> created = initScriptDatabases(postgres.get(), problems);
        Map<String, String> postgresEnv = postgres.get().environment();
        String role = Optional.ofNullable(postgresEnv.get("YIZHAN_DB_USER"))
                .orElse(postgresEnv.getOrDefault("POSTGRES_USER", "postgres"));
        String password = Optional.ofNullable(postgresEnv.get("YIZHAN_DB_PASSWORD"))
                .orElse(postgresEnv.getOrDefault("POSTGRES_PASSWORD", ""));
        Map<String, String> owners = new HashMap<>();
        for (ComposeFile.Service service : compose.services()) {
            Map<String, String> env = service.environment();
            String url = env.get(DATASOURCE_URL);
            if (url == null) {
                continue;
            }
            Matcher m = JDBC_POSTGRES.matcher(url);
            if (!m.matches()) {
                problems.add("service '" + service.name() + "': " + DATASOURCE_URL + " " + url
                        + " is not a jdbc:postgresql://host:port/database URL");
                continue;
            }
            if (!m.group(1).equals(postgres.get().name())) {
                problems.add("service '" + service.name() + "': datasource host '" + m.group(1)
                        + "' is not the PostgreSQL service '" + postgres.get().name() + "'");
            }
            if (m.group(2) != null && !m.group(2).equals("5432")) {
                problems.add("service '" + service.name() + "': datasource port " + m.group(2)
                        + " is not PostgreSQL's 5432");
            }
            String database = m.group(3);
            if (!created.contains(database)) {
                problems.add("service '" + service.name() + "': database '" + database
                        + "' is not created by the PostgreSQL init script (it creates " + new TreeSet<>(created) + ")");
            }
            String previous = owners.putIfAbsent(database, service.name());
            if (previous != null) {
                problems.add("services '" + previous + "' and '" + service.name() + "' share database '"
                        + database + "'");
            }
            if (!role.equals(env.get("QUARKUS_DATASOURCE_USERNAME"))) {
                problems.add("service '" + service.name() + "': QUARKUS_DATASOURCE_USERNAME is '"
                        + env.get("QUARKUS_DATASOURCE_USERNAME") + "', expected the role '" + role
                        + "' that the postgres service sets up");
            }
            if (!password.equals(env.get("QUARKUS_DATASOURCE_PASSWORD"))) {
                problems.add("service '" + service.name()
                        + "': QUARKUS_DATASOURCE_PASSWORD differs from the password the postgres service sets up");
            }
        }
        for (ServiceModule spec : ServiceModule.ALL) {
            Optional<ComposeFile.Service> service = compose.service(spec.module());
            if (service.isEmpty()) {
                continue;
            }
            Optional<String> database = Optional.ofNullable(service.get().environment().get(DATASOURCE_URL))
                    .map(JDBC_POSTGRES::matcher).filter(Matcher::matches).map(m -> m.group(3));
            if (spec.database().isEmpty() && service.get().environment().containsKey(DATASOURCE_URL)) {
                problems.add("service '" + spec.module() + "' has a datasource, but it owns no database");
            } else if (spec.database().isPresent() && !database.equals(spec.database())) {
                problems.add("service '" + spec.module() + "' must use database '" + spec.database().get()
                        + "' (" + DATASOURCE_URL + " is " + service.get().environment().get(DATASOURCE_URL) + ")");
            }
        }
        return problems;
    }

    /** The gateway's upstream URLs name the services it routes to and their modules' ports. */
    List<String> gatewayUpstreams() {
        List<String> problems = new ArrayList<>();
        Optional<ComposeFile.Service> gateway = compose.service(ServiceModule.GATEWAY.module());
        if (gateway.isEmpty()) {
            problems.add("service 'gateway' is missing");
            return problems;
        }
        Map<String, String> env = gateway.get().environment();
        for (ServiceModule backend : ServiceModule.BEHIND_GATEWAY) {
            upstreamUrl("gateway", env, backend.gatewayUrlVariable(), backend, modulePort(backend, problems),
                    "quarkus.http.port", problems);
            upstreamUrl("gateway", env, backend.gatewayUrlVariable().replace("_URL", "_MANAGEMENT_URL"), backend,
                    healthPort(backend, problems), healthPortSource(backend), problems);
        }
        unknownHosts("gateway", env, "YIZHAN_GATEWAY_", problems);
        return problems;
    }

    /**
     * overview-service's part URLs (ADR 0022) name the four backends' services and their modules'
     * HTTP ports: it calls them inside the compose network, not through the gateway.
     */
    List<String> overviewUpstreams() {
        List<String> problems = new ArrayList<>();
        String name = ServiceModule.OVERVIEW.module();
        Optional<ComposeFile.Service> overview = compose.service(name);
        if (overview.isEmpty()) {
            problems.add("service '" + name + "' is missing");
            return problems;
        }
        Map<String, String> env = overview.get().environment();
        for (ServiceModule backend : ServiceModule.BACKENDS) {
            upstreamUrl(name, env, backend.overviewUrlVariable(), backend, modulePort(backend, problems),
                    "quarkus.http.port", problems);
        }
        unknownHosts(name, env, "YIZHAN_OVERVIEW_", problems);
        return problems;
    }

    /** Every {@code prefix*_URL} variable of {@code service} names a service of the file. */
    private void unknownHosts(String service, Map<String, String> env, String prefix, List<String> problems) {
        env.forEach((variable, value) -> {
            if (variable.startsWith(prefix) && variable.endsWith("_URL")) {
                uri(value).map(URI::getHost).filter(host -> compose.service(host).isEmpty()).ifPresent(host ->
                        problems.add(service + ": " + variable + "=" + value + " names '" + host
                                + "', which is not a service of the file"));
            }
        });
    }

    /**
     * {@code variable} of {@code client} is http://SERVICE:PORT with the target's name and
     * {@code port}, and no path.
     */
    private void upstreamUrl(String client, Map<String, String> env, String variable, ServiceModule target,
                             OptionalInt port, String portSource, List<String> problems) {
        String value = env.get(variable);
        if (value == null || value.isBlank()) {
            problems.add(client + ": " + variable + " is not set");
            return;
        }
        Optional<URI> uri = uri(value);
        if (uri.isEmpty() || !"http".equals(uri.get().getScheme()) || uri.get().getHost() == null) {
            problems.add(client + ": " + variable + "=" + value + " is not an http://host:port URL");
            return;
        }
        if (!target.module().equals(uri.get().getHost())) {
            problems.add(client + ": " + variable + "=" + value + " does not name the service '"
                    + target.module() + "'");
        }
        if (port.isPresent() && uri.get().getPort() != port.getAsInt()) {
            problems.add(client + ": " + variable + "=" + value + " does not use port " + port.getAsInt()
                    + " (" + portSource + " in " + target.applicationProperties() + ")");
        }
        String path = uri.get().getPath();
        if (path != null && !path.isEmpty() && !path.equals("/")) {
            problems.add(client + ": " + variable + "=" + value + " has a path; expected the service's base URL");
        }
    }

    /**
     * One Kafka broker of the image apache/kafka at the Kafka version of the Quarkus platform, in
     * KRaft mode as a single node (broker and controller, replication factor 1), with a healthcheck
     * using the image's own tools; the services that use Kafka bootstrap from its advertised listener,
     * the others (gateway, overview-service) are given no bootstrap servers.
     */
    List<String> kafka() {
        List<String> problems = new ArrayList<>();
        List<ComposeFile.Service> brokers = compose.services().stream()
                .filter(s -> s.image().map(i -> i.startsWith("apache/kafka")).orElse(false))
                .collect(Collectors.toList());
        if (brokers.size() != 1) {
            problems.add("expected one Kafka service (image apache/kafka:*), found " + brokers.size());
            return problems;
        }
        ComposeFile.Service kafka = brokers.get(0);
        String image = kafka.image().orElse("");
        String tag = image.contains(":") ? image.substring(image.lastIndexOf(':') + 1) : "latest";
        if (!tag.equals(expectedKafkaVersion)) {
            problems.add("Kafka image " + image + " does not run Kafka " + expectedKafkaVersion
                    + ", the version of kafka-clients in the Quarkus BOM");
        }
        Map<String, String> env = kafka.environment();
        Set<String> roles = Arrays.stream(env.getOrDefault("KAFKA_PROCESS_ROLES", "").split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
        if (!roles.equals(Set.of("broker", "controller"))) {
            problems.add("Kafka is not a KRaft single node: KAFKA_PROCESS_ROLES is '"
                    + env.getOrDefault("KAFKA_PROCESS_ROLES", "") + "', expected broker,controller");
        }
        if (env.containsKey("KAFKA_ZOOKEEPER_CONNECT")) {
            problems.add("Kafka sets KAFKA_ZOOKEEPER_CONNECT; KRaft mode has no ZooKeeper");
        }
        String nodeId = env.getOrDefault("KAFKA_NODE_ID", "");
        if (nodeId.isBlank()) {
            problems.add("Kafka: KAFKA_NODE_ID is not set");
        }
        String voters = env.getOrDefault("KAFKA_CONTROLLER_QUORUM_VOTERS", "");
        if (!Arrays.asList(voters.split(",")).stream().map(String::trim).anyMatch(v -> v.startsWith(nodeId + "@"))) {
            problems.add("Kafka: KAFKA_CONTROLLER_QUORUM_VOTERS '" + voters + "' does not list node "
                    + nodeId + " itself");
        }
        String controllerListener = env.getOrDefault("KAFKA_CONTROLLER_LISTENER_NAMES", "");
        if (controllerListener.isBlank()
                || !env.getOrDefault("KAFKA_LISTENERS", "").contains(controllerListener + "://")) {
            problems.add("Kafka: KAFKA_LISTENERS has no listener named by KAFKA_CONTROLLER_LISTENER_NAMES ('"
                    + controllerListener + "')");
        }
        for (String factor : List.of("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR",
                "KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR")) {
            if (!"1".equals(env.get(factor))) {
                problems.add("Kafka: " + factor + " is '" + env.get(factor) + "', a single node needs 1");
            }
        }
        for (String optional : List.of("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR",
                "KAFKA_SHARE_COORDINATOR_STATE_TOPIC_REPLICATION_FACTOR", "KAFKA_SHARE_COORDINATOR_STATE_TOPIC_MIN_ISR")) {
            if (env.containsKey(optional) && !"1".equals(env.get(optional))) {
                problems.add("Kafka: " + optional + " is '" + env.get(optional) + "', a single node needs 1");
            }
        }
        Optional<String> healthcheck = kafka.healthcheckCommand();
        if (healthcheck.isEmpty() || !healthcheck.get().matches("(?s).*kafka-(broker-api-versions|topics)\\.sh.*")) {
            problems.add("Kafka: the healthcheck does not run kafka-broker-api-versions.sh or kafka-topics.sh");
        }
        Set<String> advertised = Arrays.stream(env.getOrDefault("KAFKA_ADVERTISED_LISTENERS", "").split(","))
                .map(String::trim).filter(l -> l.contains("://"))
                .map(l -> l.substring(l.indexOf("://") + 3)).collect(Collectors.toSet());
        for (ServiceModule backend : ServiceModule.ALL) {
            compose.service(backend.module()).ifPresent(service -> {
                String bootstrap = service.environment().getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "");
                if (!backend.kafka()) {
                    if (service.environment().containsKey("KAFKA_BOOTSTRAP_SERVERS")) {
                        problems.add("service '" + backend.module() + "' sets KAFKA_BOOTSTRAP_SERVERS, but it uses"
                                + " no Kafka");
                    }
                    return;
                }
                if (bootstrap.isBlank()) {
                    problems.add("service '" + backend.module() + "': KAFKA_BOOTSTRAP_SERVERS is not set");
                }
                for (String server : bootstrap.split(",")) {
                    server = server.trim();
                    if (server.isEmpty()) {
                        continue;
                    }
                    String host = server.contains(":") ? server.substring(0, server.lastIndexOf(':')) : server;
                    if (!host.equals(kafka.name()) || !advertised.contains(server)) {
                        problems.add("service '" + backend.module() + "': KAFKA_BOOTSTRAP_SERVERS entry '" + server
                                + "' is not a listener the Kafka service '" + kafka.name() + "' advertises "
                                + new TreeSet<>(advertised));
                    }
                }
            });
        }
        return problems;
    }

    /**
     * One PostgreSQL 16 service with a pg_isready healthcheck, a superuser password, its data on a
     * named volume and an init script folder mounted at /docker-entrypoint-initdb.d.
     */
    List<String> postgres() {
        List<String> problems = new ArrayList<>();
        List<ComposeFile.Service> servers = compose.services().stream()
                .filter(s -> s.image().map(i -> i.equals("postgres") || i.startsWith("postgres:")).orElse(false))
                .collect(Collectors.toList());
        if (servers.size() != 1) {
            problems.add("expected one PostgreSQL service (image postgres:*), found " + servers.size());
            return problems;
        }
        ComposeFile.Service postgres = servers.get(0);
        String image = postgres.image().orElse("");
        String tag = image.contains(":") ? image.substring(image.indexOf(':') + 1) : "latest";
        if (!(tag.equals(POSTGRES_MAJOR) || tag.startsWith(POSTGRES_MAJOR + ".") || tag.startsWith(POSTGRES_MAJOR + "-"))) {
            problems.add("PostgreSQL image " + image + " is not PostgreSQL " + POSTGRES_MAJOR);
        }
        if (!postgres.healthcheckCommand().map(c -> c.contains("pg_isready")).orElse(false)) {
            problems.add("PostgreSQL: the healthcheck does not run pg_isready");
        }
        if (postgres.environment().getOrDefault("POSTGRES_PASSWORD", "").isBlank()) {
            problems.add("PostgreSQL: POSTGRES_PASSWORD is not set (the image refuses to start without it)");
        }
        Optional<ComposeFile.Mount> data = postgres.volumes().stream()
                .filter(m -> m.target().equals(POSTGRES_DATA_DIR)).findFirst();
        if (data.isEmpty() || data.get().bind() || data.get().source().isEmpty()) {
            problems.add("PostgreSQL: " + POSTGRES_DATA_DIR + " is not on a named volume");
        }
        initScriptDatabases(postgres, problems);
        return problems;
    }

    /** Named volumes are declared at the top level; bind-mounted folders exist in the repository. */
    List<String> volumes() {
        List<String> problems = new ArrayList<>();
        Set<String> declared = compose.declaredVolumes();
        for (ComposeFile.Service service : compose.services()) {
            for (ComposeFile.Mount mount : service.volumes()) {
                if (!mount.bind() && !mount.source().isEmpty() && !declared.contains(mount.source())) {
                    problems.add("service '" + service.name() + "' mounts volume '" + mount.source()
                            + "', which is not declared under the top-level volumes");
                }
                if (mount.bind()) {
                    Optional<String> source = RepoFiles.normalize(mount.source());
                    if (source.isEmpty() || !(repo.isDirectory(source.get()) || repo.isFile(source.get()))) {
                        problems.add("service '" + service.name() + "' mounts '" + mount.source()
                                + "', which does not exist in the repository");
                    }
                }
            }
        }
        return problems;
    }

    /**
     * Each service verifies tokens against an issuer and an audience that the operator must give
     * (a value, or a variable Compose requires), never the local run's issuer, and a public key: an
     * http(s) (JWKS) URL or a file inside a folder of the repository mounted into the container.
     */
    List<String> jwtKey() {
        List<String> problems = new ArrayList<>();
        for (ServiceModule spec : ServiceModule.ALL) {
            Optional<ComposeFile.Service> service = compose.service(spec.module());
            if (service.isEmpty()) {
                continue;
            }
            Map<String, String> env = service.get().environment();
            Map<String, String> raw = service.get().rawEnvironment();
            for (String required : List.of("MP_JWT_VERIFY_ISSUER", "MP_JWT_VERIFY_AUDIENCES")) {
                if (env.getOrDefault(required, "").isBlank()
                        && !ComposeFile.requiresVariable(raw.getOrDefault(required, ""))) {
                    problems.add("service '" + spec.module() + "': " + required + " is not set");
                }
            }
            if (LOCAL_ISSUER.equals(env.get("MP_JWT_VERIFY_ISSUER"))) {
                problems.add("service '" + spec.module() + "': MP_JWT_VERIFY_ISSUER defaults to the local run's issuer,"
                        + " which the services refuse outside a developer machine");
            }
            String location = env.getOrDefault("MP_JWT_VERIFY_PUBLICKEY_LOCATION", "");
            if (location.isBlank()) {
                problems.add("service '" + spec.module() + "': MP_JWT_VERIFY_PUBLICKEY_LOCATION is not set");
                continue;
            }
            if (location.startsWith("http://") || location.startsWith("https://")) {
                continue;
            }
            String path = location.startsWith("file:") ? location.substring("file:".length()) : location;
            boolean mounted = service.get().volumes().stream().anyMatch(m -> m.bind()
                    && path.startsWith(m.target().endsWith("/") ? m.target() : m.target() + "/")
                    && RepoFiles.normalize(m.source()).map(repo::isDirectory).orElse(false));
            if (!mounted) {
                problems.add("service '" + spec.module() + "': the public key " + path
                        + " is not inside a folder of the repository mounted into the container");
            }
        }
        return problems;
    }

    /**
     * Each module's Dockerfile.jvm copies the Quarkus fast-jar from target/quarkus-app, EXPOSEs the
     * module's quarkus.http.port and runs as the non-root user 185.
     */
    List<String> dockerfiles() {
        List<String> problems = new ArrayList<>();
        for (ServiceModule spec : ServiceModule.ALL) {
            String path = spec.module() + "/" + DOCKERFILE;
            Optional<String> text = repo.read(path);
            if (text.isEmpty()) {
                problems.add(path + " does not exist");
                continue;
            }
            List<String> instructions = instructions(text.get());
            if (instructions.stream().noneMatch(i -> keyword(i).equals("FROM"))) {
                problems.add(path + " has no FROM");
            }
            Set<String> exposed = new LinkedHashSet<>();
            instructions.stream().filter(i -> keyword(i).equals("EXPOSE"))
                    .flatMap(i -> Arrays.stream(arguments(i).split("\\s+")))
                    .map(p -> p.replaceFirst("/(tcp|udp)$", "")).forEach(exposed::add);
            OptionalInt port = modulePort(spec, problems);
            if (port.isPresent() && !exposed.contains(String.valueOf(port.getAsInt()))) {
                problems.add(path + " does not EXPOSE " + port.getAsInt() + " (quarkus.http.port in "
                        + spec.applicationProperties() + "), it exposes " + exposed);
            }
            OptionalInt health = healthPort(spec, problems);
            if (health.isPresent() && !exposed.contains(String.valueOf(health.getAsInt()))) {
                problems.add(path + " does not EXPOSE " + health.getAsInt() + " (" + healthPortSource(spec)
                        + " in " + spec.applicationProperties() + "), it exposes " + exposed);
            }
            Set<String> copied = instructions.stream().filter(i -> keyword(i).equals("COPY"))
                    .flatMap(i -> Arrays.stream(arguments(i).split("\\s+")))
                    .filter(word -> !word.startsWith("--")).collect(Collectors.toSet());
            boolean wholeApp = copied.contains("target/quarkus-app/") || copied.contains("target/quarkus-app");
            if (!wholeApp) {
                for (String part : FAST_JAR_PARTS) {
                    if (!copied.contains(part)) {
                        problems.add(path + " does not copy " + part);
                    }
                }
            }
            List<String> users = instructions.stream().filter(i -> keyword(i).equals("USER"))
                    .map(ComposeChecker::arguments).collect(Collectors.toList());
            if (users.isEmpty() || !users.get(users.size() - 1).split(":")[0].equals("185")) {
                problems.add(path + " does not run as the non-root user 185 (USER " + users + ")");
            }
        }
        return problems;
    }

    // ------------------------------------------------------------------------------------------
    // Helpers
    // ------------------------------------------------------------------------------------------

    /** quarkus.http.port of the module, read from its application.properties. */
    OptionalInt modulePort(ServiceModule spec, List<String> problems) {
        return portProperty(spec, "quarkus.http.port", problems);
    }

    /** Where the module answers /q/health: its management port when the interface is enabled, else its HTTP port. */
    OptionalInt healthPort(ServiceModule spec, List<String> problems) {
        return managementEnabled(spec) ? portProperty(spec, "quarkus.management.port", problems)
                : modulePort(spec, problems);
    }

    private String healthPortSource(ServiceModule spec) {
        return managementEnabled(spec) ? "quarkus.management.port" : "quarkus.http.port";
    }

    private boolean managementEnabled(ServiceModule spec) {
        return properties(spec, new ArrayList<>())
                .map(p -> "true".equals(p.getProperty("quarkus.management.enabled", "false").trim())).orElse(false);
    }

    private Optional<Properties> properties(ServiceModule spec, List<String> problems) {
        Optional<String> text = repo.read(spec.applicationProperties());
        if (text.isEmpty()) {
            addOnce(problems, spec.applicationProperties() + " does not exist (the ports of "
                    + spec.module() + " are read from it)");
            return Optional.empty();
        }
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(text.get()));
        } catch (IOException | IllegalArgumentException e) {
            addOnce(problems, spec.applicationProperties() + " cannot be read: " + e.getMessage());
            return Optional.empty();
        }
        return Optional.of(properties);
    }

    private OptionalInt portProperty(ServiceModule spec, String key, List<String> problems) {
        Optional<Properties> properties = properties(spec, problems);
        if (properties.isEmpty()) {
            return OptionalInt.empty();
        }
        String value = properties.get().getProperty(key);
        if (value == null) {
            addOnce(problems, spec.applicationProperties() + " has no " + key);
            return OptionalInt.empty();
        }
        try {
            return OptionalInt.of(Integer.parseInt(value.trim()));
        } catch (NumberFormatException e) {
            addOnce(problems, spec.applicationProperties() + ": " + key + " '" + value + "' is not a number");
            return OptionalInt.empty();
        }
    }

    /** Databases the init scripts mounted into the postgres service create. */
    private Set<String> initScriptDatabases(ComposeFile.Service postgres, List<String> problems) {
        Optional<ComposeFile.Mount> init = postgres.volumes().stream()
                .filter(m -> m.bind() && m.target().replaceFirst("/$", "").equals(INIT_DIR_IN_CONTAINER))
                .findFirst();
        if (init.isEmpty()) {
            addOnce(problems, "PostgreSQL: no folder of the repository is mounted at " + INIT_DIR_IN_CONTAINER);
            return Set.of();
        }
        Optional<String> dir = RepoFiles.normalize(init.get().source());
        if (dir.isEmpty() || !repo.isDirectory(dir.get())) {
            addOnce(problems, "PostgreSQL: init folder " + init.get().source() + " does not exist");
            return Set.of();
        }
        Set<String> databases = new TreeSet<>();
        TreeSet<String> scripts = new TreeSet<>();
        for (String name : repo.filesIn(dir.get())) {
            if (name.endsWith(".sql") || name.endsWith(".sh")) {
                scripts.add(name);
                Matcher m = CREATE_DATABASE.matcher(repo.read(dir.get() + "/" + name).orElse(""));
                while (m.find()) {
                    databases.add(m.group(1));
                }
            }
        }
        if (scripts.isEmpty()) {
            addOnce(problems, "PostgreSQL: init folder " + init.get().source() + " has no .sql or .sh script");
        }
        return databases;
    }

    private Optional<ComposeFile.Service> postgresService() {
        return compose.services().stream()
                .filter(s -> s.image().map(i -> i.equals("postgres") || i.startsWith("postgres:")).orElse(false))
                .findFirst();
    }

    private Optional<ComposeFile.Service> kafkaService() {
        return compose.services().stream()
                .filter(s -> s.image().map(i -> i.startsWith("apache/kafka")).orElse(false))
                .findFirst();
    }

    /** Module names in the root pom's {@code <modules>}. */
    private Set<String> rootPomModules(List<String> problems) {
        Optional<String> pom = repo.read("pom.xml");
        if (pom.isEmpty()) {
            problems.add("the root pom.xml does not exist");
            return Set.of();
        }
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Document document = factory.newDocumentBuilder().parse(new InputSource(new StringReader(pom.get())));
            Set<String> modules = new LinkedHashSet<>();
            for (Element section : children(document.getDocumentElement(), "modules")) {
                for (Element module : children(section, "module")) {
                    RepoFiles.normalize(module.getTextContent().trim()).ifPresent(modules::add);
                }
            }
            return modules;
        } catch (Exception e) {
            problems.add("the root pom.xml cannot be parsed: " + e.getMessage());
            return Set.of();
        }
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> result = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            Node node = nodes.item(i);
            if (node instanceof Element element && name.equals(element.getTagName())) {
                result.add(element);
            }
        }
        return result;
    }

    /** Dockerfile instructions, continuation lines joined, comments and blank lines dropped. */
    static List<String> instructions(String dockerfile) {
        List<String> instructions = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : dockerfile.split("\\R")) {
            String trimmed = line.trim();
            if (trimmed.startsWith("#") || (trimmed.isEmpty() && current.length() == 0)) {
                continue;
            }
            if (trimmed.endsWith("\\")) {
                current.append(trimmed, 0, trimmed.length() - 1).append(' ');
                continue;
            }
            current.append(trimmed);
            if (current.toString().isBlank()) {
                current.setLength(0);
                continue;
            }
            instructions.add(current.toString().trim());
            current.setLength(0);
        }
        if (!current.toString().isBlank()) {
            instructions.add(current.toString().trim());
        }
        return instructions;
    }

    private static String keyword(String instruction) {
        return instruction.split("\\s+", 2)[0].toUpperCase(Locale.ROOT);
    }

    private static String arguments(String instruction) {
        String[] parts = instruction.split("\\s+", 2);
        return parts.length < 2 ? "" : parts[1].trim();
    }

    private static List<String> urls(String text) {
        List<String> urls = new ArrayList<>();
        Matcher m = URL.matcher(text);
        while (m.find()) {
            urls.add(m.group());
        }
        return urls;
    }

    private static Optional<URI> uri(String text) {
        try {
            return Optional.of(new URI(text));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    private static boolean samePort(String text, int port) {
        return text.trim().equals(String.valueOf(port));
    }

    private static void addOnce(List<String> problems, String problem) {
        if (!problems.contains(problem)) {
            problems.add(problem);
        }
    }
}
