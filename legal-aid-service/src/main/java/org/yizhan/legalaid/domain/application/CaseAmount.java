package org.yizhan.legalaid.domain.application;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** An amount awarded to or recovered for one worker of a case, in fen, with what it rests on. */
@Entity
@Table(name = "case_amount")
public class CaseAmount {

    /** What the amount is: never mixed in one figure. */
    public enum Kind {
        /** Owed by a mediation agreement, an arbitral award or a judgment. */
        AWARDED,
        /** Actually received by the worker. */
        RECOVERED
    }

    /** What an amount rests on: MEDIATION, ARBITRAL_AWARD or JUDGMENT for AWARDED, PAYMENT for RECOVERED. */
    public enum Basis {
        MEDIATION,
        ARBITRAL_AWARD,
        JUDGMENT,
        PAYMENT
    }

    @Id
    public UUID id;

    @Column(name = "application_id")
    public UUID applicationId;

    /** The worker of the case it belongs to (their position in the group, 1 = the applicant). */
    public int worker;

    @Enumerated(EnumType.STRING)
    public Kind kind;

    @Enumerated(EnumType.STRING)
    public Basis basis;

    @Column(name = "amount_fen")
    public long amountFen;

    @Column(name = "on_date")
    public LocalDate onDate;

    @Column(name = "recorded_by")
    public String recordedBy;

    @Column(name = "recorded_at")
    public Instant recordedAt;
}
