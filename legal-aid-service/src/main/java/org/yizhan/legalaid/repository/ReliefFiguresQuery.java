package org.yizhan.legalaid.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The figures of serious-illness relief in a period, by district, counted in the database. A relief
 * application counts in the period it was submitted; granted, the amounts and the workers are those
 * of the applications among them that were granted (paid ones included).
 */
@ApplicationScoped
public class ReliefFiguresQuery {

    /** The figures of one district (null: applications made at no station; in the total: all). */
    public record Row(String district, long applications, long granted, long grantedFen, long paidFen,
                      long workersGranted) {
    }

    private static final String COLUMNS = "count(*), count(*) filter (where status in ('GRANTED', 'PAID')),"
            + " coalesce(sum(amount_granted_fen) filter (where status in ('GRANTED', 'PAID')), 0),"
            + " coalesce(sum(paid_fen), 0),"
            + " count(distinct applicant) filter (where status in ('GRANTED', 'PAID'))"
            + " from relief_application where submitted_at >= :from and submitted_at < :to"
            + " and (cast(:district as varchar) is null or district = cast(:district as varchar))";

    private final EntityManager em;

    public ReliefFiguresQuery(EntityManager em) {
        this.em = em;
    }

    /**
     * One row per district that has anything (by name, no district last), and the total last;
     * {@code district}: only that one (null: all).
     */
    public List<Row> byDistrict(Instant from, Instant to, String district) {
        List<Row> result = new ArrayList<>();
        for (Object[] r : rows("select district, " + COLUMNS + " group by district order by district nulls last",
                from, to, district)) {
            result.add(new Row((String) r[0], number(r[1]), number(r[2]), number(r[3]), number(r[4]), number(r[5])));
        }
        // A worker granted relief in two districts is one worker: the total is counted, not added up.
        Object[] t = rows("select null, " + COLUMNS, from, to, district).get(0);
        result.add(new Row(null, number(t[1]), number(t[2]), number(t[3]), number(t[4]), number(t[5])));
        return result;
    }

    private List<Object[]> rows(String sql, Instant from, Instant to, String district) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(sql).setParameter("from", Timestamp.from(from))
                .setParameter("to", Timestamp.from(to)).setParameter("district", district).getResultList();
        return rows;
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }
}
