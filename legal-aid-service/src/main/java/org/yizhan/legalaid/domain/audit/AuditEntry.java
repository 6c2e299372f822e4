package org.yizhan.legalaid.domain.audit;

import java.time.Instant;

/**
 * One line of the append-only audit log: who (a worker's pseudonym or a staff subject, and the
 * role acted in), did what to which record, when, and why.
 *
 * @param seq      the position in the log (ascending with time of commit)
 * @param targetId absent for a list
 * @param purpose  the reason the caller gave; required for staff reads of a consultation or case
 */
public record AuditEntry(long seq, Instant at, String actor, ActorKind actorKind, String role, AuditAction action,
                         String targetKind, String targetId, String purpose) {
}
