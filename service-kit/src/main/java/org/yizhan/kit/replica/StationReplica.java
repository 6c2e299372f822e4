package org.yizhan.kit.replica;

import io.quarkus.arc.All;
import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import org.yizhan.events.station.StationRegistered;
import org.yizhan.events.station.StationStatusChanged;
import org.yizhan.events.station.StationUpdated;
import org.yizhan.kit.geo.GeoCircle;
import org.yizhan.kit.geo.GeoPoint;
import org.yizhan.kit.jdbc.SqlValues;
import org.yizhan.kit.paging.Keyset;
import org.yizhan.kit.paging.KeysetCursor;
import org.yizhan.kit.paging.Page;
import org.yizhan.kit.problem.ProblemException;
import org.yizhan.kit.time.AppClock;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * This service's replica of the stations (table {@code station_replica}), kept by
 * {@link StationReplicaHandler} from station-service's events, and the reads a service needs of it:
 * one station, near a point, all of them page by page. A service takes it with two settings
 * (service-kit README, "Station replica"); it never reads station-service's database.
 *
 * <p>Events carry the station's {@code version}; an event older than what the replica holds changes
 * nothing, so redelivered or reordered events cannot bring back an old state. A change is passed
 * to every {@link StationReplicaListener} in the same transaction.
 */
@ApplicationScoped
@IfBuildProperty(name = StationReplica.ENABLED, stringValue = "true")
public class StationReplica {

    /** The build property that turns the replica on. */
    public static final String ENABLED = "yizhan.station-replica.enabled";

    private static final String CURSOR = "stations";
    private static final String COLUMNS = "station_id, version, name, host_type, address, district, latitude,"
            + " longitude, status, status_reason, registered_at";

    /** A station and how far it is from the point asked about. */
    public record Nearby(ReplicatedStation station, double distanceMetres) {
    }

    private final EntityManager em;
    private final AppClock clock;
    private final List<StationReplicaListener> listeners;

    public StationReplica(EntityManager em, AppClock clock, @All List<StationReplicaListener> listeners) {
        this.em = em;
        this.clock = clock;
        this.listeners = listeners;
    }

    /** Applies {@code station.registered} (version 0). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void registered(StationRegistered s, String eventId) {
        take(new ReplicatedStation(s.stationId(), 0, s.name(), s.hostType(), s.address(), s.district(),
                position(s.latitude(), s.longitude()), s.status(), null, s.registeredAt()), "station.registered", eventId);
    }

    /**
     * Applies {@code station.updated}, which carries the whole station. An update may come for a
     * station the replica never saw (its registration was consumed before the replica existed), so
     * it creates the row too.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void updated(StationUpdated s, String eventId) {
        take(new ReplicatedStation(s.stationId(), s.version(), s.name(), s.hostType(), s.address(), s.district(),
                position(s.latitude(), s.longitude()), s.status(), s.statusReason(), s.registeredAt()),
                "station.updated", eventId);
    }

    /** Applies {@code station.status_changed} to a station the replica knows. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void statusChanged(StationStatusChanged change, String eventId) {
        if (change.stationId() == null || change.status() == null) {
            throw new IllegalArgumentException("station.status_changed lacks required fields");
        }
        ReplicatedStation previous = locked(change.stationId())
                .orElseThrow(() -> new IllegalArgumentException("station.status_changed of a station never registered"));
        if (previous.version() > change.version()) {
            return;
        }
        ReplicatedStation current = new ReplicatedStation(previous.stationId(), change.version(), previous.name(),
                previous.hostType(), previous.address(), previous.district(), previous.position(), change.status(),
                change.reason(), previous.registeredAt());
        write(current, eventId);
        listeners.forEach(l -> l.stationChanged(previous, current));
    }

    /** The station, if the replica has it. */
    @Transactional
    public Optional<ReplicatedStation> find(UUID stationId) {
        List<?> rows = em.createNativeQuery("select " + COLUMNS + " from station_replica where station_id = :id")
                .setParameter("id", stationId).getResultList();
        return rows.stream().findFirst().map(row -> station((Object[]) row));
    }

    /** The station, or a 404 problem naming it. */
    @Transactional
    public ReplicatedStation require(UUID stationId) {
        return find(stationId).orElseThrow(() -> ProblemException.notFound("站点", "The station"));
    }

