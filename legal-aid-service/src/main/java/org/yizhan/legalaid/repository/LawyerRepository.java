package org.yizhan.legalaid.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import org.yizhan.kit.paging.KeysetCursor;
import org.yizhan.legalaid.domain.duty.Lawyer;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The lawyers the union registered. */
@ApplicationScoped
public class LawyerRepository implements PanacheRepositoryBase<Lawyer, UUID> {

    public Optional<Lawyer> bySubject(String subject) {
        return find("subject", subject).firstResultOptional();
    }

    public boolean taken(String subject, String licenceNumber) {
        return count("subject = ?1 or licenceNumber = ?2", subject, licenceNumber) > 0;
    }

    /** Oldest registration first, after the cursor's (createdAt, id). */
    public List<Lawyer> page(KeysetCursor after, int fetch) {
        if (after == null) {
            return find("order by createdAt, id").page(0, fetch).list();
        }
        return find("(createdAt > ?1 or (createdAt = ?1 and id > ?2)) order by createdAt, id", after.instant(0),
                after.uuid(1)).page(0, fetch).list();
    }
}
