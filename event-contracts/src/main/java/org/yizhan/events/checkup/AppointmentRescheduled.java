package org.yizhan.events.checkup;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;
import java.util.UUID;

/** Data of an {@code appointment.rescheduled} event: a booked appointment moved to another slot of its campaign. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AppointmentRescheduled(
        UUID appointmentId,
        UUID campaignId,
        UUID fromSlotId,
        UUID toSlotId,
        UUID siteId,
        String person,
        Instant startsAt,
        Instant rescheduledAt) {
}