    /**
     * The stations within the circle, nearest first (then by id), at most {@code limit};
     * {@code activeOnly} leaves out stations that are paused or closed.
     */
    @Transactional
    public List<Nearby> near(GeoCircle circle, boolean activeOnly, int limit) {
        GeoCircle.Box box = circle.box();
        String distance = GeoCircle.distanceSql("latitude", "longitude", ":lat", ":lon");
        Query query = em.createNativeQuery("select * from (select " + COLUMNS + ", " + distance + " as distance"
                        + " from station_replica where latitude between :minLat and :maxLat"
                        + " and longitude between :minLon and :maxLon"
                        + (activeOnly ? " and status = '" + ReplicatedStation.ACTIVE + "'" : "")
                        + ") s where distance <= :radius order by distance, station_id limit :limit")
                .setParameter("lat", circle.centre().latitude()).setParameter("lon", circle.centre().longitude())
                .setParameter("minLat", box.minLatitude()).setParameter("maxLat", box.maxLatitude())
                .setParameter("minLon", box.minLongitude()).setParameter("maxLon", box.maxLongitude())
                .setParameter("radius", circle.radiusMetres()).setParameter("limit", limit);
        return query.getResultList().stream()
                .map(row -> {
                    Object[] columns = (Object[]) row;
                    return new Nearby(station(columns), ((Number) columns[11]).doubleValue());
                })
                .toList();
    }

    /** Every station, oldest registration first, a page at a time (a null cursor: the first page). */
    @Transactional
    public Page<ReplicatedStation> page(String cursor, int limit) {
        KeysetCursor after = KeysetCursor.decode(CURSOR, cursor, 2);
        Query query = em.createNativeQuery("select " + COLUMNS + " from station_replica"
                + (after == null ? "" : " where (registered_at, station_id) > (:at, :id)")
                + " order by registered_at, station_id limit :limit")
                .setParameter("limit", Keyset.fetchSize(limit));
        if (after != null) {
            query.setParameter("at", Timestamp.from(after.instant(0))).setParameter("id", after.uuid(1));
        }
        List<ReplicatedStation> rows = query.getResultList().stream().map(row -> station((Object[]) row)).toList();
        return Keyset.page(rows, limit, s -> KeysetCursor.of(CURSOR, s.registeredAt(), s.stationId()));
    }

    /** Takes a whole station unless the replica already holds a newer version of it. */
    private void take(ReplicatedStation current, String type, String eventId) {
        if (current.stationId() == null || current.name() == null || current.address() == null
                || current.hostType() == null || current.status() == null || current.registeredAt() == null) {
            throw new IllegalArgumentException(type + " lacks required fields");
        }
        ReplicatedStation previous = locked(current.stationId()).orElse(null);
        if (previous != null && previous.version() > current.version()) {
            return;
        }
        write(current, eventId);
        listeners.forEach(l -> l.stationChanged(previous, current));
    }

    private Optional<ReplicatedStation> locked(UUID stationId) {
        List<?> rows = em.createNativeQuery("select " + COLUMNS + " from station_replica where station_id = :id"
                + " for update").setParameter("id", stationId).getResultList();
        return rows.stream().findFirst().map(row -> station((Object[]) row));
    }

    private void write(ReplicatedStation s, String eventId) {
        em.createNativeQuery("insert into station_replica (" + COLUMNS + ", last_event_id, updated_at) values"
                        + " (:id, :version, :name, :hostType, :address, cast(:district as varchar), :lat, :lon, :status, cast(:reason as varchar),"
                        + " :registeredAt, :eventId, :now) on conflict (station_id) do update set version = excluded.version,"
                        + " name = excluded.name, host_type = excluded.host_type, address = excluded.address,"
                        + " district = excluded.district, latitude = excluded.latitude, longitude = excluded.longitude,"
                        + " status = excluded.status, status_reason = excluded.status_reason,"
                        + " registered_at = excluded.registered_at, last_event_id = excluded.last_event_id,"
                        + " updated_at = excluded.updated_at")
                .setParameter("id", s.stationId()).setParameter("version", s.version())
                .setParameter("name", s.name()).setParameter("hostType", s.hostType())
                .setParameter("address", s.address()).setParameter("district", s.district())
                .setParameter("lat", s.position().latitude()).setParameter("lon", s.position().longitude())
                .setParameter("status", s.status()).setParameter("reason", s.statusReason())
                .setParameter("registeredAt", Timestamp.from(s.registeredAt())).setParameter("eventId", eventId)
                .setParameter("now", Timestamp.from(clock.now()))
                .executeUpdate();
    }

    private static GeoPoint position(double latitude, double longitude) {
        try {
            return new GeoPoint(latitude, longitude);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("station event with a position outside the earth's range");
        }
    }

    private static ReplicatedStation station(Object[] row) {
        return new ReplicatedStation((UUID) row[0], ((Number) row[1]).intValue(), (String) row[2], (String) row[3],
                (String) row[4], (String) row[5], new GeoPoint(((Number) row[6]).doubleValue(),
                ((Number) row[7]).doubleValue()), (String) row[8], (String) row[9], SqlValues.instant(row[10]));
    }

}
