package org.yizhan.kit.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.sql.Timestamp;
import java.time.Instant;

/** Remembers which events a consumer has applied. */
@ApplicationScoped
public class Inbox {

    private final EntityManager em;

    public Inbox(EntityManager em) {
        this.em = em;
    }

    /**
     * Records that {@code consumer} applies event {@code eventId} in the current transaction.
     *
     * @return {@code false} if it was applied before, in which case the caller must do nothing
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstDelivery(String consumer, String eventId, String eventType) {
        int inserted = em.createNativeQuery("insert into inbox_processed_event (consumer, event_id, event_type)"
                        + " values (:consumer, :eventId, :eventType) on conflict do nothing")
                .setParameter("consumer", consumer)
                .setParameter("eventId", eventId)
                .setParameter("eventType", eventType)
                .executeUpdate();
        return inserted == 1;
    }

    /**
     * Forgets up to {@code limit} event ids applied before {@code before}; returns how many. A
     * redelivery older than that would be applied again, so the retention must outlast the
     * topics' retention.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int purge(Instant before, int limit) {
        return em.createNativeQuery("delete from inbox_processed_event where ctid = any(array(select ctid"
                        + " from inbox_processed_event where processed_at < :before limit :limit))")
                .setParameter("before", Timestamp.from(before)).setParameter("limit", limit).executeUpdate();
    }
}
