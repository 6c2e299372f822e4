package org.yizhan.legalaid.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import org.yizhan.kit.jdbc.SqlValues;
import org.yizhan.legalaid.domain.audit.ActorKind;
import org.yizhan.legalaid.domain.audit.AuditAction;
import org.yizhan.legalaid.domain.audit.AuditEntry;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The audit log table: inserts and reads only (the database refuses anything else). */
@ApplicationScoped
public class AuditLogRepository {

    /** What an admin's query asks; null fields do not filter. */
    public record Filter(String actor, AuditAction action, String targetKind, String targetId, Instant from,
                         Instant to) {
    }

    private final EntityManager em;

    public AuditLogRepository(EntityManager em) {
        this.em = em;
    }

    public void append(Instant at, String actor, ActorKind kind, String role, AuditAction action, String targetKind,
                       String targetId, String purpose) {
        em.createNativeQuery("insert into audit_entry (at, actor, actor_kind, role, action, target_kind, target_id,"
                        + " purpose) values (:at, :actor, :kind, :role, :action, :targetKind, cast(:targetId as varchar),"
                        + " cast(:purpose as varchar))")
                .setParameter("at", Timestamp.from(at)).setParameter("actor", actor).setParameter("kind", kind.name())
                .setParameter("role", role).setParameter("action", action.name()).setParameter("targetKind", targetKind)
                .setParameter("targetId", targetId).setParameter("purpose", purpose)
                .executeUpdate();
    }

    /** Entries matching the filter, newest first, after position {@code beforeSeq} (null: from the newest). */
    public List<AuditEntry> find(Filter f, Long beforeSeq, int fetch) {
        StringBuilder where = new StringBuilder(" where true");
        Map<String, Object> params = new HashMap<>();
        condition(where, params, f.actor(), " and actor = :actor", "actor");
        condition(where, params, f.action() == null ? null : f.action().name(), " and action = :action", "action");
        condition(where, params, f.targetKind(), " and target_kind = :targetKind", "targetKind");
        condition(where, params, f.targetId(), " and target_id = :targetId", "targetId");
        condition(where, params, f.from() == null ? null : Timestamp.from(f.from()), " and at >= :from", "from");
        condition(where, params, f.to() == null ? null : Timestamp.from(f.to()), " and at < :to", "to");
        condition(where, params, beforeSeq, " and seq < :before", "before");
        Query query = em.createNativeQuery("select seq, at, actor, actor_kind, role, action, target_kind, target_id,"
                + " purpose from audit_entry" + where + " order by seq desc limit :fetch");
        params.forEach(query::setParameter);
        query.setParameter("fetch", fetch);
        return query.getResultList().stream().map(row -> entry((Object[]) row)).toList();
    }

    private static void condition(StringBuilder where, Map<String, Object> params, Object value, String sql,
                                  String name) {
        if (value != null) {
            where.append(sql);
            params.put(name, value);
        }
    }

    private static AuditEntry entry(Object[] r) {
        return new AuditEntry(((Number) r[0]).longValue(), SqlValues.instant(r[1]), (String) r[2],
                ActorKind.valueOf((String) r[3]), (String) r[4], AuditAction.valueOf((String) r[5]), (String) r[6],
                (String) r[7], (String) r[8]);
    }
}
