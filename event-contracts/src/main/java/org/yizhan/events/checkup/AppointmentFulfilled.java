package org.yizhan.events.checkup;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.yizhan.events.Occupation;

import java.time.Instant;
import java.util.UUID;

/**
 * Data of an {@code appointment.fulfilled} event: the checkup took place. It carries no findings:
 * results stay with the clinic.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AppointmentFulfilled(
        UUID appointmentId,
        UUID campaignId,
        UUID siteId,
        String person,
        Occupation occupation,
        Instant arrivedAt,
        Instant fulfilledAt) {
}
