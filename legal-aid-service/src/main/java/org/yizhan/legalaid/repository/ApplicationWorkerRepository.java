package org.yizhan.legalaid.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import org.yizhan.legalaid.domain.application.ApplicationWorker;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** The workers of applications (every application has at least its applicant, position 1). */
@ApplicationScoped
public class ApplicationWorkerRepository implements PanacheRepositoryBase<ApplicationWorker, ApplicationWorker.Key> {

    /** The workers of the application, in position order. */
    public List<ApplicationWorker> of(UUID applicationId) {
        return find("applicationId = ?1 order by position", applicationId).page(0, ApplicationWorker.MAX_WORKERS).list();
    }

    /** Whether the person is one of the application's workers. */
    public boolean isWorker(UUID applicationId, String person) {
        return count("applicationId = ?1 and person = ?2", applicationId, person) > 0;
    }

    /** The persons of each of the applications. */
    public Map<UUID, Set<String>> personsOf(Collection<UUID> applicationIds) {
        if (applicationIds.isEmpty()) {
            return Map.of();
        }
        return find("applicationId in ?1", applicationIds).stream().collect(Collectors.groupingBy(
                w -> w.applicationId, Collectors.mapping(w -> w.person, Collectors.toSet())));
    }
}
