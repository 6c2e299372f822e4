package org.yizhan.station.domain.feedback;

import java.time.Duration;

/** What a complaint is about. */
public enum ComplaintCategory {
    /** An amenity (water, microwave, charging, ...) does not work; names the amenity. */
    AMENITY_BROKEN,
    /** The station was closed during its stated opening hours. */
    CLOSED_DURING_HOURS,
    DIRTY,
    STAFF_CONDUCT,
    /** A danger to people; answered sooner. */
    SAFETY,
    OTHER;

    /** Whether a complaint of this category must name the amenity. */
    public boolean needsAmenity() {
        return this == AMENITY_BROKEN;
    }

    /** Whether a complaint of this category must describe what happened. */
    public boolean needsDescription() {
        return this == OTHER;
    }

    /** The time a manager has to answer a complaint of this category. */
    public Duration responseTime(Duration normal, Duration safety) {
        return this == SAFETY ? safety : normal;
    }
}
