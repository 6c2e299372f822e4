package org.yizhan.station.service.award;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import org.yizhan.station.domain.award.AwardParameters;

import java.math.BigDecimal;
import java.time.ZoneId;

/** Targets and priors of the award score, and its calendar; every property has a default. */
@ConfigMapping(prefix = "yizhan.awards")
public interface AwardSettings {

    /** Visits per seat and open day at which the usage criterion reaches full marks. */
    @WithDefault("1.0")
    BigDecimal visitsPerSeatPerOpenDay();

    /** Completed activities in a year for full marks on activities hosted. */
    @WithDefault("12")
    int activitiesTarget();

    /** The stars a station is assumed to have before its own ratings count (Bayesian prior mean). */
    @WithDefault("3.5")
    BigDecimal ratingPriorMean();

    /** How many ratings the prior is worth. */
    @WithDefault("10")
    int ratingPriorWeight();

    /** Share of the hours-kept criterion lost per upheld CLOSED_DURING_HOURS complaint. */
    @WithDefault("0.25")
    BigDecimal closedDuringHoursPenalty();

    /** The first year that can be scored or awarded. */
    @WithDefault("2020")
    int firstYear();

    /** Whose calendar years, days and activity start dates are counted in. */
    @WithDefault("Asia/Shanghai")
    ZoneId timeZone();

    /** The parameters as the score model takes them (checked there). */
    default AwardParameters parameters() {
        return new AwardParameters(visitsPerSeatPerOpenDay(), activitiesTarget(), ratingPriorMean(),
                ratingPriorWeight(), closedDuringHoursPenalty());
    }
}
