package org.yizhan.events.activity;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;
import java.util.UUID;

/**
 * Data of a {@code registration.created} event. {@code status} is REGISTERED or WAITLISTED;
 * {@code participant} is the worker's pseudonymous id, never the identity.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RegistrationCreated(
        UUID registrationId,
        UUID activityId,
        String participant,
        String status,
        Instant createdAt) {
}
