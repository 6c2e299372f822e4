package org.yizhan.legalaid.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import org.yizhan.kit.paging.KeysetCursor;
import org.yizhan.legalaid.domain.application.LegalAidApplication;

import java.time.LocalDate;

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

    /** Undecided applications due on or before {@code dueBy}, soonest (most overdue) first, after the cursor's (decideBy, id). */
    public List<LegalAidApplication> dueBy(LocalDate dueBy, KeysetCursor after, int fetch) {
        if (after == null) {
            return find("status = 'INTAKE' and decideBy <= ?1 order by decideBy, id", dueBy).page(0, fetch).list();
        }
        return find("status = 'INTAKE' and decideBy <= ?1 and (decideBy > ?2 or (decideBy = ?2 and id > ?3))"
                + " order by decideBy, id", dueBy, LocalDate.parse(after.text(0)), after.uuid(1)).page(0, fetch).list();
    }

    /** The applicant's applications, newest first, after the cursor's (receivedAt, id). */
    public List<LegalAidApplication> ofApplicant(String applicant, KeysetCursor after, int fetch) {
        if (after == null) {
            return find("applicant = ?1 order by receivedAt desc, id desc", applicant).page(0, fetch).list();
        }
        return find("applicant = ?1 and (receivedAt < ?2 or (receivedAt = ?2 and id < ?3)) order by receivedAt desc,"
                + " id desc", applicant, after.instant(0), after.uuid(1)).page(0, fetch).list();
    }
}
