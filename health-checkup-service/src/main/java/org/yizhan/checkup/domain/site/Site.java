package org.yizhan.checkup.domain.site;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A place where a campaign examines workers, and the clinic that examines there. */
@Entity
@Table(name = "site")
public class Site {

    @Id
    public UUID id;

    @Column(name = "campaign_id")
    public UUID campaignId;

    @Enumerated(EnumType.STRING)
    public SiteKind kind;

    /** The examining clinic's organisation code; its staff redeem bookings here. */
    public String clinic;

    /** For a mobile checkup day: the station, from the replica. */
    @Column(name = "station_id")
    public UUID stationId;

    public String name;

    public String address;

    public double latitude;

    public double longitude;

    /** Why booking here may fail: the station is paused or closed. */
    public String warning;

    @Column(name = "created_at")
    public Instant createdAt;
}
