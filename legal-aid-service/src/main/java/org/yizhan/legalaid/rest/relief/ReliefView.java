package org.yizhan.legalaid.rest.relief;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.yizhan.legalaid.domain.relief.IllnessCategory;
import org.yizhan.legalaid.domain.relief.ReliefApplication;
import org.yizhan.legalaid.domain.relief.ReliefPayment;
import org.yizhan.legalaid.domain.relief.ReliefStatus;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A relief file, for its applicant and the union staff who may see it. Amounts in fen. */
@Schema(name = "Relief")
public record ReliefView(
        @Schema(required = true) UUID id,
        @Schema(required = true) IllnessCategory illnessCategory,
        @Schema(required = true) ReliefStatus status,
        @Schema(required = true, minimum = "1", maximum = "100000000", format = "int64") long amountRequestedFen,
        @Schema(required = true, minimum = "0", maximum = "100000000", format = "int64") long monthlyHouseholdIncomeFen,
        @Schema(required = true, minimum = "1", maximum = "20", format = "int32") int householdSize,
        @Schema(required = true, description = "Monthly household income per person, in fen, rounded down",
                minimum = "0", maximum = "100000000", format = "int64") long monthlyIncomePerPersonFen,
        @Schema(required = true, maxItems = 20) List<@jakarta.validation.constraints.Size(max = 100) String> documentRefs,
        @Schema(required = true, maxLength = 2000) String description,
        @Schema(description = "The legal-aid case the worker was referred from") UUID caseId,
        @Schema(required = true, description = "Whether union staff recorded it on the worker's behalf")
        boolean recordedByStaff,
        UUID stationId,
        @Schema(maxLength = 60, example = "大兴区") String district,
        @Schema(required = true) Instant submittedAt,
        @Schema(description = "From the first approval: whether its amount was above the threshold then in force, so "
                + "that a second approver is needed") Boolean secondApprovalNeeded,
        Instant firstApprovedAt,
        @Schema(description = "The first approver's amount, in fen", minimum = "1", maximum = "100000000",
                format = "int64") Long firstAmountFen,
        Instant secondApprovedAt,
        @Schema(minimum = "1", maximum = "100000000", format = "int64") Long amountGrantedFen,
        Instant grantedAt,
        @Schema(maxLength = 500) String rejectionReason,
        Instant rejectedAt,
        @Schema(required = true, description = "Paid so far, in fen", minimum = "0", maximum = "100000000",
                format = "int64") long paidFen,
        @Schema(required = true, maxItems = 24, description = "The payments, first paid first") List<PaymentView> payments) {

    /** A payment made. */
    @Schema(name = "ReliefPayment")
    public record PaymentView(
            @Schema(required = true) UUID id,
            @Schema(required = true, minimum = "1", maximum = "100000000", format = "int64") long amountFen,
            @Schema(required = true) LocalDate paidOn,
            @Schema(required = true, maxLength = 60) String reference,
            @Schema(required = true) Instant recordedAt) {
    }

    public static ReliefView of(ReliefApplication r, String description, String rejectionReason,
                                List<ReliefPayment> payments) {
        return new ReliefView(r.id, r.illnessCategory, r.status, r.amountRequestedFen, r.monthlyHouseholdIncomeFen,
                r.householdSize, r.monthlyHouseholdIncomeFen / r.householdSize, r.documentRefs, description, r.caseId,
                r.recordedBy != null, r.stationId, r.district, r.submittedAt,
                r.firstApprovedBy == null ? null : r.secondApprovalNeeded(), r.firstApprovedAt, r.firstAmountFen,
                r.secondApprovedAt, r.amountGrantedFen, r.grantedAt, rejectionReason, r.rejectedAt, r.paidFen,
                payments.stream().map(p -> new PaymentView(p.id, p.amountFen, p.paidOn, p.reference, p.recordedAt))
                        .toList());
    }
}
