package org.yizhan.services.service.activity;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * "Now" for registrations, offers and check-ins: offer deadlines, whether an activity has started
 * and the check-in window all ask here, so that tests can move time with an alternative bean
 * instead of sleeping.
 */
@ApplicationScoped
public class ActivityClock {

    private final Clock clock = Clock.systemUTC();

    /** The current instant, in microseconds (what PostgreSQL keeps). */
    public Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
