package org.yizhan.legalaid.service.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.yizhan.kit.privacy.FieldCipher;
import org.yizhan.kit.problem.ProblemException;
import org.yizhan.kit.problem.ProblemType;
import org.yizhan.kit.time.AppClock;
import org.yizhan.legalaid.domain.application.ClosingResult;
import org.yizhan.legalaid.domain.application.LegalAidApplication;
import org.yizhan.legalaid.domain.audit.Actor;
import org.yizhan.legalaid.domain.audit.AuditAction;
import org.yizhan.legalaid.events.LegalAidEvents;
import org.yizhan.legalaid.service.audit.AuditLog;

import java.util.UUID;

/** Closing an accepted case with its closing form; publishes case.closed with the amounts kept apart. */
@ApplicationScoped
public class Closings {

    static final String REASON_FIELD = "application.closing_reason";

    private final ApplicationService applications;
    private final CaseAmounts amounts;
    private final LegalAidEvents events;
    private final AuditLog audit;
    private final FieldCipher cipher;
    private final AppClock clock;

    public Closings(ApplicationService applications, CaseAmounts amounts, LegalAidEvents events, AuditLog audit,
                    FieldCipher cipher, AppClock clock) {
        this.applications = applications;
        this.amounts = amounts;
        this.events = events;
        this.audit = audit;
        this.cipher = cipher;
        this.clock = clock;
    }

    /** The case's lawyers or a union admin close an accepted case, once. */
    @Transactional
    public LegalAidApplication close(UUID caseId, ClosingResult result, String reason, Actor caller) {
        LegalAidApplication a = applications.find(caseId);
        if (!applications.mayRecordOnCase(caller, a)) {
            throw audit.denied(caller, ApplicationService.KIND, caseId, null);
        }
        if (!"ACCEPTED".equals(a.status)) {
            throw new ProblemException(ProblemType.CONFLICT, "只有办理中的案件可以结案", "Only an open case can be closed");
        }
        a.status = "CLOSED";
        a.closingResult = result;
        a.closingReasonEncrypted = cipher.encrypt(reason, REASON_FIELD);
        a.closedBy = caller.subject();
        a.closedAt = clock.now();
        CaseAmounts.Totals totals = amounts.totals(a);
        events.closed(a, totals.claimedFen(), totals.awardedFen(), totals.recoveredFen(), totals.workers().size());
        audit.record(caller, AuditAction.UPDATE, ApplicationService.KIND, a.id, "closed: " + result);
        return a;
    }

    public String reason(LegalAidApplication a) {
        return cipher.decrypt(a.closingReasonEncrypted, REASON_FIELD);
    }
}
