package org.yizhan.station.service.feedback;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * "Now" for ratings and complaints: deadlines, the overdue queue, the visit window and the
 * occurredAt checks all ask here, so that tests can move time with an alternative bean instead
 * of sleeping. A wrapper rather than a plain {@link Clock} bean, so that it cannot clash with a
 * {@code Clock} bean another part of the service may produce.
 */
@ApplicationScoped
public class FeedbackClock {

    private final Clock clock = Clock.systemUTC();

    /** The current instant, in microseconds (what PostgreSQL keeps, so cursors survive a round trip). */
    public Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
