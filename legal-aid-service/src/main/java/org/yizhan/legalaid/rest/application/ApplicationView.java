package org.yizhan.legalaid.rest.application;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
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
        @Schema(required = true, description = "Claimed (not awarded, not recovered), in fen", minimum = "0",
                maximum = "10000000000", format = "int64") long amountClaimedFen,
        @Schema(required = true, maxItems = 20) List<@jakarta.validation.constraints.Size(max = 100) String> documentRefs,
        @Schema(required = true, maxLength = 20, example = "INTAKE",
                description = "INTAKE, ACCEPTED, REJECTED, REFERRED, APPEALED or CLOSED") String status,
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
        @Schema(description = "For CLOSED: the closing form's result") ClosingResult closingResult,
        @Schema(maxLength = 1000, description = "For CLOSED: the closing form's reason") String closingReason,
        Instant closedAt) {

    public static ApplicationView of(LegalAidApplication a, String opposingPartyName, String facts, String reason,
                                     List<UUID> lawyerIds, String appealGrounds, String closingReason) {
        return new ApplicationView(a.id, a.category, opposingPartyName, a.creditCode, facts, a.amountClaimedFen,
                a.documentRefs, a.status, a.consultationId, a.recordedBy != null, a.receivedAt, a.completeOn, a.decideBy,
                a.decideBy == null,
                a.conflictDecision, a.conflictNote, a.conflictDecidedAt, a.decidedAt, reason, a.referralCode, a.assignBy,
                lawyerIds, a.assignedAt, a.appealedAt, appealGrounds, a.closingResult, closingReason, a.closedAt);
    }
}
