package org.yizhan.legalaid.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import org.yizhan.legalaid.domain.application.CaseStage;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The stages of cases. */
@ApplicationScoped
public class CaseStageRepository implements PanacheRepositoryBase<CaseStage, CaseStage.Key> {

    /** The stages of the case, in their order. */
    public List<CaseStage> of(UUID applicationId) {
        return list("applicationId = ?1", applicationId).stream()
                .sorted(java.util.Comparator.comparing(s -> s.stage)).toList();
    }

    /** The latest stage recorded: the case's current (or last) stage. */
    public Optional<CaseStage> latest(UUID applicationId) {
        List<CaseStage> stages = of(applicationId);
        return stages.isEmpty() ? Optional.empty() : Optional.of(stages.get(stages.size() - 1));
    }
}
