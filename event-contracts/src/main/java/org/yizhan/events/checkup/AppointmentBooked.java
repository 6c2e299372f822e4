package org.yizhan.events.checkup;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.yizhan.events.Occupation;

import java.time.Instant;
import java.util.UUID;

/**
 * Data of an {@code appointment.booked} event: a worker (a pseudonym of health-checkup-service, not
 * joinable with other services' ids) confirmed a place. No name, phone or health data.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AppointmentBooked(
        UUID appointmentId,
        UUID campaignId,
        UUID siteId,
        UUID slotId,
        String person,
        Occupation occupation,
        Instant startsAt,
        Instant bookedAt) {
}
