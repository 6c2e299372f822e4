package org.yizhan.checkup.domain.booking;

import com.fasterxml.jackson.annotation.JsonValue;

/** HL7 FHIR R4 Appointment.status, spelt as FHIR spells it. */
public enum AppointmentStatus {
    /** Waiting for a place at the site on the day; holds none until one is offered (then pending). */
    WAITLIST("waitlist"),
    /** A place is held for a few minutes while the worker consents and confirms. */
    PENDING("pending"),
    /** Confirmed: the place is the worker's. */
    BOOKED("booked"),
    /** The worker's QR code was scanned at the site. */
    ARRIVED("arrived"),
    /** The checkup took place (the clinic keeps the results). */
    FULFILLED("fulfilled"),
    /** Cancelled by the worker, or a hold that expired; see cancelReason. */
    CANCELLED("cancelled"),
    /** The worker did not come. */
    NOSHOW("noshow");

    private final String code;

    AppointmentStatus(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }

    /** The database spelling. */
    public static AppointmentStatus of(String code) {
        for (AppointmentStatus s : values()) {
            if (s.code.equals(code)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown appointment status");
    }
}
