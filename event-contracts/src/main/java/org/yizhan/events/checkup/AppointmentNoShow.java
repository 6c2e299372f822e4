package org.yizhan.events.checkup;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.yizhan.events.Occupation;

import java.time.Instant;
import java.util.UUID;

/** Data of an {@code appointment.noshow} event: the booked worker had not come when the slot ended. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AppointmentNoShow(
        UUID appointmentId,
        UUID campaignId,
        UUID siteId,
        UUID slotId,
        String person,
        Occupation occupation,
        Instant slotEndedAt) {
}
