package org.yizhan.localstack.run;

import org.yizhan.localstack.Settings;
import org.yizhan.localstack.kafka.KafkaBroker;
import org.yizhan.localstack.postgres.PostgresProvisioner;
import org.yizhan.localstack.postgres.PostgresServer;
import org.yizhan.localstack.security.DevKeys;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The whole system on one machine: PostgreSQL, a Kafka broker, the four services, overview-service and the
 * gateway, each service in its own JVM. Used by the one-command local run and by system tests.
 *
 * <p>With {@link Options#instances()} above one, every service runs as that many instances, each on
 * ports of its own, sharing the service's database and Kafka consumer group; the gateway is given the
 * list of each service's instances. The first instance of a service is named as the service
 * ({@code station-service}), the others after it ({@code station-service-2}, ...).
 */
public final class Stack implements AutoCloseable {

    private static final HttpClient READINESS = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /**
     * Where things go and which ports they take. {@code databaseSuffix} is appended to every
     * database name, so that a test stack on a shared server never touches the local run's data.
     * {@code environment} is added to the environment of every service and of the gateway (e.g.
     * tracing turned on and the collector's address).
     */
    public record Options(Path repoRoot, Path dataDir, Ports ports, boolean keepData, List<String> jvmOptions,
                          Settings settings, String databaseSuffix, Map<String, String> environment, int instances,
                          Map<String, Integer> moduleInstances) {

        /** The most instances of a service a stack starts: each is a JVM of its own on two cores. */
        public static final int MAX_INSTANCES = 9;

        /**
         * {@code moduleInstances} gives some services (by module) a number of instances of their own,
         * e.g. three station-services and one of everything else; the others run {@code instances}.
         */
        public Options {
            environment = Map.copyOf(environment);
            moduleInstances = Map.copyOf(moduleInstances);
            checkInstances(instances);
            moduleInstances.values().forEach(Options::checkInstances);
        }

        /** The same number of instances of every service. */
        public Options(Path repoRoot, Path dataDir, Ports ports, boolean keepData, List<String> jvmOptions,
                       Settings settings, String databaseSuffix, Map<String, String> environment, int instances) {
            this(repoRoot, dataDir, ports, keepData, jvmOptions, settings, databaseSuffix, environment, instances,
                    Map.of());
        }

        private static void checkInstances(int instances) {
            if (instances < 1 || instances > MAX_INSTANCES) {
                throw new IllegalArgumentException("instances must be 1 to " + MAX_INSTANCES + ", not " + instances);
            }
        }

        /** One instance of every service. */
        public Options(Path repoRoot, Path dataDir, Ports ports, boolean keepData, List<String> jvmOptions,
                       Settings settings, String databaseSuffix, Map<String, String> environment) {
            this(repoRoot, dataDir, ports, keepData, jvmOptions, settings, databaseSuffix, environment, 1);
        }

        /** No extra environment. */
        public Options(Path repoRoot, Path dataDir, Ports ports, boolean keepData, List<String> jvmOptions,
                       Settings settings, String databaseSuffix) {
            this(repoRoot, dataDir, ports, keepData, jvmOptions, settings, databaseSuffix, Map.of());
        }
    }

    /** The ports of one stack. */
    public record Ports(int gateway, int station, int services, int checkup, int legalAid, int overview, int kafka,
                        int embeddedPostgres, boolean standard) {

        /** The documented ports of the local run. */
        public static Ports standard(Settings settings) {
            return new Ports(8080, 8081, 8082, 8083, 8084, 8085,
                    Integer.parseInt(settings.get("YIZHAN_KAFKA_PORT", "9092")),
                    Integer.parseInt(settings.get("YIZHAN_PG_EMBEDDED_PORT", "15432")), true);
        }

        /** Free ports, for tests that must not clash with a running local stack. */
        public static Ports free() {
            return new Ports(org.yizhan.localstack.Ports.free(), org.yizhan.localstack.Ports.free(),
                    org.yizhan.localstack.Ports.free(), org.yizhan.localstack.Ports.free(),
                    org.yizhan.localstack.Ports.free(), org.yizhan.localstack.Ports.free(), 0, 0, false);
        }

        /** The management port of the service on {@code port}: 9081 for 8081 in the local run, else a free one. */
        public int management(int port) {
            return standard ? port + 1000 : org.yizhan.localstack.Ports.free();
        }

        /**
         * The HTTP port of instance {@code instance} (1, 2, ...) of the service whose first instance is on
         * {@code port}: in the local run 100 above the previous instance's (8081, 8181, 8281, ...; their
         * management ports 9081, 9181, 9281, ...), else a free one.
         */
        public int instance(int port, int instance) {
            if (instance == 1) {
                return port;
            }
            return standard ? port + 100 * (instance - 1) : org.yizhan.localstack.Ports.free();
        }
    }

    private final DevKeys keys;
    private final PostgresServer postgres;
    private final KafkaBroker kafka;
    private final List<ServiceProcess> services;
    private ServiceProcess gateway;
    private final List<String> databases;

    private Stack(DevKeys keys, PostgresServer postgres, KafkaBroker kafka, List<ServiceProcess> services,
                  ServiceProcess gateway, List<String> databases) {
        this.databases = databases;
        this.keys = keys;
        this.postgres = postgres;
        this.kafka = kafka;
        this.services = services;
        this.gateway = gateway;
    }

    /** Starts everything and returns once the gateway is ready; stops what started if a part fails. */
    public static Stack up(Options options, PrintStream out) {
        Path data = options.dataDir();
        Path logs = data.resolve("logs");
        DevKeys keys = DevKeys.loadOrCreate(data.resolve("keys"));
        List<AutoCloseable> started = new ArrayList<>();
        try {
            out.println("Starting PostgreSQL ...");
            PostgresServer pg = PostgresProvisioner.provision(options.settings(),
                    new PostgresProvisioner.EmbeddedOptions(data.resolve("postgres"), options.keepData(),
                            options.ports().embeddedPostgres()));
            started.add(pg);
            out.printf("  PostgreSQL (%s) on %s:%d%n", pg.origin(), pg.host(), pg.port());

            out.println("Starting Kafka (KRaft) ...");
            KafkaBroker kafka = KafkaBroker.start(data.resolve("kafka"), options.ports().kafka());
            started.add(kafka);
            out.println("  Kafka on " + kafka.bootstrapServers());

            Map<String, String> common = new HashMap<>();
            common.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
            common.putAll(keys.trustingEnvironment());
            common.put("QUARKUS_DATASOURCE_USERNAME", pg.user());
            common.put("QUARKUS_DATASOURCE_PASSWORD", pg.password());
            common.putAll(options.environment());

            List<ServiceSpec> specs = instances(serviceSpecs(options.ports(),
                    Secrets.loadOrCreate(data.resolve("keys/visits-pseudonym.key")),
                    Secrets.loadOrCreate(data.resolve("keys/services-pseudonym.key")), checkupSettings(data, options.ports().gateway()),
                    serviceSecrets(data, "legal-aid")), options.ports(), options.instances(),
                    options.moduleInstances());
            List<ServiceProcess> services = new ArrayList<>();
            for (ServiceSpec spec : specs) {
                Map<String, String> env = new HashMap<>(common);
                if (spec.database() != null) {
                    String database = spec.database() + options.databaseSuffix();
                    if (spec.name().equals(spec.module())) {
                        pg.createDatabaseIfMissing(database);
                    }
                    env.put("QUARKUS_DATASOURCE_JDBC_URL", pg.jdbcUrl(database));
                }
                ServiceProcess process = ServiceProcess.start(spec, options.repoRoot(), logs, options.jvmOptions(), env);
                services.add(process);
                started.add(() -> process.stop(Duration.ofSeconds(15)));
            }
            out.println("Starting " + specs.stream().map(ServiceSpec::name).toList() + " ...");
            awaitAll(services);

            ServiceSpec gatewaySpec = gatewaySpec(options.ports(), specs);
            ServiceProcess gateway = ServiceProcess.start(gatewaySpec, options.repoRoot(), logs,
                    options.jvmOptions(), common);
            started.add(() -> gateway.stop(Duration.ofSeconds(15)));
            out.println("Starting gateway ...");
            gateway.awaitReady(Duration.ofMinutes(3));
            return new Stack(keys, pg, kafka, services, gateway,
                    specs.stream().filter(spec -> spec.database() != null)
                            .map(spec -> spec.database() + options.databaseSuffix()).distinct().toList());
        } catch (RuntimeException e) {
            for (int i = started.size() - 1; i >= 0; i--) {
                try {
                    started.get(i).close();
                } catch (Exception ignored) {
                    // keep stopping the rest
                }
            }
            throw e;
        }
    }

    /** A pseudonym key and Tink keysets of the service's own, created once in .yizhan/keys. */
    /**
     * health-checkup-service's secrets, the gateway as the public address of its availability feed,
     * and reminders within seconds of being due (the default is a minute).
     */
    private static Map<String, String> checkupSettings(Path data, int gatewayPort) {
        Map<String, String> settings = new HashMap<>(serviceSecrets(data, "checkup"));
        settings.put("YIZHAN_CHECKUP_FEED_PUBLIC_URL", "http://127.0.0.1:" + gatewayPort);
        settings.put("YIZHAN_CHECKUP_REMINDERS_EVERY", "5s");
        return Map.copyOf(settings);
    }

    private static Map<String, String> serviceSecrets(Path data, String prefix) {
        return Map.of(
                "YIZHAN_PSEUDONYM_KEY", Secrets.loadOrCreate(data.resolve("keys/" + prefix + "-pseudonym.key")),
                "YIZHAN_FIELD_ENCRYPTION_KEYSET",
                Secrets.keysetOrCreate(data.resolve("keys/" + prefix + "-fields.json"), "AES256_GCM"),
                "YIZHAN_FIELD_ENCRYPTION_LOOKUP_KEYSET",
                Secrets.keysetOrCreate(data.resolve("keys/" + prefix + "-lookup.json"), "AES256_SIV"));
    }

    static List<ServiceSpec> serviceSpecs(Ports ports, String visitsPseudonymKey, String servicesPseudonymKey,
                                          Map<String, String> checkupSecrets, Map<String, String> legalAidSecrets) {
        return List.of(
                backend("station-service", ports, ports.station(), "yizhan_station",
                        Map.of("YIZHAN_VISITS_PSEUDONYM_KEY", visitsPseudonymKey)),
                backend("services-service", ports, ports.services(), "yizhan_services",
                        Map.of("YIZHAN_PSEUDONYM_KEY", servicesPseudonymKey)),
                backend("health-checkup-service", ports, ports.checkup(), "yizhan_checkup", checkupSecrets),
                backend("legal-aid-service", ports, ports.legalAid(), "yizhan_legal_aid", legalAidSecrets),
                // The composed views: no database; the four services above by their local URLs.
                backend("overview-service", ports, ports.overview(), null, Map.of(
                        "YIZHAN_OVERVIEW_STATION_SERVICE_URL", "http://127.0.0.1:" + ports.station(),
                        "YIZHAN_OVERVIEW_SERVICES_SERVICE_URL", "http://127.0.0.1:" + ports.services(),
                        "YIZHAN_OVERVIEW_HEALTH_CHECKUP_SERVICE_URL", "http://127.0.0.1:" + ports.checkup(),
                        "YIZHAN_OVERVIEW_LEGAL_AID_SERVICE_URL", "http://127.0.0.1:" + ports.legalAid())));
    }

    private static ServiceSpec backend(String module, Ports ports, int port, String database, Map<String, String> env) {
        return new ServiceSpec(module, module, port, ports.management(port), database, env);
    }

    /**
     * {@code count} instances of each of {@code services}, the instances of a service one after the
     * other: the first as given, the others named {@code <service>-<n>} on ports of their own, with the
     * same database and environment.
     */
    static List<ServiceSpec> instances(List<ServiceSpec> services, Ports ports, int count) {
        return instances(services, ports, count, Map.of());
    }

    /** As {@link #instances(List, Ports, int)}, with {@code byModule} instances of the services it names. */
    static List<ServiceSpec> instances(List<ServiceSpec> services, Ports ports, int count,
                                       Map<String, Integer> byModule) {
        List<ServiceSpec> all = new ArrayList<>();
        for (ServiceSpec service : services) {
            all.add(service);
            for (int n = 2; n <= byModule.getOrDefault(service.module(), count); n++) {
                int port = ports.instance(service.port(), n);
                all.add(new ServiceSpec(service.name() + "-" + n, service.module(), port, ports.management(port),
                        service.database(), service.env()));
            }
        }
        return List.copyOf(all);
    }

    /** The gateway, given every instance of each service (by module) and its management interface, in order. */
    static ServiceSpec gatewaySpec(Ports ports, List<ServiceSpec> services) {
        Map<String, List<ServiceSpec>> byModule = new LinkedHashMap<>();
        for (ServiceSpec service : services) {
            byModule.computeIfAbsent(service.module(), module -> new ArrayList<>()).add(service);
        }
        Map<String, String> env = new HashMap<>();
        for (Map.Entry<String, List<ServiceSpec>> service : byModule.entrySet()) {
            String variable = "YIZHAN_GATEWAY_" + service.getKey().toUpperCase(java.util.Locale.ROOT).replace('-', '_');
            env.put(variable + "_URL", String.join(",", service.getValue().stream().map(ServiceSpec::url).toList()));
            env.put(variable + "_MANAGEMENT_URL",
                    String.join(",", service.getValue().stream().map(ServiceSpec::managementUrl).toList()));
        }
        return new ServiceSpec("gateway", "gateway", ports.gateway(), ports.management(ports.gateway()), null,
                Map.copyOf(env));
    }

    private static void awaitAll(List<ServiceProcess> services) {
        try {
            CompletableFuture.allOf(services.stream()
                    .map(s -> CompletableFuture.runAsync(() -> s.awaitReady(Duration.ofMinutes(3))))
                    .toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    public synchronized String gatewayUrl() {
        return gateway.spec().url();
    }

    /**
     * Waits until the gateway routes to every service again, which a service's own readiness does not
     * tell: the gateway checks its instances every few seconds, and until it has seen a restarted one
     * ready it answers 503 for that service. Routed means that the gateway's readiness names no
     * service {@code unreachable}.
     */
    public void awaitRouted(Duration timeout) {
        HttpRequest readiness;
        synchronized (this) {
            readiness = HttpRequest.newBuilder(URI.create(gateway.spec().managementUrl() + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(2)).GET().build();
        }
        Instant deadline = Instant.now().plus(timeout);
        String last = "no answer";
        while (Instant.now().isBefore(deadline)) {
            try {
                HttpResponse<String> answer = READINESS.send(readiness, HttpResponse.BodyHandlers.ofString());
                last = answer.statusCode() + " " + answer.body();
                if (answer.statusCode() == 200 && !answer.body().contains("\"unreachable\"")) {
                    return;
                }
            } catch (IOException notYet) {
                last = notYet.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            ServiceProcess.sleep(200);
        }
        throw new IllegalStateException("the gateway does not route to every service after " + timeout + ": " + last);
    }

    public String kafkaBootstrap() {
        return kafka.bootstrapServers();
    }

    public DevKeys keys() {
        return keys;
    }

    public PostgresServer postgres() {
        return postgres;
    }

    /** The instances of the service of module {@code module}, as they run now, the first first. */
    public synchronized List<ServiceProcess> instancesOf(String module) {
        return services.stream().filter(process -> process.spec().module().equals(module)).toList();
    }

    /** The four services, overview-service (each instance of each) and then the gateway, as they run now. */
    public synchronized List<ServiceProcess> processes() {
        List<ServiceProcess> all = new ArrayList<>(services);
        all.add(gateway);
        return all;
    }

    /**
     * Kills the named service at once (SIGKILL) or stops it (SIGTERM), starts it again and waits
     * until it is ready; returns the new process.
     */
    public ServiceProcess restart(String name, boolean kill) {
        if (kill) {
            kill(name);
        } else {
            process(name).stop(Duration.ofSeconds(15));
        }
        ServiceProcess started = start(name);
        started.awaitReady(Duration.ofMinutes(3));
        return started;
    }

    /** The current process of the named service (or of the gateway, {@code "gateway"}). */
    public synchronized ServiceProcess process(String name) {
        if (gateway.spec().name().equals(name)) {
            return gateway;
        }
        return services.get(indexOf(name));
    }

    /** Kills the named service (or the gateway) at once (SIGKILL), as the OOM killer would, and leaves it down. */
    public void kill(String name) {
        process(name).kill();
    }

    /**
     * Starts the named service (or the gateway) again after {@link #kill} or a stop, with the same
     * ports and environment, and returns without waiting for it to be ready
     * ({@link ServiceProcess#awaitReady}); a process that still runs is returned as it is.
     */
    public synchronized ServiceProcess start(String name) {
        ServiceProcess old = process(name);
        if (old.isAlive()) {
            return old;
        }
        ServiceProcess started = old.startAgain();
        if (gateway.spec().name().equals(name)) {
            gateway = started;
        } else {
            services.set(indexOf(name), started);
        }
        return started;
    }

    private int indexOf(String name) {
        for (int i = 0; i < services.size(); i++) {
            if (services.get(i).spec().name().equals(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no service " + name);
    }

    /** Stops the Kafka broker (a clean shutdown), keeping its data; the services keep running without it. */
    public void stopKafka() {
        kafka.stop();
    }

    /** Starts the Kafka broker again on the same port with the same data, and waits until it answers. */
    public void startKafka() {
        kafka.start();
    }

    /** Whether the Kafka broker runs now. */
    public boolean kafkaRunning() {
        return kafka.isRunning();
    }

    /**
     * Stops PostgreSQL (a fast shutdown: every session ends, committed data stays) while the
     * services run on. Only an embedded server that this stack started can be stopped
     * ({@link PostgresServer#restartable()}), never a configured or shared one.
     */
    public void stopPostgres() {
        postgres.stop();
    }

    /** Starts PostgreSQL again on the same port with the same data, after {@link #stopPostgres()}. */
    public void startPostgres() {
        postgres.start();
    }

    /** The services' databases on {@link #postgres()}. */
    public List<String> databases() {
        return databases;
    }

    /** Stops the gateway, the services, Kafka and (if it was started here) PostgreSQL. */
    @Override
    public void close() {
        stopProcesses();
        kafka.close();
        try {
            postgres.close();
        } catch (Exception ignored) {
            // the embedded server is going away with us anyway
        }
    }

    /** Stops the gateway and the services, leaving Kafka and PostgreSQL running. */
    public synchronized void stopProcesses() {
        gateway.stop(Duration.ofSeconds(15));
        services.parallelStream().forEach(s -> s.stop(Duration.ofSeconds(15)));
    }
}
