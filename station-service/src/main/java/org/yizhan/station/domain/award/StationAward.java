package org.yizhan.station.domain.award;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** An official "most beautiful station" title (最美站点) a station received for a year; one per station, year and level. */
@Entity
@Table(name = "station_award")
public class StationAward {

    @Id
    public UUID id;

    @Column(name = "station_id", nullable = false)
    public UUID stationId;

    @Column(nullable = false)
    public int year;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AwardLevel level;

    @Column(nullable = false)
    public String title;

    /** The station's total in the latest snapshot of the year when the title was recorded; null without one. */
    public BigDecimal score;

    @Column(name = "snapshot_id")
    public UUID snapshotId;

    @Column(name = "granted_at", nullable = false)
    public Instant grantedAt;

    /** Token subject of the union admin who recorded it (staff). */
    @Column(name = "granted_by", nullable = false)
    public String grantedBy;
}
