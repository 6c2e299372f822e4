package org.yizhan.events.checkup;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;
import java.util.UUID;

/** Data of an {@code appointment.cancelled} event: a booked place was given back ({@code reason}: who or why). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AppointmentCancelled(
        UUID appointmentId,
        UUID campaignId,
        UUID slotId,
        String person,
        String reason,
        Instant cancelledAt) {
}
