package org.yizhan.checkup.service.figures;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.yizhan.events.Occupation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The union's checkup figures, in person-times (人次), of the slots that start in a period, of every
 * campaign that was published (drafts never count):
 * <ul>
 *   <li><b>offered</b>: the places of those slots (their capacity), whether taken or not; not broken
 *       down by occupation, because a slot's places are open to every occupation of its campaign;</li>
 *   <li><b>booked</b>: confirmed appointments in them that were not cancelled: status booked,
 *       arrived, fulfilled or noshow (held, waitlisted and cancelled ones are not booked);</li>
 *   <li><b>attended</b>: of those, the ones the worker came to: arrived or fulfilled; this is the
 *       union's number of checkups given (person-times: one per appointment; a worker has at most one
 *       per campaign);</li>
 *   <li><b>noShow</b>: of those, the ones marked noshow.</li>
 * </ul>
 * booked = attended + noShow + the booked ones not yet attended or marked.
 */
@ApplicationScoped
public class CheckupFigures {

    private static final String BOOKED = "('booked', 'arrived', 'fulfilled', 'noshow')";
    private static final String ATTENDED = "('arrived', 'fulfilled')";

    /**
     * What to count; null filters do not filter; {@code clinic} limits to the sites a clinic examines
     * at; {@code district} to the sites at a station of that district (as the station replica names
     * it): a site that is not at a station is in no district.
     */
    public record Query(Instant from, Instant to, List<FiguresDimension> groupBy, UUID campaignId, UUID siteId,
                        Occupation occupation, String clinic, String district) {
    }

    /** One row: key and name per dimension (groupBy order); offered is null where it cannot be told. */
    public record Row(List<String> key, List<String> names, Long offered, long booked, long attended, long noShow) {
    }

    public record Figures(List<Row> rows, Row total) {
    }

    private final EntityManager em;

    public CheckupFigures(EntityManager em) {
        this.em = em;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Figures count(Query q) {
        List<Row> rows = q.groupBy().isEmpty() ? List.of() : rows(q, q.groupBy());
        List<Row> total = rows(q, List.of());
        return new Figures(rows, total.isEmpty() ? new Row(List.of(), List.of(), offeredKnown(q, List.of()) ? 0L : null,
                0, 0, 0) : total.get(0));
    }

    private static boolean offeredKnown(Query q, List<FiguresDimension> dims) {
        return q.occupation() == null && !dims.contains(FiguresDimension.OCCUPATION);
    }

    private List<Row> rows(Query q, List<FiguresDimension> dims) {
        Map<List<String>, Row> rows = new TreeMap<>(Comparator.comparing(Object::toString));
        Map<List<String>, List<String>> names = new HashMap<>();
        Map<List<String>, Long> offered = new HashMap<>();
        if (offeredKnown(q, dims)) {
            for (Object[] r : select(q, dims, "coalesce(sum(sl.capacity), 0)", "slot sl join site s on s.id = sl.site_id"
                    + " join campaign c on c.id = sl.campaign_id", "")) {
                List<String> key = key(r, dims);
                names.put(key, names(r, dims));
                offered.put(key, ((Number) r[2 * dims.size()]).longValue());
                rows.put(key, new Row(key, names.get(key), offered.get(key), 0, 0, 0));
            }
        }
        for (Object[] r : select(q, dims, "count(*), count(*) filter (where a.status in " + ATTENDED + "),"
                        + " count(*) filter (where a.status = 'noshow')",
                "appointment a join slot sl on sl.id = a.slot_id join site s on s.id = sl.site_id"
                        + " join campaign c on c.id = sl.campaign_id", " and a.status in " + BOOKED
                        + (q.occupation() != null ? " and a.occupation = :occupation" : ""))) {
            List<String> key = key(r, dims);
            int n = 2 * dims.size();
            rows.put(key, new Row(key, names(r, dims), offeredKnown(q, dims) ? offered.getOrDefault(key, 0L) : null,
                    ((Number) r[n]).longValue(), ((Number) r[n + 1]).longValue(), ((Number) r[n + 2]).longValue()));
        }
        return new ArrayList<>(rows.values());
    }

    private List<Object[]> select(Query q, List<FiguresDimension> dims, String counts, String from, String where) {
        List<String> columns = new ArrayList<>();
        dims.forEach(d -> columns.add(d.sql));
        dims.forEach(d -> columns.add(d.nameSql == null ? "cast(null as text)" : "max(" + d.nameSql + ")"));
        String group = dims.isEmpty() ? "" : " group by " + String.join(", ", dims.stream().map(d -> d.sql).toList());
        StringBuilder sql = new StringBuilder("select ");
        columns.forEach(c -> sql.append(c).append(", "));
        sql.append(counts).append(" from ").append(from)
                .append(" where c.status <> 'DRAFT' and sl.starts_at >= :from and sl.starts_at < :to").append(where);
        if (q.campaignId() != null) {
            sql.append(" and c.id = :campaign");
        }
        if (q.siteId() != null) {
            sql.append(" and s.id = :site");
        }
        if (q.clinic() != null) {
            sql.append(" and s.clinic = :clinic");
        }
        if (q.district() != null) {
            sql.append(" and exists (select 1 from station_replica r where r.station_id = s.station_id"
                    + " and r.district = :district)");
        }
        var query = em.createNativeQuery(sql + group).setParameter("from", q.from()).setParameter("to", q.to());
        if (q.campaignId() != null) {
            query.setParameter("campaign", q.campaignId());
        }
        if (q.siteId() != null) {
            query.setParameter("site", q.siteId());
        }
        if (q.clinic() != null) {
            query.setParameter("clinic", q.clinic());
        }
        if (q.district() != null) {
            query.setParameter("district", q.district());
        }
        if (q.occupation() != null && where.contains(":occupation")) {
            query.setParameter("occupation", q.occupation().name());
        }
        List<Object[]> rows = new ArrayList<>();
        for (Object r : query.getResultList()) {
            rows.add(r instanceof Object[] cols ? cols : new Object[] {r});
        }
        return rows;
    }

    private static List<String> key(Object[] r, List<FiguresDimension> dims) {
        List<String> key = new ArrayList<>();
        for (int i = 0; i < dims.size(); i++) {
            key.add(String.valueOf(r[i]));
        }
        return key;
    }

    private static List<String> names(Object[] r, List<FiguresDimension> dims) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < dims.size(); i++) {
            names.add((String) r[dims.size() + i]);
        }
        return names;
    }
}
