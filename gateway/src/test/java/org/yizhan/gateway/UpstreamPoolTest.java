package org.yizhan.gateway;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UpstreamPoolTest {

    private static UpstreamPool threeInstances() {
        return UpstreamPool.of("station-service",
                List.of(URI.create("http://10.0.0.1:8081"), URI.create("http://10.0.0.2:8081"),
                        URI.create("http://[::1]:8081")),
                List.of(URI.create("http://10.0.0.1:9081"), URI.create("http://10.0.0.2:9081"),
                        URI.create("http://[::1]:9081")));
    }

    @Test
    void eachInstanceInRotationGetsItsTurn() {
        UpstreamPool pool = threeInstances();
        List<String> order = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            order.add(pool.next(List.of()).id());
        }
        assertEquals(List.of("10.0.0.1:8081", "10.0.0.2:8081", "[::1]:8081",
                "10.0.0.1:8081", "10.0.0.2:8081", "[::1]:8081"), order);
    }

    @Test
    void anInstanceOutOfRotationIsSkippedUntilItIsBack() {
        UpstreamPool pool = threeInstances();
        UpstreamPool.Instance second = pool.instances().get(1);
        pool.takeOut(second, "readiness answered 503");
        assertFalse(second.inRotation());
        assertEquals(2, pool.inRotation());
        for (int i = 0; i < 6; i++) {
            assertTrue(pool.next(List.of()) != second);
        }
        pool.putBack(second);
        List<UpstreamPool.Instance> seen = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            seen.add(pool.next(List.of()));
        }
        assertTrue(seen.contains(second));
    }

    @Test
    void aRequestSentAgainGoesToAnInstanceItHasNotTriedWhileThereIsOne() {
        UpstreamPool pool = threeInstances();
        UpstreamPool.Instance first = pool.instances().get(0);
        UpstreamPool.Instance third = pool.instances().get(2);
        pool.takeOut(pool.instances().get(1), "connection refused");
        for (int i = 0; i < 4; i++) {
            assertSame(third, pool.next(List.of(first)));
        }
        assertTrue(pool.anotherInRotation(List.of(first)));
        assertFalse(pool.anotherInRotation(List.of(first, third)));
        // Every instance in rotation tried: one of them again, as with a single instance.
        UpstreamPool.Instance again = pool.next(List.of(first, third));
        assertTrue(again == first || again == third);
    }

    @Test
    void withNoInstanceInRotationThereIsNoNext() {
        UpstreamPool pool = threeInstances();
        pool.instances().forEach(instance -> pool.takeOut(instance, "stopped"));
        assertFalse(pool.anyInRotation());
        assertNull(pool.next(List.of()));
    }

    @Test
    void oneUrlIsOneInstance() {
        UpstreamPool pool = UpstreamPool.of("legal-aid-service", List.of(URI.create("http://localhost:8084/base/")),
                List.of(URI.create("http://localhost:9084")));
        assertEquals(1, pool.instances().size());
        assertEquals("/base", pool.basePath());
        assertEquals(9084, pool.instances().get(0).management().port());
        assertSame(pool.instances().get(0), pool.next(List.of()));
        assertSame(pool.instances().get(0), pool.next(List.of(pool.instances().get(0))));
    }

    @Test
    void everyInstanceNeedsAManagementUrlAndTheSameBasePath() {
        IllegalArgumentException mismatch = assertThrows(IllegalArgumentException.class, () -> UpstreamPool.of(
                "station-service", List.of(URI.create("http://a:8081"), URI.create("http://b:8081")),
                List.of(URI.create("http://a:9081"))));
        assertTrue(mismatch.getMessage().contains("need as many management URLs"), mismatch.getMessage());
        assertThrows(IllegalArgumentException.class, () -> UpstreamPool.of("station-service",
                List.of(URI.create("http://a:8081/x"), URI.create("http://b:8081/y")),
                List.of(URI.create("http://a:9081"), URI.create("http://b:9081"))));
        assertThrows(IllegalArgumentException.class, () -> UpstreamPool.of("station-service", List.of(), List.of()));
    }
}
