package org.yizhan.station.domain.feedback;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a complaint stands. {@code OPEN -> IN_PROGRESS -> RESOLVED | REJECTED} or
 * {@code OPEN -> RESOLVED | REJECTED}; an {@code IN_PROGRESS} complaint may get further progress
 * answers; a closed one never changes again.
 */
public enum ComplaintStatus {
    OPEN,
    IN_PROGRESS,
    RESOLVED,
    REJECTED;

    /** Whether the complaint is finished. */
    public boolean isClosed() {
        return this == RESOLVED || this == REJECTED;
    }

    /** Whether an answer may move a complaint from this status to {@code next}. */
    public boolean mayBecome(ComplaintStatus next) {
        return allowedNext().contains(next);
    }

    /** The statuses an answer may move a complaint in this status to. */
    public Set<ComplaintStatus> allowedNext() {
        return switch (this) {
            case OPEN, IN_PROGRESS -> EnumSet.of(IN_PROGRESS, RESOLVED, REJECTED);
            case RESOLVED, REJECTED -> EnumSet.noneOf(ComplaintStatus.class);
        };
    }
}
