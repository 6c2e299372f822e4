package org.yizhan.legalaid.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import org.yizhan.kit.paging.KeysetCursor;
import org.yizhan.legalaid.domain.relief.ReliefApplication;
import org.yizhan.legalaid.domain.relief.ReliefStatus;

import java.util.List;
import java.util.UUID;

/** Relief applications, newest first in every list. */
@ApplicationScoped
public class ReliefRepository implements PanacheRepositoryBase<ReliefApplication, UUID> {

    /** Who sees which relief files in a list, in JPQL. */
    public enum Scope {
        /** The worker's own: {@code :who} is their pseudonym. */
        APPLICANT("applicant = :who"),
        /** Union staff: the ones they recorded or reviewed. */
        STAFF("(recordedBy = :who or firstApprovedBy = :who or secondApprovedBy = :who or rejectedBy = :who)"),
        /** Union admins: all. */
        ALL("1 = 1");

        private final String condition;

        Scope(String condition) {
            this.condition = condition;
        }
    }

    public List<ReliefApplication> list(Scope scope, String who, ReliefStatus status, KeysetCursor after, int fetch) {
        StringBuilder q = new StringBuilder(scope.condition);
        Parameters params = new Parameters();
        if (scope != Scope.ALL) {
            params.and("who", who);
        }
        if (status != null) {
            q.append(" and status = :status");
            params.and("status", status);
        }
        if (after != null) {
            q.append(" and (submittedAt < :afterAt or (submittedAt = :afterAt and id < :afterId))");
            params.and("afterAt", after.instant(0)).and("afterId", after.uuid(1));
        }
        return find(q + " order by submittedAt desc, id desc", params).page(0, fetch).list();
    }
}
