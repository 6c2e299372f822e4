package org.yizhan.station.domain.standards;

/** A station's standing against the basic requirements, in the order the district list shows them. */
public enum ComplianceStatus {
    /** The latest counting inspection found a basic requirement NOT_MET. */
    NON_COMPLIANT,
    /** The latest counting inspection met every basic requirement but is older than the interval. */
    OVERDUE,
    /** No counting inspection yet. */
    NOT_INSPECTED,
    /** The latest counting inspection met every basic requirement and is within the interval. */
    COMPLIANT
}
