package org.yizhan.kit.replica;

import io.cloudevents.CloudEvent;
import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.enterprise.context.ApplicationScoped;
import org.yizhan.events.EventTypes;
import org.yizhan.events.Topics;
import org.yizhan.events.station.StationRegistered;
import org.yizhan.events.station.StationStatusChanged;
import org.yizhan.events.station.StationUpdated;
import org.yizhan.kit.events.CloudEventCodec;
import org.yizhan.kit.inbox.EventHandler;

import java.util.Set;

/** Keeps the {@link StationReplica} in step with {@code yizhan.station.v1}. */
@ApplicationScoped
@IfBuildProperty(name = StationReplica.ENABLED, stringValue = "true")
public class StationReplicaHandler implements EventHandler {

    private final CloudEventCodec codec;
    private final StationReplica replica;

    public StationReplicaHandler(CloudEventCodec codec, StationReplica replica) {
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
                    replica.registered(codec.data(event, StationRegistered.class), event.getId());
            case EventTypes.STATION_UPDATED ->
                    replica.updated(codec.data(event, StationUpdated.class), event.getId());
            case EventTypes.STATION_STATUS_CHANGED ->
                    replica.statusChanged(codec.data(event, StationStatusChanged.class), event.getId());
            default -> throw new IllegalArgumentException("unexpected type " + event.getType());
        }
    }
}
