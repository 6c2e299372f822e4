package org.yizhan.system.deploy;

import org.yizhan.system.compose.ComposeFile;
import org.yizhan.system.compose.RepoFiles;
import org.yizhan.system.compose.ServiceModule;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Checks the Kubernetes manifests in {@code deploy/kubernetes} against the repository: the
 * manifests quarkus-kubernetes generated for each module (base), and the overlay for a real
 * PostgreSQL and Kafka combined with it. Each check returns its problems, empty when all is well.
 */
final class DeployChecker {

    static final String COMPOSE_FILE = "docker-compose.yml";
    static final String ROOT = "deploy/kubernetes";
    static final String BASE = ROOT + "/base";
    static final String OVERLAY = ROOT + "/overlays/production";
    static final String README = ROOT + "/README.md";
    static final String LIVENESS_PATH = "/q/health/live";
    static final String READINESS_PATH = "/q/health/ready";

    /** Variable names whose value must come from a Secret, never be written in a manifest. */
    private static final Pattern SECRET_NAME = Pattern.compile(".*(PASSWORD|SECRET|KEYSET|TOKEN|PRIVATE|_KEY)$");
    /** Values that are key material whatever their name: PEM blocks, Tink keysets, passwords in URLs. */
    private static final Pattern SECRET_VALUE = Pattern.compile(
            "(?s).*(-----BEGIN|\"primaryKeyId\"|\"keyMaterialType\"|[?&]password=|://[^/@\\s]+:[^/@\\s]+@).*");

    /**
     * Variables quarkus-kubernetes gives every container by itself, with why they may stay: the
     * pod's namespace, for a Kubernetes client (none of the services uses one; harmless).
     */
    static final Set<String> ADDED_BY_THE_GENERATOR = Set.of("KUBERNETES_NAMESPACE");

    private final RepoFiles repo;
    private final Kustomization base;
    private final Kustomization overlay;
    private final ComposeFile compose;

    DeployChecker(RepoFiles repo) {
        this.repo = repo;
        this.base = Kustomization.read(repo, BASE);
        this.overlay = Kustomization.read(repo, OVERLAY);
        this.compose = ComposeFile.parse(repo.read(COMPOSE_FILE).orElseThrow());
    }

    List<String> all() {
        List<String> problems = new ArrayList<>();
        Stream.<Supplier<List<String>>>of(this::generatedManifests, this::portsAndServices, this::probes,
                this::resources, this::settingsAreRead, this::requiredSettings, this::noSecretValues,
                this::secretsDocumented, this::overlay, this::upstreams, this::autoscalers, this::inStepWithCompose)
                .forEach(check -> problems.addAll(check.get()));
        return problems;
    }

    /** Each module's generated kubernetes.yml is in the base, marked as generated, with its Deployment and Service. */
    List<String> generatedManifests() {
        List<String> problems = new ArrayList<>(base.problems());
        for (ServiceModule module : ServiceModule.ALL) {
            String file = generatedFile(module);
            if (!repo.isFile(file)) {
                problems.add(file + " does not exist (./mvnw package -pl " + module.module() + " writes it)");
                continue;
            }
            for (String kind : List.of("Deployment", "Service")) {
                Optional<Kustomization.Resource> resource = base.resource(kind, module.module());
                if (resource.isEmpty() || !resource.get().file().equals(file)) {
                    problems.add(kind + " " + module.module() + " is not in " + file + " as listed in " + BASE);
                } else if (!"quarkus".equals(Yaml.map(Yaml.at(resource.get().body(), "metadata.labels"))
                        .get("app.kubernetes.io/managed-by"))) {
                    problems.add(kind + " " + module.module() + " in " + file
                            + " is not marked as generated (label app.kubernetes.io/managed-by: quarkus)");
                }
            }
        }
        return problems;
    }

