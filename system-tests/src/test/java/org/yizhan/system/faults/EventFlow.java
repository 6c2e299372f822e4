package org.yizhan.system.faults;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What became of the events the services wrote into their outboxes after a point in time: which
 * reached their topic (and how often), which are missing, whether each key's events are on the
 * topic in the order of the outbox, and whether the consumers applied them once each.
 */
public final class EventFlow {

    /** The types that each station replica applies (and records in its inbox). */
    static final Set<String> REPLICATED = Set.of("station.registered", "station.updated", "station.status_changed");
    static final String ACTIVITY_COMPLETED = "activity.completed";

    private final Databases databases;
    private final Topics topics;
    private final Map<String, Long> watermarks = new HashMap<>();

    /** Notes where each outbox stands now; only rows written after are looked at. */
    public EventFlow(Databases databases, Topics topics) {
        this.databases = databases;
        this.topics = topics;
        for (String service : Databases.services()) {
            watermarks.put(service, databases.outboxWatermark(service));
        }
    }

    /** The outbox rows of every service written since this flow began. */
    List<Databases.OutboxRow> rows() {
        List<Databases.OutboxRow> rows = new ArrayList<>();
        for (String service : Databases.services()) {
            rows.addAll(databases.outboxAfter(service, watermarks.get(service)));
        }
        return rows;
    }

    /** The outbox rows of one service written since this flow began. */
    List<Databases.OutboxRow> rows(String service) {
        return databases.outboxAfter(service, watermarks.get(service));
    }

    /** Rows since the start not yet published. */
    public long pending() {
        return rows().stream().filter(r -> r.publishedAt() == null).count();
    }

    /**
     * Delivery of the rows since the start: {@code written} rows, {@code delivered} of them on their
     * topic, {@code duplicates} extra copies, {@code lost} not there, and each key whose events are
     * on the topic in another order than in the outbox.
     */
    public record Delivery(int written, int delivered, int duplicates, int lost, List<String> outOfOrder,
                    List<String> missing) {
    }

    public Delivery delivery() {
        List<Databases.OutboxRow> rows = rows();
        Map<String, List<Databases.OutboxRow>> byTopic = new LinkedHashMap<>();
        rows.forEach(r -> byTopic.computeIfAbsent(r.topic(), t -> new ArrayList<>()).add(r));
        int delivered = 0;
        int duplicates = 0;
        List<String> missing = new ArrayList<>();
        List<String> outOfOrder = new ArrayList<>();
        for (Map.Entry<String, List<Databases.OutboxRow>> topic : byTopic.entrySet()) {
            Set<String> written = new LinkedHashSet<>();
            topic.getValue().forEach(r -> written.add(r.eventId()));
            Map<String, Integer> copies = new HashMap<>();
            // Per key, the event ids in topic order, each at its first copy.
            Map<String, List<String>> onTopic = new HashMap<>();
            for (Topics.Event event : topics.all(topic.getKey())) {
                if (event.id() != null && written.contains(event.id())) {
                    if (copies.merge(event.id(), 1, Integer::sum) == 1) {
                        onTopic.computeIfAbsent(event.key(), k -> new ArrayList<>()).add(event.id());
                    }
                }
            }
            Map<String, List<String>> inOutbox = new LinkedHashMap<>();
            for (Databases.OutboxRow row : topic.getValue()) {
                if (copies.containsKey(row.eventId())) {
                    inOutbox.computeIfAbsent(row.key(), k -> new ArrayList<>()).add(row.eventId());
                } else {
                    missing.add(row.topic() + "/" + row.key() + "/" + row.eventId() + " (" + row.type() + ")");
                }
            }
            inOutbox.forEach((key, ids) -> {
                if (!ids.equals(onTopic.get(key))) {
                    outOfOrder.add(topic.getKey() + "/" + key);
                }
            });
            delivered += copies.size();
            duplicates += copies.values().stream().mapToInt(c -> c - 1).sum();
        }
        return new Delivery(rows.size(), delivered, duplicates, rows.size() - delivered, outOfOrder, missing);
    }

    /**
     * How the consumers applied the events since the start: every replicated station event in each
     * replica's inbox and every {@code activity.completed} in station-service's, once each.
     * Answers one line per event not applied, or applied more than once.
     */
    public List<String> notAppliedOnce() {
        List<String> stationEvents = rows(Databases.STATION).stream()
                .filter(r -> REPLICATED.contains(r.type())).map(Databases.OutboxRow::eventId).toList();
        List<String> completed = rows(Databases.SERVICES).stream()
                .filter(r -> ACTIVITY_COMPLETED.equals(r.type())).map(Databases.OutboxRow::eventId).toList();
        List<String> problems = new ArrayList<>();
        for (String replica : Databases.REPLICAS) {
            problems.addAll(appliedOnce(replica, stationEvents));
        }
        problems.addAll(appliedOnce(Databases.STATION, completed));
        return problems;
    }

    private List<String> appliedOnce(String service, List<String> eventIds) {
        if (eventIds.isEmpty()) {
            return List.of();
        }
        Map<String, Long> counts = databases.inboxCounts(service, eventIds);
        List<String> problems = new ArrayList<>();
        for (String id : eventIds) {
            long count = counts.getOrDefault(id, 0L);
            if (count != 1) {
                problems.add(service + " applied " + id + " " + count + " times");
            }
        }
        return problems;
    }

    /** Each replica against station-service's stations, row by row: one line per difference. */
    public static List<String> replicaDifferences(Databases databases) {
        Map<String, String> source = databases.sourceStations();
        List<String> differences = new ArrayList<>();
        for (String replica : Databases.REPLICAS) {
            Map<String, String> copy = databases.replicaStations(replica);
            source.forEach((id, row) -> {
                if (!row.equals(copy.get(id))) {
                    differences.add(replica + " " + id + ": " + copy.get(id) + " instead of " + row);
                }
            });
            copy.keySet().stream().filter(id -> !source.containsKey(id))
                    .forEach(id -> differences.add(replica + " " + id + ": not a station of station-service"));
        }
        return differences;
    }
}
