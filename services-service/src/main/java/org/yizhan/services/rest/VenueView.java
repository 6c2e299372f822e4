package org.yizhan.services.rest;

import org.yizhan.kit.replica.ReplicatedStation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

/** A station that can host activities, as replicated from station-service. */
@Schema(name = "Venue")
public record VenueView(UUID stationId,
                        @Schema(maxLength = ApiLimits.VENUE_NAME_MAX) String name,
                        @Schema(maxLength = ApiLimits.VENUE_HOST_TYPE_MAX) String hostType,
                        @Schema(maxLength = ApiLimits.VENUE_ADDRESS_MAX) String address,
                        @Schema(maxLength = ApiLimits.VENUE_DISTRICT_MAX) String district,
                        double latitude, double longitude,
                        @Schema(maxLength = ApiLimits.VENUE_STATUS_MAX) String status,
                        @Schema(maxLength = ApiLimits.VENUE_STATUS_REASON_MAX) String statusReason,
                        Instant registeredAt,
                        @Schema(minimum = "0", maximum = ApiLimits.INT_MAX) int version) {

    static VenueView of(ReplicatedStation v) {
        return new VenueView(v.stationId(), v.name(), v.hostType(), v.address(), v.district(), v.position().latitude(),
                v.position().longitude(), v.status(), v.statusReason(), v.registeredAt(), v.version());
    }
}
