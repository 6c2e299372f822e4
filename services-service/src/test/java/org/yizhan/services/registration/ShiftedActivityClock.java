package org.yizhan.services.registration;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import org.yizhan.services.service.activity.ActivityClock;

import java.time.Duration;
import java.time.Instant;

/**
 * The activity clock of the tests: the real time plus an offset a test may set, so that offers
 * expire and activities start without sleeping. Every test that shifts it resets it afterwards.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class ShiftedActivityClock extends ActivityClock {

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
