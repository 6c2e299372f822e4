package org.yizhan.legalaid.service.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.yizhan.kit.problem.ProblemException;
import org.yizhan.kit.problem.ProblemType;
import org.yizhan.kit.time.AppClock;
import org.yizhan.legalaid.domain.application.ApplicationWorker;
import org.yizhan.legalaid.domain.application.CaseAmount;
import org.yizhan.legalaid.domain.application.LegalAidApplication;
import org.yizhan.legalaid.domain.audit.Actor;
import org.yizhan.legalaid.domain.audit.AuditAction;
import org.yizhan.legalaid.repository.CaseAmountRepository;
import org.yizhan.legalaid.service.audit.AuditLog;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The money of a case kept apart: claimed (the application's), awarded and recovered, in fen, never
 * added into one figure. Recovered above awarded is recorded with a warning, not refused.
 */
@ApplicationScoped
public class CaseAmounts {

    /**
     * Claimed, awarded and recovered totals of a case, its amounts, and what looks wrong. The totals
     * are the sums of {@code workers}: they are computed from the per-worker rows, never kept apart.
     */
    public record Totals(long claimedFen, long awardedFen, long recoveredFen, List<CaseAmount> amounts,
                         List<String> warnings, List<WorkerTotals> workers) {
    }

    /** The amounts of one worker of the case (position 1 = the applicant), and what looks wrong there. */
    public record WorkerTotals(int worker, long claimedFen, long awardedFen, long recoveredFen, List<String> warnings) {
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
    public Totals record(UUID caseId, Integer worker, CaseAmount.Kind kind, CaseAmount.Basis basis, long amountFen,
                         LocalDate onDate, Actor caller) {
        LegalAidApplication a = applications.find(caseId);
        if (!applications.mayRecordOnCase(caller, a)) {
            throw audit.denied(caller, ApplicationService.KIND, caseId, null);
        }
        if (!"ACCEPTED".equals(a.status)) {
            throw new ProblemException(ProblemType.CONFLICT, "只有已受理的案件记录金额", "Amounts belong to accepted cases");
        }
        if (amounts.count("applicationId", caseId) >= CaseAmountRepository.MAX_PER_CASE) {
            throw new ProblemException(ProblemType.CONFLICT, "金额记录已达上限", "The case has the most amounts allowed");
        }
        int groupSize = applications.workersOf(a).size();
        if (worker == null && groupSize > 1) {
            throw ProblemException.invalidField("worker", "集体案件须指明职工序号 / a group case needs the worker's number");
        }
        if (worker != null && worker > groupSize) {
            throw ProblemException.invalidField("worker", "本案只有 " + groupSize + " 名职工 / the case has " + groupSize
                    + " workers");
        }
        CaseAmount m = new CaseAmount();
        m.id = UUID.randomUUID();
        m.applicationId = caseId;
        m.worker = worker == null ? 1 : worker;
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
                applications.isApplicant(caller, a), purpose);
        return totals(a);
    }

    /**
     * The totals of a case (callers audit their own use): per worker, then the case's as the sums of
     * the workers' rows. A warning of any worker is a warning of the case.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Totals totals(LegalAidApplication a) {
        List<CaseAmount> list = amounts.ofCase(a.id);
        List<WorkerTotals> rows = new ArrayList<>();
        for (ApplicationWorker w : applications.workersOf(a)) {
            long awarded = sum(list, w.position, CaseAmount.Kind.AWARDED);
            long recovered = sum(list, w.position, CaseAmount.Kind.RECOVERED);
            rows.add(new WorkerTotals(w.position, w.claimedFen, awarded, recovered, warnings(w.claimedFen, awarded,
                    recovered)));
        }
        long claimed = rows.stream().mapToLong(WorkerTotals::claimedFen).sum();
        long awarded = rows.stream().mapToLong(WorkerTotals::awardedFen).sum();
        long recovered = rows.stream().mapToLong(WorkerTotals::recoveredFen).sum();
        Set<String> warnings = new LinkedHashSet<>(warnings(claimed, awarded, recovered));
        rows.forEach(r -> warnings.addAll(r.warnings()));
        return new Totals(claimed, awarded, recovered, list, List.copyOf(warnings), List.copyOf(rows));
    }

    private static long sum(List<CaseAmount> list, int worker, CaseAmount.Kind kind) {
        return list.stream().filter(m -> m.worker == worker && m.kind == kind).mapToLong(m -> m.amountFen).sum();
    }

    private static List<String> warnings(long claimed, long awarded, long recovered) {
        List<String> warnings = new ArrayList<>();
        if (recovered > awarded) {
            warnings.add(RECOVERED_EXCEEDS_AWARDED);
        }
        if (awarded > claimed) {
            warnings.add(AWARDED_EXCEEDS_CLAIMED);
        }
        return List.copyOf(warnings);
    }
}
