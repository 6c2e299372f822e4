package org.yizhan.gateway;

import org.junit.jupiter.api.Test;

import java.net.URI;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class UpstreamTest {

    @Test
    void aPlainUrlGivesHostPortAndNoBasePath() {
        assertEquals(new Upstream("s", "station-service", 8081, false, ""),
                Upstream.of("s", URI.create("http://station-service:8081")));
        assertEquals(new Upstream("s", "station-service", 8081, false, ""),
                Upstream.of("s", URI.create("http://station-service:8081/")));
    }

    @Test
    void schemeDefaultsPortsAndABasePathAreUnderstood() {
        assertEquals(new Upstream("s", "svc.example.cn", 443, true, "/yizhan"),
                Upstream.of("s", URI.create("https://svc.example.cn/yizhan/")));
        assertEquals(new Upstream("s", "svc", 80, false, ""), Upstream.of("s", URI.create("http://svc")));
        assertEquals(new Upstream("s", "::1", 8084, false, ""), Upstream.of("s", URI.create("http://[::1]:8084")));
    }

    @Test
    void unusableUrlsAreRefusedAtStartup() {
        assertThrows(IllegalArgumentException.class, () -> Upstream.of("s", URI.create("ftp://svc:21")));
        assertThrows(IllegalArgumentException.class, () -> Upstream.of("s", URI.create("localhost:8081")));
        assertThrows(IllegalArgumentException.class, () -> Upstream.of("s", URI.create("http://svc:8081/?x=1")));
    }
}
