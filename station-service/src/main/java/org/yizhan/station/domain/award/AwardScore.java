package org.yizhan.station.domain.award;

import org.yizhan.station.domain.standards.Tier;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The yearly award score of a station: for each {@link Criterion} a normalised value in 0..1 from
 * the raw {@link AwardInputs}, times the weight. Pure: no clock, no database.
 *
 * <p>Arithmetic is in {@link BigDecimal} with 20 significant digits; nothing is rounded until a
 * criterion's points, which are rounded half-up to 2 decimals. The total is the sum of those
 * points, so the breakdown always adds up. The normalised value is shown rounded to 4 decimals,
 * for reading only.
 */
public final class AwardScore {

    /** One criterion's share of the score: the inputs it read, its normalised value, weight and points. */
    public record Line(Criterion criterion, Map<String, Object> inputs, BigDecimal normalised, int weight,
                       BigDecimal points) {
        public Line {
            inputs = Collections.unmodifiableMap(new LinkedHashMap<>(inputs));
        }
    }

    /** The whole score: one line per criterion, in {@link Criterion} order, and their sum. */
    public record Result(List<Line> lines, BigDecimal total) {
        public Result {
            lines = List.copyOf(lines);
        }

        public Line line(Criterion criterion) {
            return lines.stream().filter(l -> l.criterion() == criterion).findFirst().orElseThrow();
        }
    }

    static final MathContext MC = new MathContext(20, RoundingMode.HALF_UP);
    private static final BigDecimal TWO = BigDecimal.valueOf(2);
    private static final BigDecimal FOUR = BigDecimal.valueOf(4);

    private AwardScore() {
    }

    /** How much a tier is worth in COMPLIANCE, before the share of passed inspections is added. */
    public static BigDecimal tierValue(Tier tier) {
        return switch (tier) {
            case DEMONSTRATION -> BigDecimal.ONE;
            case STANDARD -> new BigDecimal("0.7");
            case BASIC -> BigDecimal.ZERO;
        };
    }