    /**
     * Container ports are the module's HTTP and management ports; each Service forwards to the HTTP
     * port; only the gateway's Service is reachable from outside (LoadBalancer), and nothing else is
     * exposed (no NodePort, LoadBalancer or Ingress).
     */
    List<String> portsAndServices() {
        List<String> problems = new ArrayList<>();
        for (ServiceModule module : ServiceModule.ALL) {
            Optional<Map<String, Object>> container = container(module, problems);
            OptionalInt http = port(module, "quarkus.http.port", problems);
            if (container.isEmpty() || http.isEmpty()) {
                continue;
            }
            Map<String, Integer> ports = containerPorts(container.get());
            if (!ports.containsValue(http.getAsInt())) {
                problems.add("container " + module.module() + " has ports " + ports + ", not quarkus.http.port "
                        + http.getAsInt() + " of " + module.applicationProperties());
            }
            OptionalInt management = managementPort(module, problems);
            if (management.isPresent() && !ports.containsValue(management.getAsInt())) {
                problems.add("container " + module.module() + " has ports " + ports + ", not quarkus.management.port "
                        + management.getAsInt() + " of " + module.applicationProperties());
            }
            Optional<Kustomization.Resource> service = overlay.resource("Service", module.module());
            if (service.isEmpty()) {
                continue;
            }
            String type = Yaml.string(Yaml.at(service.get().body(), "spec.type")).orElse("ClusterIP");
            String expected = module.equals(ServiceModule.GATEWAY) ? "LoadBalancer" : "ClusterIP";
            if (!type.equals(expected)) {
                problems.add("Service " + module.module() + " is of type " + type + ", expected " + expected);
            }
            if (servicePort(service.get(), ports, http.getAsInt()).isEmpty()) {
                problems.add("Service " + module.module() + " forwards no port to quarkus.http.port " + http.getAsInt());
            }
        }
        Set<String> modules = new TreeSet<>();
        ServiceModule.ALL.forEach(m -> modules.add(m.module()));
        for (Kustomization.Resource resource : overlay.resources()) {
            String type = Yaml.string(Yaml.at(resource.body(), "spec.type")).orElse("ClusterIP");
            boolean exposed = resource.kind().equals("Ingress")
                    || resource.kind().equals("Service") && !type.equals("ClusterIP");
            if (exposed && !resource.name().equals(ServiceModule.GATEWAY.module())) {
                problems.add(resource.kind() + " " + resource.name() + " (" + resource.file()
                        + ") is reachable from outside the cluster; only the gateway may be");
            }
            if (resource.kind().equals("Deployment") && !modules.contains(resource.name())) {
                problems.add("Deployment " + resource.name() + " is not one of the modules " + modules);
            }
        }
        return problems;
    }

    /** Liveness and readiness probes fetch /q/health/live and /q/health/ready on the management port. */
    List<String> probes() {
        List<String> problems = new ArrayList<>();
        for (ServiceModule module : ServiceModule.ALL) {
            Optional<Map<String, Object>> container = container(module, problems);
            OptionalInt management = managementPort(module, problems);
            if (container.isEmpty() || management.isEmpty()) {
                continue;
            }
            Map<String, Integer> ports = containerPorts(container.get());
            probe(module, container.get(), "livenessProbe", LIVENESS_PATH, management.getAsInt(), ports, problems);
            probe(module, container.get(), "readinessProbe", READINESS_PATH, management.getAsInt(), ports, problems);
        }
        return problems;
    }

    private void probe(ServiceModule module, Map<String, Object> container, String probe, String path, int port,
                       Map<String, Integer> ports, List<String> problems) {
        Map<String, Object> get = Yaml.map(Yaml.at(container, probe + ".httpGet"));
        if (get.isEmpty()) {
            problems.add("container " + module.module() + " has no " + probe + " with httpGet");
            return;
        }
        String actualPath = Yaml.string(get.get("path")).orElse("");
        if (!actualPath.equals(path)) {
            problems.add("container " + module.module() + ": " + probe + " fetches " + actualPath + ", expected " + path);
        }
        OptionalInt actual = resolve(Yaml.string(get.get("port")).orElse(""), ports);
        if (actual.isEmpty() || actual.getAsInt() != port) {
            problems.add("container " + module.module() + ": " + probe + " uses port " + get.get("port")
                    + ", not the management port " + port + " (quarkus.management.port in "
                    + module.applicationProperties() + ")");
        }
    }

