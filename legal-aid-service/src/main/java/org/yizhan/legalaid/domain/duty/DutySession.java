package org.yizhan.legalaid.domain.duty;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A lawyer on duty at a station from {@code startsAt} to {@code endsAt}, in slots of {@code slotMinutes}. */
@Entity
@Table(name = "duty_session")
public class DutySession {

    @Id
    public UUID id;

    @Column(name = "station_id")
    public UUID stationId;

    @Column(name = "lawyer_id")
    public UUID lawyerId;

    @Column(name = "starts_at")
    public Instant startsAt;

    @Column(name = "ends_at")
    public Instant endsAt;

    @Column(name = "slot_minutes")
    public int slotMinutes;

    @Column(name = "created_at")
    public Instant createdAt;
}
