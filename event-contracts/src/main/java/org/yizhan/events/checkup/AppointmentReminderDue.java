package org.yizhan.events.checkup;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;
import java.util.UUID;

/**
 * Data of an {@code appointment.reminder_due} event: a booked appointment starts soon ({@code lead}
 * {@code PT48H} or {@code PT2H}). Enough for a notification sender that knows the worker by the
 * pseudonym: where and when, no name, phone or health data. Each appointment has at most one
 * event per lead.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AppointmentReminderDue(
        UUID appointmentId,
        UUID campaignId,
        UUID siteId,
        String siteName,
        String person,
        String lead,
        Instant startsAt,
        Instant dueAt) {
}
