package org.yizhan.legalaid.service.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.yizhan.kit.problem.ProblemException;
import org.yizhan.kit.problem.ProblemType;
import org.yizhan.kit.security.Roles;
import org.yizhan.kit.time.AppClock;
import org.yizhan.legalaid.domain.application.CaseAmount;
import org.yizhan.legalaid.domain.application.LegalAidApplication;
import org.yizhan.legalaid.domain.audit.Actor;
import org.yizhan.legalaid.domain.audit.AuditAction;
import org.yizhan.legalaid.repository.CaseAmountRepository;
import org.yizhan.legalaid.service.audit.AuditLog;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The money of a case kept apart: claimed (the application's), awarded and recovered, in fen, never
 * added into one figure. Recovered above awarded is recorded with a warning, not refused.
 */
@ApplicationScoped
public class CaseAmounts {

    /** Claimed, awarded and recovered totals of a case, its amounts, and what looks wrong. */
    public record Totals(long claimedFen, long awardedFen, long recoveredFen, List<CaseAmount> amounts,
                         List<String> warnings) {
    }

    /** A warning: more was recovered than was awarded. */
    public static final String RECOVERED_EXCEEDS_AWARDED = "RECOVERED_EXCEEDS_AWARDED";
    /** A warning: more was awarded than was claimed. */
    public static final String AWARDED_EXCEEDS_CLAIMED = "AWARDED_EXCEEDS_CLAIMED";

    private final ApplicationService applications;
    private final CaseAmountRepository amounts;
    private final AuditLog audit;
    private final AppClock clock;

    public CaseAmounts(ApplicationService applications, CaseAmountRepository amounts, AuditLog audit, AppClock clock) {
        this.applications = applications;
        this.amounts = amounts;
        this.audit = audit;
        this.clock = clock;
    }

    /** Union admins and the case's lawyers record an amount of an accepted case. */
    @Transactional
    public Totals record(UUID caseId, CaseAmount.Kind kind, CaseAmount.Basis basis, long amountFen, LocalDate onDate,
                         Actor caller) {
        LegalAidApplication a = applications.find(caseId);
        if (!caller.is(Roles.UNION_ADMIN) && !(caller.is(Roles.LAWYER) && applications.maySee(caller, a))) {
            throw audit.denied(caller, ApplicationService.KIND, caseId, null);
        }
        if (!"ACCEPTED".equals(a.status)) {
            throw new ProblemException(ProblemType.CONFLICT, "只有已受理的案件记录金额", "Amounts belong to accepted cases");
        }
        if (amounts.count("applicationId", caseId) >= CaseAmountRepository.MAX_PER_CASE) {
            throw new ProblemException(ProblemType.CONFLICT, "金额记录已达上限", "The case has the most amounts allowed");
        }
        CaseAmount m = new CaseAmount();
        m.id = UUID.randomUUID();
        m.applicationId = caseId;
        m.kind = kind;
        m.basis = basis;
        m.amountFen = amountFen;
        m.onDate = onDate;
        m.recordedBy = caller.subject();
        m.recordedAt = clock.now();
        amounts.persist(m);
        audit.record(caller, AuditAction.UPDATE, ApplicationService.KIND, caseId, "amount " + kind);
        return totals(a);
    }

    /** The totals, for whoever may see the case (read audited, with a purpose for staff). */
    @Transactional
    public Totals read(UUID caseId, String purpose, Actor caller) {
        LegalAidApplication a = applications.find(caseId);
        audit.read(caller, ApplicationService.KIND, caseId, applications.maySee(caller, a),
                ApplicationService.isApplicant(caller, a), purpose);
        return totals(a);
    }

    /** The totals of a case (callers audit their own use). */
    @Transactional(Transactional.TxType.MANDATORY)
    public Totals totals(LegalAidApplication a) {
        List<CaseAmount> list = amounts.ofCase(a.id);
        long awarded = list.stream().filter(m -> m.kind == CaseAmount.Kind.AWARDED).mapToLong(m -> m.amountFen).sum();
        long recovered = list.stream().filter(m -> m.kind == CaseAmount.Kind.RECOVERED).mapToLong(m -> m.amountFen).sum();
        List<String> warnings = new ArrayList<>();
        if (recovered > awarded) {
            warnings.add(RECOVERED_EXCEEDS_AWARDED);
        }
        if (awarded > a.amountClaimedFen) {
            warnings.add(AWARDED_EXCEEDS_CLAIMED);
        }
        return new Totals(a.amountClaimedFen, awarded, recovered, list, List.copyOf(warnings));
    }
}
