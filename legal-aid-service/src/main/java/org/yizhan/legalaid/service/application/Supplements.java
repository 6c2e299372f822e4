package org.yizhan.legalaid.service.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.yizhan.kit.figures.FiguresPeriod;
import org.yizhan.kit.privacy.FieldCipher;
import org.yizhan.kit.problem.ProblemException;
import org.yizhan.kit.problem.ProblemType;
import org.yizhan.kit.time.AppClock;
import org.yizhan.legalaid.domain.application.DecisionDeadline;
import org.yizhan.legalaid.domain.application.LegalAidApplication;
import org.yizhan.legalaid.domain.application.SupplementRequest;
import org.yizhan.legalaid.domain.audit.Actor;
import org.yizhan.legalaid.domain.audit.AuditAction;
import org.yizhan.legalaid.repository.SupplementRepository;
import org.yizhan.legalaid.service.audit.AuditLog;

import java.time.Instant;
import java.util.UUID;

/**
 * Asking an applicant for missing material and taking it in. While material is awaited the
 * decision deadline is stopped (no {@code decideBy}); once it arrives the deadline is computed again
 * without the working days spent waiting.
 */
@ApplicationScoped
public class Supplements {

    static final String NOTE_FIELD = "application_supplement.note";

    private final ApplicationService applications;
    private final SupplementRepository supplements;
    private final AuditLog audit;
    private final FieldCipher cipher;
    private final AppClock clock;
    private final DecisionDeadline deadlines = DecisionDeadline.china();

    public Supplements(ApplicationService applications, SupplementRepository supplements, AuditLog audit,
                       FieldCipher cipher, AppClock clock) {
        this.applications = applications;
        this.supplements = supplements;
        this.audit = audit;
        this.cipher = cipher;
        this.clock = clock;
    }

    /** Union admins or the recording staff ask for material; one request is open at a time. */
    @Transactional
    public LegalAidApplication request(UUID applicationId, String note, Actor caller) {
        LegalAidApplication a = applications.find(applicationId);
        if (!ApplicationService.mayDecide(caller, a)) {
            throw audit.denied(caller, ApplicationService.KIND, applicationId, null);
        }
        if (!a.status.equals("INTAKE")) {
            throw new ProblemException(ProblemType.CONFLICT, "该申请已作出决定", "The application has been decided");
        }
        if (supplements.awaited(a.id).isPresent()) {
            throw new ProblemException(ProblemType.CONFLICT, "已在等待补充材料", "Material is already awaited");
        }
        Instant now = clock.now();
        SupplementRequest s = new SupplementRequest();
        s.id = UUID.randomUUID();
        s.applicationId = a.id;
        s.noteEncrypted = cipher.encrypt(note, NOTE_FIELD);
        s.requestedBy = caller.subject();
        s.requestedAt = now;
        s.requestedOn = now.atZone(FiguresPeriod.BEIJING).toLocalDate();
        supplements.persist(s);
        a.decideBy = null;
        audit.record(caller, AuditAction.UPDATE, ApplicationService.KIND, a.id, "supplement requested");
        return a;
    }

    /** The applicant (or the staff who may decide) report the material supplied; the deadline runs again. */
    @Transactional
    public LegalAidApplication received(UUID applicationId, Actor caller) {
        LegalAidApplication a = applications.find(applicationId);
        if (!applications.isApplicant(caller, a) && !ApplicationService.mayDecide(caller, a)) {
            throw audit.denied(caller, ApplicationService.KIND, applicationId, null);
        }
        SupplementRequest s = supplements.awaited(a.id).orElseThrow(() -> new ProblemException(ProblemType.CONFLICT,
                "没有待补充的材料", "No material is awaited"));
        Instant now = clock.now();
        s.receivedAt = now;
        s.receivedOn = now.atZone(FiguresPeriod.BEIJING).toLocalDate();
        a.decideBy = deadlines.decideBy(a.completeOn,
                supplements.ofApplication(a.id).stream().map(SupplementRequest::asWait).toList()).orElseThrow();
        audit.record(caller, AuditAction.UPDATE, ApplicationService.KIND, a.id, "supplement received");
        return a;
    }
}
