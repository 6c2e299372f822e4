package org.yizhan.kit.replica;

import org.yizhan.kit.geo.GeoPoint;

import java.time.Instant;
import java.util.UUID;

/**
 * A station as this service's replica knows it: the station's identity, place and status, at the
 * {@code version} of station-service's last event applied.
 *
 * @param district     may be absent
 * @param statusReason why the station is not active; absent while it is
 */
public record ReplicatedStation(UUID stationId, int version, String name, String hostType, String address,
                                String district, GeoPoint position, String status, String statusReason,
                                Instant registeredAt) {

    /** The status of a station that is open for visitors and activities. */
    public static final String ACTIVE = "ACTIVE";

    public boolean active() {
        return ACTIVE.equals(status);
    }
}
