package org.yizhan.station.events;

import jakarta.enterprise.context.ApplicationScoped;
import org.yizhan.events.EventSources;
import org.yizhan.events.EventTypes;
import org.yizhan.events.Topics;
import org.yizhan.events.station.StationRegistered;
import org.yizhan.kit.outbox.Outbox;
import org.yizhan.station.domain.Station;

/** Writes the station's events into the outbox, in the caller's transaction. */
@ApplicationScoped
public class StationEvents {

    private final Outbox outbox;

    public StationEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public void registered(Station station) {
        StationRegistered data = new StationRegistered(station.id, station.name, station.hostType.name(),
                station.hostOrganisation, station.address, station.district, station.latitude,
                station.longitude, station.status.name(), station.registeredAt);
        outbox.add(Topics.STATION, station.id.toString(), EventSources.STATION_SERVICE,
                EventTypes.STATION_REGISTERED, data);
    }
}
