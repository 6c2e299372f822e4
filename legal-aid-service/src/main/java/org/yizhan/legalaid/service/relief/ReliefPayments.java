package org.yizhan.legalaid.service.relief;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.yizhan.kit.figures.FiguresPeriod;
import org.yizhan.kit.problem.ProblemException;
import org.yizhan.kit.problem.ProblemType;
import org.yizhan.kit.time.AppClock;
import org.yizhan.legalaid.domain.audit.Actor;
import org.yizhan.legalaid.domain.audit.AuditAction;
import org.yizhan.legalaid.domain.relief.ReliefApplication;
import org.yizhan.legalaid.domain.relief.ReliefPayment;
import org.yizhan.legalaid.domain.relief.ReliefStatus;
import org.yizhan.legalaid.repository.ReliefPaymentRepository;
import org.yizhan.legalaid.service.audit.AuditLog;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Payments of granted relief: one or several (instalments), whose sum never exceeds the amount
 * granted (the database refuses it too); paid in full the file is PAID.
 */
@ApplicationScoped
public class ReliefPayments {

    private final ReliefService reliefs;
    private final ReliefAccess access;
    private final ReliefPaymentRepository payments;
    private final AuditLog audit;
    private final AppClock clock;

    public ReliefPayments(ReliefService reliefs, ReliefAccess access, ReliefPaymentRepository payments, AuditLog audit,
                          AppClock clock) {
        this.reliefs = reliefs;
        this.access = access;
        this.payments = payments;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Records a payment made (union admins, the staff member who recorded or approved the file).
     *
     * @throws ProblemException 400 for a payment day in the future; 409 when the file is not granted
     *                          or the payment would pay more than was granted
     */
    @Transactional
    public ReliefApplication pay(UUID id, long amountFen, LocalDate paidOn, String reference, Actor caller) {
        ReliefApplication r = reliefs.lock(id);
        if (!access.mayPay(caller, r)) {
            throw audit.denied(caller, ReliefService.KIND, id, null);
        }
        if (paidOn.isAfter(clock.today(FiguresPeriod.BEIJING))) {
            throw ProblemException.invalidField("paidOn", "不能是将来的日期 / must not be in the future");
        }
        if (r.status != ReliefStatus.GRANTED) {
            throw new ProblemException(ProblemType.CONFLICT, r.status == ReliefStatus.PAID ? "救助金已足额支付"
                    : "救助申请尚未批准", r.status == ReliefStatus.PAID ? "The relief has been paid in full"
                    : "The relief has not been granted");
        }
        if (amountFen > r.amountGrantedFen - r.paidFen) {
            throw new ProblemException(ProblemType.CONFLICT, "支付金额超过未付的批准金额",
                    "The payment is more than what remains of the amount granted");
        }
        if (payments.count("reliefId", id) >= ReliefPaymentRepository.MAX_PER_RELIEF) {
            throw new ProblemException(ProblemType.CONFLICT, "支付记录已达上限", "The relief has the most payments allowed");
        }
        ReliefPayment p = new ReliefPayment();
        p.id = UUID.randomUUID();
        p.reliefId = r.id;
        p.amountFen = amountFen;
        p.paidOn = paidOn;
        p.reference = reference;
        p.recordedBy = caller.subject();
        p.recordedAt = clock.now();
        payments.persist(p);
        r.paidFen += amountFen;
        if (r.paidFen == r.amountGrantedFen) {
            r.status = ReliefStatus.PAID;
        }
        audit.record(caller, AuditAction.UPDATE, ReliefService.KIND, r.id, "payment");
        return r;
    }

    /** The payments of a file (callers audit their own use). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ReliefPayment> of(ReliefApplication r) {
        return payments.ofRelief(r.id);
    }
}
