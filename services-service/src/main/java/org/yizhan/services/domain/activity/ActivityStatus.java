package org.yizhan.services.domain.activity;

/**
 * Where an activity is in its life: DRAFT (only its organisers see it) → PUBLISHED (workers see
 * it and register) → COMPLETED (it took place; attendance is known) or CANCELLED (with a reason).
 */
public enum ActivityStatus {
    DRAFT,
    PUBLISHED,
    CANCELLED,
    COMPLETED;

    /** Whether an activity in this status may move to {@code next}. */
    public boolean canBecome(ActivityStatus next) {
        return switch (this) {
            case DRAFT -> next == PUBLISHED || next == CANCELLED;
            case PUBLISHED -> next == CANCELLED || next == COMPLETED;
            case CANCELLED, COMPLETED -> false;
        };
    }
}
