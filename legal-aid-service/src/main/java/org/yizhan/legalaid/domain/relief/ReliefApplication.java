package org.yizhan.legalaid.domain.relief;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A worker's application for serious-illness relief and its review; the applicant is a pseudonym,
 * the description and a rejection's reason are encrypted. Amounts in fen.
 */
@Entity
@Table(name = "relief_application")
public class ReliefApplication {

    @Id
    public UUID id;

    /** The applicant's pseudonym. */
    public String applicant;

    /** The union staff member who recorded it on the worker's behalf. */
    @Column(name = "recorded_by")
    public String recordedBy;

    /** The lawyer or union admin who referred the worker from a case. */
    @Column(name = "referred_by")
    public String referredBy;

    /** The legal-aid case the worker was referred from. */
    @Column(name = "case_id")
    public UUID caseId;

    /** The station where it was made, if any, and its district (kept as it was then, for the figures). */
    @Column(name = "station_id")
    public UUID stationId;

    public String district;

    @Enumerated(EnumType.STRING)
    @Column(name = "illness_category")
    public IllnessCategory illnessCategory;

    @Column(name = "amount_requested_fen")
    public long amountRequestedFen;

    @Column(name = "monthly_household_income_fen")
    public long monthlyHouseholdIncomeFen;

    @Column(name = "household_size")
    public int householdSize;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "document_refs")
    public List<String> documentRefs;

    @Column(name = "description_enc")
    public String descriptionEncrypted;

    @Enumerated(EnumType.STRING)
    public ReliefStatus status;

    @Column(name = "submitted_at")
    public Instant submittedAt;

    /** The threshold in force at the first approval: above it a second approver is needed. */
    @Column(name = "second_approval_above_fen")
    public Long secondApprovalAboveFen;

    @Column(name = "first_approved_by")
    public String firstApprovedBy;

    @Column(name = "first_approved_at")
    public Instant firstApprovedAt;

    /** The amount the first approver granted. */
    @Column(name = "first_amount_fen")
    public Long firstAmountFen;

    @Column(name = "second_approved_by")
    public String secondApprovedBy;

    @Column(name = "second_approved_at")
    public Instant secondApprovedAt;

    @Column(name = "amount_granted_fen")
    public Long amountGrantedFen;

    @Column(name = "granted_at")
    public Instant grantedAt;

    @Column(name = "rejection_reason_enc")
    public String rejectionReasonEncrypted;

    @Column(name = "rejected_by")
    public String rejectedBy;

    @Column(name = "rejected_at")
    public Instant rejectedAt;

    /** The sum of the payments made. */
    @Column(name = "paid_fen")
    public long paidFen;

    @Version
    public int version;

    /** Whether the first approval's amount was above the threshold then in force. */
    public boolean secondApprovalNeeded() {
        return firstAmountFen != null && firstAmountFen > secondApprovalAboveFen;
    }
}
