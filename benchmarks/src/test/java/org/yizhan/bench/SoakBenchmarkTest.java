package org.yizhan.bench;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The soak's readings: heap in use from {@code jcmd GC.heap_info}, and what counts as flat. */
class SoakBenchmarkTest {

    @Test
    void heapInUseIsYoungPlusOldWithoutMetaspace() {
        String parallel = """
                19053:
                 PSYoungGen      total 70144K, used 1747K [0x00000000fab00000, 0x0000000100000000, 0x0000000100000000)
                  eden space 65536K, 2% used [0x00000000fab00000,0x00000000facb4ea8,0x00000000feb00000)
                  from space 4608K, 0% used [0x00000000feb00000,0x00000000feb00000,0x00000000fef80000)
                  to   space 11264K, 0% used [0x00000000ff500000,0x00000000ff500000,0x0000000100000000)
                 ParOldGen       total 175104K, used 20691K [0x00000000f0000000, 0x00000000fab00000, 0x00000000fab00000)
                  object space 175104K, 11% used [0x00000000f0000000,0x00000000f1434cb0,0x00000000fab00000)
                 Metaspace       used 59170K, committed 59776K, reserved 1114112K
                  class space    used 7991K, committed 8320K, reserved 1048576K
                """;
        assertEquals((1747 + 20691) / 1024.0, SoakBenchmark.heapUsedMib(parallel), 1e-9);
        String g1 = """
                42:
                 garbage-first heap   total 262144K, used 12288K [0x00000000f0000000, 0x0000000100000000)
                  region size 1024K, 3 young (3072K), 0 survivors (0K)
                 Metaspace       used 45678K, committed 46000K, reserved 1089536K
                """;
        assertEquals(12.0, SoakBenchmark.heapUsedMib(g1), 1e-9);
        assertThrows(IllegalArgumentException.class, () -> SoakBenchmark.heapUsedMib("19053:\nno such process"));
    }

    @Test
    void flatMeansTheLastThreeMinutesWithinTenPercentOfMinutesTwoToFour() {
        // Minutes 2-4 average 100; the last three 109 (+9 %): flat; 111 (+11 %): not flat.
        assertTrue(SoakBenchmark.flatness(List.of(50.0, 100.0, 100.0, 100.0, 105.0, 109.0, 109.0, 109.0))
                .endsWith(", flat"));
        assertTrue(SoakBenchmark.flatness(List.of(50.0, 100.0, 100.0, 100.0, 105.0, 111.0, 111.0, 111.0))
                .endsWith("**not flat**"));
        // Shrinking counts too: memory that drops by a fifth is not steady either.
        assertTrue(SoakBenchmark.flatness(List.of(50.0, 100.0, 100.0, 100.0, 90.0, 80.0, 80.0, 80.0))
                .endsWith("**not flat**"));
        // Minute 1 (warm-up) does not count; a reading that failed (-1) is left out of the means.
        assertTrue(SoakBenchmark.flatness(List.of(500.0, 100.0, -1.0, 100.0, 100.0, 100.0, 100.0))
                .endsWith(", flat"));
        assertTrue(SoakBenchmark.flatness(List.of(100.0, 100.0, 100.0, 100.0, 100.0, 100.0))
                .contains("not judged"));
    }
}
