package org.yizhan.services.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * A station as services-service knows it: a read-only replica kept up to date from the
 * station-service's events, so that activities can be placed without calling it.
 */
@Entity
@Table(name = "venue")
public class Venue {

    @Id
    @Column(name = "station_id")
    public UUID stationId;

    @Column(nullable = false)
    public String name;

    @Column(name = "host_type", nullable = false)
    public String hostType;

    @Column(nullable = false)
    public String address;

    public String district;

    @Column(nullable = false)
    public double latitude;

    @Column(nullable = false)
    public double longitude;

    @Column(nullable = false)
    public String status;

    @Column(name = "registered_at", nullable = false)
    public Instant registeredAt;

    /** Why the station is closed, if it is. */
    @Column(name = "status_reason")
    public String statusReason;

    /** The station version this row reflects. */
    @Column(nullable = false)
    public int version;

    /** The last station event applied to this row. */
    @Column(name = "last_event_id", nullable = false)
    public String lastEventId;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
