package org.yizhan.services.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.yizhan.services.domain.Venue;

import java.time.Instant;
import java.util.UUID;

/** A station that can host activities, as replicated from station-service. */
@Schema(name = "Venue")
public record VenueView(UUID stationId, String name, String hostType, String address, String district,
                        double latitude, double longitude, String status, String statusReason, Instant registeredAt,
                        int version) {

    static VenueView of(Venue v) {
        return new VenueView(v.stationId, v.name, v.hostType, v.address, v.district, v.latitude, v.longitude,
                v.status, v.statusReason, v.registeredAt, v.version);
    }
}
