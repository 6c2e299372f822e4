package org.yizhan.checkup.domain.campaign;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.yizhan.events.Occupation;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * A free checkup campaign (e.g. "2026年大兴区新就业形态劳动者免费健康体检"): the occupations it is
 * for, each with its checkup package, the partner clinics, and the booking window.
 */
@Entity
@Table(name = "campaign")
public class Campaign {

    @Id
    public UUID id;

    public String name;

    public int year;

    public String organiser;

    public String description;

    /** Who may book, and what each occupation's checkup includes. */
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<Occupation, List<CheckupItem>> packages = new TreeMap<>();

    /** The partner clinics' organisation codes (the {@code org} claim of their tokens). */
    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] clinics = new String[0];

    @Column(name = "booking_opens_at")
    public Instant bookingOpensAt;

    @Column(name = "booking_closes_at")
    public Instant bookingClosesAt;

    @Enumerated(EnumType.STRING)
    public CampaignStatus status;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "published_at")
    public Instant publishedAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Version
    public int version;
}
