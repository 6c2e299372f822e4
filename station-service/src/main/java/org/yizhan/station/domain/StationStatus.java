package org.yizhan.station.domain;

/** Whether a station receives workers. */
public enum StationStatus {
    ACTIVE,
    TEMPORARILY_CLOSED,
    CLOSED
}