    /** Every container requests CPU and memory and is limited in memory. */
    List<String> resources() {
        List<String> problems = new ArrayList<>();
        for (ServiceModule module : ServiceModule.ALL) {
            container(module, problems).ifPresent(c -> {
                for (String path : List.of("resources.requests.cpu", "resources.requests.memory",
                        "resources.limits.memory")) {
                    if (Yaml.string(Yaml.at(c, path)).isEmpty()) {
                        problems.add("container " + module.module() + " has no " + path);
                    }
                }
            });
        }
        return problems;
    }

    /** Every variable a container gets (its env and the ConfigMaps it takes whole) is a setting the module reads. */
    List<String> settingsAreRead() {
        List<String> problems = new ArrayList<>();
        for (ServiceModule module : ServiceModule.ALL) {
            ServiceSettings settings = ServiceSettings.of(repo, module);
            environment(module, problems).forEach((name, source) -> {
                if (!settings.reads(name) && !ADDED_BY_THE_GENERATOR.contains(name)) {
                    problems.add(module.module() + " gets " + name + " (" + source + "), which is no setting it reads");
                }
            });
        }
        return problems;
    }

    /**
     * What a module cannot run without is set, with the overlay: the settings docker-compose.yml
     * requires, the database and Kafka of the modules that use them, the token key's location and
     * the URLs of the services a module calls.
     */
    List<String> requiredSettings() {
        List<String> problems = new ArrayList<>();
        for (ServiceModule module : ServiceModule.ALL) {
            Map<String, String> env = environment(module, problems);
            for (String name : required(module)) {
                if (!env.containsKey(name)) {
                    problems.add(module.module() + " needs " + name + ", which neither its env nor its ConfigMaps set");
                } else if (env.get(name).endsWith("=")) {
                    problems.add(module.module() + " needs " + name + ", which is empty (" + env.get(name) + ")");
                }
            }
        }
        return problems;
    }

    private Set<String> required(ServiceModule module) {
        Set<String> required = new LinkedHashSet<>();
        compose.service(module.module()).ifPresent(s -> s.rawEnvironment().forEach((name, value) -> {
            if (ComposeFile.requiresVariable(value)) {
                required.add(name);
            }
        }));
        required.add("MP_JWT_VERIFY_PUBLICKEY_LOCATION");
        if (module.database().isPresent()) {
            required.addAll(List.of("QUARKUS_DATASOURCE_JDBC_URL", "QUARKUS_DATASOURCE_USERNAME",
                    "QUARKUS_DATASOURCE_PASSWORD"));
        }
        if (module.kafka()) {
            required.add("KAFKA_BOOTSTRAP_SERVERS");
        }
        if (module.equals(ServiceModule.GATEWAY)) {
            ServiceModule.BEHIND_GATEWAY.forEach(m -> {
                required.add(m.gatewayUrlVariable());
                required.add(managementUrlVariable(m));
            });
        }
        if (module.equals(ServiceModule.OVERVIEW)) {
            ServiceModule.BACKENDS.forEach(m -> required.add(m.overviewUrlVariable()));
        }
        return required;
    }

