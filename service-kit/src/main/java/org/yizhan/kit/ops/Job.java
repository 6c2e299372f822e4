package org.yizhan.kit.ops;

/**
 * The scheduled jobs that change data or send things, each with the PostgreSQL advisory lock that
 * lets one instance of a service run it at a time (ADR 0025). A lock id is its job's short name in
 * ASCII, so that {@code pg_locks} shows which job holds it ({@code objid} is the low 4 bytes); every
 * id is unique, and none is the outbox relay's ({@code "outbox"}, 0x6f7574626f78). A job of another
 * service may share a value: each service has a database of its own.
 *
 * <p>Jobs that only read (the event flow gauges) run on every instance and have no entry here.
 */
public enum Job {

    /** Outbox, inbox and dead-letter retention, every service ("purge"). */
    EVENT_RETENTION_PURGE(0x7075726765L),
    /** Idempotency-Keys past their retention, every service ("idemkeys"). */
    IDEMPOTENCY_KEY_PURGE(0x6964656d6b657973L),
    /** services-service: waitlist offers nobody confirmed in time ("offerexp"). */
    OFFER_EXPIRY(0x6f66666572657870L),
    /** health-checkup-service: holds never confirmed, then the waitlists ("holdexp"). */
    HOLD_EXPIRY(0x686f6c64657870L),
    /** health-checkup-service: appointment.reminder_due 48 h and 2 h before ("reminder"). */
    REMINDERS(0x72656d696e646572L),
    /** health-checkup-service: booked appointments nobody came to ("noshow"). */
    NO_SHOWS(0x6e6f73686f77L),
    /** health-checkup-service: personal data erased after the retention period ("erasepii"). */
    PERSONAL_DATA_RETENTION(0x6572617365706969L),
    /** station-service: the search week derived from stations' opening hours ("openweek"). */
    OPEN_WEEK_BACKFILL(0x6f70656e7765656bL);

    private final long lockId;

    Job(long lockId) {
        this.lockId = lockId;
    }

    /** The key of the job's {@code pg_try_advisory_xact_lock}. */
    public long lockId() {
        return lockId;
    }
}
