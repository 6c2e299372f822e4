package org.yizhan.events.activity;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;
import java.util.UUID;

/** Data of a {@code registration.cancelled} event; {@code reason} is CANCELLED_BY_WORKER or CONFIRMATION_EXPIRED. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RegistrationCancelled(
        UUID registrationId,
        UUID activityId,
        String participant,
        String reason,
        Instant cancelledAt) {
}
