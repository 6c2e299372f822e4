package org.yizhan.station.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.yizhan.station.domain.HostType;
import org.yizhan.station.domain.MapApp;
import org.yizhan.station.domain.Station;
import org.yizhan.station.domain.StationStatus;
import org.yizhan.station.domain.geo.CoordinateSystem;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A station as clients see it, with coordinates in the requested system. */
@Schema(name = "Station")
public record StationView(
        UUID id,
        String name,
        HostType hostType,
        String hostOrganisation,
        String address,
        String district,
        LocationDto location,
        @Schema(description = "Coordinate system of location: wgs84 (default) or gcj02") String coordSys,
        String contactPhone,
        Double areaM2,
        Integer seats,
        List<String> photos,
        List<MapApp> listedIn,
        StationStatus status,
        String statusReason,
        LocalDate expectedReopening,
        LocalDate lastVerifiedOn,
        Instant registeredAt,
        Instant updatedAt,
        @Schema(description = "Grows with every change; send it back in If-Match to update") int version) {

    static StationView of(Station s, CoordinateSystem coordSys) {
        return new StationView(s.id, s.name, s.hostType, s.hostOrganisation, s.address, s.district,
                Coordinates.out(s.latitude, s.longitude, coordSys), coordSys.queryValue(), s.contactPhone, s.areaM2,
                s.seats, List.copyOf(s.photos), s.listedIn.stream().map(MapApp::valueOf).toList(), s.status,
                s.statusReason, s.expectedReopening, s.lastVerifiedOn, s.registeredAt, s.updatedAt, s.version);
    }
}
