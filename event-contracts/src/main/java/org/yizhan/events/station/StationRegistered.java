package org.yizhan.events.station;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;
import java.util.UUID;

/**
 * Data of a {@code station.registered} event: a new station as it was registered.
 * Coordinates are WGS-84. Consumers ignore fields they do not know, so fields may be added.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record StationRegistered(
        UUID stationId,
        String name,
        String hostType,
        String hostOrganisation,
        String address,
        String district,
        double latitude,
        double longitude,
        String status,
        Instant registeredAt) {
}
