package org.yizhan.legalaid.domain.relief;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A payment of granted relief, in fen, with the bank transfer's reference. */
@Entity
@Table(name = "relief_payment")
public class ReliefPayment {

    @Id
    public UUID id;

    @Column(name = "relief_id")
    public UUID reliefId;

    @Column(name = "amount_fen")
    public long amountFen;

    @Column(name = "paid_on")
    public LocalDate paidOn;

    public String reference;

    @Column(name = "recorded_by")
    public String recordedBy;

    @Column(name = "recorded_at")
    public Instant recordedAt;
}
