package org.yizhan.checkup.service.onsite;

import java.util.UUID;

/** What became of one scanned pass of an upload. */
public record ScanOutcome(int index, Result result, Reason reason, UUID appointmentId) {

    public enum Result {
        /** The appointment is now arrived. */
        REDEEMED,
        /** The same scan (pass and time) was uploaded before; nothing changed. */
        DUPLICATE,
        /** Not counted; see the reason. */
        REJECTED
    }

    public enum Reason {
        /** Not a checkup pass of this service, or altered. */
        INVALID_PASS,
        /** The appointment is at another clinic's site. */
        OTHER_CLINIC,
        /** The appointment is not booked (waiting, held, cancelled). */
        NOT_BOOKED,
        /** The pass was already redeemed by another scan. */
        ALREADY_REDEEMED,
        /** Scanned long before or after the slot. */
        OUTSIDE_WINDOW,
        /** The device's time is ahead of the server's. */
        SCANNED_IN_FUTURE
    }

    static ScanOutcome rejected(int index, Reason reason, UUID appointmentId) {
        return new ScanOutcome(index, Result.REJECTED, reason, appointmentId);
    }
}
