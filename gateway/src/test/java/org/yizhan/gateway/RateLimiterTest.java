package org.yizhan.gateway;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The token bucket on a clock the test moves. */
class RateLimiterTest {

    private static final long SECOND = 1_000_000_000L;

    private final AtomicLong now = new AtomicLong(1_000 * SECOND);

    @Test
    void aFullBucketAllowsABurstOfItsSizeThenRefuses() {
        RateLimiter limiter = new RateLimiter(3, Duration.ofSeconds(30), 100, now::get);
        RateLimiter.Decision first = limiter.take("a");
        assertTrue(first.allowed());
        assertEquals(2, first.remaining());
        assertEquals(10, first.resetSeconds());
        assertEquals(1, limiter.take("a").remaining());
        RateLimiter.Decision third = limiter.take("a");
        assertTrue(third.allowed());
        assertEquals(0, third.remaining());
        assertEquals(30, third.resetSeconds());

        RateLimiter.Decision refused = limiter.take("a");
        assertFalse(refused.allowed());
        assertEquals(0, refused.remaining());
        // One request comes back every 10 s.
        assertEquals(10, refused.retryAfterSeconds());
        assertEquals(30, refused.resetSeconds());
    }

    @Test
    void aRefusalCostsNothingAndTheBucketRefills() {
        RateLimiter limiter = new RateLimiter(2, Duration.ofSeconds(10), 100, now::get);
        limiter.take("a");
        limiter.take("a");
        for (int i = 0; i < 5; i++) {
            assertFalse(limiter.take("a").allowed());
        }
        now.addAndGet(4 * SECOND);
        RateLimiter.Decision stillRefused = limiter.take("a");
        assertFalse(stillRefused.allowed());
        assertEquals(1, stillRefused.retryAfterSeconds());
        now.addAndGet(SECOND);
        assertTrue(limiter.take("a").allowed());
        assertFalse(limiter.take("a").allowed());
        now.addAndGet(10 * SECOND);
        assertEquals(1, limiter.take("a").remaining());
    }

    @Test
    void clientsHaveBucketsOfTheirOwn() {
        RateLimiter limiter = new RateLimiter(1, Duration.ofMinutes(1), 100, now::get);
        assertTrue(limiter.take("a").allowed());
        assertFalse(limiter.take("a").allowed());
        assertTrue(limiter.take("b").allowed());
    }

    @Test
    void clientsWhoseBucketIsFullAgainAreForgotten() {
        RateLimiter limiter = new RateLimiter(10, Duration.ofSeconds(10), 100, now::get);
        limiter.take("a");
        now.addAndGet(SECOND / 2);
        limiter.take("b");
        limiter.take("b");
        assertEquals(2, limiter.forgetIdle());
        now.addAndGet(SECOND / 2);
        // a's single request is back, b's second one is not yet.
        assertEquals(1, limiter.forgetIdle());
        now.addAndGet(2 * SECOND);
        assertEquals(0, limiter.forgetIdle());
    }

    @Test
    void theLeastRecentlySeenClientIsForgottenBeyondTheBound() {
        RateLimiter limiter = new RateLimiter(1, Duration.ofHours(1), 2, now::get);
        limiter.take("a");
        limiter.take("b");
        assertFalse(limiter.take("a").allowed());
        limiter.take("c");
        assertEquals(2, limiter.tracked());
        // b was seen least recently and was dropped: it starts again with a full bucket; a was kept.
        assertTrue(limiter.take("b").allowed());
        assertEquals(2, limiter.tracked());
    }

    @Test
    void theWindowIsNamedInWholeSeconds() {
        assertEquals(60, new RateLimiter(5, Duration.ofMinutes(1), 1, now::get).windowSeconds());
        assertEquals(1, new RateLimiter(5, Duration.ofMillis(200), 1, now::get).windowSeconds());
    }

    @Test
    void limitsThatWouldRefuseEverythingAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new RateLimiter(0, Duration.ofMinutes(1), 1, now::get));
        assertThrows(IllegalArgumentException.class, () -> new RateLimiter(1, Duration.ZERO, 1, now::get));
        assertThrows(IllegalArgumentException.class, () -> new RateLimiter(1, Duration.ofMinutes(1), 0, now::get));
    }
}
