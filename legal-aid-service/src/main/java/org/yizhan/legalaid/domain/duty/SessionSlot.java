package org.yizhan.legalaid.domain.duty;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A short time of a duty session that one worker can book; the database refuses {@code booked > capacity}. */
@Entity
@Table(name = "session_slot")
public class SessionSlot {

    @Id
    public UUID id;

    @Column(name = "session_id")
    public UUID sessionId;

    @Column(name = "starts_at")
    public Instant startsAt;

    @Column(name = "ends_at")
    public Instant endsAt;

    public int capacity;

    public int booked;

    public boolean free() {
        return booked < capacity;
    }
}
