package org.yizhan.kit.inbox;

import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PartitionStallsTest {

    static final TopicPartition P0 = new TopicPartition("t", 0);
    static final TopicPartition P1 = new TopicPartition("t", 1);
    static final Instant T0 = Instant.parse("2026-12-01T00:00:00Z");

    final PartitionStalls stalls = new PartitionStalls(Duration.ofMillis(250), Duration.ofSeconds(15));

    @Test
    void theBackoffDoublesUpToItsCap() {
        assertEquals(Duration.ofMillis(250), stalls.backoff(1));
        assertEquals(Duration.ofMillis(500), stalls.backoff(2));
        assertEquals(Duration.ofSeconds(8), stalls.backoff(6));
        assertEquals(Duration.ofSeconds(15), stalls.backoff(7));
        assertEquals(Duration.ofSeconds(15), stalls.backoff(1_000));
    }

    @Test
    void attemptsCountPerRecordAndTheStallKeepsItsStart() {
        stalls.failed(P0, 10, FailureKind.TRANSIENT, "PSQLException", T0);
        Instant retryAt = stalls.failed(P0, 10, FailureKind.TRANSIENT, "PSQLException", T0.plusSeconds(1));
        assertEquals(2, stalls.failedAttempts(P0, 10));
        assertEquals(0, stalls.failedAttempts(P0, 11), "another record starts afresh");
        assertEquals(T0.plusSeconds(1).plusMillis(500), retryAt);
        PartitionStall stall = stalls.snapshot().get(0);
        assertEquals(T0, stall.since());
        assertEquals("PSQLException", stall.errorType());
    }

    @Test
    void aPartitionIsDueOnceItsPauseIsOverAndOnlyOnce() {
        stalls.failed(P0, 10, FailureKind.TRANSIENT, "X", T0);
        stalls.failed(P1, 5, FailureKind.UNKNOWN, "Y", T0.plusSeconds(5));
        assertEquals(List.of(), stalls.due(T0.plusMillis(100)));
        assertEquals(Duration.ofMillis(150), stalls.untilNextRetry(T0.plusMillis(100), Duration.ofMillis(500)));
        assertEquals(List.of(P0), stalls.due(T0.plusMillis(250)));
        assertEquals(List.of(), stalls.due(T0.plusMillis(300)), "resumed already");
        assertEquals(Duration.ofMillis(500), stalls.untilNextRetry(T0.plusMillis(300), Duration.ofMillis(500)),
                "P1 waits 250 ms from T0 + 5 s");
        assertTrue(stalls.isStalled(P0), "stalled until a record goes through");
        stalls.cleared(P0);
        assertFalse(stalls.isStalled(P0));
        stalls.forget(List.of(P1));
        assertEquals(List.of(), stalls.snapshot());
    }
}
