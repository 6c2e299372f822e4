package org.yizhan.legalaid.domain.application;

/** Why another application was found by the duplicate and conflict check. */
public enum MatchReason {
    /** The same worker applied before. */
    SAME_APPLICANT,
    /** The opposing party's name has the same key (spacing, full-width and suffix aside). */
    SAME_OPPOSING_PARTY,
    /** The opposing party has the same unified social credit code. */
    SAME_CREDIT_CODE
}