    public static Result compute(AwardInputs in, AwardParameters p) {
        List<Line> lines = new ArrayList<>();
        lines.add(compliance(in));
        lines.add(usage(in, p));
        lines.add(amenities(in));
        lines.add(activities(in, p));
        lines.add(ratings(in, p));
        lines.add(complaintHandling(in));
        lines.add(hoursKept(in, p));
        BigDecimal total = lines.stream().map(Line::points).reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2);
        return new Result(lines, total);
    }

    private static Line compliance(AwardInputs in) {
        BigDecimal tierValue = tierValue(in.tier());
        BigDecimal share = in.officialInspections() == 0 ? BigDecimal.ZERO
                : ratio(in.passedInspections(), in.officialInspections());
        BigDecimal normalised = tierValue.add(share).divide(TWO, MC);
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("tier", in.tier().name());
        inputs.put("tierValue", tierValue);
        inputs.put("officialInspections", in.officialInspections());
        inputs.put("passedInspections", in.passedInspections());
        inputs.put("passedShare", display(share));
        return line(Criterion.COMPLIANCE, inputs, normalised);
    }

    private static Line usage(AwardInputs in, AwardParameters p) {
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("visits", in.visits());
        inputs.put("seats", in.seats());
        inputs.put("openDays", in.openDays());
        inputs.put("target", p.visitsPerSeatPerOpenDay());
        BigDecimal normalised = BigDecimal.ZERO;
        if (in.seats() != null && in.seats() > 0 && in.openDays() > 0) {
            BigDecimal perSeatPerDay = BigDecimal.valueOf(in.visits())
                    .divide(BigDecimal.valueOf((long) in.seats() * in.openDays()), MC);
            inputs.put("visitsPerSeatPerOpenDay", display(perSeatPerDay));
            normalised = capped(perSeatPerDay.divide(p.visitsPerSeatPerOpenDay(), MC));
        } else {
            inputs.put("visitsPerSeatPerOpenDay", null);
        }
        return line(Criterion.USAGE, inputs, normalised);
    }

    private static Line amenities(AwardInputs in) {
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("amenities", in.amenities());
        inputs.put("workingNow", in.amenitiesWorkingNow());
        inputs.put("amenityDaysOutOfOrder", in.amenityDaysOutOfOrder());
        inputs.put("daysInPeriod", in.daysInPeriod());
        BigDecimal normalised = BigDecimal.ZERO;
        if (in.amenities() > 0 && in.daysInPeriod() > 0) {
            BigDecimal amenityDays = BigDecimal.valueOf((long) in.amenities() * in.daysInPeriod());
            normalised = BigDecimal.ONE.subtract(BigDecimal.valueOf(in.amenityDaysOutOfOrder()).divide(amenityDays, MC))
                    .max(BigDecimal.ZERO);
        }
        return line(Criterion.AMENITIES, inputs, normalised);
    }

    private static Line activities(AwardInputs in, AwardParameters p) {
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("completedActivities", in.completedActivities());
        inputs.put("personTimes", in.personTimes());
        inputs.put("target", p.activitiesTarget());
        return line(Criterion.ACTIVITIES, inputs, capped(ratio(in.completedActivities(), p.activitiesTarget())));
    }

    private static Line ratings(AwardInputs in, AwardParameters p) {
        BigDecimal prior = BigDecimal.valueOf(p.ratingPriorWeight()).multiply(p.ratingPriorMean());
        long weight = (long) p.ratingPriorWeight() + in.ratings();
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("ratings", in.ratings());
        inputs.put("starsSum", in.starsSum());
        inputs.put("mean", in.ratings() == 0 ? null
                : BigDecimal.valueOf(in.starsSum()).divide(BigDecimal.valueOf(in.ratings()), 2, RoundingMode.HALF_UP));
        inputs.put("priorMean", p.ratingPriorMean());
        inputs.put("priorWeight", p.ratingPriorWeight());
        BigDecimal normalised = BigDecimal.ZERO;
        if (weight == 0) {
            inputs.put("bayesianMean", null);
        } else {
            BigDecimal bayesian = prior.add(BigDecimal.valueOf(in.starsSum())).divide(BigDecimal.valueOf(weight), MC);
            inputs.put("bayesianMean", display(bayesian));
            normalised = bayesian.subtract(BigDecimal.ONE).divide(FOUR, MC).max(BigDecimal.ZERO).min(BigDecimal.ONE);
        }
        return line(Criterion.RATINGS, inputs, normalised);
    }

    private static Line complaintHandling(AwardInputs in) {
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("complaintsReceived", in.complaintsReceived());
        inputs.put("complaintsDue", in.complaintsDue());
        inputs.put("answeredInTime", in.answeredInTime());
        BigDecimal normalised = in.complaintsDue() == 0 ? BigDecimal.ONE : ratio(in.answeredInTime(), in.complaintsDue());
        return line(Criterion.COMPLAINT_HANDLING, inputs, normalised);
    }

    private static Line hoursKept(AwardInputs in, AwardParameters p) {
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("upheldClosedDuringHours", in.upheldClosedDuringHours());
        inputs.put("penalty", p.closedDuringHoursPenalty());
        BigDecimal lost = p.closedDuringHoursPenalty().multiply(BigDecimal.valueOf(in.upheldClosedDuringHours()));
        return line(Criterion.HOURS_KEPT, inputs, BigDecimal.ONE.subtract(lost).max(BigDecimal.ZERO));
    }

    private static Line line(Criterion criterion, Map<String, Object> inputs, BigDecimal normalised) {
        BigDecimal points = BigDecimal.valueOf(criterion.weight()).multiply(normalised).setScale(2, RoundingMode.HALF_UP);
        return new Line(criterion, inputs, display(normalised), criterion.weight(), points);
    }

    private static BigDecimal ratio(long part, long whole) {
        return BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), MC);
    }

    private static BigDecimal capped(BigDecimal value) {
        return value.min(BigDecimal.ONE);
    }

    /** A value as shown in the breakdown: 4 decimals, half-up. */
    private static BigDecimal display(BigDecimal value) {
        return value.setScale(4, RoundingMode.HALF_UP);
    }
}
