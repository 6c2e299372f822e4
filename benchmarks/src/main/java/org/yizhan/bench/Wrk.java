package org.yizhan.bench;

import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs <a href="https://github.com/wg/wrk">wrk</a> (Debian package {@code wrk}), the load generator used
 * for both sides of a proxy comparison, and reads back its whole latency distribution rather than
 * the few percentiles it prints, so that the slices of one phase can be added up.
 *
 * <p>wrk is closed-loop: each connection sends its next request when the answer to the last has
 * arrived. Its latencies are corrected for coordinated omission as wrk does by default (a latency
 * longer than a connection's mean interval also counts the requests that would have been sent in
 * the meantime), so the distribution holds a few more samples than there were requests; throughput
 * is taken from the requests actually answered.
 */
final class Wrk {

    /** One request shape: method, path, headers and body, sent unchanged by every connection. */
    record Request(String method, String path, Map<String, String> headers, String body) {
    }

    /** What one run measured. */
    record Result(long requests, long non2xx, long socketErrors, double seconds, Histogram micros) {
        double throughput() {
            return requests / seconds;
        }

        static Result sum(List<Result> slices) {
            Histogram all = new Histogram(3);
            long requests = 0;
            long non2xx = 0;
            long socket = 0;
            double seconds = 0;
            for (Result r : slices) {
                all.add(r.micros());
                requests += r.requests();
                non2xx += r.non2xx();
                socket += r.socketErrors();
                seconds += r.seconds();
            }
            return new Result(requests, non2xx, socket, seconds, all);
        }
    }

    private final Path workDir;
    private final int threads;
    private final int connections;

    Wrk(Path workDir, int threads, int connections) {
        this.workDir = workDir;
        this.threads = threads;
        this.connections = connections;
    }

    /** Runs wrk against {@code baseUrl} for {@code seconds}; fails if wrk fails or cannot be found. */
    Result run(String baseUrl, Request request, int seconds) throws IOException, InterruptedException {
        Files.createDirectories(workDir);
        Path script = Files.createTempFile(workDir, "wrk-", ".lua");
        Path out = script.resolveSibling(script.getFileName() + ".out");
        Files.writeString(script, script(request, out), StandardCharsets.UTF_8);
        List<String> command = new ArrayList<>(List.of("wrk", "-t", String.valueOf(threads), "-c",
                String.valueOf(connections), "-d", seconds + "s", "--timeout", "10s", "-s", script.toString(),
                baseUrl + request.path()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(script.resolveSibling(script.getFileName() + ".log").toFile()).start();
        if (!process.waitFor(seconds + 60L, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("wrk did not finish: " + command);
        }
        if (process.exitValue() != 0 || !Files.exists(out)) {
            throw new IllegalStateException("wrk failed (" + process.exitValue() + "): "
                    + Files.readString(script.resolveSibling(script.getFileName() + ".log")));
        }
        Result result = parse(Files.readAllLines(out, StandardCharsets.UTF_8));
        Files.deleteIfExists(script);
        Files.deleteIfExists(out);
        Files.deleteIfExists(script.resolveSibling(script.getFileName() + ".log"));
        return result;
    }

    /**
     * The wrk script: sets the request, counts answers that are not 2xx, and at the end writes the
     * totals and every recorded latency with its count ({@code latency(i)} gives the i-th distinct
     * value in microseconds and how often it was seen).
     */
    static String script(Request request, Path out) {
        StringBuilder s = new StringBuilder();
        s.append("wrk.method = ").append(lua(request.method())).append('\n');
        if (request.body() != null) {
            s.append("wrk.body = ").append(lua(request.body())).append('\n');
        }
        request.headers().forEach((name, value) ->
                s.append("wrk.headers[").append(lua(name)).append("] = ").append(lua(value)).append('\n'));
        s.append("""
                non2xx = 0
                response = function(status, headers, body)
                  if status < 200 or status > 299 then non2xx = non2xx + 1 end
                end
                threads = {}
                setup = function(thread) table.insert(threads, thread) end
                done = function(summary, latency, requests)
                  local total = 0
                  for _, t in ipairs(threads) do total = total + t:get("non2xx") end
                  local f = assert(io.open(%s, "w"))
                  local e = summary.errors
                  f:write(string.format("requests %%d\\n", summary.requests))
                  f:write(string.format("duration_us %%d\\n", summary.duration))
                  f:write(string.format("non2xx %%d\\n", total))
                  f:write(string.format("socket_errors %%d\\n", e.connect + e.read + e.write + e.timeout))
                  for i = 1, #latency do
                    local v, c = latency(i)
                    f:write(string.format("%%d %%d\\n", v, c))
                  end
                  f:close()
                end
                """.formatted(lua(out.toString())));
        return s.toString();
    }

    /** Reads what the script's {@code done} wrote. */
    static Result parse(List<String> lines) {
        Histogram micros = new Histogram(3);
        long requests = -1;
        long durationMicros = -1;
        long non2xx = 0;
        long socket = 0;
        for (String line : lines) {
            String[] parts = line.trim().split(" ");
            if (parts.length != 2) {
                continue;
            }
            switch (parts[0]) {
                case "requests" -> requests = Long.parseLong(parts[1]);
                case "duration_us" -> durationMicros = Long.parseLong(parts[1]);
                case "non2xx" -> non2xx = Long.parseLong(parts[1]);
                case "socket_errors" -> socket = Long.parseLong(parts[1]);
                default -> micros.recordValueWithCount(Math.max(1, Long.parseLong(parts[0])), Long.parseLong(parts[1]));
            }
        }
        if (requests < 0 || durationMicros <= 0) {
            throw new IllegalStateException("wrk wrote no totals: " + lines);
        }
        return new Result(requests, non2xx, socket, durationMicros / 1e6, micros);
    }

    /** A Lua string literal. */
    static String lua(String value) {
        StringBuilder s = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '\\' -> s.append("\\\\");
                case '"' -> s.append("\\\"");
                case '\n' -> s.append("\\n");
                case '\r' -> s.append("\\r");
                default -> {
                    if (c < 0x20) {
                        s.append(String.format("\\%03d", (int) c));
                    } else {
                        s.append(c);
                    }
                }
            }
        }
        return s.append('"').toString();
    }
}
