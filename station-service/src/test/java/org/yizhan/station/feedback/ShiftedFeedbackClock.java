package org.yizhan.station.feedback;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import org.yizhan.station.service.feedback.FeedbackClock;

import java.time.Duration;
import java.time.Instant;

/**
 * The feedback clock of the tests: the real time plus an offset a test may set, so that
 * deadlines can pass without sleeping. Only ratings and complaints read it; every test that
 * shifts it resets it afterwards.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class ShiftedFeedbackClock extends FeedbackClock {

    private volatile Duration offset = Duration.ZERO;

    @Override
    public Instant now() {
        return super.now().plus(offset);
    }

    /** From now on, "now" is this much later than the real time. */
    public void shift(Duration by) {
        offset = by;
    }

    public void reset() {
        offset = Duration.ZERO;
    }
}
