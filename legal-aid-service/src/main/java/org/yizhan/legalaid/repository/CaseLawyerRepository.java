package org.yizhan.legalaid.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Which lawyers are assigned to which case. */
@ApplicationScoped
public class CaseLawyerRepository {

    /** The most lawyers on one case (a group case's team). */
    public static final int MAX_LAWYERS = 20;

    private final EntityManager em;

    public CaseLawyerRepository(EntityManager em) {
        this.em = em;
    }

    /** Assigns the lawyer unless already assigned; returns whether this call assigned them. */
    public boolean assign(UUID applicationId, UUID lawyerId, String by, Instant at) {
        return em.createNativeQuery("insert into case_lawyer (application_id, lawyer_id, assigned_by, assigned_at)"
                        + " values (:app, :lawyer, :by, :at) on conflict do nothing")
                .setParameter("app", applicationId).setParameter("lawyer", lawyerId).setParameter("by", by)
                .setParameter("at", Timestamp.from(at)).executeUpdate() == 1;
    }

    public boolean isAssigned(UUID applicationId, UUID lawyerId) {
        return ((Number) em.createNativeQuery("select count(*) from case_lawyer where application_id = :app"
                        + " and lawyer_id = :lawyer").setParameter("app", applicationId).setParameter("lawyer", lawyerId)
                .getSingleResult()).longValue() > 0;
    }

    public long count(UUID applicationId) {
        return ((Number) em.createNativeQuery("select count(*) from case_lawyer where application_id = :app")
                .setParameter("app", applicationId).getSingleResult()).longValue();
    }

    @SuppressWarnings("unchecked")
    public List<UUID> lawyersOf(UUID applicationId) {
        return em.createNativeQuery("select lawyer_id from case_lawyer where application_id = :app"
                + " order by assigned_at, lawyer_id").setParameter("app", applicationId).getResultList();
    }
}
