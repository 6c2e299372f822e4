package org.yizhan.legalaid.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import org.yizhan.legalaid.domain.application.CaseStage;
import org.yizhan.legalaid.domain.application.ClosingResult;
import org.yizhan.legalaid.domain.consultation.ConsultationCategory;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The figures of legal aid in a period, counted in the database. A consultation counts in the period
 * it was asked and in the district of the station where it was taken; an application in the period
 * it was received and in its district (ADR 0019). Amounts are those of the accepted cases among them
 * (open or closed), claimed, awarded and recovered kept apart; workers are persons (pseudonyms), a
 * group case's every worker included.
 */
@ApplicationScoped
public class FiguresQuery {

    /** How the main figures are broken down. */
    public enum Dimension {
        CATEGORY("c.category", "a.category"),
        DISTRICT(Scope.CONSULTATION_DISTRICT, "a.district");

        private final String consultationKey;
        private final String applicationKey;

        Dimension(String consultationKey, String applicationKey) {
            this.consultationKey = consultationKey;
            this.applicationKey = applicationKey;
        }
    }

    /** The figures of one category or district (both null: of all). */
    public record Row(ConsultationCategory category, String district, long consultations, long consultationsAnswered,
                      long applications, long accepted, long claimedFen, long awardedFen, long recoveredFen,
                      long workersHelped) {
    }

    /** Cases (accepted in the period's applications) that went through a stage, by how it ended (null: going on). */
    public record StageRow(CaseStage.Stage stage, CaseStage.Outcome outcome, long cases, long workers) {
    }

    /** Closed cases by the closing form's result, with their amounts. */
    public record ResultRow(ClosingResult result, long cases, long workers, long claimedFen, long awardedFen,
                            long recoveredFen) {
    }

    /** The period and the district the figures are restricted to (district null: everywhere). */
    public record Scope(Instant from, Instant to, String district) {

        static final String CONSULTATION_DISTRICT =
                "(select r.district from station_replica r where r.station_id = c.station_id)";

        String consultations() {
            return "c.asked_at >= :from and c.asked_at < :to" + (district == null ? "" : " and "
                    + CONSULTATION_DISTRICT + " = :district");
        }

        String applications() {
            return "a.received_at >= :from and a.received_at < :to" + (district == null ? "" : " and a.district = :district");
        }
    }

    private static final String ACCEPTED = "a.status in ('ACCEPTED', 'CLOSED')";
    /** Per application: claimed (sum of its workers'), awarded and recovered (sums of its amounts). */
    private static final String MONEY = " left join (select application_id, sum(claimed_fen) as claimed, count(*) as"
            + " workers from application_worker group by application_id) w on w.application_id = a.id"
            + " left join (select application_id, sum(amount_fen) filter (where kind = 'AWARDED') as awarded,"
            + " sum(amount_fen) filter (where kind = 'RECOVERED') as recovered from case_amount"
            + " group by application_id) m on m.application_id = a.id";

    private final EntityManager em;

    public FiguresQuery(EntityManager em) {
        this.em = em;
    }

