package org.yizhan.events;

/** CloudEvent {@code type} values, named {@code <aggregate>.<past-tense verb>}. */
public final class EventTypes {

    /** A station was added to the registry; data: {@link org.yizhan.events.station.StationRegistered}. */
    public static final String STATION_REGISTERED = "station.registered";

    private EventTypes() {
    }
}
