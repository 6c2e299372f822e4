package org.yizhan.checkup.domain.site;

import com.fasterxml.jackson.annotation.JsonValue;

/** HL7 FHIR R4 Slot.status, spelt as FHIR spells it, so that a clinic's system maps it without a table. */
public enum SlotStatus {
    /** Places are free. */
    FREE("free"),
    /** Every place is booked. */
    BUSY("busy"),
    /** Full, but some places are held by workers who are confirming; they may come free. */
    BUSY_TENTATIVE("busy-tentative"),
    /** Not bookable: the station of this checkup day is paused or closed. */
    BUSY_UNAVAILABLE("busy-unavailable");

    private final String code;

    SlotStatus(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }
}
