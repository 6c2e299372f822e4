package org.yizhan.services.domain.registration;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.yizhan.events.Occupation;

import java.time.Instant;
import java.util.UUID;

/** A worker's place, or waiting place, at an activity. The worker appears only as a pseudonym. */
@Entity
@Table(name = "registration")
public class Registration {

    @Id
    public UUID id;

    @Column(name = "activity_id", nullable = false)
    public UUID activityId;

    /** The worker's pseudonym (Pseudonyms.of(token subject)), never the subject. */
    @Column(nullable = false)
    public String participant;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Occupation occupation;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public RegistrationStatus status;

    /** When the worker registered: the waitlist is first come, first served. */
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** When a place was offered from the waitlist. */
    @Column(name = "offered_at")
    public Instant offeredAt;

    /** Until when an offered place waits for the worker's confirmation. */
    @Column(name = "confirm_by")
    public Instant confirmBy;

    /** When it was cancelled, expired or marked a no-show. */
    @Column(name = "ended_at")
    public Instant endedAt;

    @Version
    @Column(nullable = false)
    public int version;
}
