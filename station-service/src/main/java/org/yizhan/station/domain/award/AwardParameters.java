package org.yizhan.station.domain.award;

import java.math.BigDecimal;

/**
 * The targets and priors of the award score (configuration, see {@code yizhan.awards.*}).
 *
 * @param visitsPerSeatPerOpenDay usage at which USAGE reaches full marks
 * @param activitiesTarget        completed activities in the year for full ACTIVITIES marks
 * @param ratingPriorMean         the mean stars a station is assumed to have before its ratings
 * @param ratingPriorWeight       how many ratings the prior is worth
 * @param closedDuringHoursPenalty share of HOURS_KEPT lost per upheld "closed during hours" complaint
 */
public record AwardParameters(BigDecimal visitsPerSeatPerOpenDay, int activitiesTarget, BigDecimal ratingPriorMean,
                              int ratingPriorWeight, BigDecimal closedDuringHoursPenalty) {

    public AwardParameters {
        if (visitsPerSeatPerOpenDay == null || visitsPerSeatPerOpenDay.signum() <= 0) {
            throw new IllegalArgumentException("visitsPerSeatPerOpenDay must be positive");
        }
        if (activitiesTarget < 1) {
            throw new IllegalArgumentException("activitiesTarget must be positive");
        }
        if (ratingPriorMean == null || ratingPriorMean.compareTo(BigDecimal.ONE) < 0
                || ratingPriorMean.compareTo(BigDecimal.valueOf(5)) > 0) {
            throw new IllegalArgumentException("ratingPriorMean must be between 1 and 5");
        }
        if (ratingPriorWeight < 0) {
            throw new IllegalArgumentException("ratingPriorWeight must not be negative");
        }
        if (closedDuringHoursPenalty == null || closedDuringHoursPenalty.signum() < 0
                || closedDuringHoursPenalty.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("closedDuringHoursPenalty must be between 0 and 1");
        }
    }

    /** The defaults: 1 visit per seat and open day, 12 activities, prior 3.5 stars worth 10 ratings, 0.25 per upheld complaint. */
    public static AwardParameters defaults() {
        return new AwardParameters(BigDecimal.ONE, 12, new BigDecimal("3.5"), 10, new BigDecimal("0.25"));
    }
}
