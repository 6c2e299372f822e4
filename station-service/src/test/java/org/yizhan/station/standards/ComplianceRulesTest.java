package org.yizhan.station.standards;

import org.junit.jupiter.api.Test;
import org.yizhan.station.domain.standards.ComplianceRules;
import org.yizhan.station.domain.standards.ComplianceStatus;
import org.yizhan.station.domain.standards.InspectionItem;
import org.yizhan.station.domain.standards.InspectionResult;
import org.yizhan.station.domain.standards.Requirement;
import org.yizhan.station.domain.standards.Tier;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ComplianceRulesTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 29);
    final ComplianceRules rules = new ComplianceRules(365, 4);

    static ComplianceRules.Latest latest(LocalDate on, Set<Requirement> failed, int optionalMet) {
        return new ComplianceRules.Latest(on, failed, optionalMet);
    }

    @Test
    void neverInspectedIsNotInspectedAndBasic() {
        var o = rules.evaluate(null, TODAY);
        assertEquals(ComplianceStatus.NOT_INSPECTED, o.status());
        assertEquals(Tier.BASIC, o.tier());
        assertTrue(o.failedBasic().isEmpty());
        assertNull(o.lastInspectedOn());
        assertNull(o.nextDueOn());
        assertFalse(o.overdue());
    }

    @Test
    void allBasicMetRecentlyIsCompliantStandard() {
        var o = rules.evaluate(latest(TODAY.minusDays(10), Set.of(), 3), TODAY);
        assertEquals(ComplianceStatus.COMPLIANT, o.status());
        assertEquals(Tier.STANDARD, o.tier());
        assertEquals(TODAY.minusDays(10).plusDays(365), o.nextDueOn());
        assertEquals(TODAY.minusDays(10), o.lastInspectedOn());
    }

    @Test
    void enoughOptionalItemsMakeDemonstrationExactlyFromTheThreshold() {
        assertEquals(Tier.STANDARD, rules.evaluate(latest(TODAY, Set.of(), 3), TODAY).tier());
        assertEquals(Tier.DEMONSTRATION, rules.evaluate(latest(TODAY, Set.of(), 4), TODAY).tier());
        assertEquals(Tier.DEMONSTRATION, rules.evaluate(latest(TODAY, Set.of(), 11), TODAY).tier());
    }

    @Test
    void anyBasicNotMetIsNonCompliantBasicEvenWithManyOptionalItems() {
        var o = rules.evaluate(latest(TODAY, EnumSet.of(Requirement.UNION_SIGN, Requirement.TOILET), 9), TODAY);
        assertEquals(ComplianceStatus.NON_COMPLIANT, o.status());
        assertEquals(Tier.BASIC, o.tier());
        assertEquals(List.of(Requirement.TOILET, Requirement.UNION_SIGN), o.failedBasic());
    }

    @Test
    void compliantUntilAndIncludingTheDueDayOverdueTheDayAfter() {
        LocalDate on = TODAY.minusDays(365);
        var dueToday = rules.evaluate(latest(on, Set.of(), 5), TODAY);
        assertEquals(ComplianceStatus.COMPLIANT, dueToday.status());
        assertEquals(Tier.DEMONSTRATION, dueToday.tier());
        assertEquals(TODAY, dueToday.nextDueOn());
        assertFalse(dueToday.overdue());

        var dayAfter = rules.evaluate(latest(on.minusDays(1), Set.of(), 5), TODAY);
        assertEquals(ComplianceStatus.OVERDUE, dayAfter.status());
        assertEquals(Tier.BASIC, dayAfter.tier());
        assertTrue(dayAfter.overdue());
    }

    @Test
    void aKnownFailureStaysNonCompliantWhenAlsoOverdue() {
        var o = rules.evaluate(latest(TODAY.minusDays(800), EnumSet.of(Requirement.WARMTH), 0), TODAY);
        assertEquals(ComplianceStatus.NON_COMPLIANT, o.status());
        assertEquals(Tier.BASIC, o.tier());
        assertTrue(o.overdue());
    }

    @Test
    void theIntervalIsConfigurable() {
        var shortRules = new ComplianceRules(30, 1);
        assertEquals(ComplianceStatus.OVERDUE, shortRules.evaluate(latest(TODAY.minusDays(31), Set.of(), 1), TODAY).status());
        assertEquals(Tier.DEMONSTRATION, shortRules.evaluate(latest(TODAY.minusDays(30), Set.of(), 1), TODAY).tier());
        assertThrows(IllegalArgumentException.class, () -> new ComplianceRules(0, 4));
        assertThrows(IllegalArgumentException.class, () -> new ComplianceRules(365, -1));
    }

    @Test
    void summariseCountsBasicNotMetOrMissingAsFailedAndOnlyMetOptionalItems() {
        List<InspectionItem> items = new ArrayList<>();
        for (Requirement r : Requirement.values()) {
            if (r.isBasic() && r != Requirement.FIRST_AID) {
                items.add(new InspectionItem(r, r == Requirement.REST ? InspectionResult.NOT_MET : InspectionResult.MET, null));
            }
        }
        items.add(new InspectionItem(Requirement.MICROWAVE, InspectionResult.MET, null));
        items.add(new InspectionItem(Requirement.WIFI, InspectionResult.MET, null));
        items.add(new InspectionItem(Requirement.FRIDGE, InspectionResult.NOT_MET, "坏了"));
        items.add(new InspectionItem(Requirement.SHOWER, InspectionResult.NOT_APPLICABLE, null));
        var latest = ComplianceRules.summarise(TODAY, items);
        assertEquals(EnumSet.of(Requirement.REST, Requirement.FIRST_AID), latest.failedBasic());
        assertEquals(2, latest.optionalMet());
        assertEquals(TODAY, latest.inspectedOn());
    }

    @Test
    void theChecklistHasTheSevenBasicRequirementsOfTheStandard() {
        Set<Requirement> basic = EnumSet.noneOf(Requirement.class);
        for (Requirement r : Requirement.values()) {
            if (r.isBasic()) {
                basic.add(r);
            }
        }
        assertEquals(EnumSet.of(Requirement.WARMTH, Requirement.COOLING, Requirement.DRINKING_WATER, Requirement.REST,
                Requirement.TOILET, Requirement.FIRST_AID, Requirement.UNION_SIGN), basic);
    }
}
