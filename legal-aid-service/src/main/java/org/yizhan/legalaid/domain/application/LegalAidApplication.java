package org.yizhan.legalaid.domain.application;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.Formula;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.yizhan.legalaid.domain.consultation.ConsultationCategory;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A worker's application for legal aid at intake; the applicant is a pseudonym, name and facts are encrypted. */
@Entity
@Table(name = "application")
public class LegalAidApplication {

    /** The longest district name (as the station replica keeps it). */
    public static final int MAX_DISTRICT = 60;

    @Id
    public UUID id;

    /** The applicant's pseudonym (also the group's worker 1; co-applicants are in {@link ApplicationWorker}). */
    public String applicant;

    @Column(name = "recorded_by")
    public String recordedBy;

    @Column(name = "consultation_id")
    public UUID consultationId;

    @Enumerated(EnumType.STRING)
    public ConsultationCategory category;

    @Column(name = "opposing_name_enc")
    public String opposingNameEncrypted;

    /** The deterministic encryption of {@link OpposingPartyNames#key}. */
    @Column(name = "opposing_key")
    public String opposingKey;

    @Column(name = "credit_code")
    public String creditCode;

    @Column(name = "facts_enc")
    public String factsEncrypted;

    /**
     * The amount claimed, in fen (1/100 yuan): the sum of the workers' claims, never stored on its own
     * (read from {@code application_worker}; set in memory at intake from the same rows).
     */
    @Formula("(select coalesce(sum(w.claimed_fen), 0) from application_worker w where w.application_id = id)")
    public long amountClaimedFen;

    /** The station where union staff took the application, if they did. */
    @Column(name = "station_id")
    public UUID stationId;

    /** The district the application counts in (ADR 0019); null when not known. */
    public String district;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "document_refs")
    public List<String> documentRefs;

    /**
     * INTAKE, then ACCEPTED, REJECTED or REFERRED; a rejection objected to is APPEALED, then
     * REJECTION_UPHELD or ACCEPTED; a case ends CLOSED.
     */
    public String status;

    @Enumerated(EnumType.STRING)
    @Column(name = "conflict_decision")
    public ConflictDecision conflictDecision;

    @Column(name = "conflict_note")
    public String conflictNote;

    @Column(name = "conflict_decided_by")
    public String conflictDecidedBy;

    @Column(name = "conflict_decided_at")
    public Instant conflictDecidedAt;

    @Column(name = "received_at")
    public Instant receivedAt;

    /** The (Beijing) day the application was complete: the start of the decision deadline. */
    @Column(name = "complete_on")
    public LocalDate completeOn;

    @Column(name = "decide_by")
    public LocalDate decideBy;

    @Column(name = "decision_reason_enc")
    public String decisionReasonEncrypted;

    @Column(name = "referral_code")
    public String referralCode;

    @Column(name = "decided_by")
    public String decidedBy;

    @Column(name = "decided_at")
    public Instant decidedAt;

    @Column(name = "decided_on")
    public LocalDate decidedOn;

    /** For an accepted application: the last working day to assign a lawyer. */
    @Column(name = "assign_by")
    public LocalDate assignBy;

    /** When the first lawyer was assigned. */
    @Column(name = "assigned_at")
    public Instant assignedAt;

    /** The applicant's objection to a rejection. */
    @Column(name = "appeal_grounds_enc")
    public String appealGroundsEncrypted;

    @Column(name = "appealed_at")
    public Instant appealedAt;

    /** The justice bureau's decision on the objection, once recorded. */
    @Enumerated(EnumType.STRING)
    @Column(name = "appeal_decision")
    public AppealDecision appealDecision;

    /** The bureau's reference for its decision, when given. */
    @Column(name = "appeal_reference")
    public String appealReference;

    @Column(name = "appeal_decided_by")
    public String appealDecidedBy;

    @Column(name = "appeal_decided_at")
    public Instant appealDecidedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "closing_result")
    public ClosingResult closingResult;

    @Column(name = "closing_reason_enc")
    public String closingReasonEncrypted;

    @Column(name = "closed_by")
    public String closedBy;

    @Column(name = "closed_at")
    public Instant closedAt;

    @Version
    public int version;
}
