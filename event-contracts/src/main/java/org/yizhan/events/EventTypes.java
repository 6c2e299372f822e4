package org.yizhan.events;

/** CloudEvent {@code type} values, named {@code <aggregate>.<past-tense verb>}. */
public final class EventTypes {

    /** A station was added to the registry; data: {@link org.yizhan.events.station.StationRegistered}. */
    public static final String STATION_REGISTERED = "station.registered";

    /** A station's details changed (or it was verified); data: {@link org.yizhan.events.station.StationUpdated}. */
    public static final String STATION_UPDATED = "station.updated";

    /** A station opened, closed for a while or closed for good; data: {@link org.yizhan.events.station.StationStatusChanged}. */
    public static final String STATION_STATUS_CHANGED = "station.status_changed";

    /** A station's amenities or their status changed; data: {@link org.yizhan.events.station.StationAmenitiesChanged}. */
    public static final String STATION_AMENITIES_CHANGED = "station.amenities_changed";

    private EventTypes() {
    }
}
