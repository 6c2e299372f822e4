package org.yizhan.gateway;

import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Counts one route class's requests per client, as a token bucket kept in this gateway's memory
 * (ADR 0021): a client may send {@code requests} at once, and gets one more every
 * {@code per / requests}. The bucket is computed as the generic cell rate algorithm does, from one
 * number per client (the time at which its bucket will be full again), so that a client costs a
 * map entry of a few dozen bytes.
 *
 * <p>Memory is bounded twice: a client whose bucket is full again carries no information and is
 * dropped by {@link #forgetIdle()}, and beyond {@code maxClients} the client seen least recently is
 * forgotten (which can only ever give that client a fresh, full bucket). Client keys are kept in
 * memory only and never logged.
 */
final class RateLimiter {

    /**
     * What the limiter decided for one request.
     *
     * @param allowed         whether the request may pass
     * @param remaining       how many more requests the client may send right now
     * @param resetSeconds    seconds until the client's bucket is full again
     * @param retryAfterSeconds when refused, seconds until the next request would pass; else 0
     */
    record Decision(boolean allowed, long remaining, long resetSeconds, long retryAfterSeconds) {
    }

    private final int requests;
    private final long windowNanos;
    private final long intervalNanos;
    private final int maxClients;
    private final LongSupplier nanoTime;
    // Access order: the eldest entry is the client seen least recently.
    private final LinkedHashMap<String, long[]> fullAt;

    RateLimiter(int requests, Duration per, int maxClients, LongSupplier nanoTime) {
        if (requests < 1) {
            throw new IllegalArgumentException("requests must be at least 1: " + requests);
        }
        if (per.isNegative() || per.isZero()) {
            throw new IllegalArgumentException("the window must be positive: " + per);
        }
        if (maxClients < 1) {
            throw new IllegalArgumentException("maxClients must be at least 1: " + maxClients);
        }
        this.requests = requests;
        this.windowNanos = per.toNanos();
        this.intervalNanos = Math.max(1, windowNanos / requests);
        this.maxClients = maxClients;
        this.nanoTime = nanoTime;
        this.fullAt = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, long[]> eldest) {
                return size() > RateLimiter.this.maxClients;
            }
        };
    }

    /** The number of requests a full bucket holds. */
    int requests() {
        return requests;
    }

    /** The window, in whole seconds (at least 1), as the {@code RateLimit-Policy} header names it. */
    long windowSeconds() {
        return Math.max(1, ceilSeconds(windowNanos));
    }

    /** Takes one request from {@code client}'s bucket if there is one to take. */
    synchronized Decision take(String client) {
        long now = nanoTime.getAsLong();
        long[] state = fullAt.get(client);
        long full = state == null ? now : Math.max(state[0], now);
        long next = full + intervalNanos;
        if (next - now > windowNanos) {
            // Taking one more would need more than a full bucket: refused, nothing changes.
            long wait = next - now - windowNanos;
            return new Decision(false, 0, ceilSeconds(full - now), Math.max(1, ceilSeconds(wait)));
        }
        if (state == null) {
            fullAt.put(client, new long[] {next});
        } else {
            state[0] = next;
        }
        long remaining = (windowNanos - (next - now)) / intervalNanos;
        return new Decision(true, remaining, ceilSeconds(next - now), 0);
    }

    /** Drops the clients whose bucket is full again; returns how many are still tracked. */
    synchronized int forgetIdle() {
        long now = nanoTime.getAsLong();
        Iterator<long[]> states = fullAt.values().iterator();
        while (states.hasNext()) {
            if (states.next()[0] - now <= 0) {
                states.remove();
            }
        }
        return fullAt.size();
    }

    /** How many clients are tracked now. */
    synchronized int tracked() {
        return fullAt.size();
    }

    private static long ceilSeconds(long nanos) {
        if (nanos <= 0) {
            return 0;
        }
        return (nanos + 999_999_999L) / 1_000_000_000L;
    }
}
