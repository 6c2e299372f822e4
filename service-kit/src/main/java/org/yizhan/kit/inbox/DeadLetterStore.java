package org.yizhan.kit.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.yizhan.kit.jdbc.SqlValues;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The {@code dead_letter} table: written by the consumer, read and marked by the operators' replay. */
@ApplicationScoped
public class DeadLetterStore {

    private static final String COLUMNS = "id, consumer, source_topic, source_partition, source_offset, record_key,"
            + " event_id, event_type, reason, error_class, payload, dead_lettered_at, replayed_at, replay_outcome,"
            + " replayed_by, replay_attempts, last_replay_error";

    private final EntityManager em;

    public DeadLetterStore(EntityManager em) {
        this.em = em;
    }

    /** Dead letters of every consumer of this database that an operator has not yet replayed or discarded. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public long waiting() {
        return ((Number) em.createNativeQuery("select count(*) from dead_letter where replayed_at is null")
                .getSingleResult()).longValue();
    }

    /** Stores a dead letter; a record dead-lettered before (same consumer, topic, partition, offset) stays as it was. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void insert(DeadLetter d) {
        em.createNativeQuery("insert into dead_letter (id, consumer, source_topic, source_partition, source_offset,"
                        + " record_key, event_id, event_type, reason, error_class, payload, dead_lettered_at)"
                        + " values (:id, :consumer, :topic, :partition, :offset, :key, :eventId, :eventType, :reason,"
                        + " :errorClass, :payload, :at) on conflict do nothing")
                .setParameter("id", d.id()).setParameter("consumer", d.consumer())
                .setParameter("topic", d.sourceTopic()).setParameter("partition", d.sourcePartition())
                .setParameter("offset", d.sourceOffset()).setParameter("key", d.recordKey())
                .setParameter("eventId", d.eventId()).setParameter("eventType", d.eventType())
                .setParameter("reason", d.reason()).setParameter("errorClass", d.errorType())
                .setParameter("payload", d.payload()).setParameter("at", Timestamp.from(d.deadLetteredAt()))
                .executeUpdate();
    }

    /**
     * {@code consumer}'s dead letters, newest first, after the one dead-lettered at {@code at} with
     * id {@code after} (both {@code null} for the first page); {@code replayed} filters if given.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    @SuppressWarnings("unchecked")
    public List<DeadLetter> page(String consumer, Boolean replayed, Instant at, UUID after, int limit) {
        String filter = replayed == null ? "" : replayed ? " and replayed_at is not null" : " and replayed_at is null";
        String keyset = after == null ? "" : " and (dead_lettered_at, id) < (:at, :after)";
        var query = em.createNativeQuery("select " + COLUMNS + " from dead_letter where consumer = :consumer"
                        + filter + keyset + " order by dead_lettered_at desc, id desc limit :limit")
                .setParameter("consumer", consumer).setParameter("limit", limit);
        if (after != null) {
            query.setParameter("at", Timestamp.from(at)).setParameter("after", after);
        }
        return ((List<Object[]>) query.getResultList()).stream().map(DeadLetterStore::toDeadLetter).toList();
    }

    /** One of {@code consumer}'s dead letters. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<DeadLetter> find(String consumer, UUID id) {
        return one("select " + COLUMNS + " from dead_letter where consumer = :consumer and id = :id", consumer, id);
    }

    /** One of {@code consumer}'s dead letters, locked until the transaction ends (one replay at a time). */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<DeadLetter> lock(String consumer, UUID id) {
        return one("select " + COLUMNS + " from dead_letter where consumer = :consumer and id = :id for update",
                consumer, id);
    }

    /** Records a successful replay. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void markReplayed(UUID id, DeadLetter.ReplayOutcome outcome, String operator, Instant at) {
        em.createNativeQuery("update dead_letter set replayed_at = :at, replay_outcome = :outcome, replayed_by = :by,"
                        + " replay_attempts = replay_attempts + 1, last_replay_error = null where id = :id")
                .setParameter("at", Timestamp.from(at)).setParameter("outcome", outcome.name())
                .setParameter("by", operator).setParameter("id", id).executeUpdate();
    }

    /** Records a replay that failed; the dead letter stays to be replayed again. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void recordFailedReplay(UUID id, String reason) {
        em.createNativeQuery("update dead_letter set replay_attempts = replay_attempts + 1, last_replay_error = :reason"
                        + " where id = :id")
                .setParameter("reason", reason).setParameter("id", id).executeUpdate();
    }

    /** Deletes up to {@code limit} dead letters replayed before {@code before}; returns how many. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int purgeReplayed(Instant before, int limit) {
        return em.createNativeQuery("delete from dead_letter where id in (select id from dead_letter"
                        + " where replayed_at < :before limit :limit)")
                .setParameter("before", Timestamp.from(before)).setParameter("limit", limit).executeUpdate();
    }

    @SuppressWarnings("unchecked")
    private Optional<DeadLetter> one(String sql, String consumer, UUID id) {
        List<Object[]> rows = em.createNativeQuery(sql).setParameter("consumer", consumer).setParameter("id", id)
                .getResultList();
        return rows.stream().findFirst().map(DeadLetterStore::toDeadLetter);
    }

    private static DeadLetter toDeadLetter(Object[] r) {
        return new DeadLetter((UUID) r[0], (String) r[1], (String) r[2], ((Number) r[3]).intValue(),
                ((Number) r[4]).longValue(), (String) r[5], (String) r[6], (String) r[7], (String) r[8],
                (String) r[9], (byte[]) r[10], SqlValues.instant(r[11]), SqlValues.instant(r[12]),
                r[13] == null ? null : DeadLetter.ReplayOutcome.valueOf((String) r[13]), (String) r[14],
                ((Number) r[15]).intValue(), (String) r[16]);
    }

}
