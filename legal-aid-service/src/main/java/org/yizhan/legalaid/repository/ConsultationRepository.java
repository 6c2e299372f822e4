package org.yizhan.legalaid.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import org.yizhan.kit.paging.KeysetCursor;
import org.yizhan.legalaid.domain.consultation.Consultation;
import org.yizhan.legalaid.domain.consultation.ConsultationCategory;
import org.yizhan.legalaid.domain.consultation.ConsultationStatus;

import java.util.List;
import java.util.UUID;

/** Consultations, newest first in every list. */
@ApplicationScoped
public class ConsultationRepository implements PanacheRepositoryBase<Consultation, UUID> {

    /** Who sees which consultations in a list: the one rule per kind of reader, in JPQL. */
    public enum Scope {
        /** The worker's own: {@code :who} is their pseudonym. */
        ASKER("person = :who"),
        /** A registered lawyer: the open ones (to answer) and those they answered. */
        LAWYER("(status = 'OPEN' or answeredBy = :who)"),
        /** Union staff: the ones they recorded or answered. */
        STAFF("(recordedBy = :who or answeredBy = :who)"),
        /** Union admins: all. */
        ALL("1 = 1");

        private final String condition;

        Scope(String condition) {
            this.condition = condition;
        }
    }

    public List<Consultation> list(Scope scope, String who, ConsultationStatus status, ConsultationCategory category,
                                   KeysetCursor after, int fetch) {
        StringBuilder q = new StringBuilder(scope.condition);
        Parameters params = new Parameters();
        if (scope != Scope.ALL) {
            params.and("who", who);
        }
        if (status != null) {
            q.append(" and status = :status");
            params.and("status", status);
        }
        if (category != null) {
            q.append(" and category = :category");
            params.and("category", category);
        }
        if (after != null) {
            q.append(" and (askedAt < :afterAt or (askedAt = :afterAt and id < :afterId))");
            params.and("afterAt", after.instant(0)).and("afterId", after.uuid(1));
        }
        return find(q + " order by askedAt desc, id desc", params).page(0, fetch).list();
    }
}
