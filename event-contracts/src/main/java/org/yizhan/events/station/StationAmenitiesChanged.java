package org.yizhan.events.station;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Data of a {@code station.amenities_changed} event: every amenity of the station with its status now. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record StationAmenitiesChanged(UUID stationId, int version, List<AmenityState> amenities, Instant changedAt) {

    /** One amenity: its code (see station-service's taxonomy), WORKING or OUT_OF_ORDER, and since when broken. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record AmenityState(String code, String status, Instant outOfOrderSince) {
    }
}
