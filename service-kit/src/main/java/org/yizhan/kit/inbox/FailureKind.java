package org.yizhan.kit.inbox;

/** How the consumer treats a failure to read or apply an event (ADR 0011). */
public enum FailureKind {
    /** The event is fine but something it needs is away (database, Kafka): retried for as long as it takes. */
    TRANSIENT,
    /** The event itself is wrong (unreadable, not the contract): dead-lettered at once. */
    PERMANENT,
    /** Neither is known (most likely a bug): a few attempts, then dead-lettered, to be replayed after the fix. */
    UNKNOWN
}
