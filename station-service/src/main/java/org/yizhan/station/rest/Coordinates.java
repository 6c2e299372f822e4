package org.yizhan.station.rest;

import org.yizhan.kit.geo.CoordinateSystem;
import org.yizhan.kit.geo.Gcj02;
import org.yizhan.kit.geo.GeoPoint;
import org.yizhan.kit.problem.ProblemException;


/** The {@code coordSys} query parameter: clients may send and receive GCJ-02; we store WGS-84. */
final class Coordinates {

    private Coordinates() {
    }

    /** Parses {@code coordSys}; absent means WGS-84. */
    static CoordinateSystem parse(String coordSys) {
        if (coordSys == null || coordSys.isBlank()) {
            return CoordinateSystem.WGS84;
        }
        try {
            return CoordinateSystem.fromQueryValue(coordSys.strip());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("coordSys", "取值必须是 wgs84 或 gcj02 / must be wgs84 or gcj02");
        }
    }

    /** A client's point as WGS-84. */
    static GeoPoint in(LocationDto location, CoordinateSystem from) {
        return Gcj02.convert(new GeoPoint(location.latitude(), location.longitude()), from, CoordinateSystem.WGS84);
    }

    /** A stored WGS-84 point in the client's system. */
    static LocationDto out(double latitude, double longitude, CoordinateSystem to) {
        GeoPoint p = Gcj02.convert(new GeoPoint(latitude, longitude), CoordinateSystem.WGS84, to);
        return new LocationDto(p.latitude(), p.longitude());
    }
}
