package org.yizhan.services.service.push;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import org.yizhan.kit.idempotency.IdempotencyKeyPurge;

/**
 * When old Idempotency-Keys are forgotten, the answers stored for replaying them go too; the
 * batch rows stay (who pushed what and when, with the counts).
 */
@ApplicationScoped
public class PushAnswerPurge {

    private final EntityManager em;

    public PushAnswerPurge(EntityManager em) {
        this.em = em;
    }

    void forgetAnswers(@Observes IdempotencyKeyPurge.Purged purged) {
        em.createNativeQuery("update push_batch set answer = null where pushed_at < :before and answer is not null")
                .setParameter("before", purged.before()).executeUpdate();
    }
}
