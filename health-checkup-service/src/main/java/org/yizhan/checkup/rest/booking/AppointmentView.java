package org.yizhan.checkup.rest.booking;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.yizhan.checkup.domain.booking.Appointment;
import org.yizhan.checkup.domain.booking.AppointmentStatus;
import org.yizhan.checkup.domain.site.Site;
import org.yizhan.checkup.domain.site.Slot;
import org.yizhan.events.Occupation;
import org.yizhan.kit.privacy.Masks;

import java.time.Instant;
import java.util.UUID;

/** A worker's appointment as the worker sees it (name and phone masked). */
@Schema(name = "Appointment")
public record AppointmentView(
        @Schema(required = true) UUID id,
        @Schema(required = true) UUID campaignId,
        @Schema(required = true) UUID slotId,
        @Schema(required = true) UUID siteId,
        @Schema(required = true, maxLength = 100) String siteName,
        @Schema(required = true, maxLength = 300) String siteAddress,
        @Schema(required = true) Instant startsAt,
        @Schema(required = true) Instant endsAt,
        @Schema(required = true) Occupation occupation,
        @Schema(required = true, description = "HL7 FHIR Appointment.status") AppointmentStatus status,
        @Schema(maxLength = 30, example = "CANCELLED_BY_WORKER", description = "CANCELLED_BY_WORKER, HOLD_EXPIRED, "
                + "CONSENT_WITHDRAWN or WAITLIST_ENDED") String cancelReason,
        @Schema(description = "While pending: confirm before this, or the place is given back") Instant holdExpiresAt,
        @Schema(required = true, maxLength = 50, example = "张*") String name,
        @Schema(required = true, maxLength = 11, example = "138****5678") String phone,
        @Schema(maxLength = 20) String consentVersion,
        Instant bookedAt,
        @Schema(description = "When a place was offered from the waitlist (then pending until holdExpiresAt)")
        Instant offeredAt,
        @Schema(description = "When the pass was scanned at the site") Instant arrivedAt,
        @Schema(required = true, minimum = "0", maximum = "2147483647") int version) {

    public static AppointmentView of(Appointment a, Site site, Slot slot, String name, String phone) {
        return new AppointmentView(a.id, a.campaignId, a.slotId, a.siteId, site.name, site.address, slot.startsAt,
                slot.endsAt, a.occupation, a.status, a.cancelReason, a.holdExpiresAt, Masks.name(name),
                Masks.phone(phone), a.consentVersion, a.bookedAt, a.offeredAt, a.arrivedAt, a.version);
    }
}
