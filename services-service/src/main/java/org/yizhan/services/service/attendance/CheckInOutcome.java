package org.yizhan.services.service.attendance;

import org.yizhan.services.domain.registration.AttendanceKind;

/**
 * What became of one scanned pass of an upload: COUNTED (attendance recorded now), DUPLICATE (this
 * very scan was uploaded before and counts once) or REJECTED with a reason. {@code participant}
 * and {@code kind} are given whenever the pass could be read and someone is counted.
 */
public record CheckInOutcome(int index, Result result, RejectReason reason, String participant, AttendanceKind kind) {

    /** The three results of a scanned pass. */
    public enum Result {
        COUNTED,
        DUPLICATE,
        REJECTED
    }

    /** Why a scanned pass does not count. */
    public enum RejectReason {
        /** Not a pass, altered, or not signed by this service. */
        INVALID_PASS,
        /** A pass for another activity. */
        OTHER_ACTIVITY,
        /** Scanned after the pass's own expiry. */
        EXPIRED,
        /** scannedAt is not within [start − 1 h, end + 1 h] of the activity. */
        OUTSIDE_WINDOW,
        /** scannedAt is later than the upload (beyond a small allowance for device clocks). */
        SCANNED_IN_FUTURE,
        /** The same pass was counted already with a different scan time: it was shown again. */
        REPLAYED,
        /** The worker was counted already with another pass. */
        ALREADY_CHECKED_IN
    }

    static CheckInOutcome rejected(int index, RejectReason reason, String participant) {
        return new CheckInOutcome(index, Result.REJECTED, reason, participant, null);
    }
}
