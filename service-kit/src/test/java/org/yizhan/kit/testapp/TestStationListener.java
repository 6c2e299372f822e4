package org.yizhan.kit.testapp;

import jakarta.enterprise.context.ApplicationScoped;
import org.yizhan.kit.replica.ReplicatedStation;
import org.yizhan.kit.replica.StationReplicaListener;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Remembers the replica's changes, as a service's listener would act on them. */
@ApplicationScoped
public class TestStationListener implements StationReplicaListener {

    /** One change: the station before (null when new) and after. */
    public record Change(ReplicatedStation previous, ReplicatedStation current) {
    }

    private final List<Change> changes = new CopyOnWriteArrayList<>();

    @Override
    public void stationChanged(ReplicatedStation previous, ReplicatedStation current) {
        changes.add(new Change(previous, current));
    }

    public List<Change> changesOf(java.util.UUID stationId) {
        return changes.stream().filter(c -> c.current().stationId().equals(stationId)).toList();
    }
}
