package org.yizhan.legalaid.domain.audit;

/** What an audited caller did. */
public enum AuditAction {
    /** Read one record (a consultation, a case, a relief file, the audit log). */
    READ,
    /** Listed records (one entry per page asked for). */
    LIST,
    CREATE,
    UPDATE,
    /** Tried to read or change a record and was refused (403). */
    DENIED
}
