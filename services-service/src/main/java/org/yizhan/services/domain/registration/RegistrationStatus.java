package org.yizhan.services.domain.registration;

/**
 * Where a worker's registration is: REGISTERED holds a place; WAITLISTED waits for one; OFFERED
 * was promoted from the waitlist and holds a place until {@code confirmBy}. The others are ended:
 * CANCELLED (by the worker, or with the activity), EXPIRED (an offer not confirmed in time, or a
 * waitlist place the activity ended without), NO_SHOW (registered but never checked in).
 */
public enum RegistrationStatus {
    REGISTERED,
    WAITLISTED,
    OFFERED,
    CANCELLED,
    EXPIRED,
    NO_SHOW;

    /** Whether the registration is still live (at most one live registration per worker and activity). */
    public boolean isLive() {
        return this == REGISTERED || this == WAITLISTED || this == OFFERED;
    }

    /** Whether it takes one of the activity's places. */
    public boolean holdsPlace() {
        return this == REGISTERED || this == OFFERED;
    }
}
