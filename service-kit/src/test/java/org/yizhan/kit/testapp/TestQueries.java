package org.yizhan.kit.testapp;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** What the tests read from the test application's database, each in a transaction of its own. */
@ApplicationScoped
public class TestQueries {

    private final EntityManager em;

    public TestQueries(EntityManager em) {
        this.em = em;
    }

    /** How often the handler applied the event. */
    public long effects(String eventId) {
        return count("select count(*) from test_effect where event_id = :id", eventId);
    }

    /** Whether the inbox holds the event (0 or 1). */
    public long inbox(String eventId) {
        return count("select count(*) from inbox_processed_event where event_id = :id", eventId);
    }

    /** The dead letter of the event, if it has one. */
    public Optional<UUID> deadLetter(String eventId) {
        List<?> ids = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select id from dead_letter where event_id = :id").setParameter("id", eventId).getResultList());
        return ids.stream().findFirst().map(UUID.class::cast);
    }

    /** Dead letters of the event. */
    public long deadLetters(String eventId) {
        return count("select count(*) from dead_letter where event_id = :id", eventId);
    }

    /** Whether the outbox message of the event was published (0 or 1). */
    public long published(String eventId) {
        return count("select count(*) from outbox_message where event_id = :id and published_at is not null", eventId);
    }

    /** Runs {@code sql} (an insert or update) in a transaction of its own. */
    public int execute(String sql) {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(sql).executeUpdate());
    }

    /** Counts with {@code sql} in a transaction of its own; {@code :id} is bound to {@code id}. */
    public long count(String sql, String id) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(sql)
                .setParameter("id", id).getSingleResult()).longValue());
    }
}
