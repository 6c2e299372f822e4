package org.yizhan.legalaid.domain.application;

/** The justice bureau's decision on an applicant's objection to a rejection (法律援助法 Art. 49). */
public enum AppealDecision {
    /** The rejection stands; the application ends REJECTION_UPHELD. */
    UPHELD,
    /** Legal aid is to be given: the application becomes an ACCEPTED case. */
    OVERTURNED
}
