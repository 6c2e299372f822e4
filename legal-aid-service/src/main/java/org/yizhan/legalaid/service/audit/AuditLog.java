package org.yizhan.legalaid.service.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.yizhan.kit.paging.Keyset;
import org.yizhan.kit.paging.KeysetCursor;
import org.yizhan.kit.paging.Page;
import org.yizhan.kit.problem.ProblemException;
import org.yizhan.kit.problem.ProblemType;
import org.yizhan.kit.time.AppClock;
import org.yizhan.legalaid.domain.audit.Actor;
import org.yizhan.legalaid.domain.audit.AuditAction;
import org.yizhan.legalaid.domain.audit.AuditEntry;
import org.yizhan.legalaid.repository.AuditLogRepository;

/**
 * Writes and reads the append-only audit log. A read or change is recorded in the transaction that
 * does it, so that a change rolled back leaves no entry and an entry that cannot be written fails
 * the request; a refusal is recorded in a transaction of its own, because the 403 that follows
 * rolls back the request's transaction.
 */
@ApplicationScoped
public class AuditLog {

    /** The target kind of the audit log itself (admins' queries are audited too). */
    public static final String AUDIT_LOG = "AUDIT_LOG";
    private static final String CURSOR = "audit";

    private final AuditLogRepository entries;
    private final AppClock clock;

    public AuditLog(AuditLogRepository entries, AppClock clock) {
        this.entries = entries;
        this.clock = clock;
    }

    /** Records what {@code actor} did to the target, in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(Actor actor, AuditAction action, String targetKind, Object targetId, String purpose) {
        entries.append(clock.now(), actor.id(), actor.kind(), actor.role(), action, targetKind,
                targetId == null ? null : targetId.toString(), purpose);
    }

    /**
     * Records the refused attempt on its own (committed whatever happens next) and returns the 403
     * problem to throw.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public ProblemException denied(Actor actor, String targetKind, Object targetId, String purpose) {
        record(actor, AuditAction.DENIED, targetKind, targetId, purpose);
        return new ProblemException(ProblemType.FORBIDDEN, "无权查看或处理该记录，此次尝试已记录",
                "You may not read or change this record; the attempt has been recorded");
    }

    /**
     * Lets a caller read one confidential record (a consultation, an application) or refuses: a
     * caller who may not see it gets a 403 recorded as DENIED; anyone but its owner (the worker it
     * is about) must say why; the read is recorded with that purpose.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void read(Actor caller, String kind, Object id, boolean maySee, boolean isOwner, String purpose) {
        if (!maySee) {
            throw denied(caller, kind, id, purpose);
        }
        if (!isOwner && purpose == null) {
            throw ProblemException.invalidField("purpose", "工作人员查阅须说明用途 / staff give the purpose of a read");
        }
        record(caller, AuditAction.READ, kind, id, purpose);
    }

    /** The entries matching the filter, newest first; the query itself is recorded. */
    @Transactional
    public Page<AuditEntry> query(Actor admin, AuditLogRepository.Filter filter, String cursor, int limit) {
        KeysetCursor after = KeysetCursor.decode(CURSOR, cursor, 1);
        Page<AuditEntry> page = Keyset.page(entries.find(filter, after == null ? null : after.number(0),
                Keyset.fetchSize(limit)), limit, e -> KeysetCursor.of(CURSOR, e.seq()));
        record(admin, AuditAction.LIST, AUDIT_LOG, null, null);
        return page;
    }
}
