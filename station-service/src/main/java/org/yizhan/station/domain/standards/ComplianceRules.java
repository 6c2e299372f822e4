package org.yizhan.station.domain.standards;

import java.time.LocalDate;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * How compliance and tier follow from a station's latest counting inspection. Pure: no clock, no
 * database; "today" is an argument.
 *
 * <ul>
 *   <li>No counting inspection: {@code NOT_INSPECTED}, tier {@code BASIC}.</li>
 *   <li>A basic requirement NOT_MET: {@code NON_COMPLIANT}, tier {@code BASIC}, whatever its age
 *       (a known failure stays the headline until a new inspection shows otherwise).</li>
 *   <li>All basic requirements MET but today is after {@code inspectedOn + intervalDays}:
 *       {@code OVERDUE}, tier {@code BASIC}. On the due day itself the station is still compliant.</li>
 *   <li>Otherwise {@code COMPLIANT}: tier {@code DEMONSTRATION} with at least
 *       {@code demonstrationOptionalItems} optional requirements MET at that inspection, else
 *       {@code STANDARD}.</li>
 * </ul>
 */
public final class ComplianceRules {

    /** What counts of the latest counting inspection. */
    public record Latest(LocalDate inspectedOn, Set<Requirement> failedBasic, int optionalMet) {
        public Latest {
            failedBasic = failedBasic.isEmpty() ? EnumSet.noneOf(Requirement.class) : EnumSet.copyOf(failedBasic);
        }
    }

    /** The derived standing. {@code lastInspectedOn} and {@code nextDueOn} are null without inspection. */
    public record Outcome(ComplianceStatus status, Tier tier, List<Requirement> failedBasic,
                          LocalDate lastInspectedOn, LocalDate nextDueOn, boolean overdue, int optionalMet) {
    }

    private final int intervalDays;
    private final int demonstrationOptionalItems;

    public ComplianceRules(int intervalDays, int demonstrationOptionalItems) {
        if (intervalDays < 1 || demonstrationOptionalItems < 0) {
            throw new IllegalArgumentException("intervalDays must be positive and demonstrationOptionalItems not negative");
        }
        this.intervalDays = intervalDays;
        this.demonstrationOptionalItems = demonstrationOptionalItems;
    }

    public int intervalDays() {
        return intervalDays;
    }

    public int demonstrationOptionalItems() {
        return demonstrationOptionalItems;
    }

    /** The standing on {@code today} given the latest counting inspection ({@code null}: none). */
    public Outcome evaluate(Latest latest, LocalDate today) {
        if (latest == null) {
            return new Outcome(ComplianceStatus.NOT_INSPECTED, Tier.BASIC, List.of(), null, null, false, 0);
        }
        LocalDate nextDue = latest.inspectedOn().plusDays(intervalDays);
        boolean overdue = today.isAfter(nextDue);
        List<Requirement> failed = latest.failedBasic().stream().sorted().toList();
        ComplianceStatus status;
        Tier tier;
        if (!failed.isEmpty()) {
            status = ComplianceStatus.NON_COMPLIANT;
            tier = Tier.BASIC;
        } else if (overdue) {
            status = ComplianceStatus.OVERDUE;
            tier = Tier.BASIC;
        } else {
            status = ComplianceStatus.COMPLIANT;
            tier = latest.optionalMet() >= demonstrationOptionalItems ? Tier.DEMONSTRATION : Tier.STANDARD;
        }
        return new Outcome(status, tier, failed, latest.inspectedOn(), nextDue, overdue, latest.optionalMet());
    }

    /**
     * What counts of an inspection's items: the basic requirements that are not MET (a basic
     * requirement missing from the items counts as failed) and the number of optional ones MET.
     */
    public static Latest summarise(LocalDate inspectedOn, Collection<InspectionItem> items) {
        Set<Requirement> met = EnumSet.noneOf(Requirement.class);
        for (InspectionItem item : items) {
            if (item.result == InspectionResult.MET) {
                met.add(item.requirement);
            }
        }
        Set<Requirement> failed = EnumSet.noneOf(Requirement.class);
        int optionalMet = 0;
        for (Requirement r : Requirement.values()) {
            if (r.isBasic() && !met.contains(r)) {
                failed.add(r);
            } else if (!r.isBasic() && met.contains(r)) {
                optionalMet++;
            }
        }
        return new Latest(inspectedOn, failed, optionalMet);
    }
}
