package org.yizhan.station.award;

import org.junit.jupiter.api.Test;
import org.yizhan.station.domain.StationStatus;
import org.yizhan.station.domain.award.AwardInputs;
import org.yizhan.station.domain.award.AwardParameters;
import org.yizhan.station.domain.award.AwardScore;
import org.yizhan.station.domain.award.Criterion;
import org.yizhan.station.domain.award.Ineligibility;
import org.yizhan.station.domain.standards.ComplianceStatus;
import org.yizhan.station.domain.standards.Tier;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The award score's arithmetic, exactly (the README's worked example is the first test). */
class AwardScoreTest {

    static final AwardParameters DEFAULTS = AwardParameters.defaults();

    /** The README example: a standard station with a middling year. */
    static AwardInputs example() {
        return new AwardInputs(Tier.STANDARD, 2, 1,
                4500, 20, 300,
                6, 5, 73, 365,
                9, 180,
                50, 240,
                4, 4, 3,
                1);
    }

    static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    @Test
    void theWeightsSumTo100() {
        assertEquals(100, Arrays.stream(Criterion.values()).mapToInt(Criterion::weight).sum());
    }

    @Test
    void theWorkedExampleAddsUpToTheCent() {
        AwardScore.Result r = AwardScore.compute(example(), DEFAULTS);

        // (0.7 + 1/2) / 2 = 0.6 → 12.00
        assertEquals(d("0.6000"), r.line(Criterion.COMPLIANCE).normalised());
        assertEquals(d("12.00"), r.line(Criterion.COMPLIANCE).points());
        // 4500 / (20 × 300) = 0.75 per seat and open day, target 1 → 15.00
        assertEquals(d("0.7500"), r.line(Criterion.USAGE).normalised());
        assertEquals(d("15.00"), r.line(Criterion.USAGE).points());
        assertEquals(d("0.7500"), r.line(Criterion.USAGE).inputs().get("visitsPerSeatPerOpenDay"));
        // 1 − 73 / (6 × 365) = 0.96666… → 14.50
        assertEquals(d("0.9667"), r.line(Criterion.AMENITIES).normalised());
        assertEquals(d("14.50"), r.line(Criterion.AMENITIES).points());
        // 9 / 12 → 11.25
        assertEquals(d("11.25"), r.line(Criterion.ACTIVITIES).points());
        // (10 × 3.5 + 240) / 60 = 4.58333…; (4.58333… − 1) / 4 = 0.895833… → 8.96
        assertEquals(d("4.5833"), r.line(Criterion.RATINGS).inputs().get("bayesianMean"));
        assertEquals(d("4.80"), r.line(Criterion.RATINGS).inputs().get("mean"));
        assertEquals(d("0.8958"), r.line(Criterion.RATINGS).normalised());
        assertEquals(d("8.96"), r.line(Criterion.RATINGS).points());
        // 3 of 4 answered in time → 7.50
        assertEquals(d("7.50"), r.line(Criterion.COMPLAINT_HANDLING).points());
        // 1 upheld closed-during-hours complaint: 1 − 0.25 → 7.50
        assertEquals(d("7.50"), r.line(Criterion.HOURS_KEPT).points());

        assertEquals(d("76.71"), r.total());
        assertEquals(r.total(), r.lines().stream().map(AwardScore.Line::points).reduce(BigDecimal.ZERO, BigDecimal::add));
        assertEquals(List.of(Criterion.values()), r.lines().stream().map(AwardScore.Line::criterion).toList());
    }

    @Test
    void oneFiveStarRatingDoesNotBeatFiftyRatingsOf4Point8() {
        AwardInputs one = withRatings(1, 5);
        AwardInputs fifty = withRatings(50, 240);
        BigDecimal onePoints = AwardScore.compute(one, DEFAULTS).line(Criterion.RATINGS).points();
        BigDecimal fiftyPoints = AwardScore.compute(fifty, DEFAULTS).line(Criterion.RATINGS).points();
        // (35 + 5) / 11 = 3.6363…; (3.6363… − 1) / 4 = 0.659090… → 6.59 (6.60 if the 0.66 shown were used)
        assertEquals(d("6.59"), onePoints);
        assertEquals(d("8.96"), fiftyPoints);
        assertTrue(fiftyPoints.compareTo(onePoints) > 0);
        // No ratings: the prior alone, (3.5 − 1) / 4 = 0.625 → 6.25
        assertEquals(d("6.25"), AwardScore.compute(withRatings(0, 0), DEFAULTS).line(Criterion.RATINGS).points());
    }

    @Test
    void roundingHappensOnlyAtTheEndOfEachCriterion() {
        // 1 of 3 complaints answered in time: 10 × 0.3333… = 3.33; the shown 0.3333 times 10 would also be
        // 3.33, so take 2 of 3: 6.666… → 6.67 (half-up), not 6.66 (truncated).
        AwardInputs in = new AwardInputs(Tier.DEMONSTRATION, 3, 2, 0, 10, 100, 1, 1, 0, 100,
                0, 0, 0, 0, 3, 3, 2, 0);
        AwardScore.Result r = AwardScore.compute(in, DEFAULTS);
        assertEquals(d("6.67"), r.line(Criterion.COMPLAINT_HANDLING).points());
        assertEquals(d("0.6667"), r.line(Criterion.COMPLAINT_HANDLING).normalised());
        // Compliance (1 + 2/3) / 2 = 0.8333… → 16.67
        assertEquals(d("16.67"), r.line(Criterion.COMPLIANCE).points());
        // 16.67 + 0 + 15 + 0 + 6.25 + 6.67 + 10
        assertEquals(d("54.59"), r.total());
    }

