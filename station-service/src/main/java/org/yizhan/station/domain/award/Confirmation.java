package org.yizhan.station.domain.award;

/**
 * Where a pushed activity stands with the station (ADR 0013): it counts toward the award score
 * only when {@code CONFIRMED}.
 */
public enum Confirmation {
    /** Waits for the station's manager or a union admin. */
    PENDING,
    /** Confirmed: it counts. */
    CONFIRMED,
    /** Rejected: it does not count (it can be confirmed later). */
    REJECTED
}
