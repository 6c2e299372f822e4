package org.yizhan.events.station;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Data of a {@code station.updated} event: the whole station after the change (WGS-84
 * coordinates), so that a replica can simply take it. {@code version} grows with every change;
 * a consumer ignores a snapshot older than the one it holds.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record StationUpdated(
        UUID stationId,
        int version,
        String change,
        String name,
        String hostType,
        String hostOrganisation,
        String address,
        String district,
        double latitude,
        double longitude,
        String contactPhone,
        Double areaM2,
        Integer seats,
        List<String> photos,
        List<String> listedIn,
        String status,
        String statusReason,
        LocalDate expectedReopening,
        LocalDate lastVerifiedOn,
        Instant registeredAt,
        Instant updatedAt) {
}
