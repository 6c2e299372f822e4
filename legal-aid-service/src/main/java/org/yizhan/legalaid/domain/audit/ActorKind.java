package org.yizhan.legalaid.domain.audit;

/** How the actor of an audit entry is named. */
public enum ActorKind {
    /** A worker, by this service's pseudonym of their token subject (never the subject itself). */
    PERSON,
    /** A lawyer or union staff member, by their token subject. */
    STAFF
}
