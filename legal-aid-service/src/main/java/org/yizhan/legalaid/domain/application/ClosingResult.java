package org.yizhan.legalaid.domain.application;

/** How a legal-aid case ended (the closing form's result). */
public enum ClosingResult {
    /** The worker's claims were upheld. */
    WON,
    /** Upheld in part. */
    PARTLY_WON,
    LOST,
    /** Settled by agreement (mediation). */
    SETTLED,
    /** The worker withdrew. */
    WITHDRAWN,
    /** Legal aid ended (法律援助法 Art. 48: e.g. the worker no longer qualifies). */
    TERMINATED
}
