package org.yizhan.station.domain.award;

import org.yizhan.station.domain.StationStatus;
import org.yizhan.station.domain.standards.ComplianceStatus;

import java.util.ArrayList;
import java.util.List;

/**
 * Why a station cannot be ranked for an award. Only an ACTIVE station whose current compliance
 * is COMPLIANT is eligible: an award certifies a station that meets the standard now, and only a
 * current, passed union inspection shows that. A station that fails an inspection, or whose
 * inspection lapses, drops out of the ranking at once, as it drops to the BASIC tier.
 */
public enum Ineligibility {
    NOT_ACTIVE("站点未在运营", "The station is not active"),
    NON_COMPLIANT("最近一次检查有基本要求未达标", "The latest inspection found a basic requirement not met"),
    OVERDUE("检查已过期", "The latest inspection is older than the inspection interval"),
    NOT_INSPECTED("尚未经过工会检查", "The station has not been inspected by the union");

    private final String messageZh;
    private final String messageEn;

    Ineligibility(String messageZh, String messageEn) {
        this.messageZh = messageZh;
        this.messageEn = messageEn;
    }

    public String messageZh() {
        return messageZh;
    }

    public String messageEn() {
        return messageEn;
    }

    /** Every reason that keeps a station with this status and current compliance out; empty if eligible. */
    public static List<Ineligibility> of(StationStatus status, ComplianceStatus compliance) {
        List<Ineligibility> reasons = new ArrayList<>();
        if (status != StationStatus.ACTIVE) {
            reasons.add(NOT_ACTIVE);
        }
        switch (compliance) {
            case NON_COMPLIANT -> reasons.add(NON_COMPLIANT);
            case OVERDUE -> reasons.add(OVERDUE);
            case NOT_INSPECTED -> reasons.add(NOT_INSPECTED);
            case COMPLIANT -> {
            }
        }
        return List.copyOf(reasons);
    }
}
