package org.yizhan.legalaid.service.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.yizhan.kit.figures.FiguresPeriod;
import org.yizhan.kit.privacy.FieldCipher;
import org.yizhan.kit.problem.ProblemException;
import org.yizhan.kit.problem.ProblemType;
import org.yizhan.kit.security.Roles;
import org.yizhan.kit.time.AppClock;
import org.yizhan.legalaid.domain.application.AppealDecision;
import org.yizhan.legalaid.domain.application.ConflictDecision;
import org.yizhan.legalaid.domain.application.DecisionDeadline;
import org.yizhan.legalaid.domain.application.DecisionOutcome;
import org.yizhan.legalaid.domain.application.LegalAidApplication;
import org.yizhan.legalaid.domain.audit.Actor;
import org.yizhan.legalaid.domain.audit.AuditAction;
import org.yizhan.legalaid.events.LegalAidEvents;
import org.yizhan.legalaid.service.audit.AuditLog;

import java.util.UUID;

/**
 * Deciding an application: union admins accept it (after the conflict check found no conflict),
 * reject it with a reason, or refer it elsewhere with a referral code. Accepting publishes
 * case.accepted and sets the 3-working-day deadline to assign a lawyer.
 */
@ApplicationScoped
public class Decisions {

    static final String REASON_FIELD = "application.decision_reason";
    static final String GROUNDS_FIELD = "application.appeal_grounds";

    private final ApplicationService applications;
    private final LegalAidEvents events;
    private final AuditLog audit;
    private final FieldCipher cipher;
    private final AppClock clock;
    private final DecisionDeadline deadlines = DecisionDeadline.china();

    public Decisions(ApplicationService applications, LegalAidEvents events, AuditLog audit, FieldCipher cipher,
                     AppClock clock) {
        this.applications = applications;
        this.events = events;
        this.audit = audit;
        this.cipher = cipher;
        this.clock = clock;
    }

    @Transactional
    public LegalAidApplication decide(UUID id, DecisionOutcome outcome, String reason, String referralCode,
                                      Actor caller) {
        LegalAidApplication a = applications.find(id);
        if (!caller.is(Roles.UNION_ADMIN)) {
            throw audit.denied(caller, ApplicationService.KIND, id, null);
        }
        if (!a.status.equals("INTAKE")) {
            throw new ProblemException(ProblemType.CONFLICT, "该申请已作出决定", "The application has been decided");
        }
        if (a.decideBy == null) {
            throw new ProblemException(ProblemType.CONFLICT, "正在等待补充材料", "Material is still awaited");
        }
        if (outcome == DecisionOutcome.ACCEPT && a.conflictDecision != ConflictDecision.NO_CONFLICT) {
            throw new ProblemException(ProblemType.CONFLICT, "受理前须完成利益冲突审查且无冲突",
                    "Accepting needs the conflict check decided as NO_CONFLICT first");
        }
        a.status = outcome.status();
        a.decidedBy = caller.subject();
        a.decidedAt = clock.now();
        a.decidedOn = a.decidedAt.atZone(FiguresPeriod.BEIJING).toLocalDate();
        a.decisionReasonEncrypted = cipher.encrypt(reason, REASON_FIELD);
        a.referralCode = outcome == DecisionOutcome.REFER ? referralCode : null;
        if (outcome == DecisionOutcome.ACCEPT) {
            a.assignBy = deadlines.assignBy(a.decidedOn);
            events.accepted(a, a.decidedAt, !a.decidedOn.isAfter(a.decideBy));
        }
        audit.record(caller, AuditAction.UPDATE, ApplicationService.KIND, a.id, "decision: " + outcome);
        return a;
    }

    /**
     * The applicant (or the staff member who recorded the application) objects to a rejection, with
     * grounds; once. The objection goes to the justice bureau (法律援助法 Art. 49).
     */
    @Transactional
    public LegalAidApplication appeal(UUID id, String grounds, Actor caller) {
        LegalAidApplication a = applications.find(id);
        if (!applications.isApplicant(caller, a) && !ApplicationService.mayDecide(caller, a)) {
            throw audit.denied(caller, ApplicationService.KIND, id, null);
        }
        if (!"REJECTED".equals(a.status)) {
            throw new ProblemException(ProblemType.CONFLICT, "只有不予援助的决定可以提出异议",
                    "Only a rejection can be appealed, once");
        }
        a.status = "APPEALED";
        a.appealedAt = clock.now();
        a.appealGroundsEncrypted = cipher.encrypt(grounds, GROUNDS_FIELD);
        audit.record(caller, AuditAction.UPDATE, ApplicationService.KIND, a.id, "appeal");
        return a;
    }

    /**
     * A union admin records the justice bureau's decision on the objection, once: UPHELD ends the
     * application (REJECTION_UPHELD); OVERTURNED makes it an accepted case at once (the bureau's
     * decision binds the legal-aid agency: no second decision, conflict check or not), with a lawyer
     * due within 3 working days and case.accepted published.
     */
    @Transactional
    public LegalAidApplication decideAppeal(UUID id, AppealDecision decision, String reference, Actor caller) {
        LegalAidApplication a = applications.find(id);
        if (!caller.is(Roles.UNION_ADMIN)) {
            throw audit.denied(caller, ApplicationService.KIND, id, null);
        }
        if (!"APPEALED".equals(a.status)) {
            throw new ProblemException(ProblemType.CONFLICT, "只有待处理的异议可以记录决定（仅一次）",
                    "Only a pending objection can be decided, once");
        }
        a.appealDecision = decision;
        a.appealReference = reference;
        a.appealDecidedBy = caller.subject();
        a.appealDecidedAt = clock.now();
        if (decision == AppealDecision.UPHELD) {
            a.status = "REJECTION_UPHELD";
        } else {
            // decidedAt stays the agency's own decision (the rejection); the lawyer is due from today.
            a.status = "ACCEPTED";
            a.assignBy = deadlines.assignBy(a.appealDecidedAt.atZone(FiguresPeriod.BEIJING).toLocalDate());
            events.accepted(a, a.appealDecidedAt, !a.decidedOn.isAfter(a.decideBy));
        }
        audit.record(caller, AuditAction.UPDATE, ApplicationService.KIND, a.id, "appeal decided: " + decision);
        return a;
    }

    public String grounds(LegalAidApplication a) {
        return cipher.decrypt(a.appealGroundsEncrypted, GROUNDS_FIELD);
    }

    public String reason(LegalAidApplication a) {
        return cipher.decrypt(a.decisionReasonEncrypted, REASON_FIELD);
    }
}
