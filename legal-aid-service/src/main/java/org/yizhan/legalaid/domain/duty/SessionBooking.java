package org.yizhan.legalaid.domain.duty;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A worker's booked slot at a duty session; the worker is a pseudonym. */
@Entity
@Table(name = "session_booking")
public class SessionBooking {

    @Id
    public UUID id;

    @Column(name = "session_id")
    public UUID sessionId;

    @Column(name = "slot_id")
    public UUID slotId;

    public String person;

    @Enumerated(EnumType.STRING)
    public Status status;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    /** Whether the worker still has the slot. */
    public enum Status {
        BOOKED,
        CANCELLED
    }
}
