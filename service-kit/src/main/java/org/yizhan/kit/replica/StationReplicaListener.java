package org.yizhan.kit.replica;

/**
 * What a service does when a station of its replica changes, e.g. warn the activities or checkup
 * days planned at a station that closed. Implementations are CDI beans; {@link StationReplica}
 * calls each of them in the transaction that applies the event, so a failure rolls the change back
 * and the event is retried (ADR 0011).
 */
public interface StationReplicaListener {

    /**
     * @param previous the station before the event, or {@code null} when the replica had not seen it
     * @param current  the station after the event
     */
    void stationChanged(ReplicatedStation previous, ReplicatedStation current);
}
