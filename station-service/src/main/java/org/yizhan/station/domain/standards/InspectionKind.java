package org.yizhan.station.domain.standards;

/** Who recorded an inspection, which decides whether it counts for compliance. */
public enum InspectionKind {
    /** By union staff ({@code union-admin}); the only kind that counts for compliance and tier. */
    INSPECTION,
    /** A station manager's self-check (自查); kept and listed, but changes neither status nor tier. */
    SELF_CHECK;

    public boolean counts() {
        return this == INSPECTION;
    }
}
