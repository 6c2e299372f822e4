package org.yizhan.station.domain.standards;

/** What an inspector found for one requirement. */
public enum InspectionResult {
    MET,
    NOT_MET,
    /** Only for optional requirements; counts as not met. */
    NOT_APPLICABLE
}
