package org.yizhan.legalaid.domain.relief;

/**
 * Where a relief application stands: SUBMITTED, then GRANTED (one approval at or below the
 * threshold) or APPROVED_ONCE (above it, waiting for a second approver) and then GRANTED; PAID when
 * the payments reach the amount granted. REJECTED with a reason from SUBMITTED or APPROVED_ONCE.
 */
public enum ReliefStatus {
    SUBMITTED,
    APPROVED_ONCE,
    GRANTED,
    PAID,
    REJECTED;

    /** Whether a reviewer can still approve or reject. */
    public boolean inReview() {
        return this == SUBMITTED || this == APPROVED_ONCE;
    }
}
