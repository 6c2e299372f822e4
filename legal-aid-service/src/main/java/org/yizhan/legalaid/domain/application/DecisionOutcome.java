package org.yizhan.legalaid.domain.application;

/** How an application is decided; the application's status becomes the outcome's. */
public enum DecisionOutcome {
    /** Legal aid is given: the application becomes a case and a lawyer is due within 3 working days. */
    ACCEPT("ACCEPTED"),
    /** Refused, with a reason the applicant may appeal against. */
    REJECT("REJECTED"),
    /** Sent to another body (court, labour arbitration commission, another legal-aid centre) with a referral code. */
    REFER("REFERRED");

    private final String status;

    DecisionOutcome(String status) {
        this.status = status;
    }

    public String status() {
        return status;
    }
}
