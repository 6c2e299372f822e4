package org.yizhan.legalaid.rest.application;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.yizhan.legalaid.domain.application.AppealDecision;
import org.yizhan.legalaid.domain.application.ApplicationWorker;
import org.yizhan.legalaid.domain.application.CaseStage;
import org.yizhan.legalaid.domain.application.ClosingResult;
import org.yizhan.legalaid.domain.application.ConflictDecision;
import org.yizhan.legalaid.domain.application.LegalAidApplication;
import org.yizhan.legalaid.domain.consultation.ConsultationCategory;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** An application, for its applicant and the union staff who may see it. */
@Schema(name = "Application")
public record ApplicationView(
        @Schema(required = true) UUID id,
        @Schema(required = true) ConsultationCategory category,
        @Schema(required = true, maxLength = 100) String opposingPartyName,
        @Schema(maxLength = 18) String opposingPartyCreditCode,
        @Schema(required = true, maxLength = 4000) String facts,
        @Schema(required = true, description = "Claimed (not awarded, not recovered), in fen: the sum of the workers' "
                + "claims", minimum = "0", maximum = "2000000000000", format = "int64") long amountClaimedFen,
        @Schema(required = true, maxItems = 200, description = "The workers of the application by number (1 = the "
                + "applicant, then the co-applicants of a group case; never who) and what each claims")
        List<WorkerView> workers,
        @Schema(maxLength = LegalAidApplication.MAX_DISTRICT, description = "The district the application counts in (absent: not known)")
        String district,
        @Schema(required = true, maxItems = 20) List<@jakarta.validation.constraints.Size(max = 100) String> documentRefs,
        @Schema(required = true, maxLength = 20, example = "INTAKE",
                description = "INTAKE, ACCEPTED, REJECTED, REFERRED, APPEALED, REJECTION_UPHELD or CLOSED") String status,
        @Schema(description = "For a case: its latest stage (the current one while open)") CaseStage.Stage currentStage,
        UUID consultationId,
        @Schema(required = true) boolean recordedByStaff,
        @Schema(required = true) Instant receivedAt,
        @Schema(required = true, description = "The (Beijing) day the application was complete") LocalDate completeOn,
        @Schema(description = "The last day to decide: 7 working days after completeOn on the official calendar, "
                + "the working days spent waiting for material not counted; absent while material is awaited")
        LocalDate decideBy,
        @Schema(required = true, description = "Material was asked for and has not arrived (the deadline is stopped)")
        boolean awaitingSupplement,
        ConflictDecision conflictDecision,
        @Schema(maxLength = 500) String conflictNote,
        Instant conflictDecidedAt,
        @Schema(description = "When decided") Instant decidedAt,
        @Schema(maxLength = 500, description = "The reason given with the decision") String decisionReason,
        @Schema(maxLength = 40, description = "For REFERRED: the receiving body's reference") String referralCode,
        @Schema(description = "For ACCEPTED: the last working day to assign a lawyer") LocalDate assignBy,
        @Schema(required = true, maxItems = 20, description = "The lawyers assigned, first assigned first")
        List<UUID> lawyerIds,
        @Schema(description = "When the first lawyer was assigned") Instant assignedAt,
        @Schema(description = "When the applicant objected to the rejection") Instant appealedAt,
        @Schema(maxLength = 2000, description = "The applicant's grounds") String appealGrounds,
        @Schema(description = "The justice bureau's decision on the objection") AppealDecision appealDecision,
        @Schema(maxLength = 40, description = "The bureau's reference") String appealReference,
        Instant appealDecidedAt,
        @Schema(description = "For CLOSED: the closing form's result") ClosingResult closingResult,
        @Schema(maxLength = 1000, description = "For CLOSED: the closing form's reason") String closingReason,
        Instant closedAt,
        @Schema(description = "For CLOSED: the amounts at closing (claimed, awarded and recovered totals and per "
                + "worker); they cannot change after closing") AmountsView closingAmounts) {

    /** A worker of the application, by number. */
    @Schema(name = "ApplicationWorker")
    public record WorkerView(
            @Schema(required = true, minimum = "1", maximum = "200", format = "int32") int worker,
            @Schema(required = true, minimum = "0", maximum = "10000000000", format = "int64") long claimedFen) {
    }

    /** What the view shows of a case beyond the application row: the decrypted texts and the related rows. */
    public record Parts(String opposingPartyName, String facts, String reason, List<UUID> lawyerIds,
                        String appealGrounds, String closingReason, List<ApplicationWorker> workers,
                        CaseStage.Stage currentStage, AmountsView closingAmounts) {
    }

    public static ApplicationView of(LegalAidApplication a, Parts p) {
        return new ApplicationView(a.id, a.category, p.opposingPartyName(), a.creditCode, p.facts(), a.amountClaimedFen,
                p.workers().stream().map(w -> new WorkerView(w.position, w.claimedFen)).toList(), a.district,
                a.documentRefs, a.status, p.currentStage(), a.consultationId, a.recordedBy != null, a.receivedAt, a.completeOn, a.decideBy,
                a.decideBy == null,
                a.conflictDecision, a.conflictNote, a.conflictDecidedAt, a.decidedAt, p.reason(), a.referralCode,
                a.assignBy, p.lawyerIds(), a.assignedAt, a.appealedAt, p.appealGrounds(), a.appealDecision,
                a.appealReference, a.appealDecidedAt, a.closingResult, p.closingReason(), a.closedAt,
                p.closingAmounts());
    }
}
