package org.yizhan.localstack.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A service running as a child JVM from its packaged {@code quarkus-run.jar}, logging to a file. */
public final class ServiceProcess {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private final ServiceSpec spec;
    private final Process process;
    private final Path logFile;
    private final Instant startedAt;
    private final Launch launch;
    private Duration startupTime;

    static final String LOG_FILE_SIZE = "10M";
    static final int LOG_BACKUPS = 5;

    /** What a process was started with, to start it again. */
    private record Launch(Path repoRoot, Path logDir, List<String> jvmOptions, Map<String, String> env) {
    }

    private ServiceProcess(ServiceSpec spec, Process process, Path logFile, Instant startedAt, Launch launch) {
        this.spec = spec;
        this.process = process;
        this.logFile = logFile;
        this.startedAt = startedAt;
        this.launch = launch;
    }

    /**
     * Starts {@code spec} from {@code repoRoot/<module>/target/quarkus-app}, in that directory and
     * by the jar's relative name, as a container image runs it: an AppCDS archive
     * ({@code -XX:SharedArchiveFile}) records the class path as {@code quarkus-run.jar}, and the
     * JVM uses the archive only when the class path it is started with matches.
     */
    public static ServiceProcess start(ServiceSpec spec, Path repoRoot, Path logDir, List<String> jvmOptions,
                                       Map<String, String> env) {
        Path jar = repoRoot.resolve(spec.module()).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build first (./mvnw -B package -DskipTests)");
        }
        try {
            Files.createDirectories(logDir);
            Path log = logDir.resolve(spec.name() + ".log");
            // What the JVM itself prints (a crash before logging starts, an out-of-memory error).
            Path out = logDir.resolve(spec.name() + ".out");
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(jvmOptions);
            command.add("-jar");
            command.add(jar.getFileName().toString());
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(jar.toAbsolutePath().getParent().toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(out.toFile()));
            builder.environment().putAll(logging(log));
            builder.environment().putAll(env);
            builder.environment().putAll(spec.env());
            builder.environment().put("QUARKUS_HTTP_PORT", String.valueOf(spec.port()));
            if (spec.managementPort() != spec.port()) {
                builder.environment().put("QUARKUS_MANAGEMENT_PORT", String.valueOf(spec.managementPort()));
            }
            return new ServiceProcess(spec, builder.start(), log, Instant.now(),
                    new Launch(repoRoot, logDir, List.copyOf(jvmOptions), Map.copyOf(env)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + spec.name(), e);
        }
    }

    /**
     * The local run's logging: one plain-text line per event (a request: about 150 bytes, not the
     * JSON of production) in {@code log}, rotated at {@link #LOG_FILE_SIZE} with {@link #LOG_BACKUPS}
     * older files kept, so that a service's logs never take more than 60 MiB however long it runs.
     */
    static Map<String, String> logging(Path log) {
        return Map.of(
                "QUARKUS_LOG_CONSOLE_ENABLED", "false",
                "QUARKUS_LOG_FILE_ENABLED", "true",
                "QUARKUS_LOG_FILE_PATH", log.toAbsolutePath().toString(),
                "QUARKUS_LOG_FILE_JSON_ENABLED", "false",
                "QUARKUS_LOG_FILE_FORMAT", "%d{yyyy-MM-dd HH:mm:ss.SSS} %-5p [%c{1.}] %s%e%n",
                "QUARKUS_LOG_FILE_ROTATION_MAX_FILE_SIZE", LOG_FILE_SIZE,
                "QUARKUS_LOG_FILE_ROTATION_MAX_BACKUP_INDEX", String.valueOf(LOG_BACKUPS),
                "QUARKUS_LOG_FILE_ROTATION_ROTATE_ON_BOOT", "false");
    }

    /** The last {@code n} lines of {@code file}, or nothing when it cannot be read (a test deletes its folder). */
    private static String lastLines(Path file, int n) {
        try {
            List<String> lines = Files.readAllLines(file);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - n), lines.size())) + "\n";
        } catch (IOException | UncheckedIOException e) {
            return "";
        }
    }

    /** Waits until {@code /q/health/ready} answers 200 on the management interface. */
    public void awaitReady(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        HttpRequest request = HttpRequest.newBuilder(URI.create(spec.managementUrl() + "/q/health/ready"))
                .timeout(Duration.ofSeconds(2)).GET().build();
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(spec.name() + " exited with code " + process.exitValue()
                        + "; see " + logFile + " and " + logFile.resolveSibling(spec.name() + ".out")
                        + ", which end with:\n" + lastLines(logFile, 15)
                        + lastLines(logFile.resolveSibling(spec.name() + ".out"), 15));
            }
            try {
                if (HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    startupTime = Duration.between(startedAt, Instant.now());
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(250);
        }
        throw new IllegalStateException(spec.name() + " not ready after " + timeout + "; see " + logFile);
    }

    public ServiceSpec spec() {
        return spec;
    }

    public Path logFile() {
        return logFile;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Time from launch to the first ready answer, once ready. */
    public Duration startupTime() {
        return startupTime;
    }

    /** Resident memory in MiB, from /proc (Linux), or -1 where unknown. */
    public long rssMib() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    /** Starts the same service again, with the same options and environment (after {@link #stop} or {@link #kill}). */
    public ServiceProcess startAgain() {
        return startAgain(launch.jvmOptions());
    }

    /** Starts the same service again with the same environment but other JVM options (a benchmark's variant). */
    public ServiceProcess startAgain(List<String> jvmOptions) {
        return start(spec, launch.repoRoot(), launch.logDir(), jvmOptions, launch.env());
    }

    /** The JVM options this process was started with. */
    public List<String> jvmOptions() {
        return launch.jvmOptions();
    }

    /** Kills the process at once (SIGKILL), as the OOM killer would, and waits for it to be gone. */
    public void kill() {
        try {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** CPU time the service's process has used so far (all its threads), or zero where unknown. */
    public Duration cpuTime() {
        return process.info().totalCpuDuration().orElse(Duration.ZERO);
    }

    /** The operating system's id of the process. */
    public long pid() {
        return process.pid();
    }

    /**
     * Sends SIGTERM and returns at once, as an orchestrator does at the start of a shutdown; see
     * {@link #awaitExit} for its end.
     */
    public void terminate() {
        process.destroy();
    }

    /** Waits up to {@code timeout} for the process to end; its exit code, or empty while it still runs. */
    public java.util.OptionalInt awaitExit(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)
                    ? java.util.OptionalInt.of(process.exitValue()) : java.util.OptionalInt.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return java.util.OptionalInt.empty();
        }
    }

    /** Asks the service to stop (SIGTERM), and kills it if it has not after the grace period. */
    public void stop(Duration grace) {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
