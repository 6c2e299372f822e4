package org.yizhan.legalaid.service.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.yizhan.kit.figures.FiguresPeriod;
import org.yizhan.kit.problem.ProblemException;
import org.yizhan.kit.problem.ProblemType;
import org.yizhan.kit.security.Roles;
import org.yizhan.kit.time.AppClock;
import org.yizhan.legalaid.domain.application.CaseStage;
import org.yizhan.legalaid.domain.application.LegalAidApplication;
import org.yizhan.legalaid.domain.audit.Actor;
import org.yizhan.legalaid.domain.audit.AuditAction;
import org.yizhan.legalaid.repository.CaseStageRepository;
import org.yizhan.legalaid.service.audit.AuditLog;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The stages of an accepted case, recorded by its lawyers or a union admin. Forward only: a stage
 * starts after every stage recorded before it in the order of {@link CaseStage.Stage} (stages may
 * be skipped, none reopened), and only when the stage before it has ended; a stage ends once, on a
 * day not before it started, with an outcome that belongs to it.
 */
@ApplicationScoped
public class CaseStages {

    private final ApplicationService applications;
    private final CaseStageRepository stages;
    private final AuditLog audit;
    private final AppClock clock;

    public CaseStages(ApplicationService applications, CaseStageRepository stages, AuditLog audit, AppClock clock) {
        this.applications = applications;
        this.stages = stages;
        this.audit = audit;
        this.clock = clock;
    }

    /** Starts the stage on {@code startedOn}; answers the case's stages. */
    @Transactional
    public List<CaseStage> start(UUID caseId, CaseStage.Stage stage, LocalDate startedOn, Actor caller) {
        LegalAidApplication a = openCase(caseId, caller);
        notAfterToday("startedOn", startedOn);
        Optional<CaseStage> latest = stages.latest(caseId);
        if (latest.isPresent()) {
            CaseStage last = latest.get();
            if (last.stage.compareTo(stage) >= 0) {
                throw new ProblemException(ProblemType.CONFLICT, "案件阶段只能向前推进，不能重开或回退：已到 " + last.stage,
                        "Stages go forward only and are never reopened: the case is at " + last.stage);
            }
            if (last.endedOn == null) {
                throw new ProblemException(ProblemType.CONFLICT, "请先结束当前阶段 " + last.stage,
                        "End the current stage " + last.stage + " first");
            }
            if (startedOn.isBefore(last.endedOn)) {
                throw ProblemException.invalidField("startedOn", "不能早于上一阶段结束日 " + last.endedOn
                        + " / not before the previous stage ended");
            }
        }
        CaseStage s = new CaseStage();
        s.applicationId = a.id;
        s.stage = stage;
        s.startedOn = startedOn;
        s.startedBy = caller.subject();
        s.recordedAt = clock.now();
        stages.persist(s);
        audit.record(caller, AuditAction.UPDATE, ApplicationService.KIND, a.id, "stage started: " + stage);
        return stages.of(a.id);
    }

    /** Ends the stage on {@code endedOn} with its outcome, once; answers the case's stages. */
    @Transactional
    public List<CaseStage> end(UUID caseId, CaseStage.Stage stage, LocalDate endedOn, CaseStage.Outcome outcome,
                               Actor caller) {
        LegalAidApplication a = openCase(caseId, caller);
        if (!outcome.endsA(stage)) {
            throw ProblemException.invalidField("outcome", outcome + " 不是 " + stage + " 阶段的结果 / not an outcome of "
                    + stage);
        }
        notAfterToday("endedOn", endedOn);
        CaseStage s = stages.findByIdOptional(new CaseStage.Key(a.id, stage)).orElseThrow(() -> ProblemException.notFound(
                "案件阶段", "The stage"));
        if (s.endedOn != null) {
            throw new ProblemException(ProblemType.CONFLICT, "该阶段已结束", "The stage has ended already");
        }
        if (endedOn.isBefore(s.startedOn)) {
            throw ProblemException.invalidField("endedOn", "不能早于开始日 " + s.startedOn + " / not before the stage started");
        }
        s.endedOn = endedOn;
        s.outcome = outcome;
        s.endedBy = caller.subject();
        audit.record(caller, AuditAction.UPDATE, ApplicationService.KIND, a.id, "stage ended: " + stage + " " + outcome);
        return stages.of(a.id);
    }

    /** The stages, for whoever may see the case (read audited, with a purpose for everyone but its workers). */
    @Transactional
    public List<CaseStage> read(UUID caseId, String purpose, Actor caller) {
        LegalAidApplication a = applications.find(caseId);
        audit.read(caller, ApplicationService.KIND, caseId, applications.maySee(caller, a),
                applications.isApplicant(caller, a), purpose);
        return stages.of(a.id);
    }

    /** The case's latest stage (its current one while the case is open), if any. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<CaseStage> current(LegalAidApplication a) {
        return stages.latest(a.id);
    }

    /**
     * The case, for its lawyers and union admins (others: 403 recorded), and open (else 409); locked,
     * so that two stages recorded at once are checked one after the other.
     */
    private LegalAidApplication openCase(UUID caseId, Actor caller) {
        LegalAidApplication a = applications.findLocked(caseId);
        if (!applications.mayRecordOnCase(caller, a)) {
            throw audit.denied(caller, ApplicationService.KIND, caseId, null);
        }
        if (!"ACCEPTED".equals(a.status)) {
            throw new ProblemException(ProblemType.CONFLICT, "只有办理中的案件记录阶段", "Stages belong to open cases");
        }
        return a;
    }

    private void notAfterToday(String field, LocalDate day) {
        if (day.isAfter(clock.today(FiguresPeriod.BEIJING))) {
            throw ProblemException.invalidField(field, "不能晚于今天 / not in the future");
        }
    }
}
