package org.yizhan.bench;

import org.yizhan.localstack.run.ServiceProcess;
import org.yizhan.localstack.run.Stack;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Near-me search through the gateway with 1, 2 and 3 station-service instances behind it (every
 * other service once), one whole stack per count, each seeded with the same generated stations.
 * At each count the same open-loop rate steps ({@link OpenLoop}) run through the gateway; with one
 * instance the same steps also run straight against station-service, alternating with the gateway,
 * as the reference measured in the same run. The gateway's per-client rate limit is turned off: the
 * load comes from one address, and the benchmark measures the search, not the limiter.
 *
 * <p>Usage: see docs/benchmarks.md, "Scale-out of near-me search".
 */
public final class ScaleOutBenchmark {

    static final String NAME = ScaleOutBenchmark.class.getName();

    private ScaleOutBenchmark() {
    }

    record Options(int stations, List<Integer> counts, List<Double> rates, int stepSeconds, int warmup, int workers,
                   double p99Limit, int radius, Path repoRoot, List<String> jvm, Path doc) {

        static Options parse(String[] args) {
            Map<String, String> opts = BenchArgs.parse(args);
            Path repo = Path.of(opts.getOrDefault("repo", ".")).toAbsolutePath().normalize();
            return new Options(Integer.parseInt(opts.getOrDefault("stations", "100000")),
                    Arrays.stream(opts.getOrDefault("instances", "1,2,3").split(",")).map(Integer::valueOf).toList(),
                    Arrays.stream(opts.getOrDefault("rates", "100,200,300,400,500,600").split(","))
                            .map(Double::valueOf).toList(),
                    Integer.parseInt(opts.getOrDefault("step-seconds", "20")),
                    Integer.parseInt(opts.getOrDefault("warmup", "20")),
                    Integer.parseInt(opts.getOrDefault("workers", "32")),
                    Double.parseDouble(opts.getOrDefault("p99-limit", "50")),
                    Integer.parseInt(opts.getOrDefault("radius", "3000")), repo,
                    List.of(opts.getOrDefault("jvm", "-Xmx256m -XX:+UseParallelGC").split("\\s+")),
                    opts.containsKey("doc") ? repo.resolve(opts.get("doc")) : null);
        }
    }

    /** One step: a setup (instances, through the gateway or not) at one rate; and the share each instance served. */
    record Step(String setup, OpenLoop.Result result, String served) {
    }

    /** What one stack measured: its steps, and memory after them. */
    record Run(int instances, List<Step> steps, long stationRssMib, long gatewayRssMib) {
    }

    public static void main(String[] args) throws Exception {
        Options o = Options.parse(args);
        String loadAtStart = NearbySearchBenchmark.loadAverage();
        System.out.println("load average at start: " + loadAtStart);
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        List<double[]> queries = NearbySearchBenchmark.queryPoints(20_000);
        List<Run> runs = new ArrayList<>();
        for (int count : o.counts()) {
            runs.add(measure(o, count, queries));
        }
        String report = report(o, runs, loadAtStart, NearbySearchBenchmark.loadAverage());
        DocSection.publish(o.repoRoot(), "scale-out.md", o.doc(), NAME, report);
    }

