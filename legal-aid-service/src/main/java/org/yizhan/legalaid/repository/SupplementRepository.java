package org.yizhan.legalaid.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import org.yizhan.legalaid.domain.application.SupplementRequest;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The supplements asked of applicants. */
@ApplicationScoped
public class SupplementRepository implements PanacheRepositoryBase<SupplementRequest, UUID> {

    public List<SupplementRequest> ofApplication(UUID applicationId) {
        return find("applicationId = ?1 order by requestedAt", applicationId).list();
    }

    public Optional<SupplementRequest> awaited(UUID applicationId) {
        return find("applicationId = ?1 and receivedAt is null", applicationId).firstResultOptional();
    }
}
