package org.yizhan.checkup.domain.booking;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Converter;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.yizhan.events.Occupation;

import java.time.Instant;
import java.util.UUID;

/** A worker's appointment at a slot; the worker is a pseudonym, name and phone are encrypted. */
@Entity
@Table(name = "appointment")
public class Appointment {

    @Id
    public UUID id;

    @Column(name = "campaign_id")
    public UUID campaignId;

    @Column(name = "slot_id")
    public UUID slotId;

    @Column(name = "site_id")
    public UUID siteId;

    /** The worker's pseudonym (kit Pseudonyms of the token subject). */
    public String person;

    /** Keyed hash of the platform and rider id the worker proved eligibility with. */
    public String proof;

    @Enumerated(EnumType.STRING)
    public Occupation occupation;

    @Convert(converter = StatusColumn.class)
    public AppointmentStatus status;

    @Column(name = "cancel_reason")
    public String cancelReason;

    @Column(name = "hold_expires_at")
    public Instant holdExpiresAt;

    @Column(name = "name_enc")
    public String nameEncrypted;

    @Column(name = "phone_enc")
    public String phoneEncrypted;

    /** The Beijing day of the slot: the day of the quotas this appointment takes a place in. */
    @Column(name = "quota_day")
    public java.time.LocalDate quotaDay;

    @Column(name = "consent_version")
    public String consentVersion;

    @Column(name = "consented_at")
    public Instant consentedAt;

    @Column(name = "booked_at")
    public Instant bookedAt;

    /** When a waiting appointment was offered a place (it became pending, to confirm by holdExpiresAt). */
    @Column(name = "offered_at")
    public Instant offeredAt;

    /** When the worker's pass was scanned at the site (the device's time). */
    @Column(name = "arrived_at")
    public Instant arrivedAt;

    /** The id of the pass that was scanned, so that the same scan uploaded again is recognised. */
    @Column(name = "redeemed_pass")
    public String redeemedPass;

    @Column(name = "fulfilled_at")
    public Instant fulfilledAt;

    /** Set when the worker withdrew consent and this appointment was cancelled for it. */
    @Column(name = "consent_withdrawn_at")
    public Instant consentWithdrawnAt;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Version
    public int version;

    /** Stores the FHIR spelling. */
    @Converter
    public static class StatusColumn implements AttributeConverter<AppointmentStatus, String> {
        @Override
        public String convertToDatabaseColumn(AppointmentStatus status) {
            return status == null ? null : status.code();
        }

        @Override
        public AppointmentStatus convertToEntityAttribute(String code) {
            return code == null ? null : AppointmentStatus.of(code);
        }
    }
}
