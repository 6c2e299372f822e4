package org.yizhan.services.domain.registration;

/** How someone came to an activity: ATTENDED with a place (registered or offered), or WALK_IN without. */
public enum AttendanceKind {
    ATTENDED,
    WALK_IN
}
