package org.yizhan.services.domain.activity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.yizhan.events.Occupation;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * An integrated service activity at a station: a free haircut, a group birthday, a safety
 * training. Co-organised activities are one activity with several {@link #organisers}, so that
 * they are counted once.
 */
@Entity
@Table(name = "activity")
public class Activity {

    @Id
    public UUID id;

    /** Code of an {@link ActivityType}. */
    @Column(nullable = false)
    public String type;

    @Column(nullable = false)
    public String title;

    public String description;

    /** The venue: a station of the replica. */
    @Column(name = "station_id", nullable = false)
    public UUID stationId;

    @Column(name = "starts_at", nullable = false)
    public Instant startsAt;

    @Column(name = "ends_at", nullable = false)
    public Instant endsAt;

    /** Places for registered workers; null = no registration limit. */
    public Integer capacity;

    /** {@link Occupation} names of who may join; empty = everybody. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "text[]")
    public String[] occupations = new String[0];

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ActivityStatus status;

    @Column(name = "cancel_reason")
    public String cancelReason;

    /** Why the activity needs attention, e.g. its venue closed after it was planned. */
    @Column(name = "venue_warning")
    public String venueWarning;

    /** Partner codes of the organisers (at least one). */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "activity_organiser", joinColumns = @JoinColumn(name = "activity_id"))
    @Column(name = "partner_code")
    public Set<String> organisers = new TreeSet<>();

    /** Partner codes invited to co-organise that have not accepted yet; they are not organisers. */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "activity_invitation", joinColumns = @JoinColumn(name = "activity_id"))
    @Column(name = "partner_code")
    public Set<String> invited = new TreeSet<>();

    /**
     * The partner that created the activity (or pushed its record): always an organiser, never
     * removed, the only partner that invites co-organisers. Null for activities an admin created.
     */
    @Column(name = "lead_partner")
    public String leadPartner;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ActivitySource source;

    /** For pushed records: the partner that pushed it and its own record id. */
    @Column(name = "source_partner")
    public String sourcePartner;

    @Column(name = "source_record_id")
    public String sourceRecordId;

    /** For pushed records: fingerprint of the record as last pushed (an identical push changes nothing). */
    @Column(name = "source_hash")
    public String sourceHash;

    /** Number of participants of a pushed record that names nobody. */
    @Column(name = "reported_participants")
    public Integer reportedParticipants;

    /** Grows with every change; carried by the events. */
    @Column(nullable = false)
    public int version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "published_at")
    public Instant publishedAt;

    @Column(name = "completed_at")
    public Instant completedAt;

    /**
     * Records a change made in this service (not by a partner's push): a new version, and a pushed
     * record's fingerprint is forgotten, so that the partner's next push of the record counts as
     * an update and restores the partner's version of it.
     */
    public void changedHere() {
        version++;
        sourceHash = null;
    }

    /** Whether {@code partnerCode} is one of the organisers. */
    public boolean isOrganisedBy(String partnerCode) {
        return partnerCode != null && organisers.contains(partnerCode);
    }

    /** Whether {@code partnerCode} is the lead organiser (the partner that created the activity). */
    public boolean isLedBy(String partnerCode) {
        return partnerCode != null && partnerCode.equals(leadPartner);
    }

    /** Whether {@code partnerCode} is invited to co-organise and has not answered yet. */
    public boolean isInvited(String partnerCode) {
        return partnerCode != null && invited.contains(partnerCode);
    }

    /** Whether a worker of {@code occupation} may join. */
    public boolean isOpenTo(Occupation occupation) {
        if (occupations.length == 0) {
            return true;
        }
        for (String o : occupations) {
            if (o.equals(occupation.name())) {
                return true;
            }
        }
        return false;
    }
}
