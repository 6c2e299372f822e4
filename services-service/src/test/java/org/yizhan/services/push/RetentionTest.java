package org.yizhan.services.push;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import org.yizhan.kit.idempotency.IdempotencyKeyPurge;
import org.yizhan.localstack.testing.YizhanTestResource;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Idempotency-Keys older than the retention (30 days) are forgotten, with the push answers kept for them. */
@QuarkusTest
@WithTestResource(value = YizhanTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "yizhan_services"))
class RetentionTest {

    @Inject
    EntityManager em;

    @Inject
    IdempotencyKeyPurge purge;

    void key(String scope, Instant createdAt) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("insert into idempotency_key"
                        + " (scope, idem_key, request_hash, created_at) values (:scope, 'k', 'h', :at)")
                .setParameter("scope", scope).setParameter("at", createdAt).executeUpdate());
    }

    UUID batch(Instant pushedAt) {
        UUID id = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("insert into push_batch (id, partner, format,"
                        + " received, created, updated, unchanged, rejected, answer, pushed_by, pushed_at)"
                        + " values (:id, 'youth-league', 'JSON', 1, 1, 0, 0, 0, '{}', 'test', :at)")
                .setParameter("id", id).setParameter("at", pushedAt).executeUpdate());
        return id;
    }

    long count(String sql, Object value) {
        return QuarkusTransaction.requiringNew().call(() ->
                ((Number) em.createNativeQuery(sql).setParameter(1, value).getSingleResult()).longValue());
    }

    @Test
    void oldKeysAndTheirStoredAnswersAreForgottenRecentOnesKept() {
        Instant now = Instant.now();
        String old = "retention-old-" + UUID.randomUUID();
        String recent = "retention-recent-" + UUID.randomUUID();
        key(old, now.minus(31, ChronoUnit.DAYS));
        key(recent, now.minus(29, ChronoUnit.DAYS));
        UUID oldBatch = batch(now.minus(31, ChronoUnit.DAYS));
        UUID recentBatch = batch(now.minus(29, ChronoUnit.DAYS));

        assertTrue(purge.purge(now) >= 1);

        assertEquals(0, count("select count(*) from idempotency_key where scope = ?1", old));
        assertEquals(1, count("select count(*) from idempotency_key where scope = ?1", recent));
        assertEquals(1, count("select count(*) from push_batch where id = ?1 and answer is null", oldBatch));
        assertEquals(1, count("select count(*) from push_batch where id = ?1 and answer is not null", recentBatch));
        // The batch itself stays on record.
        assertEquals(1, count("select count(*) from push_batch where id = ?1", oldBatch));
    }
}