    private static Run measure(Options o, int count, List<double[]> queries) throws Exception {
        System.out.printf("%n== %d station-service instance(s) ==%n", count);
        Stack stack = BenchServices.stack(o.repoRoot(), o.jvm(), "scaleout", Map.of("station-service", count), Map.of());
        try {
            long started = System.nanoTime();
            long rows = BenchServices.seedStations(stack, o.stations());
            System.out.printf(Locale.ROOT, "%,d stations (%,d in the table) ready in %.1f s%n", o.stations(), rows,
                    (System.nanoTime() - started) / 1e9);
            List<ServiceProcess> instances = stack.instancesOf("station-service");
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5)).build();
            int gateway = BenchServices.port(stack.gatewayUrl());
            int direct = instances.get(0).spec().port();
            boolean reference = count == 1;
            String through = count + (count == 1 ? " instance" : " instances") + ", through the gateway";
            String straight = "1 instance, straight to station-service (reference)";
            double first = o.rates().get(0);
            run(http, through, gateway, first, 0, o.warmup(), o, queries, 0);
            if (reference) {
                run(http, straight, direct, first, 0, o.warmup(), o, queries, 0);
            }
            List<Step> steps = new ArrayList<>();
            boolean[] missed = {false, !reference};
            for (int i = 0; i < o.rates().size() && !(missed[0] && missed[1]); i++) {
                double rate = o.rates().get(i);
                for (int k = 0; k < 2; k++) {
                    // Alternating which goes first, so that neither always follows the other.
                    boolean viaGateway = (i % 2 == 0) == (k == 0);
                    int side = viaGateway ? 0 : 1;
                    if (missed[side]) {
                        continue;
                    }
                    List<Double> before = served(http, instances);
                    OpenLoop.Result r = run(http, viaGateway ? through : straight, viaGateway ? gateway : direct,
                            rate, NearbySearchBenchmark.SETTLE_SECONDS, o.stepSeconds(), o, queries, (i + 1) * 7_919L);
                    String shares = shares(before, served(http, instances));
                    steps.add(new Step(r.name(), r, shares));
                    missed[side] = !r.meets(o.p99Limit());
                    System.out.printf(Locale.ROOT, "%s at %.0f req/s: %.0f answered/s, p50 %.2f ms, p99 %.2f ms, "
                                    + "%d errors, %d unanswered; served per instance %s%n", r.name(), rate,
                            r.throughput(), r.percentileMillis(50), r.percentileMillis(99), r.errors(), r.incomplete(),
                            shares);
                }
            }
            long rss = instances.stream().mapToLong(ServiceProcess::rssMib).sum();
            return new Run(count, steps, rss, stack.process("gateway").rssMib());
        } finally {
            BenchServices.down(stack);
        }
    }

    /** One open-loop step of near-me searches on {@code port}; an answer other than 200 is an error. */
    private static OpenLoop.Result run(HttpClient http, String name, int port, double rate, double settle,
                                       double seconds, Options o, List<double[]> queries, long first)
            throws InterruptedException {
        return OpenLoop.run(name, rate, settle, seconds, o.workers(), first, (worker, index) -> {
            String url = NearbySearchBenchmark.nearbyUrl(port, queries.get((int) (index % queries.size())), o.radius());
            HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                    .GET().build(), HttpResponse.BodyHandlers.discarding());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("HTTP " + r.statusCode());
            }
        });
    }

    /** The near-me searches each instance has answered so far, from its own metrics. */
    private static List<Double> served(HttpClient http, List<ServiceProcess> instances) {
        List<Double> served = new ArrayList<>();
        for (ServiceProcess instance : instances) {
            try {
                String metrics = http.send(HttpRequest.newBuilder(URI.create(instance.spec().managementUrl()
                        + "/q/metrics")).timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString())
                        .body();
                served.add(metrics.lines().filter(l -> l.startsWith("http_server_requests_seconds_count{")
                                && l.contains("uri=\"/api/v1/stations/nearby\""))
                        .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum());
            } catch (Exception e) {
                served.add(Double.NaN);
            }
        }
        return served;
    }

    /** Each instance's share of the searches between two readings, e.g. "51 % / 49 %". */
    static String shares(List<Double> before, List<Double> after) {
        double total = 0;
        for (int i = 0; i < before.size(); i++) {
            total += after.get(i) - before.get(i);
        }
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < before.size(); i++) {
            parts.add(String.format(Locale.ROOT, "%.0f %%", 100 * (after.get(i) - before.get(i)) / total));
        }
        return String.join(" / ", parts);
    }

    static String report(Options o, List<Run> runs, String loadAtStart, String loadAtEnd) {
        StringBuilder r = new StringBuilder();
        r.append(String.format(Locale.ROOT, "Run %s: %,d generated stations, near-me with openNow=true, amenities="
                        + "PHONE_CHARGING,MICROWAVE, radius %d m, limit 20; open loop, %d workers, %d s per step after "
                        + "%d s settling (warm-up %d s at the first rate); JVM options `%s` for every process; "
                        + "%d cores; load average (1/5/15 min) %s at the start, %s at the end%s.%n%n",
                Instant.now().truncatedTo(ChronoUnit.SECONDS), o.stations(), o.radius(), o.workers(), o.stepSeconds(),
                NearbySearchBenchmark.SETTLE_SECONDS, o.warmup(), String.join(" ", o.jvm()),
                Runtime.getRuntime().availableProcessors(), loadAtStart, loadAtEnd,
                NearbySearchBenchmark.busyNote(loadAtStart, loadAtEnd)));
        r.append(String.format(Locale.ROOT, "| setup | rate (req/s) | answered (req/s) | errors | unanswered | "
                + "p50 (ms) | p99 (ms) | max (ms) | p99 < %.0f ms | searches served per instance |%n", o.p99Limit()));
        r.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |\n");
        for (Run run : runs) {
            for (Step s : run.steps()) {
                OpenLoop.Result x = s.result();
                r.append(String.format(Locale.ROOT, "| %s | %.0f | %.0f | %d | %d | %.2f | %.2f | %.2f | %s | %s |%n",
                        s.setup(), x.rate(), x.throughput(), x.errors(), x.incomplete(), x.percentileMillis(50),
                        x.percentileMillis(99), x.maxMillis(), x.meets(o.p99Limit()) ? "yes"
                                : x.cutShort() ? "no (cut short: backlog)" : "no", s.served()));
            }
        }
        r.append(String.format(Locale.ROOT, "%n**Highest rate of the steps keeping p99 < %.0f ms** (every request "
                + "answered 200):%n%n", o.p99Limit()));
        r.append("| setup | highest rate kept (req/s) | p50 / p99 there (ms) | station-service RSS after, all instances "
                + "(MiB) | gateway RSS after (MiB) |\n");
        r.append("| --- | ---: | ---: | ---: | ---: |\n");
        for (Run run : runs) {
            List<String> setups = run.steps().stream().map(Step::setup).distinct().toList();
            for (String setup : setups) {
                Step best = null;
                for (Step s : run.steps()) {
                    if (s.setup().equals(setup) && s.result().meets(o.p99Limit())) {
                        best = s;
                    }
                }
                boolean reference = setup.contains("reference");
                r.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s |%n", setup,
                        best == null ? "below " + Math.round(o.rates().get(0)) : Math.round(best.result().rate()),
                        best == null ? "–" : String.format(Locale.ROOT, "%.2f / %.2f",
                                best.result().percentileMillis(50), best.result().percentileMillis(99)),
                        reference ? "(same process)" : String.valueOf(run.stationRssMib()),
                        reference ? "–" : String.valueOf(run.gatewayRssMib())));
            }
        }
        return r.toString();
    }
}
