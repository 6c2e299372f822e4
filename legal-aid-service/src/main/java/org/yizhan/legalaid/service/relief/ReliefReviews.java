package org.yizhan.legalaid.service.relief;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.yizhan.kit.privacy.FieldCipher;
import org.yizhan.kit.problem.ProblemException;
import org.yizhan.kit.problem.ProblemType;
import org.yizhan.kit.time.AppClock;
import org.yizhan.legalaid.domain.audit.Actor;
import org.yizhan.legalaid.domain.audit.AuditAction;
import org.yizhan.legalaid.domain.relief.ReliefApplication;
import org.yizhan.legalaid.domain.relief.ReliefStatus;
import org.yizhan.legalaid.events.LegalAidEvents;
import org.yizhan.legalaid.service.audit.AuditLog;

import java.util.UUID;

/**
 * The review of a relief application by union staff: approved with an amount granted (at most the
 * amount requested) or rejected with a reason. An amount above the threshold
 * ({@value #THRESHOLD_PROPERTY}) needs a second approver who is not the first before it is granted
 * (ADR 0020); the database refuses a grant without one, and the same person twice.
 */
@ApplicationScoped
public class ReliefReviews {

    /** The setting: the amount in fen above which a second approver is needed. */
    public static final String THRESHOLD_PROPERTY = "yizhan.legal-aid.relief.second-approval-above-fen";
    /** ¥5,000. */
    public static final String DEFAULT_THRESHOLD = "500000";
    static final String REASON_FIELD = "relief.rejection_reason";

    private final ReliefService reliefs;
    private final ReliefAccess access;
    private final LegalAidEvents events;
    private final AuditLog audit;
    private final FieldCipher cipher;
    private final AppClock clock;
    private final long threshold;

    public ReliefReviews(ReliefService reliefs, ReliefAccess access, LegalAidEvents events, AuditLog audit,
                         FieldCipher cipher, AppClock clock,
                         @ConfigProperty(name = THRESHOLD_PROPERTY, defaultValue = DEFAULT_THRESHOLD) long threshold) {
        if (threshold < 0) {
            throw new IllegalStateException(THRESHOLD_PROPERTY + " must not be negative");
        }
        this.reliefs = reliefs;
        this.access = access;
        this.events = events;
        this.audit = audit;
        this.cipher = cipher;
        this.clock = clock;
        this.threshold = threshold;
    }

    /** The amount in fen above which a grant needs a second approver. */
    public long threshold() {
        return threshold;
    }

    /**
     * Approves: the first approval at or below the threshold grants; above it the file waits
     * (APPROVED_ONCE) for a second approver, who may lower the amount but not raise it. Granting
     * publishes relief.granted.
     *
     * @throws ProblemException 409 when the same person approves twice, or the file is no longer in review
     */
    @Transactional
    public ReliefApplication approve(UUID id, long amountGrantedFen, Actor caller) {
        ReliefApplication r = reviewable(id, caller);
        if (r.status == ReliefStatus.SUBMITTED) {
            if (amountGrantedFen > r.amountRequestedFen) {
                throw ProblemException.invalidField("amountGrantedFen", "不能超过申请金额 / at most the amount requested");
            }
            r.secondApprovalAboveFen = threshold;
            r.firstApprovedBy = caller.subject();
            r.firstApprovedAt = clock.now();
            r.firstAmountFen = amountGrantedFen;
            if (r.secondApprovalNeeded()) {
                r.status = ReliefStatus.APPROVED_ONCE;
                audit.record(caller, AuditAction.UPDATE, ReliefService.KIND, r.id, "approved once");
                return r;
            }
        } else {
            if (caller.subject().equals(r.firstApprovedBy)) {
                throw new ProblemException(ProblemType.CONFLICT, "第二审批人须为另一人", "The second approver must be "
                        + "someone other than the first");
            }
            if (amountGrantedFen > r.firstAmountFen) {
                throw ProblemException.invalidField("amountGrantedFen", "第二审批人只能调低金额 / the second approver may "
                        + "lower the amount, not raise it");
            }
            r.secondApprovedBy = caller.subject();
            r.secondApprovedAt = clock.now();
        }
        r.amountGrantedFen = amountGrantedFen;
        r.grantedAt = clock.now();
        r.status = ReliefStatus.GRANTED;
        events.reliefGranted(r);
        audit.record(caller, AuditAction.UPDATE, ReliefService.KIND, r.id, "granted");
        return r;
    }

    /** Rejects with a reason (stored encrypted), from SUBMITTED or APPROVED_ONCE. */
    @Transactional
    public ReliefApplication reject(UUID id, String reason, Actor caller) {
        ReliefApplication r = reviewable(id, caller);
        r.rejectionReasonEncrypted = cipher.encrypt(reason, REASON_FIELD);
        r.rejectedBy = caller.subject();
        r.rejectedAt = clock.now();
        r.status = ReliefStatus.REJECTED;
        audit.record(caller, AuditAction.UPDATE, ReliefService.KIND, r.id, "rejected");
        return r;
    }

    public String rejectionReason(ReliefApplication r) {
        return r.rejectionReasonEncrypted == null ? null : cipher.decrypt(r.rejectionReasonEncrypted, REASON_FIELD);
    }

    private ReliefApplication reviewable(UUID id, Actor caller) {
        ReliefApplication r = reliefs.lock(id);
        if (!access.mayReview(caller, r)) {
            throw audit.denied(caller, ReliefService.KIND, id, null);
        }
        if (!r.status.inReview()) {
            throw new ProblemException(ProblemType.CONFLICT, "该救助申请已审批完毕", "The relief application has been decided");
        }
        return r;
    }
}
