package org.yizhan.station.domain.hours;

import java.util.Objects;

/** A weekly schedule that replaces the regular one on the dates of its validity window (e.g. summer hours). */
public record SeasonalSchedule(ValidityWindow validity, WeeklySchedule schedule) {

    public SeasonalSchedule {
        Objects.requireNonNull(validity, "validity must not be null");
        Objects.requireNonNull(schedule, "schedule must not be null");
    }
}
