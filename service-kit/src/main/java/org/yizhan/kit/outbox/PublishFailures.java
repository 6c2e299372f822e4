package org.yizhan.kit.outbox;

import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.InvalidTimestampException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;

import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Tells a message that Kafka refuses for good (too large, invalid topic, ...) from a Kafka that
 * is away or busy. Only the first kind counts toward parking a message; anything else, known or
 * not, is retried with backoff for as long as it takes (ADR 0011).
 */
final class PublishFailures {

    private PublishFailures() {
    }

    /** Whether {@code failure} (or a cause of it) says that Kafka will never take this record. */
    static boolean refusedForGood(Throwable failure) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable t = failure; t != null && seen.put(t, Boolean.TRUE) == null; t = t.getCause()) {
            if (t instanceof RecordTooLargeException || t instanceof RecordBatchTooLargeException
                    || t instanceof InvalidTopicException || t instanceof SerializationException
                    || t instanceof InvalidRecordException || t instanceof InvalidTimestampException) {
                return true;
            }
        }
        return false;
    }

    /** The type of the innermost exception, which is what the message's {@code last_error} keeps. */
    static String describe(Throwable failure) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        Throwable root = failure;
        for (Throwable t = failure; t != null && seen.put(t, Boolean.TRUE) == null; t = t.getCause()) {
            root = t;
        }
        return root.getClass().getSimpleName();
    }
}
