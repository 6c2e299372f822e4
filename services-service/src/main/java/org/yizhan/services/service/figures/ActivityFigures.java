package org.yizhan.services.service.figures;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The union's figures of completed activities: activities, person-times and distinct persons,
 * broken down by any of partner, type, station, month and year.
 *
 * <p>Rules: an activity counts once in every row it belongs to and once in the total, however
 * many organisers it has (a co-organised activity appears in each organiser's row, so partner
 * rows may add up to more than the total). Person-times of an activity are the people recorded
 * at it (attended and walk-ins, from check-ins or named in a partner's record), or the number a
 * partner reported when its record names nobody; those reported-only person-times are also
 * shown apart, because they cannot be counted as distinct persons.
 */
@ApplicationScoped
public class ActivityFigures {

    private final EntityManager em;

    public ActivityFigures(EntityManager em) {
        this.em = em;
    }

    /**
     * What to count: completed activities starting in [from, to), optionally of one partner, type,
     * station or district (of the station, as the station replica names it).
     */
    public record Query(Instant from, Instant to, List<Dimension> groupBy, String partner, String type, UUID stationId,
                        String district) {
    }

    /** One row: the key per dimension (in groupBy order) and the counts. */
    public record Row(List<String> key, long activities, long personTimes, long distinctPersons,
                      long reportedOnlyPersonTimes) {
    }

    public record Figures(List<Row> rows, Row total) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Figures count(Query q) {
        List<Row> rows = q.groupBy().isEmpty() ? List.of() : rows(q, q.groupBy());
        List<Row> total = rows(q, List.of());
        return new Figures(rows, total.isEmpty() ? new Row(List.of(), 0, 0, 0, 0) : total.get(0));
    }

    private List<Row> rows(Query q, List<Dimension> dims) {
        boolean byPartner = dims.contains(Dimension.PARTNER);
        String keys = dims.stream().map(d -> d.sql).reduce((x, y) -> x + ", " + y).orElse("");
        String select = keys.isEmpty() ? "" : keys + ", ";
        String group = keys.isEmpty() ? "" : " group by " + keys + " order by " + keys;
        String organisers = byPartner ? " join activity_organiser o on o.activity_id = a.id"
                + (q.partner() != null ? " and o.partner_code = :partner" : "") : "";

        String counts = cte(q) + "select " + select + "count(*), "
                + "coalesce(sum(case when a.named > 0 then a.named else coalesce(a.reported_participants, 0) end), 0), "
                + "coalesce(sum(case when a.named > 0 then 0 else coalesce(a.reported_participants, 0) end), 0) "
                + "from acts a" + organisers + group;
        String distinct = cte(q) + "select " + select + "count(distinct t.participant) "
                + "from acts a" + organisers + " join attendance t on t.activity_id = a.id" + group;

        Map<List<String>, Long> persons = new HashMap<>();
        for (Object r : bind(em.createNativeQuery(distinct), q).getResultList()) {
            Object[] row = r instanceof Object[] cols ? cols : new Object[] {r};
            persons.put(key(row, dims.size()), ((Number) row[dims.size()]).longValue());
        }
        Map<List<String>, Row> result = new LinkedHashMap<>();
        for (Object r : bind(em.createNativeQuery(counts), q).getResultList()) {
            Object[] row = (Object[]) r;
            List<String> key = key(row, dims.size());
            int n = dims.size();
            result.put(key, new Row(key, ((Number) row[n]).longValue(), ((Number) row[n + 1]).longValue(),
                    persons.getOrDefault(key, 0L), ((Number) row[n + 2]).longValue()));
        }
        return new ArrayList<>(result.values());
    }

    private static String cte(Query q) {
        return "with acts as (select a.id, a.type, a.station_id, a.starts_at, a.reported_participants,"
                + " (select count(*) from attendance t where t.activity_id = a.id) as named"
                + " from activity a where a.status = 'COMPLETED' and a.starts_at >= :from and a.starts_at < :to"
                + (q.partner() != null ? " and exists (select 1 from activity_organiser x"
                + " where x.activity_id = a.id and x.partner_code = :partner)" : "")
                + (q.type() != null ? " and a.type = :type" : "")
                + (q.stationId() != null ? " and a.station_id = :station" : "")
                + (q.district() != null ? " and exists (select 1 from station_replica r"
                + " where r.station_id = a.station_id and r.district = :district)" : "")
                + ") ";
    }

    private static jakarta.persistence.Query bind(jakarta.persistence.Query query, Query q) {
        query.setParameter("from", q.from()).setParameter("to", q.to());
        if (q.partner() != null) {
            query.setParameter("partner", q.partner());
        }
        if (q.type() != null) {
            query.setParameter("type", q.type());
        }
        if (q.stationId() != null) {
            query.setParameter("station", q.stationId());
        }
        if (q.district() != null) {
            query.setParameter("district", q.district());
        }
        return query;
    }

    private static List<String> key(Object[] row, int n) {
        List<String> key = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            key.add(String.valueOf(row[i]));
        }
        return key;
    }
}
