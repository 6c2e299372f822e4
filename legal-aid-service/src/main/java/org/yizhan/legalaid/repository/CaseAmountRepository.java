package org.yizhan.legalaid.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import org.yizhan.legalaid.domain.application.CaseAmount;

import java.util.List;
import java.util.UUID;

/** The amounts awarded and recovered in cases. */
@ApplicationScoped
public class CaseAmountRepository implements PanacheRepositoryBase<CaseAmount, UUID> {

    /** The most amounts one case keeps (instalments included; a group case has up to 200 workers). */
    public static final int MAX_PER_CASE = 1000;

    public List<CaseAmount> ofCase(UUID applicationId) {
        return find("applicationId = ?1 order by onDate, recordedAt", applicationId).page(0, MAX_PER_CASE).list();
    }
}
