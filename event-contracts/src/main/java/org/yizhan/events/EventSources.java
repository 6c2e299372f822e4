package org.yizhan.events;

import java.net.URI;

/** CloudEvent {@code source} values: the service that produced the event. */
public final class EventSources {

    public static final URI STATION_SERVICE = URI.create("/yizhan/station-service");

    public static final URI SERVICES_SERVICE = URI.create("/yizhan/services-service");

    /** health-checkup-service. */
    public static final URI CHECKUP_SERVICE = URI.create("/yizhan/health-checkup-service");

    /** legal-aid-service. */
    public static final URI LEGAL_AID_SERVICE = URI.create("/yizhan/legal-aid-service");

    private EventSources() {
    }
}
