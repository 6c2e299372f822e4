package org.yizhan.legalaid.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.yizhan.legalaid.domain.consultation.ConsultationCategory;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The figures of legal aid in a period, by category, counted in the database. A consultation counts
 * in the period it was asked, an application in the period it was received; amounts are those of
 * the accepted cases among them (open or closed), awarded and recovered kept apart.
 */
@ApplicationScoped
public class FiguresQuery {

    /** The figures of one category (or, with a null category, of all). */
    public record Row(ConsultationCategory category, long consultations, long consultationsAnswered, long applications,
                      long accepted, long claimedFen, long awardedFen, long recoveredFen, long workersHelped) {
    }

    private static final String HELPED = "with helped as (select person, category from consultation"
            + " where status = 'ANSWERED' and asked_at >= :from and asked_at < :to"
            + " union select applicant, category from application"
            + " where status in ('ACCEPTED', 'CLOSED') and received_at >= :from and received_at < :to) ";

    private final EntityManager em;

    public FiguresQuery(EntityManager em) {
        this.em = em;
    }

    /** One row per category that has anything, and the total (category null) last. */
    public List<Row> byCategory(Instant from, Instant to) {
        Map<ConsultationCategory, long[]> cells = new EnumMap<>(ConsultationCategory.class);
        for (Object[] r : rows("select category, count(*), count(*) filter (where status = 'ANSWERED') from consultation"
                + " where asked_at >= :from and asked_at < :to group by category", from, to)) {
            long[] c = cells.computeIfAbsent(ConsultationCategory.valueOf((String) r[0]), k -> new long[8]);
            c[0] = number(r[1]);
            c[1] = number(r[2]);
        }
        for (Object[] r : rows("select a.category, count(*), count(*) filter (where a.status in ('ACCEPTED', 'CLOSED')),"
                + " coalesce(sum(a.amount_claimed_fen) filter (where a.status in ('ACCEPTED', 'CLOSED')), 0),"
                + " coalesce(sum(m.awarded), 0), coalesce(sum(m.recovered), 0) from application a left join"
                + " (select application_id, sum(amount_fen) filter (where kind = 'AWARDED') as awarded,"
                + " sum(amount_fen) filter (where kind = 'RECOVERED') as recovered from case_amount"
                + " group by application_id) m on m.application_id = a.id"
                + " where a.received_at >= :from and a.received_at < :to group by a.category", from, to)) {
            long[] c = cells.computeIfAbsent(ConsultationCategory.valueOf((String) r[0]), k -> new long[8]);
            for (int i = 0; i < 5; i++) {
                c[2 + i] = number(r[1 + i]);
            }
        }
        for (Object[] r : rows(HELPED + "select category, count(distinct person) from helped group by category", from,
                to)) {
            cells.computeIfAbsent(ConsultationCategory.valueOf((String) r[0]), k -> new long[8])[7] = number(r[1]);
        }
        long[] total = new long[8];
        List<Row> result = new java.util.ArrayList<>();
        cells.forEach((category, c) -> {
            result.add(row(category, c));
            for (int i = 0; i < 7; i++) {
                total[i] += c[i];
            }
        });
        // A worker helped in two categories is one worker: the total is counted, not added up.
        total[7] = number(em.createNativeQuery(HELPED + "select count(distinct person) from helped")
                .setParameter("from", Timestamp.from(from)).setParameter("to", Timestamp.from(to)).getSingleResult());
        result.add(row(null, total));
        return result;
    }

    private List<Object[]> rows(String sql, Instant from, Instant to) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(sql).setParameter("from", Timestamp.from(from))
                .setParameter("to", Timestamp.from(to)).getResultList();
        return rows;
    }

    private static Row row(ConsultationCategory category, long[] c) {
        return new Row(category, c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]);
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }
}
