package org.yizhan.legalaid.service.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.yizhan.kit.figures.FiguresPeriod;
import org.yizhan.kit.problem.ProblemException;
import org.yizhan.kit.problem.ProblemType;
import org.yizhan.kit.time.AppClock;
import org.yizhan.legalaid.domain.application.LegalAidApplication;
import org.yizhan.legalaid.domain.audit.Actor;
import org.yizhan.legalaid.domain.audit.AuditAction;
import org.yizhan.legalaid.events.LegalAidEvents;
import org.yizhan.legalaid.repository.CaseLawyerRepository;
import org.yizhan.legalaid.service.audit.AuditLog;
import org.yizhan.legalaid.service.duty.LawyerService;

import java.time.Instant;
import java.util.UUID;

/** Union admins assign registered lawyers to an accepted case; only assigned lawyers may then read it. */
@ApplicationScoped
public class Assignments {

    private final ApplicationService applications;
    private final CaseLawyerRepository caseLawyers;
    private final LawyerService lawyers;
    private final LegalAidEvents events;
    private final AuditLog audit;
    private final AppClock clock;

    public Assignments(ApplicationService applications, CaseLawyerRepository caseLawyers, LawyerService lawyers,
                       LegalAidEvents events, AuditLog audit, AppClock clock) {
        this.applications = applications;
        this.caseLawyers = caseLawyers;
        this.lawyers = lawyers;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
    }

    /** Assigns the lawyer (publishing case.assigned); assigning the same lawyer again changes nothing. */
    @Transactional
    public LegalAidApplication assign(UUID applicationId, UUID lawyerId, Actor admin) {
        LegalAidApplication a = applications.find(applicationId);
        if (!"ACCEPTED".equals(a.status)) {
            throw new ProblemException(ProblemType.CONFLICT, "只有已受理的案件可以指派律师",
                    "Lawyers are assigned to accepted cases only");
        }
        lawyers.require(lawyerId, "lawyerId");
        if (caseLawyers.count(a.id) >= CaseLawyerRepository.MAX_LAWYERS && !caseLawyers.isAssigned(a.id, lawyerId)) {
            throw new ProblemException(ProblemType.CONFLICT, "每案最多 " + CaseLawyerRepository.MAX_LAWYERS + " 名律师",
                    "A case has at most " + CaseLawyerRepository.MAX_LAWYERS + " lawyers");
        }
        Instant now = clock.now();
        if (caseLawyers.assign(a.id, lawyerId, admin.subject(), now)) {
            if (a.assignedAt == null) {
                a.assignedAt = now;
            }
            events.assigned(a, lawyerId, now, !now.atZone(FiguresPeriod.BEIJING).toLocalDate().isAfter(a.assignBy));
            audit.record(admin, AuditAction.UPDATE, ApplicationService.KIND, a.id, "lawyer assigned");
        }
        return a;
    }
}
