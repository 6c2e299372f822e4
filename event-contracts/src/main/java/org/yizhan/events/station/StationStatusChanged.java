package org.yizhan.events.station;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Data of a {@code station.status_changed} event. {@code status} is ACTIVE, TEMPORARILY_CLOSED or
 * CLOSED; a temporary closure carries its reason and, if known, the expected reopening date.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record StationStatusChanged(
        UUID stationId,
        int version,
        String previousStatus,
        String status,
        String reason,
        LocalDate expectedReopening,
        Instant changedAt) {
}
