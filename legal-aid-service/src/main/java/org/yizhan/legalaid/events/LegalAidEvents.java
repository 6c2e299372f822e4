package org.yizhan.legalaid.events;

import jakarta.enterprise.context.ApplicationScoped;
import org.yizhan.events.EventSources;
import org.yizhan.events.EventTypes;
import org.yizhan.events.Topics;
import org.yizhan.events.legalaid.CaseAccepted;
import org.yizhan.events.legalaid.CaseAssigned;
import org.yizhan.events.legalaid.CaseClosed;
import org.yizhan.events.legalaid.ConsultationAnswered;
import org.yizhan.events.legalaid.ReliefGranted;
import org.yizhan.kit.outbox.Outbox;
import org.yizhan.legalaid.domain.application.LegalAidApplication;
import org.yizhan.legalaid.domain.consultation.Consultation;
import org.yizhan.legalaid.domain.relief.ReliefApplication;

/** The events of yizhan.legalaid.v1, written to the outbox in the transaction of the change. No personal details. */
@ApplicationScoped
public class LegalAidEvents {

    private final Outbox outbox;

    public LegalAidEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    /** Key: the consultation's id. */
    public void answered(Consultation c) {
        outbox.add(Topics.LEGAL_AID, c.id.toString(), EventSources.LEGAL_AID_SERVICE, EventTypes.CONSULTATION_ANSWERED,
                new ConsultationAnswered(c.id, c.category.name(), c.channel.name(), c.stationId, c.answeredRole,
                        c.askedAt, c.answeredAt));
    }

    /** Key: the case's (the application's) id; accepted by the agency's decision or by an objection overturned. */
    public void accepted(LegalAidApplication a, java.time.Instant acceptedAt, boolean decidedInTime) {
        outbox.add(Topics.LEGAL_AID, a.id.toString(), EventSources.LEGAL_AID_SERVICE, EventTypes.CASE_ACCEPTED,
                new CaseAccepted(a.id, a.category.name(), a.amountClaimedFen, acceptedAt, decidedInTime, a.assignBy));
    }

    /** Key: the case's id. */
    public void assigned(LegalAidApplication a, java.util.UUID lawyerId, java.time.Instant at, boolean inTime) {
        outbox.add(Topics.LEGAL_AID, a.id.toString(), EventSources.LEGAL_AID_SERVICE, EventTypes.CASE_ASSIGNED,
                new CaseAssigned(a.id, lawyerId, a.category.name(), at, inTime));
    }

    /** Key: the case's id; the amounts are the case's totals, the sums of its per-worker rows. */
    public void closed(LegalAidApplication a, long claimedFen, long awardedFen, long recoveredFen, int workers) {
        outbox.add(Topics.LEGAL_AID, a.id.toString(), EventSources.LEGAL_AID_SERVICE, EventTypes.CASE_CLOSED,
                new CaseClosed(a.id, a.category.name(), a.closingResult.name(), claimedFen, awardedFen,
                        recoveredFen, a.closedAt, workers));
    }

    /** Key: the relief file's id. No applicant, description, income or names. */
    public void reliefGranted(ReliefApplication r) {
        outbox.add(Topics.LEGAL_AID, r.id.toString(), EventSources.LEGAL_AID_SERVICE, EventTypes.RELIEF_GRANTED,
                new ReliefGranted(r.id, r.illnessCategory.name(), r.amountGrantedFen, r.grantedAt,
                        r.secondApprovalNeeded()));
    }
}
