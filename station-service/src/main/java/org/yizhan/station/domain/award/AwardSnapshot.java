package org.yizhan.station.domain.award;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.UUID;

/** One year's award scores of every station, frozen when it was taken; never changed afterwards. */
@Entity
@Table(name = "award_snapshot")
public class AwardSnapshot {

    @Id
    public UUID id;

    @Column(nullable = false)
    public int year;

    @Column(name = "taken_at", nullable = false)
    public Instant takenAt;

    /** Token subject of the union admin who took it (staff). */
    @Column(name = "taken_by", nullable = false)
    public String takenBy;

    /** The weights, targets and priors the scores were computed with (JSON). */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public String parameters;

    /** Stations in the snapshot. */
    @Column(nullable = false)
    public int stations;

    /** Of those, the eligible ones. */
    @Column(nullable = false)
    public int eligible;
}
