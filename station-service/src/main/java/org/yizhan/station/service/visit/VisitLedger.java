package org.yizhan.station.service.visit;

import org.yizhan.kit.jdbc.SqlValues;
import org.yizhan.kit.paging.Cursor;
import org.yizhan.kit.paging.Keyset;
import org.yizhan.kit.paging.Page;
import org.yizhan.kit.privacy.Pseudonyms;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.yizhan.station.domain.visit.Occupation;
import org.yizhan.station.domain.visit.VisitGrouping;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The record of worker visits: one row per worker (as a {@link Pseudonyms pseudonym}), station and
 * clock hour in Asia/Shanghai. The unique key (station, visitor, hour) makes "once per hour" hold
 * however many scans arrive at once, on however many instances.
 */
@ApplicationScoped
public class VisitLedger {

    /** The time zone hours and days of visits are counted in. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    /** The result of recording a scan: the hour's visit, and whether this scan created it. */
    public record Recorded(UUID visitId, boolean counted, ZonedDateTime hour) {
    }

    /** One group of statistics; {@code name} is the station's name when grouped by station. */
    public record Row(String key, String name, long visits, long distinctVisitors) {
    }

    /** Statistics: the groups, and the totals over the whole range. */
    /** One visit of the caller's own: where, as what and when (first and last scan of the hour). */
    public record OwnVisit(UUID id, UUID stationId, String stationName, Occupation occupation, Instant hourStart,
                           Instant visitedAt, Instant lastSeenAt) {
    }

    public record Stats(List<Row> rows, long visits, long distinctVisitors) {
    }

    private final EntityManager em;
    private final Pseudonyms pseudonyms;

    public VisitLedger(EntityManager em, Pseudonyms pseudonyms) {
        this.em = em;
        this.pseudonyms = pseudonyms;
    }

    /**
     * Records that {@code subject} scanned at station {@code stationId} at {@code at}, stating
     * {@code occupation}. The first scan of the clock hour creates the visit ({@code counted});
     * a later one in the same hour only moves its last-seen time (the first occupation stays).
     */
    @Transactional
    public Recorded record(UUID stationId, String subject, Occupation occupation, Instant at) {
        String visitor = pseudonyms.of(subject);
        Instant seen = at.truncatedTo(ChronoUnit.MICROS);
        ZonedDateTime hour = seen.atZone(ZONE).truncatedTo(ChronoUnit.HOURS);
        UUID id = UUID.randomUUID();
        int inserted = em.createNativeQuery("insert into station_visit"
                        + " (id, station_id, visitor, occupation, hour_start, visited_at, last_seen_at)"
                        + " values (:id, :station, :visitor, :occupation, :hour, :at, :at)"
                        + " on conflict (station_id, visitor, hour_start) do nothing")
                .setParameter("id", id).setParameter("station", stationId).setParameter("visitor", visitor)
                .setParameter("occupation", occupation.name()).setParameter("hour", hour.toInstant())
                .setParameter("at", seen)
                .executeUpdate();
        if (inserted == 1) {
            return new Recorded(id, true, hour);
        }
        em.createNativeQuery("update station_visit set last_seen_at = greatest(last_seen_at, :at)"
                        + " where station_id = :station and visitor = :visitor and hour_start = :hour")
                .setParameter("at", seen).setParameter("station", stationId).setParameter("visitor", visitor)
                .setParameter("hour", hour.toInstant())
                .executeUpdate();
        UUID existing = (UUID) em.createNativeQuery("select id from station_visit"
                        + " where station_id = :station and visitor = :visitor and hour_start = :hour", UUID.class)
                .setParameter("station", stationId).setParameter("visitor", visitor)
                .setParameter("hour", hour.toInstant())
                .getSingleResult();
        return new Recorded(existing, false, hour);
    }

