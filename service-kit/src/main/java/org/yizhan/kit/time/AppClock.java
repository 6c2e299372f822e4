package org.yizhan.kit.time;

import io.quarkus.runtime.LaunchMode;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * The one source of "now" for every service: deadlines, windows, expiries, snapshots and event
 * times all ask here. In tests it can be moved ({@link #shift}) so that offers expire and
 * activities start without waiting; in production it is the system clock and cannot be moved.
 */
@ApplicationScoped
public class AppClock {

    private final boolean movable;
    private volatile Duration offset = Duration.ZERO;

    public AppClock() {
        this(LaunchMode.current() != LaunchMode.NORMAL);
    }

    AppClock(boolean movable) {
        this.movable = movable;
    }

    /** The current instant in microseconds, what PostgreSQL keeps (so cursors survive a round trip). */
    public Instant now() {
        return Instant.now().plus(offset).truncatedTo(ChronoUnit.MICROS);
    }

    /** Today's date in {@code zone}. */
    public LocalDate today(ZoneId zone) {
        return LocalDate.ofInstant(now(), zone);
    }

    /** A {@link Clock} in UTC that follows this one, for APIs that take a {@code Clock}. */
    public Clock clock() {
        return new Following(ZoneOffset.UTC);
    }

    /**
     * From now on, "now" is {@code by} later than the real time (test and dev mode only).
     *
     * @throws IllegalStateException in production
     */
    public void shift(Duration by) {
        if (!movable) {
            throw new IllegalStateException("the clock cannot be moved in production");
        }
        offset = by;
    }

    /** Back to the real time. */
    public void reset() {
        offset = Duration.ZERO;
    }

    private final class Following extends Clock {

        private final ZoneId zone;

        private Following(ZoneId zone) {
            this.zone = zone;
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId other) {
            return new Following(other);
        }

        @Override
        public Instant instant() {
            return now();
        }
    }
}
