package org.yizhan.legalaid.domain.application;

/** What union staff decided after the duplicate and conflict check. */
public enum ConflictDecision {
    /** The matches are other matters: go on. */
    NO_CONFLICT,
    /** The same worker's same matter again: handled in the earlier application. */
    DUPLICATE,
    /** The union's lawyers act for or against a party of it elsewhere: refer. */
    CONFLICT_OF_INTEREST
}
