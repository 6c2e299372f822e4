package org.yizhan.kit.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.yizhan.kit.jdbc.SqlValues;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The {@code outbox_message} table as the relay, the operators and the purge see it. A message
 * is pending until published; a parked one holds back the later messages of its topic and key
 * until it is republished or discarded.
 */
@ApplicationScoped
public class OutboxRows {

    /** A message the relay may send now, and how often sending it failed before. */
    record Sendable(long id, String topic, String key, String payload, int attempts) {
    }

    private static final String PENDING = "m.published_at is null and m.parked_at is null and m.discarded_at is null";
    private static final String PARKED = "m.parked_at is not null and m.published_at is null and m.discarded_at is null";
    private static final String PARKED_AHEAD = "exists (select 1 from outbox_message p where p.parked_at is not null"
            + " and p.published_at is null and p.discarded_at is null and p.topic = m.topic"
            + " and p.message_key = m.message_key and p.id < m.id)";
    private static final String PARKED_COLUMNS = "m.id, m.event_id, m.topic, m.message_key, m.event_type, m.created_at,"
            + " m.parked_at, m.attempts, m.refusals, m.last_error, octet_length(m.payload),"
            + " (select count(*) from outbox_message w where w.published_at is null and w.discarded_at is null"
            + " and w.topic = m.topic and w.message_key = m.message_key and w.id > m.id)";

    private final EntityManager em;

    public OutboxRows(EntityManager em) {
        this.em = em;
    }

