package org.yizhan.bench;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WrkTest {

    @Test
    void readsTheTotalsAndTheWholeDistributionTheScriptWrote() {
        Wrk.Result r = Wrk.parse(List.of("requests 1000", "duration_us 2000000", "non2xx 3", "socket_errors 1",
                "850 900", "1200 90", "25000 10"));
        assertEquals(1000, r.requests());
        assertEquals(3, r.non2xx());
        assertEquals(1, r.socketErrors());
        assertEquals(500.0, r.throughput(), 1e-9);
        assertEquals(1000, r.micros().getTotalCount());
        assertEquals(850, r.micros().getValueAtPercentile(50), 850 * 0.001);
        assertEquals(1200, r.micros().getValueAtPercentile(99), 1200 * 0.001);
        assertEquals(25000, r.micros().getMaxValue(), 25000 * 0.001);
    }

    @Test
    void slicesAddUpRequestsSecondsAndLatencies() {
        Wrk.Result a = Wrk.parse(List.of("requests 100", "duration_us 1000000", "non2xx 0", "socket_errors 0", "1000 100"));
        Wrk.Result b = Wrk.parse(List.of("requests 300", "duration_us 1000000", "non2xx 2", "socket_errors 0", "3000 300"));
        Wrk.Result sum = Wrk.Result.sum(List.of(a, b));
        assertEquals(400, sum.requests());
        assertEquals(2, sum.non2xx());
        assertEquals(200.0, sum.throughput(), 1e-9);
        assertEquals(3000, sum.micros().getValueAtPercentile(50), 3);
    }

    @Test
    void aRunWithoutTotalsIsAnError() {
        assertThrows(IllegalStateException.class, () -> Wrk.parse(List.of("850 900")));
    }

    @Test
    void theScriptCarriesTheRequestAsLuaStrings() {
        String script = Wrk.script(new Wrk.Request("POST", "/api/v1/stations/1/visits",
                Map.of("Authorization", "Bearer a.b.c"), "{\"code\":\"x\\y\",\n\"occupation\":\"COURIER\"}"),
                Path.of("/tmp/out file"));
        assertTrue(script.contains("wrk.method = \"POST\""), script);
        assertTrue(script.contains("wrk.body = \"{\\\"code\\\":\\\"x\\\\y\\\",\\n\\\"occupation\\\":\\\"COURIER\\\"}\""),
                script);
        assertTrue(script.contains("wrk.headers[\"Authorization\"] = \"Bearer a.b.c\""), script);
        assertTrue(script.contains("io.open(\"/tmp/out file\", \"w\")"), script);
    }
}