    /**
     * Whether {@code subject} scanned a code at station {@code stationId} at or after {@code since}
     * (any scan counts, also one that was not counted as a new visit).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean visitedSince(UUID stationId, String subject, Instant since) {
        Number count = (Number) em.createNativeQuery("select count(*) from station_visit"
                        + " where station_id = :station and visitor = :visitor"
                        + " and hour_start > :hourFloor and last_seen_at >= :since")
                .setParameter("station", stationId).setParameter("visitor", pseudonyms.of(subject))
                .setParameter("hourFloor", since.minus(Duration.ofHours(1)))
                .setParameter("since", since)
                .getSingleResult();
        return count.longValue() > 0;
    }

    /**
     * A page of {@code subject}'s own visits, newest first (by the first scan of the hour); with
     * {@code from}, only the visits on or after that day (Asia/Shanghai). The subject is looked up
     * by its pseudonym, as the visits were recorded (index station_visit_visitor).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<OwnVisit> mine(String subject, LocalDate from, Cursor after, int limit) {
        var query = em.createNativeQuery("select v.id, v.station_id, s.name, v.occupation, v.hour_start,"
                        + " v.visited_at, v.last_seen_at from station_visit v join station s on s.id = v.station_id"
                        + " where v.visitor = :visitor"
                        + (from == null ? "" : " and v.visited_at >= :since")
                        + (after == null ? "" : " and (v.visited_at < :at or (v.visited_at = :at and v.id < :id))")
                        + " order by v.visited_at desc, v.id desc limit :fetch")
                .setParameter("visitor", pseudonyms.of(subject))
                .setParameter("fetch", Keyset.fetchSize(limit));
        if (from != null) {
            query.setParameter("since", from.atStartOfDay(ZONE).toInstant());
        }
        if (after != null) {
            query.setParameter("at", after.at()).setParameter("id", after.id());
        }
        List<OwnVisit> rows = new ArrayList<>();
        for (Object result : query.getResultList()) {
            Object[] r = (Object[]) result;
            rows.add(new OwnVisit((UUID) r[0], (UUID) r[1], (String) r[2], Occupation.valueOf((String) r[3]),
                    SqlValues.instant(r[4]), SqlValues.instant(r[5]), SqlValues.instant(r[6])));
        }
        return Keyset.page(rows, limit, v -> new Cursor(v.visitedAt(), v.id()).keyset());
    }

    /**
     * Visits and distinct visitors from {@code from} to {@code to} (local dates, inclusive), of
     * one station or, with {@code stationId} null, of all (of one district's, with {@code district}). Days, hours and occupations without
     * visits are listed with zeros; stations only when they had visits, most visited first.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Stats stats(UUID stationId, String district, LocalDate from, LocalDate to, VisitGrouping by) {
        String key = switch (by) {
            case DAY -> "to_char(v.hour_start at time zone 'Asia/Shanghai', 'YYYY-MM-DD')";
            case HOUR_OF_DAY -> "to_char(v.hour_start at time zone 'Asia/Shanghai', 'HH24')";
            case OCCUPATION -> "v.occupation";
            case STATION -> "cast(v.station_id as varchar)";
        };
        String name = by == VisitGrouping.STATION ? "s.name" : "cast(null as varchar)";
        String join = by == VisitGrouping.STATION ? " join station s on s.id = v.station_id" : "";
        String where = " where v.hour_start >= :from and v.hour_start < :to"
                + (stationId == null ? "" : " and v.station_id = :station")
                + (district == null ? "" : " and exists (select 1 from station d where d.id = v.station_id"
                + " and d.district = :district)");
        Instant start = from.atStartOfDay(ZONE).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(ZONE).toInstant();

        var groups = em.createNativeQuery("select " + key + ", " + name + ", count(*), count(distinct v.visitor)"
                        + " from station_visit v" + join + where + " group by 1, 2")
                .setParameter("from", start).setParameter("to", end);
        var totals = em.createNativeQuery("select count(*), count(distinct v.visitor) from station_visit v" + where)
                .setParameter("from", start).setParameter("to", end);
        if (stationId != null) {
            groups.setParameter("station", stationId);
            totals.setParameter("station", stationId);
        }
        if (district != null) {
            groups.setParameter("district", district);
            totals.setParameter("district", district);
        }
        Map<String, Row> found = new LinkedHashMap<>();
        for (Object result : groups.getResultList()) {
            Object[] row = (Object[]) result;
            found.put((String) row[0], new Row((String) row[0], (String) row[1],
                    ((Number) row[2]).longValue(), ((Number) row[3]).longValue()));
        }
        Object[] total = (Object[]) totals.getSingleResult();
        return new Stats(complete(found, by, from, to),
                ((Number) total[0]).longValue(), ((Number) total[1]).longValue());
    }

    private static List<Row> complete(Map<String, Row> found, VisitGrouping by, LocalDate from, LocalDate to) {
        List<String> keys = new ArrayList<>();
        switch (by) {
            case DAY -> from.datesUntil(to.plusDays(1)).forEach(day -> keys.add(day.toString()));
            case HOUR_OF_DAY -> {
                for (int h = 0; h < 24; h++) {
                    keys.add(String.format("%02d", h));
                }
            }
            case OCCUPATION -> {
                for (Occupation o : Occupation.values()) {
                    keys.add(o.name());
                }
            }
            case STATION -> {
                return found.values().stream()
                        .sorted(Comparator.comparingLong(Row::visits).reversed().thenComparing(Row::key))
                        .toList();
            }
        }
        return keys.stream().map(k -> found.getOrDefault(k, new Row(k, null, 0, 0))).toList();
    }
}
