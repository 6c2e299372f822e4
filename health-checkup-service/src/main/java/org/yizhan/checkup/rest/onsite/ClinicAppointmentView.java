package org.yizhan.checkup.rest.onsite;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.yizhan.checkup.domain.booking.Appointment;
import org.yizhan.checkup.domain.booking.AppointmentStatus;
import org.yizhan.checkup.domain.site.Slot;
import org.yizhan.events.Occupation;
import org.yizhan.kit.privacy.Masks;

import java.time.Instant;
import java.util.UUID;

/** An appointment as the clinic sees it in its list of the day: name and phone masked. */
@Schema(name = "ClinicAppointment")
public record ClinicAppointmentView(
        @Schema(required = true) UUID id,
        @Schema(required = true) UUID siteId,
        @Schema(required = true) Instant startsAt,
        @Schema(required = true) Instant endsAt,
        @Schema(required = true) Occupation occupation,
        @Schema(required = true, description = "HL7 FHIR Appointment.status") AppointmentStatus status,
        @Schema(required = true, maxLength = 50, example = "张*") String name,
        @Schema(required = true, maxLength = 11, example = "138****5678") String phone,
        @Schema(description = "When the pass was scanned") Instant arrivedAt,
        Instant fulfilledAt) {

    public static ClinicAppointmentView of(Appointment a, Slot slot, String name, String phone) {
        return new ClinicAppointmentView(a.id, a.siteId, slot.startsAt, slot.endsAt, a.occupation, a.status,
                Masks.name(name), Masks.phone(phone), a.arrivedAt, a.fulfilledAt);
    }
}
