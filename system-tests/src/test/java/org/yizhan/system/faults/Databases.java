package org.yizhan.system.faults;

import org.yizhan.localstack.postgres.PostgresServer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Plain SQL against each service's own database, to see what the system finally holds: the
 * outboxes, the inboxes, the station replicas and the rows the requests wrote.
 */
public final class Databases {

    static final String STATION = "station";
    static final String SERVICES = "services";
    static final String CHECKUP = "checkup";
    static final String LEGAL_AID = "legal-aid";
    /** The services that keep a replica of station-service's stations. */
    static final List<String> REPLICAS = List.of(SERVICES, CHECKUP, LEGAL_AID);

    private final PostgresServer server;
    private final Map<String, String> names = new HashMap<>();

    /** {@code databases}: the stack's database names (yizhan_station..., with the stack's suffix). */
    public Databases(PostgresServer server, List<String> databases) {
        this.server = server;
        for (String database : databases) {
            String name = database.startsWith("yizhan_station") ? STATION
                    : database.startsWith("yizhan_services") ? SERVICES
                    : database.startsWith("yizhan_checkup") ? CHECKUP
                    : database.startsWith("yizhan_legal_aid") ? LEGAL_AID : null;
            if (name != null) {
                names.put(name, database);
            }
        }
        if (names.size() != 4) {
            throw new IllegalStateException("expected the four services' databases: " + databases);
        }
    }

    /** Every service that has a database (and an outbox). */
    static List<String> services() {
        return List.of(STATION, SERVICES, CHECKUP, LEGAL_AID);
    }

    /** The rows of a query, each a list of its columns; parameters bound in order (a Collection as a text array). */
    List<List<Object>> rows(String service, String sql, Object... parameters) {
        try (Connection c = server.connect(names.get(service)); PreparedStatement statement = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                Object parameter = parameters[i];
                if (parameter instanceof Collection<?> values) {
                    statement.setArray(i + 1, c.createArrayOf("text", values.stream().map(String::valueOf).toArray()));
                } else {
                    statement.setObject(i + 1, parameter);
                }
            }
            List<List<Object>> rows = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    List<Object> row = new ArrayList<>(columns);
                    for (int i = 1; i <= columns; i++) {
                        row.add(rs.getObject(i));
                    }
                    rows.add(row);
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("query on " + service + " failed: " + sql, e);
        }
    }

    /** The single number a query returns. */
    long count(String service, String sql, Object... parameters) {
        return ((Number) rows(service, sql, parameters).get(0).get(0)).longValue();
    }

    /** The highest outbox row id of the service now: rows above it were written later. */
    long outboxWatermark(String service) {
        return count(service, "select coalesce(max(id), 0) from outbox_message");
    }

    /** An outbox row: the event id, its topic and key, when it was published (null: not yet). */
    record OutboxRow(long id, String eventId, String topic, String key, String type, Object publishedAt) {
    }

    /** The service's outbox rows above {@code watermark}, oldest first. */
    List<OutboxRow> outboxAfter(String service, long watermark) {
        List<OutboxRow> rows = new ArrayList<>();
        for (List<Object> row : rows(service, "select id, event_id, topic, message_key, event_type, published_at"
                + " from outbox_message where id > ? order by id", watermark)) {
            rows.add(new OutboxRow(((Number) row.get(0)).longValue(), (String) row.get(1), (String) row.get(2),
                    (String) row.get(3), (String) row.get(4), row.get(5)));
        }
        return rows;
    }

    /** Outbox rows not yet published (nor parked or discarded) in every service. */
    long pendingEverywhere() {
        long pending = 0;
        for (String service : services()) {
            pending += count(service, "select count(*) from outbox_message where published_at is null"
                    + " and parked_at is null and discarded_at is null");
        }
        return pending;
    }

    /** How often each of {@code eventIds} is in the service's inbox (ids never applied are absent). */
    Map<String, Long> inboxCounts(String service, Collection<String> eventIds) {
        Map<String, Long> counts = new HashMap<>();
        for (List<Object> row : rows(service, "select event_id, count(*) from inbox_processed_event"
                + " where event_id = any(?) group by event_id", eventIds)) {
            counts.put((String) row.get(0), ((Number) row.get(1)).longValue());
        }
        return counts;
    }

    /** Whether each of the ids is in the service's outbox (any age). */
    long inOutbox(String service, Collection<String> eventIds) {
        return count(service, "select count(*) from outbox_message where event_id = any(?)", eventIds);
    }

    /**
     * station-service's stations as the replicas keep them: id to "version|name|host type|address|
     * district|latitude|longitude|status".
     */
    Map<String, String> sourceStations() {
        return stations(STATION, "select id::text, version, name, host_type, address, district, latitude, longitude,"
                + " status from station");
    }

    /** A service's replica of the stations, in the same form as {@link #sourceStations()}. */
    Map<String, String> replicaStations(String service) {
        return stations(service, "select station_id::text, version, name, host_type, address, district, latitude,"
                + " longitude, status from station_replica");
    }

    private Map<String, String> stations(String service, String sql) {
        Map<String, String> stations = new LinkedHashMap<>();
        for (List<Object> row : rows(service, sql)) {
            stations.put((String) row.get(0), row.subList(1, row.size()).stream().map(String::valueOf)
                    .reduce((a, b) -> a + "|" + b).orElse(""));
        }
        return stations;
    }
}
