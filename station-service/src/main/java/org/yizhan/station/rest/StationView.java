package org.yizhan.station.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.yizhan.station.domain.HostType;
import org.yizhan.station.domain.Station;
import org.yizhan.station.domain.StationStatus;

import java.time.Instant;
import java.util.UUID;

/** A station as clients see it. */
@Schema(name = "Station")
public record StationView(
        UUID id,
        String name,
        HostType hostType,
        String hostOrganisation,
        String address,
        String district,
        LocationDto location,
        StationStatus status,
        Instant registeredAt) {

    static StationView of(Station s) {
        return new StationView(s.id, s.name, s.hostType, s.hostOrganisation, s.address, s.district,
                new LocationDto(s.latitude, s.longitude), s.status, s.registeredAt);
    }
}
