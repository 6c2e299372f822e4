package org.yizhan.station.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
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

    /** Contact telephone of the station (a desk or host number, not a person's private one). */
    @Column(name = "contact_phone")
    public String contactPhone;

    @Column(name = "area_m2")
    public Double areaM2;

    public Integer seats;

    /** Photo URLs, in display order. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<String> photos = new ArrayList<>();

    /** {@link MapApp} names of the apps that list the station. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "listed_in", nullable = false)
    public List<String> listedIn = new ArrayList<>();

    /** Why the station is (temporarily) closed. */
    @Column(name = "status_reason")
    public String statusReason;

    /** When a temporarily closed station expects to reopen, if known. */
    @Column(name = "expected_reopening")
    public LocalDate expectedReopening;

    /** The day staff last checked that the record is true (hours, amenities, location). */
    @Column(name = "last_verified_on")
    public LocalDate lastVerifiedOn;

    @Column(name = "last_verified_by")
    public String lastVerifiedBy;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** Codes of the amenities that work now (kept with {@link StationAmenity}, for search). */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "working_amenities", nullable = false, columnDefinition = "text[]")
    public String[] workingAmenities = new String[0];

    /** Opening hours as the station's managers wrote them (JSON of the API form); null = unknown. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "opening_hours")
    public String openingHours;

    @Version
    public int version;
}
