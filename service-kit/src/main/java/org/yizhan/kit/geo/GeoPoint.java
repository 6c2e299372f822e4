package org.yizhan.kit.geo;

/** A point on the Earth as latitude/longitude in decimal degrees; the datum (WGS-84 or GCJ-02) is given by context. */
public record GeoPoint(double latitude, double longitude) {

    public GeoPoint {
        if (!Double.isFinite(latitude) || latitude < -90.0 || latitude > 90.0) {
            throw new IllegalArgumentException(
                    "latitude must be a finite number of degrees in [-90, 90], was " + latitude);
        }
        if (!Double.isFinite(longitude) || longitude < -180.0 || longitude > 180.0) {
            throw new IllegalArgumentException(
                    "longitude must be a finite number of degrees in [-180, 180], was " + longitude);
        }
    }
}
