package org.yizhan.events.activity;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;
import java.util.UUID;

/** Data of a {@code registration.promoted} event: a waitlisted worker got a place and must confirm it by {@code confirmBy}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RegistrationPromoted(
        UUID registrationId,
        UUID activityId,
        String participant,
        Instant confirmBy,
        Instant promotedAt) {
}
