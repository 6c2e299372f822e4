package org.yizhan.station.domain.feedback;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** A worker's complaint about a station, with its deadline and how it was handled. */
@Entity
@Table(name = "station_complaint")
public class Complaint {

    @Id
    public UUID id;

    @Column(name = "station_id", nullable = false)
    public UUID stationId;

    /** Pseudonym of the worker who complained, never the token subject. */
    @Column(nullable = false)
    public String complainant;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ComplaintCategory category;

    /** Code of the amenity concerned, e.g. {@code MICROWAVE}. */
    public String amenity;

    public String description;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    /** When the first answer is due. */
    @Column(name = "respond_by", nullable = false)
    public Instant respondBy;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ComplaintStatus status;

    @Column(name = "first_response_at")
    public Instant firstResponseAt;

    public String resolution;

    @Column(name = "closed_at")
    public Instant closedAt;

    @Version
    public int version;

    /** Whether nobody answered and the deadline has passed at {@code now}. */
    public boolean isOverdue(Instant now) {
        return firstResponseAt == null && !status.isClosed() && respondBy.isBefore(now);
    }

    /** Whole hours past the deadline at {@code now}; 0 if it has not passed. */
    public long hoursOverdue(Instant now) {
        return respondBy.isBefore(now) ? Duration.between(respondBy, now).toHours() : 0;
    }
}
