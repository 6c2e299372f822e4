package org.yizhan.station.rest;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.yizhan.kit.geo.CoordinateSystem;
import org.yizhan.station.domain.DocSchemas;
import org.yizhan.station.domain.FieldLimits;
import org.yizhan.station.domain.HostType;
import org.yizhan.station.domain.MapApp;
import org.yizhan.station.domain.Station;
import org.yizhan.station.domain.StationStatus;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A station as clients see it, with coordinates in the requested system. */
@Schema(name = "Station")
public record StationView(
        UUID id,
        @Schema(maxLength = FieldLimits.NAME) String name,
        HostType hostType,
        @Schema(maxLength = FieldLimits.HOST_ORGANISATION) String hostOrganisation,
        @Schema(maxLength = FieldLimits.ADDRESS) String address,
        @Schema(maxLength = FieldLimits.DISTRICT) String district,
        LocationDto location,
        @Schema(description = "Coordinate system of location: wgs84 (default) or gcj02",
                maxLength = FieldLimits.CODE) String coordSys,
        @Schema(maxLength = FieldLimits.PHONE) String contactPhone,
        Double areaM2,
        @Schema(minimum = "0", maximum = FieldLimits.COUNT_MAX) Integer seats,
        @Schema(maxItems = FieldLimits.PHOTOS, type = SchemaType.ARRAY,
                implementation = DocSchemas.PhotoUrl.class) List<String> photos,
        @Schema(maxItems = FieldLimits.LISTED_IN) List<MapApp> listedIn,
        StationStatus status,
        @Schema(maxLength = FieldLimits.REASON) String statusReason,
        LocalDate expectedReopening,
        LocalDate lastVerifiedOn,
        Instant registeredAt,
        Instant updatedAt,
        @Schema(description = "Grows with every change; send it back in If-Match to update", minimum = "0",
                maximum = FieldLimits.COUNT_MAX) int version) {

    static StationView of(Station s, CoordinateSystem coordSys) {
        return new StationView(s.id, s.name, s.hostType, s.hostOrganisation, s.address, s.district,
                Coordinates.out(s.latitude, s.longitude, coordSys), coordSys.queryValue(), s.contactPhone, s.areaM2,
                s.seats, List.copyOf(s.photos), s.listedIn.stream().map(MapApp::valueOf).toList(), s.status,
                s.statusReason, s.expectedReopening, s.lastVerifiedOn, s.registeredAt, s.updatedAt, s.version);
    }
}
