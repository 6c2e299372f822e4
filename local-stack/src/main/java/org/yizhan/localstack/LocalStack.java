package org.yizhan.localstack;

import org.yizhan.localstack.run.DemoData;
import org.yizhan.localstack.run.ServiceProcess;
import org.yizhan.localstack.run.Stack;
import org.yizhan.localstack.security.DevKeys;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * The local run: {@code up} starts PostgreSQL, Kafka, the four services, overview-service and the gateway, loads
 * the demo stations and runs until Ctrl-C; {@code token} mints a bearer token for any subject
 * and roles. Everything it keeps lives in the data folder ({@code .yizhan/} by default).
 */
public final class LocalStack {

    private LocalStack() {
    }

    public static void main(String[] args) throws Exception {
        Settings settings = Settings.fromEnvironment();
        Path repoRoot = Path.of(settings.get("YIZHAN_HOME", ".")).toAbsolutePath().normalize();
        Path data = Path.of(settings.get("YIZHAN_DATA_DIR", repoRoot.resolve(".yizhan").toString()));
        String command = args.length == 0 ? "up" : args[0];
        String[] rest = Arrays.copyOfRange(args, Math.min(1, args.length), args.length);
        switch (command) {
            case "up" -> {
                int instances;
                try {
                    instances = instances(rest);
                } catch (IllegalArgumentException e) {
                    System.err.println("yizhan up: " + e.getMessage());
                    System.exit(2);
                    return;
                }
                up(repoRoot, data, settings, instances);
            }
            case "token" -> {
                try {
                    System.out.println(token(data, rest));
                } catch (IllegalArgumentException e) {
                    System.err.println("yizhan token: " + e.getMessage());
                    System.exit(2);
                }
            }
            case "keyset" -> {
                try {
                    System.out.println(org.yizhan.localstack.run.Secrets.newKeyset(rest.length == 0 ? "" : rest[0]));
                } catch (IllegalArgumentException e) {
                    System.err.println("yizhan keyset: " + e.getMessage());
                    System.exit(2);
                }
            }
            default -> {
                System.err.println("usage: yizhan up [--instances N (1-" + Stack.Options.MAX_INSTANCES + ")] | yizhan token --sub SUBJECT --roles ROLE[,ROLE] [--org PARTNER] [--hours N (1-12)]"
                        + " | yizhan keyset AES256_GCM|AES256_SIV");
                System.exit(2);
            }
        }
    }

    static String token(Path data, String[] args) {
        String subject = "demo-user";
        String roles = "worker";
        long hours = 12;
        String organisation = null;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--sub" -> subject = args[i + 1];
                case "--roles" -> roles = args[i + 1];
                case "--hours" -> hours = hours(args[i + 1]);
                case "--org" -> organisation = args[i + 1];
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        List<String> roleList = Arrays.stream(roles.split(",")).map(String::strip).filter(r -> !r.isEmpty()).toList();
        return DevKeys.loadOrCreate(data.resolve("keys")).mint(subject, roleList, Duration.ofHours(hours),
                organisation);
    }

    /** {@code --instances N} among the arguments of {@code up}: how many instances of each service; 1 without it. */
    static int instances(String[] args) {
        int instances = 1;
        for (int i = 0; i < args.length; i++) {
            if (!args[i].equals("--instances")) {
                throw new IllegalArgumentException("unknown option " + args[i]);
            }
            if (i + 1 == args.length) {
                throw new IllegalArgumentException("--instances takes a number");
            }
            String value = args[++i];
            try {
                instances = Integer.parseInt(value.strip());
            } catch (NumberFormatException e) {
                instances = 0;
            }
            if (instances < 1 || instances > Stack.Options.MAX_INSTANCES) {
                throw new IllegalArgumentException("--instances takes a whole number from 1 to "
                        + Stack.Options.MAX_INSTANCES + ", not " + value);
            }
        }
        return instances;
    }

    private static long hours(String value) {
        try {
            long hours = Long.parseLong(value.strip());
            if (hours >= 1) {
                return hours;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("--hours takes a whole number of hours from 1 to "
                + DevKeys.MAX_LIFETIME.toHours() + ", not " + value);
    }

    private static void up(Path repoRoot, Path data, Settings settings, int instances) throws Exception {
        Files.createDirectories(data.resolve("logs"));
        // Before any logger exists: the broker and embedded database log to a file, not the console.
        System.setProperty("org.slf4j.simpleLogger.logFile", data.resolve("logs/infrastructure.log").toString());
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        System.setProperty("org.slf4j.simpleLogger.showDateTime", "true");
        PrintStream out = System.out;
        List<String> jvm = List.of(settings.get("YIZHAN_SERVICE_JVM_OPTIONS", "-Xmx256m -XX:+UseSerialGC").split("\\s+"));

        Stack stack;
        try {
            stack = Stack.up(new Stack.Options(repoRoot, data, Stack.Ports.standard(settings), true, jvm, settings, "",
                    Map.of(), instances), out);
        } catch (RuntimeException e) {
            System.err.println("Yizhan did not start: " + e.getMessage());
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            out.println("\nStopping Yizhan ...");
            stack.close();
            out.println("Stopped.");
            stopped.countDown();
        }, "yizhan-stop"));

        String admin;
        int loaded;
        try {
            admin = stack.keys().mint("demo-admin", List.of("union-admin"), Duration.ofHours(12));
            loaded = DemoData.load(stack.gatewayUrl(), admin);
        } catch (RuntimeException e) {
            // The broker's threads would keep this JVM alive: exit, which runs the stop hook.
            System.err.println("Loading the demo data failed: " + e.getMessage());
            System.exit(1);
            return;
        }

        out.println();
        out.println("Yizhan is up.");
        if (instances == 1) {
            out.printf("%-24s %8s %10s  %-24s %s%n", "service", "ready in", "RSS (MiB)", "management (/q/…)", "log");
            for (ServiceProcess p : stack.processes()) {
                out.printf("%-24s %7.1fs %10d  %-24s %s%n", p.spec().name(), p.startupTime().toMillis() / 1000.0,
                        p.rssMib(), p.spec().managementUrl(), repoRoot.relativize(p.logFile().toAbsolutePath()));
            }
        } else {
            // Every instance with its own address: the gateway spreads each route over them.
            out.printf("%-26s %-24s %8s %10s  %-24s %s%n", "instance", "http", "ready in", "RSS (MiB)",
                    "management (/q/…)", "log");
            for (ServiceProcess p : stack.processes()) {
                out.printf("%-26s %-24s %7.1fs %10d  %-24s %s%n", p.spec().name(), p.spec().url(),
                        p.startupTime().toMillis() / 1000.0, p.rssMib(), p.spec().managementUrl(),
                        repoRoot.relativize(p.logFile().toAbsolutePath()));
            }
        }
        out.println();
        out.println("Gateway          " + stack.gatewayUrl());
        out.println("Swagger UI       " + stack.gatewayUrl() + "/q/swagger-ui  (every service; one document for"
                + " clients: " + stack.gatewayUrl() + "/api-docs/yizhan.json)");
        out.println("Kafka bootstrap  " + stack.kafkaBootstrap());
        out.println("Demo stations    " + (loaded > 0 ? loaded + " registered" : "already present"));
        out.println("Bearer token (union-admin, 12 h; mint others with ./yizhan token --sub NAME --roles ROLE):");
        out.println(admin);
        out.println();
        out.println("Press Ctrl-C to stop.");
        stopped.await();
    }
}
