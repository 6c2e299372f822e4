package org.yizhan.station.domain.feedback;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One answer of a station manager or union admin to a complaint. */
@Entity
@Table(name = "station_complaint_response")
public class ComplaintResponse {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "complaint_id", nullable = false)
    public UUID complaintId;

    @Column(name = "responded_at", nullable = false)
    public Instant respondedAt;

    /** Token subject of the manager or admin who answered (staff, named for accountability). */
    @Column(name = "responded_by", nullable = false)
    public String respondedBy;

    /** The status the answer moved the complaint to. */
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ComplaintStatus status;

    @Column(nullable = false)
    public String message;

    public String resolution;
}
