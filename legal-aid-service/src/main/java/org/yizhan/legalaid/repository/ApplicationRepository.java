package org.yizhan.legalaid.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
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

    /** Applications with one of the workers of {@code ?1} (HQL, for the conflict check and "mine"). */
    private static final String SHARES_A_WORKER = "id in (select w.applicationId from ApplicationWorker w where w.person"
            + " in (select o.person from ApplicationWorker o where o.applicationId = ?1))";

    /**
     * Other applications with one of its workers (any co-applicant counts as an applicant), of the
     * same opposing-party key or of the same credit code, newest first.
     */
    public List<LegalAidApplication> matches(LegalAidApplication a) {
        if (a.creditCode == null) {
            return find("id <> ?1 and (" + SHARES_A_WORKER + " or opposingKey = ?2) order by receivedAt desc", a.id,
                    a.opposingKey).page(0, MAX_MATCHES).list();
        }
        return find("id <> ?1 and (" + SHARES_A_WORKER + " or opposingKey = ?2 or creditCode = ?3) order by receivedAt"
                + " desc", a.id, a.opposingKey, a.creditCode).page(0, MAX_MATCHES).list();
    }

    /** Undecided applications due on or before {@code dueBy}, soonest (most overdue) first, after the cursor's (decideBy, id). */
    public List<LegalAidApplication> dueBy(LocalDate dueBy, KeysetCursor after, int fetch) {
        if (after == null) {
            return find("status = 'INTAKE' and decideBy <= ?1 order by decideBy, id", dueBy).page(0, fetch).list();
        }
        return find("status = 'INTAKE' and decideBy <= ?1 and (decideBy > ?2 or (decideBy = ?2 and id > ?3))"
                + " order by decideBy, id", dueBy, LocalDate.parse(after.text(0)), after.uuid(1)).page(0, fetch).list();
    }

    /**
     * The statuses of an application or case not yet ended: waiting for the decision (INTAKE), an
     * accepted case not yet closed (ACCEPTED) or a rejection objected to (APPEALED).
     */
    public static final List<String> OPEN = List.of("INTAKE", "ACCEPTED", "APPEALED");

    /**
     * The applications the person is a worker of (applicant or co-applicant), only the {@link #OPEN}
     * ones when {@code open}, newest first, after the cursor's (receivedAt, id).
     */
    public List<LegalAidApplication> ofApplicant(String person, boolean open, KeysetCursor after, int fetch) {
        String ofPerson = "id in (select w.applicationId from ApplicationWorker w where w.person = :person)"
                + (open ? " and status in :open" : "");
        Parameters params = Parameters.with("person", person);
        if (open) {
            params.and("open", OPEN);
        }
        if (after == null) {
            return find(ofPerson + " order by receivedAt desc, id desc", params).page(0, fetch).list();
        }
        return find(ofPerson + " and (receivedAt < :at or (receivedAt = :at and id < :id)) order by receivedAt desc,"
                + " id desc", params.and("at", after.instant(0)).and("id", after.uuid(1))).page(0, fetch).list();
    }
}