    /** Takes the advisory lock {@code id} until the transaction ends, unless another session holds it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean tryLock(long id) {
        return Boolean.TRUE.equals(em.createNativeQuery("select pg_try_advisory_xact_lock(:id)")
                .setParameter("id", id).getSingleResult());
    }

    /** The oldest pending messages, except those waiting behind a parked message of their key. */
    @Transactional(Transactional.TxType.MANDATORY)
    @SuppressWarnings("unchecked")
    List<Sendable> sendable(int limit) {
        List<Object[]> rows = em.createNativeQuery("select m.id, m.topic, m.message_key, m.payload, m.attempts"
                        + " from outbox_message m where " + PENDING + " and not " + PARKED_AHEAD
                        + " order by m.id limit :limit")
                .setParameter("limit", limit).getResultList();
        return rows.stream().map(r -> new Sendable(((Number) r[0]).longValue(), (String) r[1], (String) r[2],
                (String) r[3], ((Number) r[4]).intValue())).toList();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void markPublished(List<Long> ids) {
        if (!ids.isEmpty()) {
            em.createNativeQuery("update outbox_message set published_at = clock_timestamp(), last_error = null where id in (:ids)")
                    .setParameter("ids", ids).executeUpdate();
        }
    }

    /** Kafka could not take the message now (it is away or busy). */
    @Transactional(Transactional.TxType.MANDATORY)
    void recordFailure(long id, String error) {
        em.createNativeQuery("update outbox_message set attempts = attempts + 1, last_error = :error where id = :id")
                .setParameter("error", error).setParameter("id", id).executeUpdate();
    }

    /**
     * Kafka refused the message for good; at the {@code parkAfter}th refusal it is parked.
     *
     * @return whether it is parked now
     */
    @Transactional(Transactional.TxType.MANDATORY)
    boolean recordRefusal(long id, String error, int parkAfter) {
        Object parked = em.createNativeQuery("update outbox_message set attempts = attempts + 1,"
                        + " refusals = refusals + 1, last_error = :error,"
                        + " parked_at = case when refusals + 1 >= :parkAfter then now() end"
                        + " where id = :id returning parked_at is not null")
                .setParameter("error", error).setParameter("parkAfter", parkAfter).setParameter("id", id)
                .getSingleResult();
        return Boolean.TRUE.equals(parked);
    }

    /** The relay's backlog now, in two queries that each keep to a partial index. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public OutboxBacklog backlog() {
        Object[] pending = (Object[]) em.createNativeQuery("select count(*), min(m.created_at),"
                + " count(*) filter (where " + PARKED_AHEAD + ") from outbox_message m where " + PENDING)
                .getSingleResult();
        Number parked = (Number) em.createNativeQuery("select count(*) from outbox_message m where " + PARKED)
                .getSingleResult();
        return new OutboxBacklog(((Number) pending[0]).longValue(), SqlValues.instant(pending[1]), parked.longValue(),
                ((Number) pending[2]).longValue());
    }

    /**
     * Parked messages, oldest parked first, after the one parked at {@code at} with CloudEvent id
     * {@code after} (both {@code null} for the first page).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    @SuppressWarnings("unchecked")
    public List<ParkedMessage> parked(Instant at, String after, int limit) {
        String keyset = after == null ? "" : " and (m.parked_at, m.event_id) > (:at, :after)";
        var query = em.createNativeQuery("select " + PARKED_COLUMNS + " from outbox_message m"
                        + " where " + PARKED + keyset + " order by m.parked_at, m.event_id limit :limit")
                .setParameter("limit", limit);
        if (after != null) {
            query.setParameter("at", Timestamp.from(at)).setParameter("after", after);
        }
        return ((List<Object[]>) query.getResultList()).stream().map(OutboxRows::toParked).toList();
    }

    /** The message with CloudEvent id {@code eventId}, locked until the transaction ends, if it is parked. */
    @Transactional(Transactional.TxType.MANDATORY)
    @SuppressWarnings("unchecked")
    public Optional<ParkedMessage> lockParked(String eventId) {
        List<Object[]> rows = em.createNativeQuery("select " + PARKED_COLUMNS + " from outbox_message m"
                        + " where m.event_id = :eventId and " + PARKED + " for update of m")
                .setParameter("eventId", eventId).getResultList();
        return rows.stream().findFirst().map(OutboxRows::toParked);
    }

    /** Whether a message with CloudEvent id {@code eventId} exists at all. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean exists(String eventId) {
        return !em.createNativeQuery("select 1 from outbox_message where event_id = :eventId")
                .setParameter("eventId", eventId).getResultList().isEmpty();
    }

    /** Makes a parked message pending again, with its refusals forgotten. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void unpark(long id) {
        em.createNativeQuery("update outbox_message set parked_at = null, refusals = 0 where id = :id")
                .setParameter("id", id).executeUpdate();
    }

    /** Gives a parked message up: it will never be published, and the messages behind it go on. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void discard(long id, String reason, String operator, Instant at) {
        em.createNativeQuery("update outbox_message set discarded_at = :at, discard_reason = :reason,"
                        + " discarded_by = :by where id = :id")
                .setParameter("at", Timestamp.from(at)).setParameter("reason", reason).setParameter("by", operator)
                .setParameter("id", id).executeUpdate();
    }

    /** Deletes up to {@code limit} messages published or discarded before {@code before}; returns how many. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int purge(Instant before, int limit) {
        Timestamp cutoff = Timestamp.from(before);
        int published = em.createNativeQuery("delete from outbox_message where id in (select id from outbox_message"
                        + " where published_at < :before limit :limit)")
                .setParameter("before", cutoff).setParameter("limit", limit).executeUpdate();
        int discarded = em.createNativeQuery("delete from outbox_message where id in (select id from outbox_message"
                        + " where discarded_at < :before limit :limit)")
                .setParameter("before", cutoff).setParameter("limit", limit).executeUpdate();
        return published + discarded;
    }

    private static ParkedMessage toParked(Object[] r) {
        return new ParkedMessage(((Number) r[0]).longValue(), (String) r[1], (String) r[2], (String) r[3],
                (String) r[4], SqlValues.instant(r[5]), SqlValues.instant(r[6]), ((Number) r[7]).intValue(), ((Number) r[8]).intValue(),
                (String) r[9], ((Number) r[10]).intValue(), ((Number) r[11]).longValue());
    }

}
