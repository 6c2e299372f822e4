package org.yizhan.station.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.UUID;

/** One entry of a station's history: what kind of change, who made it, and the station afterwards. */
@Entity
@Table(name = "station_history")
public class StationChange {

    /**
     * Kinds of change. INSPECTED (an inspection or self-check was recorded) and AWARD_GRANTED (an
     * official title was recorded) leave the station itself as it was; {@link #detail} says what happened.
     */
    public enum Kind {
        REGISTERED, UPDATED, STATUS_CHANGED, VERIFIED, MANAGER_ADDED, MANAGER_REMOVED, AMENITIES_CHANGED, HOURS_CHANGED,
        INSPECTED, AWARD_GRANTED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "station_id", nullable = false)
    public UUID stationId;

    @Column(nullable = false)
    public int version;

    @Column(name = "change", nullable = false)
    public String kind;

    @Column(name = "changed_at", nullable = false)
    public Instant changedAt;

    @Column(name = "changed_by", nullable = false)
    public String changedBy;

    /** The station after the change, as published in {@code station.updated}. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public String snapshot;

    /** What the entry records beyond the station (JSON), for kinds that need it; else null. */
    @JdbcTypeCode(SqlTypes.JSON)
    public String detail;
}