    /** One row per key that has anything (categories in their order, districts by name, unknown last), and the total last. */
    public List<Row> rows(Dimension by, Scope scope) {
        Map<String, long[]> cells = new HashMap<>();
        for (Object[] r : rows("select " + by.consultationKey + ", count(*), count(*) filter (where c.status ="
                + " 'ANSWERED') from consultation c where " + scope.consultations() + " group by 1", scope)) {
            long[] c = cells.computeIfAbsent((String) r[0], k -> new long[8]);
            c[0] = number(r[1]);
            c[1] = number(r[2]);
        }
        for (Object[] r : rows("select " + by.applicationKey + ", count(*), count(*) filter (where " + ACCEPTED + "),"
                + " coalesce(sum(w.claimed) filter (where " + ACCEPTED + "), 0), coalesce(sum(m.awarded), 0),"
                + " coalesce(sum(m.recovered), 0) from application a" + MONEY + " where " + scope.applications()
                + " group by 1", scope)) {
            long[] c = cells.computeIfAbsent((String) r[0], k -> new long[8]);
            for (int i = 0; i < 5; i++) {
                c[2 + i] = number(r[1 + i]);
            }
        }
        for (Object[] r : rows(helped(by, scope) + "select k, count(distinct person) from helped group by k", scope)) {
            cells.computeIfAbsent((String) r[0], k -> new long[8])[7] = number(r[1]);
        }
        long[] total = new long[8];
        List<Row> result = new ArrayList<>();
        cells.entrySet().stream().sorted(Map.Entry.comparingByKey(by == Dimension.CATEGORY
                        ? Comparator.nullsLast(Comparator.comparing(ConsultationCategory::valueOf))
                        : Comparator.nullsLast(Comparator.<String>naturalOrder())))
                .forEach(e -> {
                    result.add(row(by, e.getKey(), e.getValue()));
                    for (int i = 0; i < 7; i++) {
                        total[i] += e.getValue()[i];
                    }
                });
        // A worker helped in two categories (or districts) is one worker: the total is counted, not added up.
        total[7] = number(query(helped(by, scope) + "select count(distinct person) from helped", scope).getSingleResult());
        result.add(new Row(null, null, total[0], total[1], total[2], total[3], total[4], total[5], total[6], total[7]));
        return result;
    }

    /** The stages of the cases among the period's applications, by stage and outcome. */
    public List<StageRow> stages(Scope scope) {
        return rows("select s.stage, s.outcome, count(distinct a.id), count(distinct w.person) from case_stage s"
                + " join application a on a.id = s.application_id join application_worker w on w.application_id = a.id"
                + " where " + scope.applications() + " group by s.stage, s.outcome", scope).stream()
                .map(r -> new StageRow(CaseStage.Stage.valueOf((String) r[0]),
                        r[1] == null ? null : CaseStage.Outcome.valueOf((String) r[1]), number(r[2]), number(r[3])))
                .sorted(Comparator.comparing(StageRow::stage).thenComparing(StageRow::outcome,
                        Comparator.nullsLast(Comparator.naturalOrder())))
                .toList();
    }

    /** The closed cases among the period's applications, by result. */
    public List<ResultRow> results(Scope scope) {
        Map<String, Long> workers = new HashMap<>();
        for (Object[] r : rows("select a.closing_result, count(distinct w.person) from application a join"
                + " application_worker w on w.application_id = a.id where a.status = 'CLOSED' and "
                + scope.applications() + " group by 1", scope)) {
            workers.put((String) r[0], number(r[1]));
        }
        return rows("select a.closing_result, count(*), coalesce(sum(w.claimed), 0), coalesce(sum(m.awarded), 0),"
                + " coalesce(sum(m.recovered), 0) from application a" + MONEY + " where a.status = 'CLOSED' and "
                + scope.applications() + " group by 1", scope).stream()
                .map(r -> new ResultRow(ClosingResult.valueOf((String) r[0]), number(r[1]),
                        workers.getOrDefault((String) r[0], 0L), number(r[2]), number(r[3]), number(r[4])))
                .sorted(Comparator.comparing(ResultRow::result)).toList();
    }

    /** Persons helped: whose consultation was answered, or who is a worker of an accepted application. */
    private static String helped(Dimension by, Scope scope) {
        return "with helped as (select c.person as person, " + by.consultationKey + " as k from consultation c"
                + " where c.status = 'ANSWERED' and " + scope.consultations()
                + " union select w.person, " + by.applicationKey + " from application a join application_worker w"
                + " on w.application_id = a.id where " + ACCEPTED + " and " + scope.applications() + ") ";
    }

    private List<Object[]> rows(String sql, Scope scope) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query(sql, scope).getResultList();
        return rows;
    }

    private Query query(String sql, Scope scope) {
        Query q = em.createNativeQuery(sql).setParameter("from", Timestamp.from(scope.from()))
                .setParameter("to", Timestamp.from(scope.to()));
        return scope.district() == null ? q : q.setParameter("district", scope.district());
    }

    private static Row row(Dimension by, String key, long[] c) {
        ConsultationCategory category = by == Dimension.CATEGORY && key != null ? ConsultationCategory.valueOf(key) : null;
        String district = by == Dimension.DISTRICT ? key : null;
        return new Row(category, district, c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]);
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }
}
