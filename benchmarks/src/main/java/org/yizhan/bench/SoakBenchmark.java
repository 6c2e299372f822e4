package org.yizhan.bench;

import com.fasterxml.jackson.databind.JsonNode;
import org.yizhan.localstack.run.ServiceProcess;
import org.yizhan.localstack.run.Stack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A soak: the whole stack (one instance of each service and the gateway) under a fixed mixed rate
 * through the gateway for {@code --minutes} minutes, in one-minute open-loop slices
 * ({@link OpenLoop}); every answer is checked and counted by kind and status. At the end of each
 * minute, while the load goes on, each process's resident memory ({@code VmRSS}) and its heap in
 * use right after a full collection ({@code jcmd <pid> GC.run}, then {@code GC.heap_info}).
 * The verdict: no error and no unanswered request, and for every process RSS and heap after GC
 * flat: the mean of the last three minutes within {@link #FLAT} of the mean of minutes 2 to 4.
 *
 * <p>Usage: see docs/benchmarks.md, "Soak".
 */
public final class SoakBenchmark {

    static final String NAME = SoakBenchmark.class.getName();
    /** Flat: the last three minutes' mean within this fraction of the mean of minutes 2 to 4. */
    static final double FLAT = 0.10;
    static final String PARTNER_ORG = "youth-league";

    private SoakBenchmark() {
    }

    record Options(int minutes, double rate, int warmup, int workers, int stations, Path repoRoot, List<String> jvm,
                   Path doc) {

        static Options parse(String[] args) {
            Map<String, String> opts = BenchArgs.parse(args);
            Path repo = Path.of(opts.getOrDefault("repo", ".")).toAbsolutePath().normalize();
            return new Options(Integer.parseInt(opts.getOrDefault("minutes", "10")),
                    Double.parseDouble(opts.getOrDefault("rate", "50")),
                    Integer.parseInt(opts.getOrDefault("warmup", "60")),
                    Integer.parseInt(opts.getOrDefault("workers", "32")),
                    Integer.parseInt(opts.getOrDefault("stations", "100000")), repo,
                    List.of(opts.getOrDefault("jvm", "-Xmx256m -XX:+UseParallelGC").split("\\s+")),
                    opts.containsKey("doc") ? repo.resolve(opts.get("doc")) : null);
        }
    }

    /** What one request of the mix does. */
    enum Kind { NEAR_ME, STATION, ACTIVITIES, REGISTRATION, BOOKING, OVERVIEW, APPOINTMENTS, CONSULTATIONS }

    /** The mix, per 20 requests. */
    static final List<Kind> MIX = List.of(
            Kind.NEAR_ME, Kind.STATION, Kind.ACTIVITIES, Kind.NEAR_ME, Kind.REGISTRATION,
            Kind.NEAR_ME, Kind.OVERVIEW, Kind.STATION, Kind.NEAR_ME, Kind.BOOKING,
            Kind.NEAR_ME, Kind.ACTIVITIES, Kind.APPOINTMENTS, Kind.NEAR_ME, Kind.REGISTRATION,
            Kind.STATION, Kind.NEAR_ME, Kind.ACTIVITIES, Kind.CONSULTATIONS, Kind.NEAR_ME);

    /** One process's memory at one moment, in MiB; heap after a full collection, -1 when unknown. */
    record Memory(long rssMib, double heapMib) {
    }

    /** One minute: its load and, at its end, each process's memory. */
    record Minute(int minute, OpenLoop.Result load, Map<String, Memory> memory) {
    }

    public static void main(String[] args) throws Exception {
        Options o = Options.parse(args);
        String loadAtStart = NearbySearchBenchmark.loadAverage();
        System.out.println("load average at start: " + loadAtStart);
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        Stack stack = BenchServices.stack(o.repoRoot(), o.jvm(), "soak", Map.of(), Map.of());
        String report;
        try {
            if (o.stations() > 0) {
                BenchServices.seedStations(stack, o.stations());
            }
            Mix mix = new Mix(stack, o);
            Map<String, Memory> before = sample(stack);
            List<Minute> minutes = soak(o, stack, mix);
            report = report(o, before, minutes, mix, loadAtStart, NearbySearchBenchmark.loadAverage());
        } finally {
            BenchServices.down(stack);
        }
        DocSection.publish(o.repoRoot(), "soak.md", o.doc(), NAME, report);
    }

    /** The minutes of load, each sampled at its end by a thread of its own while the next minute runs. */
    private static List<Minute> soak(Options o, Stack stack, Mix mix) throws Exception {
        List<Minute> minutes = new ArrayList<>();
        List<Thread> samplers = new ArrayList<>();
        Map<Integer, Map<String, Memory>> memory = new ConcurrentHashMap<>();
        long perMinute = Math.round(o.rate() * 60);
        // Warm-up, not counted: half the rate, then the rate, so that cold JVMs do not start behind.
        for (double rate : List.of(o.rate() / 2, o.rate())) {
            OpenLoop.Result w = OpenLoop.run("warm-up", rate, 0, o.warmup() / 2.0, o.workers(), 0,
                    (worker, index) -> mix.send(index));
            System.out.printf(Locale.ROOT, "warm-up at %.0f req/s: p99 %.2f ms, %d unanswered%n", rate,
                    w.percentileMillis(99), w.incomplete());
        }
        mix.answers.clear();
        for (int m = 1; m <= o.minutes(); m++) {
            OpenLoop.Result r = OpenLoop.run("minute " + m, o.rate(), 0, 60, o.workers(), (m - 1) * perMinute,
                    (worker, index) -> mix.send(index));
            int minute = m;
            Thread sampler = new Thread(() -> memory.put(minute, sample(stack)), "sample-" + m);
            sampler.start();
            samplers.add(sampler);
            minutes.add(new Minute(m, r, null));
            System.out.printf(Locale.ROOT, "minute %d: %d due, %d errors, %d unanswered, p50 %.2f ms, p99 %.2f ms%n",
                    m, r.due(), r.errors(), r.incomplete(), r.percentileMillis(50), r.percentileMillis(99));
            if (r.cutShort()) {
                // The line of waiting requests outgrew OpenLoop's limit: the stack does not keep up with the
                // rate here, and the minutes after would be seconds of load each. The soak ends (not met).
                System.out.println("minute " + m + " was cut short: the rate is beyond what the stack answers here");
                break;
            }
        }
        for (Thread t : samplers) {
            t.join(TimeUnit.MINUTES.toMillis(2));
        }
        List<Minute> sampled = new ArrayList<>();
        for (Minute m : minutes) {
            sampled.add(new Minute(m.minute(), m.load(), memory.getOrDefault(m.minute(), Map.of())));
            System.out.println("minute " + m.minute() + " memory: " + sampled.get(sampled.size() - 1).memory());
        }
        return sampled;
    }

    /** Every process of the stack: RSS, then a full collection and the heap in use after it. */
    static Map<String, Memory> sample(Stack stack) {
        Map<String, Memory> memory = new LinkedHashMap<>();
        for (ServiceProcess p : stack.processes()) {
            memory.put(p.spec().name(), new Memory(p.rssMib(), heapAfterGcMib(p.pid())));
        }
        return memory;
    }

    /** Heap in use right after {@code jcmd <pid> GC.run}, in MiB; -1 when jcmd fails. */
    static double heapAfterGcMib(long pid) {
        try {
            jcmd(pid, "GC.run");
            return heapUsedMib(jcmd(pid, "GC.heap_info"));
        } catch (IOException | RuntimeException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static String jcmd(long pid, String command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("jcmd", String.valueOf(pid), command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("jcmd " + pid + " " + command + ": " + out);
        }
        return out;
    }

    /** A heap part's line of {@code GC.heap_info}: one space in, "total NK, used NK" (Metaspace has no total). */
    private static final Pattern HEAP_PART = Pattern.compile("^ \\S.*\\btotal \\d+K, used (\\d+)K", Pattern.MULTILINE);

    /** The heap in use from {@code jcmd GC.heap_info}'s output, in MiB: the sum over its parts (young and old). */
    static double heapUsedMib(String heapInfo) {
        Matcher m = HEAP_PART.matcher(heapInfo);
        long kib = 0;
        boolean any = false;
        while (m.find()) {
            kib += Long.parseLong(m.group(1));
            any = true;
        }
        if (!any) {
            throw new IllegalArgumentException("no heap figures in: " + heapInfo);
        }
        return kib / 1024.0;
    }

    /** The mixed requests through the gateway, each answer checked and counted by kind and status. */
    static final class Mix {
        private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        private final Stack stack;
        private final String gateway;
        private final String run = UUID.randomUUID().toString().substring(0, 6);
        private final List<String> stations = new ArrayList<>();
        private final List<String> readers = new ArrayList<>();
        private final List<double[]> queries;
        private final String activity;
        private final BookingRushBenchmark.Api checkups;
        private final BookingRushBenchmark.Campaign campaign;
        private final AtomicInteger newWorkers = new AtomicInteger();
        final Map<String, LongAdder> answers = new ConcurrentHashMap<>();

        /** Stations registered through the API (known to every replica), an activity, a checkup campaign, readers. */
        Mix(Stack stack, Options o) throws Exception {
            this.stack = stack;
            this.gateway = stack.gatewayUrl();
            this.queries = o.stations() > 0 ? NearbySearchBenchmark.queryPoints(20_000) : List.of(new double[] {39.73,
                    116.33});
            String admin = stack.keys().mint("soak-admin", List.of("union-admin"), Duration.ofHours(6));
            String partner = stack.keys().mint("soak-partner", List.of("partner"), Duration.ofHours(6), PARTNER_ORG);
            for (int i = 0; i < 20; i++) {
                stations.add(expect(admin, "POST", "/api/v1/stations", String.format(Locale.ROOT, "{\"name\":\"耐久测试驿站 "
                        + "%s-%d\",\"hostType\":\"PARK\",\"address\":\"北京市大兴区黄村镇 %d 号\",\"district\":\"大兴区\","
                        + "\"location\":{\"latitude\":%.5f,\"longitude\":%.5f}}", run, i, i, 39.73 + (i % 10) * 0.001,
                        116.33 + (i % 7) * 0.001), 201).path("id").asText());
            }
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
            while (send(admin, "GET", "/api/v1/activities/venues/" + stations.get(0), null).statusCode() != 200) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("services-service never learnt of station " + stations.get(0));
                }
                Thread.sleep(200);
            }
            Instant start = Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
            this.activity = expect(partner, "POST", "/api/v1/activities", "{\"type\":\"HAIRCUT\",\"title\":\"爱心义剪\","
                    + "\"stationId\":\"" + stations.get(0) + "\",\"startsAt\":\"" + start + "\",\"endsAt\":\""
                    + start.plusSeconds(3600) + "\",\"capacity\":10000}", 201).path("id").asText();
            expect(partner, "POST", "/api/v1/activities/" + activity + "/publish", "", 200);
            this.checkups = new BookingRushBenchmark.Api(BenchServices.port(gateway), stack.keys());
            this.campaign = checkups.open(new BookingRushBenchmark.Rush(10_000, 10_000));
            for (int i = 0; i < 1000; i++) {
                readers.add(stack.keys().mint("soak-reader-" + run + "-" + i, List.of("worker"), Duration.ofHours(6)));
            }
        }

        /** Request {@code index} of the schedule; throws when its answer is not the expected one. */
        void send(long index) throws Exception {
            Kind kind = MIX.get((int) (index % MIX.size()));
            String reader = readers.get((int) (index % readers.size()));
            int status;
            int expected = 200;
            switch (kind) {
                case NEAR_ME -> {
                    double[] q = queries.get((int) (index % queries.size()));
                    status = send(null, "GET", String.format(Locale.ROOT, "/api/v1/stations/nearby?lat=%.6f&lon=%.6f"
                            + "&radius=3000&openNow=true&limit=20", q[0], q[1]), null).statusCode();
                }
                case STATION -> status = send(null, "GET", "/api/v1/stations/"
                        + stations.get((int) (index % stations.size())), null).statusCode();
                case ACTIVITIES -> status = send(reader, "GET", "/api/v1/activities", null).statusCode();
                case OVERVIEW -> status = send(reader, "GET", "/api/v1/me/overview", null).statusCode();
                case APPOINTMENTS -> status = send(reader, "GET", "/api/v1/checkups/appointments/mine", null)
                        .statusCode();
                case CONSULTATIONS -> status = send(reader, "GET", "/api/v1/legal-aid/consultations/mine", null)
                        .statusCode();
                case REGISTRATION -> {
                    expected = 201;
                    String path = "/api/v1/activities/" + activity + "/registrations";
                    status = send(worker(newWorkers.incrementAndGet()), "POST", path,
                            "{\"occupation\":\"COURIER\"}").statusCode();
                }
                case BOOKING -> {
                    // Hold, then confirm, as the app does: SOLD is the expected outcome, with places to spare.
                    int worker = newWorkers.incrementAndGet();
                    BookingRushBenchmark.Outcome outcome = checkups.attempt(campaign, worker(worker), worker, run);
                    count(kind + " " + outcome);
                    if (outcome != BookingRushBenchmark.Outcome.SOLD) {
                        throw new IllegalStateException("booking " + outcome);
                    }
                    return;
                }
                default -> throw new IllegalStateException(kind.toString());
            }
            count(kind + " " + status);
            if (status != expected) {
                throw new IllegalStateException(kind + " answered " + status);
            }
        }

        /** The token of worker {@code n}, who has not registered or booked before. */
        private String worker(int n) {
            return stack.keys().mint("soak-worker-" + run + "-" + n, List.of("worker"), Duration.ofHours(6));
        }

        private void count(String what) {
            answers.computeIfAbsent(what, k -> new LongAdder()).increment();
        }

        private HttpResponse<String> send(String token, String method, String path, String body) throws Exception {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(gateway + path)).timeout(Duration.ofSeconds(30))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(body));
            if (body != null) {
                b.header("Content-Type", "application/json");
            }
            if (token != null) {
                b.header("Authorization", "Bearer " + token);
            }
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        }

        private JsonNode expect(String token, String method, String path, String body, int status) throws Exception {
            HttpResponse<String> r = send(token, method, path, body);
            if (r.statusCode() != status) {
                throw new IllegalStateException(method + " " + path + " answered " + r.statusCode() + ": " + r.body());
            }
            return r.body().isEmpty() ? BookingRushBenchmark.JSON.nullNode()
                    : BookingRushBenchmark.JSON.readTree(r.body());
        }
    }

    /** Mean of {@code values} over minutes {@code from} to {@code to} (1-based, inclusive); NaN if none. */
    static double mean(List<Double> values, int from, int to) {
        double sum = 0;
        int n = 0;
        for (int m = Math.max(1, from); m <= Math.min(values.size(), to); m++) {
            double v = values.get(m - 1);
            if (v >= 0) {
                sum += v;
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    /**
     * Whether a per-minute series is flat: the last three minutes' mean within {@link #FLAT} of the
     * mean of minutes 2 to 4; a text for the report. Needs at least 7 minutes for the two windows not
     * to meet (minutes 2–4 and 5–7 at the least).
     */
    static String flatness(List<Double> perMinute) {
        int n = perMinute.size();
        double base = mean(perMinute, 2, 4);
        double last = mean(perMinute, n - 2, n);
        double change = last / base - 1;
        String figures = String.format(Locale.ROOT, "%.0f → %.0f (%+.1f %%)", base, last, 100 * change);
        if (n < 7) {
            return figures + ", not judged (needs ≥ 7 minutes)";
        }
        return figures + (Math.abs(change) <= FLAT ? ", flat" : ", **not flat**");
    }

    static String report(Options o, Map<String, Memory> before, List<Minute> minutes, Mix mix, String loadAtStart,
                         String loadAtEnd) {
        StringBuilder r = new StringBuilder();
        r.append(String.format(Locale.ROOT, "Run %s: %d minutes at %.0f req/s through the gateway (%d workers, open "
                        + "loop in one-minute slices, after %d s of warm-up), the mix per 20 requests: 8 near-me "
                        + "searches, 3 station details, "
                        + "3 activity lists, 2 activity registrations, 1 checkup booking (hold and confirm), 1 worker "
                        + "overview, 1 list of my appointments, 1 list of my consultations; %,d generated stations; JVM "
                        + "options `%s` for every process; %d cores; load average (1/5/15 min) %s at the start, %s at "
                        + "the end%s.%n%n", Instant.now().truncatedTo(ChronoUnit.SECONDS), o.minutes(), o.rate(),
                o.workers(), o.warmup(), o.stations(), String.join(" ", o.jvm()),
                Runtime.getRuntime().availableProcessors(),
                loadAtStart, loadAtEnd, NearbySearchBenchmark.busyNote(loadAtStart, loadAtEnd)));
        r.append("| minute | requests due | errors | unanswered | p50 (ms) | p99 (ms) | max (ms) "
                + "| cut short (backlog) |\n");
        r.append("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |\n");
        long errors = 0;
        long unanswered = 0;
        for (Minute m : minutes) {
            OpenLoop.Result x = m.load();
            errors += x.errors();
            unanswered += x.incomplete();
            r.append(String.format(Locale.ROOT, "| %d | %,d | %d | %d | %.2f | %.2f | %.2f | %s |%n", m.minute(),
                    x.due(), x.errors(), x.incomplete(), x.percentileMillis(50), x.percentileMillis(99), x.maxMillis(),
                    x.cutShort() ? "yes" : "no"));
        }
        r.append("\nEvery answer after the warm-up by kind and status (also those that came after their minute "
                + "closed): ");
        r.append(String.join(", ", new TreeMap<>(mix.answers).entrySet().stream()
                .map(e -> e.getKey() + ": " + String.format(Locale.ROOT, "%,d", e.getValue().sum())).toList()));
        r.append(".\n\n**Memory per minute** (RSS / heap in use after a full collection, MiB; minute 0: before the "
                + "load, after the setup):\n\n");
        List<String> processes = new ArrayList<>(before.keySet());
        r.append("| minute | ").append(String.join(" | ", processes)).append(" |\n");
        r.append("| ---: |").append(" ---: |".repeat(processes.size())).append('\n');
        r.append(memoryRow(0, before, processes));
        for (Minute m : minutes) {
            r.append(memoryRow(m.minute(), m.memory(), processes));
        }
        r.append(String.format(Locale.ROOT, "%n**Verdict** (flat: the mean of the last three minutes within %.0f %% of "
                + "the mean of minutes 2–4):%n%n", 100 * FLAT));
        r.append(String.format(Locale.ROOT, "- errors: %d, unanswered: %d — %s%n", errors, unanswered,
                errors == 0 && unanswered == 0 ? "met" : "**not met**"));
        if (minutes.size() < o.minutes() || minutes.stream().anyMatch(m -> m.load().cutShort())) {
            r.append(String.format(Locale.ROOT, "- **ended after minute %d of %d**: the minute was cut short (the "
                    + "line of waiting requests passed %.0f s of requests), so the stack did not keep up with %.0f "
                    + "req/s on this machine%n", minutes.size(), o.minutes(), OpenLoop.MAX_BACKLOG_SECONDS, o.rate()));
        }
        for (String p : processes) {
            List<Double> rss = new ArrayList<>();
            List<Double> heap = new ArrayList<>();
            for (Minute m : minutes) {
                Memory mem = m.memory().get(p);
                rss.add(mem == null ? -1.0 : mem.rssMib());
                heap.add(mem == null ? -1.0 : mem.heapMib());
            }
            r.append(String.format(Locale.ROOT, "- %s: RSS %s; heap after GC %s%n", p, flatness(rss), flatness(heap)));
        }
        return r.toString();
    }

    private static String memoryRow(int minute, Map<String, Memory> memory, List<String> processes) {
        StringBuilder row = new StringBuilder("| " + minute + " |");
        for (String p : processes) {
            Memory m = memory.get(p);
            row.append(m == null ? " – |" : String.format(Locale.ROOT, " %d / %.0f |", m.rssMib(), m.heapMib()));
        }
        return row.append('\n').toString();
    }
}
