package org.yizhan.kit.outbox;

import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.NetworkException;
import org.apache.kafka.common.errors.NotLeaderOrFollowerException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.junit.jupiter.api.Test;

import java.util.concurrent.ExecutionException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PublishFailuresTest {

    @Test
    void onlyWhatKafkaWillNeverTakeCountsTowardParking() {
        assertTrue(PublishFailures.refusedForGood(new ExecutionException(new RecordTooLargeException("too large"))));
        assertTrue(PublishFailures.refusedForGood(new InvalidTopicException("bad name")));
        assertFalse(PublishFailures.refusedForGood(new TimeoutException("Kafka away")));
        assertFalse(PublishFailures.refusedForGood(new NetworkException("disconnected")));
        assertFalse(PublishFailures.refusedForGood(new NotLeaderOrFollowerException("moving")));
        // Missing rights concern every message of the topic: fixed by an operator, never a reason to park.
        assertFalse(PublishFailures.refusedForGood(new TopicAuthorizationException("no write")));
        assertFalse(PublishFailures.refusedForGood(new IllegalStateException("unknown")));
    }

    @Test
    void theErrorKeptIsTheInnermostType() {
        assertEquals("RecordTooLargeException",
                PublishFailures.describe(new ExecutionException(new RecordTooLargeException("too large"))));
    }
}