    @Test
    void usageAndActivitiesAreCappedAtTheirTargets() {
        AwardInputs busy = new AwardInputs(Tier.STANDARD, 1, 1, 100_000, 10, 200, 0, 0, 0, 200,
                40, 900, 0, 0, 0, 0, 0, 0);
        AwardScore.Result r = AwardScore.compute(busy, DEFAULTS);
        assertEquals(d("20.00"), r.line(Criterion.USAGE).points());
        assertEquals(d("50.0000"), r.line(Criterion.USAGE).inputs().get("visitsPerSeatPerOpenDay"));
        assertEquals(d("15.00"), r.line(Criterion.ACTIVITIES).points());
        // A higher target lowers the share: 40 / 50 → 12.00; 100000 / 2000 / 100 → 0.5 → 10.00
        AwardParameters strict = new AwardParameters(d("100"), 50, d("3.5"), 10, d("0.25"));
        AwardScore.Result s = AwardScore.compute(busy, strict);
        assertEquals(d("12.00"), s.line(Criterion.ACTIVITIES).points());
        assertEquals(d("10.00"), s.line(Criterion.USAGE).points());
    }

    @Test
    void whatCannotBeMeasuredIsExplainedAndScoredAsTheRulesSay() {
        // No seats recorded, no amenities, no inspection in the year, no complaints, no activities.
        AwardInputs bare = new AwardInputs(Tier.BASIC, 0, 0, 500, null, 300, 0, 0, 0, 300,
                0, 0, 0, 0, 0, 0, 0, 0);
        AwardScore.Result r = AwardScore.compute(bare, DEFAULTS);
        assertEquals(d("0.00"), r.line(Criterion.USAGE).points());
        assertEquals(null, r.line(Criterion.USAGE).inputs().get("visitsPerSeatPerOpenDay"));
        assertEquals(d("0.00"), r.line(Criterion.AMENITIES).points());
        assertEquals(d("0.00"), r.line(Criterion.COMPLIANCE).points());
        assertEquals(d("10.00"), r.line(Criterion.COMPLAINT_HANDLING).points());
        assertEquals(d("10.00"), r.line(Criterion.HOURS_KEPT).points());
        assertEquals(d("26.25"), r.total());
    }

    @Test
    void upheldClosedDuringHoursComplaintsCostAQuarterEachDownToZero() {
        for (int upheld = 0; upheld <= 6; upheld++) {
            AwardInputs in = new AwardInputs(Tier.BASIC, 0, 0, 0, null, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, upheld);
            BigDecimal expected = BigDecimal.valueOf(Math.max(0, 10 - 2.5 * upheld)).setScale(2);
            assertEquals(expected, AwardScore.compute(in, DEFAULTS).line(Criterion.HOURS_KEPT).points(), "upheld " + upheld);
        }
    }

    @Test
    void brokenAmenitiesAreProRatedByTheDaysTheyWereOutOfOrder() {
        // 4 amenities over 200 days; one out of order for 50 days: 1 − 50/800 = 0.9375 → 14.0625 → 14.06
        AwardInputs in = new AwardInputs(Tier.BASIC, 0, 0, 0, null, 0, 4, 3, 50, 200, 0, 0, 0, 0, 0, 0, 0, 0);
        assertEquals(d("14.06"), AwardScore.compute(in, DEFAULTS).line(Criterion.AMENITIES).points());
        assertEquals(d("0.9375"), AwardScore.compute(in, DEFAULTS).line(Criterion.AMENITIES).normalised());
    }

    @Test
    void inconsistentInputsAndParametersAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new AwardInputs(Tier.BASIC, 1, 2, 0, null, 0, 0, 0, 0, 0,
                0, 0, 0, 0, 0, 0, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new AwardInputs(Tier.BASIC, 0, 0, -1, null, 0, 0, 0, 0, 0,
                0, 0, 0, 0, 0, 0, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new AwardParameters(BigDecimal.ZERO, 12, d("3.5"), 10, d("0.25")));
        assertThrows(IllegalArgumentException.class, () -> new AwardParameters(BigDecimal.ONE, 12, d("6"), 10, d("0.25")));
        assertThrows(IllegalArgumentException.class, () -> new AwardParameters(BigDecimal.ONE, 0, d("3.5"), 10, d("0.25")));
    }

    @Test
    void onlyActiveCompliantStationsAreEligible() {
        assertEquals(List.of(), Ineligibility.of(StationStatus.ACTIVE, ComplianceStatus.COMPLIANT));
        assertEquals(List.of(Ineligibility.NON_COMPLIANT), Ineligibility.of(StationStatus.ACTIVE, ComplianceStatus.NON_COMPLIANT));
        assertEquals(List.of(Ineligibility.OVERDUE), Ineligibility.of(StationStatus.ACTIVE, ComplianceStatus.OVERDUE));
        assertEquals(List.of(Ineligibility.NOT_ACTIVE, Ineligibility.NOT_INSPECTED),
                Ineligibility.of(StationStatus.TEMPORARILY_CLOSED, ComplianceStatus.NOT_INSPECTED));
    }

    static AwardInputs withRatings(int ratings, long starsSum) {
        return new AwardInputs(Tier.BASIC, 0, 0, 0, null, 0, 0, 0, 0, 0, 0, 0, ratings, starsSum, 0, 0, 0, 0);
    }
}
