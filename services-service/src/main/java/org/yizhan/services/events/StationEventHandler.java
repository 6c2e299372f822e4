package org.yizhan.services.events;

import io.cloudevents.CloudEvent;
import jakarta.enterprise.context.ApplicationScoped;
import org.yizhan.events.EventTypes;
import org.yizhan.events.Topics;
import org.yizhan.events.station.StationRegistered;
import org.yizhan.events.station.StationStatusChanged;
import org.yizhan.events.station.StationUpdated;
import org.yizhan.kit.events.CloudEventCodec;
import org.yizhan.kit.inbox.EventHandler;
import org.yizhan.services.service.VenueReplica;

import java.util.Set;

/** Keeps the venue replica in step with yizhan.station.v1. */
@ApplicationScoped
public class StationEventHandler implements EventHandler {

    private final CloudEventCodec codec;
    private final VenueReplica replica;

    public StationEventHandler(CloudEventCodec codec, VenueReplica replica) {
        this.codec = codec;
        this.replica = replica;
    }

    @Override
    public String topic() {
        return Topics.STATION;
    }

    @Override
    public Set<String> types() {
        return Set.of(EventTypes.STATION_REGISTERED, EventTypes.STATION_UPDATED, EventTypes.STATION_STATUS_CHANGED);
    }

    @Override
    public void handle(CloudEvent event) {
        switch (event.getType()) {
            case EventTypes.STATION_REGISTERED ->
                    replica.stationRegistered(codec.data(event, StationRegistered.class), event.getId());
            case EventTypes.STATION_UPDATED ->
                    replica.stationUpdated(codec.data(event, StationUpdated.class), event.getId());
            case EventTypes.STATION_STATUS_CHANGED ->
                    replica.statusChanged(codec.data(event, StationStatusChanged.class), event.getId());
            default -> throw new IllegalArgumentException("unexpected type " + event.getType());
        }
    }
}
