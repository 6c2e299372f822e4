package org.yizhan.system.stack;

import org.yizhan.localstack.Settings;
import org.yizhan.localstack.TempDirs;
import org.yizhan.localstack.run.Stack;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The whole packaged stack for one test class: every service in its own small JVM behind the
 * gateway, on free ports and throw-away databases, so that it never touches the local run's data.
 */
public final class TestStacks {

    /** Small heaps and a quick-starting JIT: six JVMs share two cores. */
    private static final List<String> JVM = List.of("-Xmx192m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

    private TestStacks() {
    }

    /**
     * Starts a stack whose data directory and database names carry {@code name}, with
     * {@code environment} added to every process.
     */
    public static Stack up(String name, Map<String, String> environment) {
        return up(name, environment, 1);
    }

    /** As {@link #up(String, Map)}, with {@code instances} instances of every service behind the gateway. */
    public static Stack up(String name, Map<String, String> environment, int instances) {
        return up(name, Settings.fromEnvironment(), "_" + name + UUID.randomUUID().toString().substring(0, 6),
                environment, instances);
    }

    /**
     * Starts a stack on an embedded PostgreSQL server of its own, which its test may stop and start
     * (a shared server must never be).
     */
    public static Stack upOnItsOwnPostgres(String name) {
        return up(name, Settings.of(Map.of("YIZHAN_PG_MODE", "embedded")), "", Map.of(), 1);
    }

    private static Stack up(String name, Settings settings, String databaseSuffix, Map<String, String> environment,
                            int instances) {
        Path repoRoot = Path.of("..").toAbsolutePath().normalize();
        return Stack.up(new Stack.Options(repoRoot, TempDirs.create("yizhan-" + name + "-"), Stack.Ports.free(), false,
                JVM, settings, databaseSuffix, environment, instances), System.out);
    }

    /** Stops every process, drops the stack's databases and stops PostgreSQL and Kafka; null is nothing to do. */
    public static void down(Stack stack) {
        if (stack != null) {
            stack.stopProcesses();
            stack.databases().forEach(db -> stack.postgres().dropDatabase(db));
            stack.close();
        }
    }
}
