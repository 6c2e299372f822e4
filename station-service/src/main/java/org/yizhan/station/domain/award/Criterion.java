package org.yizhan.station.domain.award;

/**
 * The seven criteria of the yearly award score (最美站点) and their weights, which sum to 100.
 * Standards and use carry the most weight because a station exists to meet the standard and be
 * used by workers; what works there and what is held there come next; the three criteria fed by
 * workers' feedback share the remaining 30 points, since few ratings or complaints make them noisy.
 */
public enum Criterion {
    COMPLIANCE(20, "规范达标", "Standards compliance",
            "(tierValue + passedInspections / officialInspections) / 2; tierValue DEMONSTRATION 1, STANDARD 0.7, BASIC 0; no official inspection in the year: share 0"),
    USAGE(20, "使用率", "Usage relative to capacity",
            "min(1, visits / (seats × openDays) / target); no seats recorded: 0"),
    AMENITIES(15, "设施完好", "Amenities working",
            "1 − amenityDaysOutOfOrder / (amenities × daysInPeriod); no amenities: 0"),
    ACTIVITIES(15, "活动开展", "Activities hosted",
            "min(1, completedActivities / target)"),
    RATINGS(10, "工友评价", "Ratings",
            "(bayesianMean − 1) / 4, bayesianMean = (priorWeight × priorMean + starsSum) / (priorWeight + ratings)"),
    COMPLAINT_HANDLING(10, "投诉处理", "Complaint handling",
            "answeredInTime / complaintsDue; no complaint due: 1"),
    HOURS_KEPT(10, "按时开放", "Hours kept",
            "max(0, 1 − penalty × upheldClosedDuringHours)");

    private final int weight;
    private final String nameZh;
    private final String nameEn;
    private final String formula;

    Criterion(int weight, String nameZh, String nameEn, String formula) {
        this.weight = weight;
        this.nameZh = nameZh;
        this.nameEn = nameEn;
        this.formula = formula;
    }

    /** Points for a normalised value of 1. */
    public int weight() {
        return weight;
    }

    public String nameZh() {
        return nameZh;
    }

    public String nameEn() {
        return nameEn;
    }

    /** How the normalised value follows from the inputs. */
    public String formula() {
        return formula;
    }
}