    /**
     * No secret value is in the repository: no Secret with data and no secret generator; a variable
     * named like a password or key comes from a Secret; no value anywhere looks like key material.
     */
    List<String> noSecretValues() {
        List<String> problems = new ArrayList<>();
        for (Kustomization tree : List.of(base, overlay)) {
            tree.secretGenerators().forEach(g -> problems.add(g + ": a secretGenerator writes secret values into "
                    + "the repository; create the Secret in the cluster instead (" + README + ")"));
            for (Kustomization.Resource resource : tree.resources()) {
                if (resource.kind().equals("Secret") && (resource.body().containsKey("data")
                        || resource.body().containsKey("stringData"))) {
                    problems.add(resource.file() + ": Secret " + resource.name() + " holds literal data");
                }
                for (Map<String, Object> container : Kustomization.containersOf(resource)) {
                    for (Map<String, Object> env : Yaml.maps(container.get("env"))) {
                        String name = Yaml.string(env.get("name")).orElse("");
                        if (env.containsKey("value") && SECRET_NAME.matcher(name).matches()) {
                            problems.add(resource.file() + ": " + resource.name() + " sets " + name
                                    + " to a literal value; it must come from a Secret (valueFrom.secretKeyRef)");
                        }
                    }
                }
            }
            tree.configMaps().forEach((map, data) -> data.keySet().stream().filter(k -> SECRET_NAME.matcher(k).matches())
                    .forEach(k -> problems.add("ConfigMap " + map + " holds " + k + "; it must come from a Secret")));
            tree.texts().forEach((file, text) -> text.lines().filter(l -> SECRET_VALUE.matcher(l).matches())
                    .forEach(l -> problems.add(file + " holds what looks like key material or a password: "
                            + l.strip().substring(0, Math.min(40, l.strip().length())) + "…")));
        }
        return problems.stream().distinct().toList();
    }

    /** Every Secret the manifests take values or files from is listed, with the key, in deploy/kubernetes/README.md. */
    List<String> secretsDocumented() {
        List<String> problems = new ArrayList<>();
        String readme = repo.read(README).orElse("");
        if (readme.isEmpty()) {
            problems.add(README + " does not exist");
        }
        for (Kustomization.Resource resource : base.resources("Deployment")) {
            for (Map<String, Object> container : Kustomization.containersOf(resource)) {
                for (Map<String, Object> env : Yaml.maps(container.get("env"))) {
                    Map<String, Object> ref = Yaml.map(Yaml.at(env, "valueFrom.secretKeyRef"));
                    if (!ref.isEmpty() && !documented(readme, String.valueOf(ref.get("name")), String.valueOf(ref.get("key")))) {
                        problems.add("Secret " + ref.get("name") + " (key " + ref.get("key") + ", used by "
                                + resource.name() + ") is not listed with its key in " + README);
                    }
                }
            }
            for (Map<String, Object> volume : Yaml.maps(Yaml.at(resource.body(), "spec.template.spec.volumes"))) {
                Yaml.string(Yaml.at(volume, "secret.secretName")).filter(name -> !documented(readme, name, ""))
                        .ifPresent(name -> problems.add("Secret " + name + " (a volume of " + resource.name()
                                + ") is not listed in " + README));
            }
        }
        return problems;
    }

    private static boolean documented(String readme, String secret, String key) {
        return readme.lines().anyMatch(l -> l.startsWith("|") && l.contains("`" + secret + "`")
                && (key.isEmpty() || l.contains("`" + key + "`")));
    }

    /**
     * The overlay combines with the base: its patches and merges have targets, its image overrides
     * match containers, and it points every backend at its own database (a JDBC URL naming the
     * module's database) and at Kafka elsewhere than the base's defaults.
     */
    List<String> overlay() {
        List<String> problems = new ArrayList<>(overlay.problems());
        for (ServiceModule module : ServiceModule.BACKENDS) {
            Map<String, String> env = environment(module, problems);
            String jdbc = value(env.getOrDefault("QUARKUS_DATASOURCE_JDBC_URL", ""));
            String database = module.database().orElseThrow();
            if (!jdbc.matches("jdbc:postgresql://[^/]+/" + Pattern.quote(database) + "([?].*)?")) {
                problems.add(module.module() + ": the overlay's JDBC URL " + jdbc + " does not name the database "
                        + database);
            }
            Map<String, String> baseEnv = environment(base, module, new ArrayList<>());
            for (String name : List.of("QUARKUS_DATASOURCE_JDBC_URL", "KAFKA_BOOTSTRAP_SERVERS")) {
                if (value(env.getOrDefault(name, "")).equals(value(baseEnv.getOrDefault(name, "")))) {
                    problems.add(module.module() + ": the overlay keeps the base's " + name + " ("
                            + value(env.getOrDefault(name, "")) + ")");
                }
            }
        }
        return problems;
    }

