package org.yizhan.bench;

import org.HdrHistogram.Histogram;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * An open-loop load: requests are due on a fixed schedule (one every 1/rate s) whether or not
 * earlier ones have been answered, and each latency counts from the request's intended send time,
 * so that a stall delays every request due during it and shows in the percentiles instead of
 * pausing the load (no coordinated omission). A fixed set of workers sends the due requests; when
 * all are busy, due requests wait in line and the wait counts.
 *
 * <p>A slice is cut short when the line holds more than {@link #MAX_BACKLOG_SECONDS} of requests
 * (the rate is beyond what the system can answer); requests still waiting or unanswered at the end
 * are counted as incomplete, with the time they had waited so far as their latency (a lower bound).
 */
final class OpenLoop {

    /** Seconds of requests in line after which a slice stops sending more. */
    static final double MAX_BACKLOG_SECONDS = 2;

    /** Seconds after the last due request that a slice waits for answers. */
    static final double DRAIN_SECONDS = 5;

    private static final long HIGHEST_MICROS = 3_600_000_000L;

    private OpenLoop() {
    }

    /**
     * One request, sent by worker {@code worker} (0 to workers - 1; a worker sends one request at
     * a time, so it may keep a connection of its own); {@code index} is its place in the schedule.
     */
    interface Call {
        void call(int worker, long index) throws Exception;
    }

    /**
     * What a slice measured: latencies in microseconds from the intended send times, requests due
     * within the measured time (answered, failed, incomplete) and whether it was cut short.
     */
    record Result(String name, double rate, Histogram micros, long due, long errors, long incomplete,
                  double seconds, boolean cutShort) {

        double percentileMillis(double p) {
            return micros.getTotalCount() == 0 ? Double.NaN : micros.getValueAtPercentile(p) / 1000.0;
        }

        double maxMillis() {
            return micros.getTotalCount() == 0 ? Double.NaN : micros.getMaxValue() / 1000.0;
        }

        /** Answered requests per measured second. */
        double throughput() {
            return (micros.getTotalCount() - incomplete) / seconds;
        }

        /** True when every request due was answered without error and p99 is below the limit. */
        boolean meets(double p99LimitMillis) {
            return errors == 0 && incomplete == 0 && !cutShort && percentileMillis(99) < p99LimitMillis;
        }

        /** The slices of one phase as one. */
        static Result merge(List<Result> slices) {
            Histogram all = new Histogram(HIGHEST_MICROS, 3);
            for (Result r : slices) {
                all.add(r.micros());
            }
            return new Result(slices.get(0).name(), slices.get(0).rate(), all,
                    slices.stream().mapToLong(Result::due).sum(), slices.stream().mapToLong(Result::errors).sum(),
                    slices.stream().mapToLong(Result::incomplete).sum(),
                    slices.stream().mapToDouble(Result::seconds).sum(),
                    slices.stream().anyMatch(Result::cutShort));
        }
    }

    /**
     * Sends {@code rate} requests a second for {@code settleSeconds + seconds} through
     * {@code workers} workers; requests due in the first {@code settleSeconds} are not counted.
     * {@code firstIndex} is the schedule index of the first request (to vary the queries).
     */
    static Result run(String name, double rate, double settleSeconds, double seconds, int workers, long firstIndex,
                      Call call) throws InterruptedException {
        long period = Math.round(1e9 / rate);
        long start = System.nanoTime() + 20_000_000L;
        long measureFrom = start + (long) (settleSeconds * 1e9);
        long end = measureFrom + (long) (seconds * 1e9);
        int backlogLimit = (int) Math.max(1, Math.ceil(rate * MAX_BACKLOG_SECONDS));
        BlockingQueue<long[]> due = new ArrayBlockingQueue<>(backlogLimit + workers + 1);
        Histogram micros = new Histogram(HIGHEST_MICROS, 3);
        long[] errors = new long[1]; // guarded by micros
        boolean[] closed = new boolean[1]; // guarded by micros
        Map<Thread, Long> inFlight = new ConcurrentHashMap<>();
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            int worker = w;
            Thread t = new Thread(() -> {
                try {
                    while (true) {
                        long[] request = due.take();
                        if (request[0] < 0) {
                            return;
                        }
                        long intended = request[0];
                        synchronized (micros) {
                            if (closed[0]) {
                                continue;
                            }
                            inFlight.put(Thread.currentThread(), intended);
                        }
                        boolean failed = false;
                        try {
                            call.call(worker, request[1]);
                        } catch (Exception e) {
                            failed = true;
                        }
                        long latency = System.nanoTime() - intended;
                        synchronized (micros) {
                            inFlight.remove(Thread.currentThread());
                            if (!closed[0] && intended >= measureFrom) {
                                if (failed) {
                                    errors[0]++;
                                }
                                micros.recordValue(Math.min(HIGHEST_MICROS, Math.max(1, latency / 1000)));
                            }
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, name + "-worker-" + w);
            t.start();
            threads.add(t);
        }
        long dueCount = 0;
        boolean cutShort = false;
        for (long k = 0; ; k++) {
            long intended = start + k * period;
            if (intended >= end) {
                break;
            }
            if (due.size() >= backlogLimit) {
                cutShort = true;
                break;
            }
            long wait;
            while ((wait = intended - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            if (intended >= measureFrom) {
                dueCount++;
            }
            due.put(new long[] {intended, firstIndex + k});
        }
        for (int w = 0; w < workers; w++) {
            due.put(new long[] {-1, 0});
        }
        long drainUntil = System.nanoTime() + (long) (DRAIN_SECONDS * 1e9);
        for (Thread t : threads) {
            long left = drainUntil - System.nanoTime();
            if (left > 0) {
                t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
            }
        }
        // What is still waiting or unanswered counts as incomplete, with the time waited so far.
        List<long[]> waiting = new ArrayList<>();
        due.drainTo(waiting);
        long now = System.nanoTime();
        Result result;
        synchronized (micros) {
            closed[0] = true;
            long answered = micros.getTotalCount();
            List<Long> unanswered = new ArrayList<>(inFlight.values());
            for (long[] request : waiting) {
                unanswered.add(request[0]);
            }
            long known = 0;
            for (long intended : unanswered) {
                if (intended >= measureFrom) {
                    known++;
                    micros.recordValue(Math.min(HIGHEST_MICROS, Math.max(1, (now - intended) / 1000)));
                }
            }
            // Taken from the line but not started when the slice closed: at least since the end.
            for (long i = answered + known; i < dueCount; i++) {
                micros.recordValue(Math.min(HIGHEST_MICROS, Math.max(1, (now - end) / 1000)));
            }
            long incomplete = Math.max(0, dueCount - answered);
            // Requests due but never sent because the slice was cut short are incomplete too (no latency).
            long scheduled = Math.round(seconds * rate);
            if (cutShort && dueCount < scheduled) {
                incomplete += scheduled - dueCount;
                dueCount = scheduled;
            }
            result = new Result(name, rate, micros.copy(), dueCount, errors[0], incomplete, seconds, cutShort);
        }
        // The workers still busy end after their current request; the next slice may reuse their connections.
        for (int w = 0; w < workers; w++) {
            due.put(new long[] {-1, 0});
        }
        for (Thread t : threads) {
            t.join();
        }
        return result;
    }
}
