package org.yizhan.services.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.yizhan.services.domain.activity.Activity;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** Reads of activities that REST answers need besides the one they are about. */
@ApplicationScoped
public class ActivityRepository {

    private final EntityManager em;

    public ActivityRepository(EntityManager em) {
        this.em = em;
    }

    /** The activities of {@code ids}, in one query. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<UUID, Activity> byIds(Collection<UUID> ids) {
        Map<UUID, Activity> found = new HashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        em.createQuery("select distinct a from Activity a where a.id in :ids", Activity.class)
                .setParameter("ids", ids).getResultList().forEach(a -> found.put(a.id, a));
        return found;
    }
}
