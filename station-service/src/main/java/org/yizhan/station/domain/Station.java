package org.yizhan.station.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

/** An outdoor-worker service station (驿站). Coordinates are WGS-84. */
@Entity
@Table(name = "station")
public class Station {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(name = "host_type", nullable = false)
    public HostType hostType;

    @Column(name = "host_organisation")
    public String hostOrganisation;

    @Column(nullable = false)
    public String address;

    public String district;

    @Column(nullable = false)
    public double latitude;

    @Column(nullable = false)
    public double longitude;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public StationStatus status;

    @Column(name = "registered_at", nullable = false)
    public Instant registeredAt;

    /** Subject of the token that registered the station. */
    @Column(name = "registered_by", nullable = false)
    public String registeredBy;

    @Version
    public int version;
}
