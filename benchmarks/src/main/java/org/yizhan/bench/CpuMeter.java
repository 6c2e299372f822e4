package org.yizhan.bench;

import org.yizhan.localstack.run.Stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU time used by each process of a run while a phase runs: every process of the stack (by its
 * name), PostgreSQL's processes together (read from {@code /proc}; the machine's other databases
 * count too, so it is meant for an otherwise idle machine) and this JVM (the load generator, and
 * the Kafka broker, which the local stack runs in it). Phases add up: {@link #start()} and
 * {@link #stop()} around each slice of a phase.
 */
final class CpuMeter {

    /** Milliseconds per clock tick of {@code /proc/<pid>/stat} (USER_HZ is 100 on every common Linux build). */
    private static final long MS_PER_TICK = 10;

    private final Stack stack;
    private final Map<String, Long> used = new LinkedHashMap<>();
    private Map<String, Long> at;

    CpuMeter(Stack stack) {
        this.stack = stack;
    }

    void start() {
        at = snapshot();
    }

    void stop() {
        Map<String, Long> now = snapshot();
        now.forEach((name, ms) -> used.merge(name, ms - at.getOrDefault(name, 0L), Long::sum));
    }

    /** Milliseconds of CPU per process name over every measured slice. */
    Map<String, Long> used() {
        return Map.copyOf(used);
    }

    long total() {
        return used.values().stream().mapToLong(Long::longValue).sum();
    }

    private Map<String, Long> snapshot() {
        Map<String, Long> cpu = new LinkedHashMap<>();
        stack.processes().forEach(p -> cpu.merge(p.spec().module(), p.cpuTime().toMillis(), Long::sum));
        cpu.put("PostgreSQL", postgresMillis());
        cpu.put("benchmark JVM (load, Kafka broker)",
                ProcessHandle.current().info().totalCpuDuration().map(d -> d.toMillis()).orElse(0L));
        return cpu;
    }

    private static long postgresMillis() {
        long ticks = 0;
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path p : procs.filter(d -> d.getFileName().toString().chars().allMatch(Character::isDigit)).toList()) {
                try {
                    String stat = Files.readString(p.resolve("stat"));
                    int close = stat.lastIndexOf(')');
                    if (!stat.substring(stat.indexOf('(') + 1, close).equals("postgres")) {
                        continue;
                    }
                    String[] f = stat.substring(close + 2).split(" ");
                    ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime (fields 14, 15)
                } catch (IOException | RuntimeException gone) {
                    // the process ended meanwhile
                }
            }
        } catch (IOException e) {
            return 0;
        }
        return ticks * MS_PER_TICK;
    }
}