    /**
     * The gateway's and overview-service's URLs of other services name a Service of the tree and a
     * port that forwards to the module's HTTP port (the gateway's management URLs: its management port).
     */
    List<String> upstreams() {
        List<String> problems = new ArrayList<>();
        Map<String, String> gateway = environment(ServiceModule.GATEWAY, problems);
        for (ServiceModule target : ServiceModule.BEHIND_GATEWAY) {
            upstream("gateway", gateway, target.gatewayUrlVariable(), target, "quarkus.http.port", problems);
            upstream("gateway", gateway, managementUrlVariable(target), target, "quarkus.management.port", problems);
        }
        Map<String, String> overview = environment(ServiceModule.OVERVIEW, problems);
        for (ServiceModule target : ServiceModule.BACKENDS) {
            upstream("overview-service", overview, target.overviewUrlVariable(), target, "quarkus.http.port", problems);
        }
        return problems;
    }

    private void upstream(String client, Map<String, String> env, String variable, ServiceModule target,
                          String portProperty, List<String> problems) {
        String url = value(env.getOrDefault(variable, ""));
        if (url.isEmpty()) {
            return;
        }
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            problems.add(client + ": " + variable + " is not a URL: " + url);
            return;
        }
        if (!target.module().equals(uri.getHost())) {
            problems.add(client + ": " + variable + " names host " + uri.getHost() + ", not the Service " + target.module());
            return;
        }
        OptionalInt containerPort = port(target, portProperty, problems);
        Optional<Kustomization.Resource> service = overlay.resource("Service", target.module());
        Optional<Map<String, Object>> container = container(target, problems);
        if (containerPort.isEmpty() || service.isEmpty() || container.isEmpty()) {
            return;
        }
        int port = uri.getPort() < 0 ? 80 : uri.getPort();
        Optional<Integer> forwarded = servicePort(service.get(), containerPorts(container.get()), containerPort.getAsInt());
        if (forwarded.isEmpty() || forwarded.get() != port) {
            problems.add(client + ": " + variable + " uses port " + port + " of Service " + target.module()
                    + ", which does not forward to " + portProperty + " " + containerPort.getAsInt()
                    + (forwarded.map(p -> " (port " + p + " does)").orElse(" (no port does)")));
        }
    }

    /** Each HorizontalPodAutoscaler scales a Deployment of the tree, from at least two, on CPU the Deployment requests. */
    List<String> autoscalers() {
        List<String> problems = new ArrayList<>();
        for (Kustomization.Resource hpa : overlay.resources("HorizontalPodAutoscaler")) {
            String target = Yaml.string(Yaml.at(hpa.body(), "spec.scaleTargetRef.name")).orElse("");
            Optional<Kustomization.Resource> deployment = overlay.resource("Deployment", target);
            if (deployment.isEmpty()) {
                problems.add("HorizontalPodAutoscaler " + hpa.name() + " scales Deployment " + target + ", which does not exist");
                continue;
            }
            int min = Yaml.string(Yaml.at(hpa.body(), "spec.minReplicas")).map(Integer::parseInt).orElse(1);
            if (min < 2) {
                problems.add("HorizontalPodAutoscaler " + hpa.name() + " may scale down to " + min + " pod");
            }
            boolean cpuRequested = Kustomization.containersOf(deployment.get()).stream()
                    .allMatch(c -> Yaml.at(c, "resources.requests.cpu") != null);
            if (!cpuRequested) {
                problems.add("HorizontalPodAutoscaler " + hpa.name() + " scales on CPU, but " + target + " requests none");
            }
        }
        return problems;
    }

    /** The overlay sets each module the same variables as docker-compose.yml does. */
    List<String> inStepWithCompose() {
        List<String> problems = new ArrayList<>();
        for (ServiceModule module : ServiceModule.ALL) {
            Optional<ComposeFile.Service> service = compose.service(module.module());
            if (service.isEmpty()) {
                problems.add(COMPOSE_FILE + " has no service " + module.module());
                continue;
            }
            Set<String> inCompose = new TreeSet<>(service.get().rawEnvironment().keySet());
            Set<String> inKubernetes = new TreeSet<>(environment(module, problems).keySet());
            inKubernetes.removeAll(ADDED_BY_THE_GENERATOR);
            Set<String> onlyCompose = new TreeSet<>(inCompose);
            onlyCompose.removeAll(inKubernetes);
            Set<String> onlyKubernetes = new TreeSet<>(inKubernetes);
            onlyKubernetes.removeAll(inCompose);
            if (!onlyCompose.isEmpty()) {
                problems.add(module.module() + ": " + COMPOSE_FILE + " sets " + onlyCompose
                        + ", the Kubernetes manifests do not");
            }
            if (!onlyKubernetes.isEmpty()) {
                problems.add(module.module() + ": the Kubernetes manifests set " + onlyKubernetes + ", "
                        + COMPOSE_FILE + " does not");
            }
        }
        return problems;
    }

    // ---------------------------------------------------------------------------------------------

    private static String generatedFile(ServiceModule module) {
        return BASE + "/" + module.module() + "/kubernetes.yml";
    }

    private static String managementUrlVariable(ServiceModule module) {
        return module.gatewayUrlVariable().replaceFirst("_URL$", "_MANAGEMENT_URL");
    }

    /** The value part of an {@link #environment} source description. */
    private static String value(String source) {
        int eq = source.indexOf('=');
        return eq < 0 ? "" : source.substring(eq + 1);
    }

    private Map<String, String> environment(ServiceModule module, List<String> problems) {
        return environment(overlay, module, problems);
    }

    /**
     * The variables the module's container gets in {@code tree}, each with where it comes from:
     * {@code env=value}, {@code secret <name>/<key>} or {@code ConfigMap <name>=value}.
     */
    private static Map<String, String> environment(Kustomization tree, ServiceModule module, List<String> problems) {
        Map<String, String> env = new LinkedHashMap<>();
        Optional<Map<String, Object>> container = container(tree, module, problems);
        if (container.isEmpty()) {
            return env;
        }
        for (Map<String, Object> source : Yaml.maps(container.get().get("envFrom"))) {
            Optional<String> map = Yaml.string(Yaml.at(source, "configMapRef.name"));
            if (map.isEmpty()) {
                problems.add(module.module() + " takes variables from something other than a ConfigMap: " + source);
                continue;
            }
            Map<String, String> data = tree.configMaps().get(map.get());
            if (data == null) {
                addOnce(problems, module.module() + " takes variables from ConfigMap " + map.get()
                        + ", which the kustomization does not generate");
                continue;
            }
            data.forEach((name, value) -> env.put(name, "ConfigMap " + map.get() + "=" + value));
        }
        for (Map<String, Object> variable : Yaml.maps(container.get().get("env"))) {
            String name = Yaml.string(variable.get("name")).orElse("");
            Map<String, Object> secret = Yaml.map(Yaml.at(variable, "valueFrom.secretKeyRef"));
            if (!secret.isEmpty()) {
                env.put(name, "Secret " + secret.get("name") + "/" + secret.get("key"));
            } else if (variable.containsKey("valueFrom")) {
                env.put(name, "valueFrom " + variable.get("valueFrom"));
            } else {
                env.put(name, "env=" + Yaml.string(variable.get("value")).orElse(""));
            }
        }
        return env;
    }

    private Optional<Map<String, Object>> container(ServiceModule module, List<String> problems) {
        return container(overlay, module, problems);
    }

    private static Optional<Map<String, Object>> container(Kustomization tree, ServiceModule module, List<String> problems) {
        Optional<Kustomization.Resource> deployment = tree.resource("Deployment", module.module());
        if (deployment.isEmpty()) {
            addOnce(problems, "no Deployment " + module.module());
            return Optional.empty();
        }
        Optional<Map<String, Object>> container = Kustomization.containersOf(deployment.get()).stream()
                .filter(c -> Yaml.string(c.get("name")).orElse("").equals(module.module())).findFirst();
        if (container.isEmpty()) {
            addOnce(problems, "Deployment " + module.module() + " has no container " + module.module());
        }
        return container;
    }

    private static Map<String, Integer> containerPorts(Map<String, Object> container) {
        Map<String, Integer> ports = new LinkedHashMap<>();
        for (Map<String, Object> port : Yaml.maps(container.get("ports"))) {
            Yaml.string(port.get("containerPort")).ifPresent(p -> ports.put(
                    Yaml.string(port.get("name")).orElse(p), Integer.parseInt(p)));
        }
        return ports;
    }

    /** A port given as a number or as the name of a container port. */
    private static OptionalInt resolve(String port, Map<String, Integer> ports) {
        if (port.matches("\\d+")) {
            return OptionalInt.of(Integer.parseInt(port));
        }
        Integer named = ports.get(port);
        return named == null ? OptionalInt.empty() : OptionalInt.of(named);
    }

    /** The Service port that forwards to {@code containerPort}, if any. */
    private static Optional<Integer> servicePort(Kustomization.Resource service, Map<String, Integer> ports,
                                                 int containerPort) {
        for (Map<String, Object> port : Yaml.maps(Yaml.at(service.body(), "spec.ports"))) {
            String target = Yaml.string(port.get("targetPort")).or(() -> Yaml.string(port.get("port"))).orElse("");
            OptionalInt resolved = resolve(target, ports);
            if (resolved.isPresent() && resolved.getAsInt() == containerPort) {
                return Yaml.string(port.get("port")).map(Integer::parseInt);
            }
        }
        return Optional.empty();
    }

    private OptionalInt managementPort(ServiceModule module, List<String> problems) {
        Optional<Properties> properties = properties(module, problems);
        boolean enabled = properties.map(p -> "true".equals(p.getProperty("quarkus.management.enabled"))).orElse(false);
        return enabled ? port(module, "quarkus.management.port", problems) : port(module, "quarkus.http.port", problems);
    }

    private OptionalInt port(ServiceModule module, String key, List<String> problems) {
        Optional<Properties> properties = properties(module, problems);
        if (properties.isEmpty()) {
            return OptionalInt.empty();
        }
        String value = properties.get().getProperty(key);
        if (value == null || !value.strip().matches("\\d+")) {
            addOnce(problems, module.applicationProperties() + " has no numeric " + key);
            return OptionalInt.empty();
        }
        return OptionalInt.of(Integer.parseInt(value.strip()));
    }

    private Optional<Properties> properties(ServiceModule module, List<String> problems) {
        Optional<String> text = repo.read(module.applicationProperties());
        if (text.isEmpty()) {
            addOnce(problems, module.applicationProperties() + " does not exist");
            return Optional.empty();
        }
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(text.get()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Optional.of(properties);
    }

    private static void addOnce(List<String> problems, String problem) {
        if (!problems.contains(problem)) {
            problems.add(problem);
        }
    }
}
