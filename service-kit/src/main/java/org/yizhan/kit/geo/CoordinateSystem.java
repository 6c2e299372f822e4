package org.yizhan.kit.geo;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Geodetic coordinate systems a client may use for coordinates it sends and receives
 * (query parameter {@code coordSys}). Stations are stored in {@link #WGS84}.
 */
public enum CoordinateSystem {

    /** WGS-84, as reported by GPS receivers; the storage system. */
    WGS84("wgs84"),

    /** GCJ-02 ("Mars coordinates"), used by AMap/Gaode and Tencent maps in mainland China. */
    GCJ02("gcj02");

    private final String queryValue;

    CoordinateSystem(String queryValue) {
        this.queryValue = queryValue;
    }

    /** The value used for this system in the {@code coordSys} query parameter, e.g. {@code gcj02}. */
    public String queryValue() {
        return queryValue;
    }

    /**
     * Parses a {@code coordSys} query-parameter value, ignoring case.
     *
     * @throws IllegalArgumentException if the value is null or not one of the allowed values
     *                                  (the message lists them)
     */
    public static CoordinateSystem fromQueryValue(String value) {
        if (value != null) {
            for (CoordinateSystem system : values()) {
                if (system.queryValue.equals(value.toLowerCase(Locale.ROOT))) {
                    return system;
                }
            }
        }
        throw new IllegalArgumentException("Unsupported coordSys '" + value + "'; allowed values: "
                + Arrays.stream(values()).map(CoordinateSystem::queryValue).collect(Collectors.joining(", ")));
    }
}
