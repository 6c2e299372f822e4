package org.yizhan.station.service.hsds;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Stable HSDS identifiers: a name-based (version 3) UUID of {@code "<entity>:<our key>"}, so the
 * same record has the same id in every export and ids of different HSDS entities never collide.
 */
public final class HsdsIds {

    private HsdsIds() {
    }

    /** The id of an HSDS entity of type {@code entity} (e.g. {@code location}) derived from {@code key}. */
    public static UUID of(String entity, Object key) {
        return UUID.nameUUIDFromBytes((entity + ":" + key).getBytes(StandardCharsets.UTF_8));
    }

    public static UUID service(UUID stationId) {
        return of("service", stationId);
    }

    public static UUID location(UUID stationId) {
        return of("location", stationId);
    }

    public static UUID serviceAtLocation(UUID stationId) {
        return of("service_at_location", stationId);
    }

    public static UUID address(UUID stationId) {
        return of("address", stationId);
    }

    public static UUID phone(UUID stationId) {
        return of("phone", stationId);
    }

    /** An attribute: one amenity of one station. */
    public static UUID attribute(UUID stationId, String amenityCode) {
        return of("attribute", stationId + ":" + amenityCode);
    }

    /** A schedule of a station; {@code key} names the rule it comes from, e.g. {@code regular:MO,TU:08:00-12:00}. */
    public static UUID schedule(UUID stationId, String key) {
        return of("schedule", stationId + ":" + key);
    }

    public static UUID taxonomyTerm(String amenityCode) {
        return of("taxonomy_term", "amenity:" + amenityCode);
    }

    public static final UUID AMENITY_TAXONOMY = of("taxonomy", "amenity");

    public static final UUID ORGANIZATION = of("organization", "yizhan-union");
}
