package org.yizhan.legalaid.domain.application;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** Material asked of an applicant, and when it arrived; the days between do not count towards the deadline. */
@Entity
@Table(name = "application_supplement")
public class SupplementRequest {

    @Id
    public UUID id;

    @Column(name = "application_id")
    public UUID applicationId;

    @Column(name = "note_enc")
    public String noteEncrypted;

    @Column(name = "requested_by")
    public String requestedBy;

    @Column(name = "requested_at")
    public Instant requestedAt;

    /** The (Beijing) day it was asked for. */
    @Column(name = "requested_on")
    public LocalDate requestedOn;

    @Column(name = "received_at")
    public Instant receivedAt;

    @Column(name = "received_on")
    public LocalDate receivedOn;

    public DecisionDeadline.SupplementWait asWait() {
        return new DecisionDeadline.SupplementWait(requestedOn, receivedOn);
    }
}
