package org.yizhan.legalaid.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import org.yizhan.legalaid.domain.application.LegalAidApplication;

import java.util.List;
import java.util.UUID;

/** Legal-aid applications. */
@ApplicationScoped
public class ApplicationRepository implements PanacheRepositoryBase<LegalAidApplication, UUID> {

    /** The most matches the conflict check shows. */
    public static final int MAX_MATCHES = 50;

    /** Other applications of the same applicant, opposing-party key or credit code, newest first. */
    public List<LegalAidApplication> matches(LegalAidApplication a) {
        if (a.creditCode == null) {
            return find("id <> ?1 and (applicant = ?2 or opposingKey = ?3) order by receivedAt desc", a.id, a.applicant,
                    a.opposingKey).page(0, MAX_MATCHES).list();
        }
        return find("id <> ?1 and (applicant = ?2 or opposingKey = ?3 or creditCode = ?4) order by receivedAt desc",
                a.id, a.applicant, a.opposingKey, a.creditCode).page(0, MAX_MATCHES).list();
    }
}
