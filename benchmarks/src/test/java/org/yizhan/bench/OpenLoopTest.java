package org.yizhan.bench;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OpenLoopTest {

    @Test
    void everyRequestDueIsSentAndCounted() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        OpenLoop.Result r = OpenLoop.run("steady", 200, 0.2, 1, 4, 0, (worker, index) -> {
            calls.incrementAndGet();
            Thread.sleep(1);
        });
        assertEquals(200, r.due());
        assertEquals(200, r.micros().getTotalCount());
        assertEquals(240, calls.get());
        assertEquals(0, r.errors());
        assertEquals(0, r.incomplete());
        assertFalse(r.cutShort());
    }

    /** A stall delays every request due during it: they all count from their intended send time. */
    @Test
    void aStallShowsInEveryRequestDueDuringIt() throws Exception {
        OpenLoop.Result r = OpenLoop.run("stall", 100, 0, 1, 1, 0, (worker, index) -> {
            Thread.sleep(index == 10 ? 300 : 1);
        });
        assertEquals(100, r.micros().getTotalCount());
        assertTrue(r.maxMillis() >= 300, "max " + r.maxMillis());
        // About 30 requests were due during the stall; a closed loop would have shown one slow request.
        long slow = r.micros().getCountBetweenValues(100_000, 3_600_000_000L);
        assertTrue(slow >= 15, slow + " requests of 100 ms or more");
        assertFalse(r.meets(50));
    }

    @Test
    void aRateBeyondCapacityFailsAndErrorsAreCounted() throws Exception {
        OpenLoop.Result overloaded = OpenLoop.run("overload", 400, 0, 0.5, 1, 0, (worker, index) -> Thread.sleep(5));
        assertTrue(overloaded.percentileMillis(99) > 50, "p99 " + overloaded.percentileMillis(99));
        assertFalse(overloaded.meets(50));

        OpenLoop.Result failing = OpenLoop.run("errors", 100, 0, 0.5, 2, 0, (worker, index) -> {
            if (index % 5 == 0) {
                throw new IllegalStateException("HTTP 500");
            }
        });
        assertEquals(10, failing.errors());
        assertFalse(failing.meets(50));
    }
}
