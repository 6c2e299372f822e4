package org.yizhan.station.service.award;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import org.yizhan.kit.problem.ProblemException;
import org.yizhan.kit.time.AppClock;
import org.yizhan.station.domain.StationStatus;
import org.yizhan.station.domain.award.AwardInputs;
import org.yizhan.station.domain.award.AwardScore;
import org.yizhan.station.domain.award.Ineligibility;
import org.yizhan.station.domain.hours.OpeningHours;
import org.yizhan.station.domain.standards.ComplianceRules;
import org.yizhan.station.domain.standards.Inspection;
import org.yizhan.station.repository.award.PushedActivityRows;
import org.yizhan.station.service.StationHours;
import org.yizhan.station.service.standards.StandardsSettings;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Computes the award scores of a year from what the system holds, when asked: inspections,
 * visits, amenities, activities hosted, ratings and complaints. Seven grouped queries read the
 * evidence of every station at once; the arithmetic is {@link AwardScore}'s, and compliance and
 * tier come from the standards' {@link ComplianceRules}, so they cannot disagree with the
 * compliance endpoints.
 */
@ApplicationScoped
public class AwardScores {

    /** Eligible first, highest total first, then by station id. */
    static final Comparator<ScoreCard> RANKING = Comparator.comparing((ScoreCard c) -> !c.eligible())
            .thenComparing(ScoreCard::total, Comparator.reverseOrder())
            .thenComparing(ScoreCard::stationId);

    private final EntityManager em;
    private final AwardSettings settings;
    private final StandardsSettings standards;
    private final StationHours hours;
    private final AppClock clock;
    private final PushedActivityRows pushed;

    public AwardScores(EntityManager em, AwardSettings settings, StandardsSettings standards, StationHours hours,
                       AppClock clock, PushedActivityRows pushed) {
        this.em = em;
        this.pushed = pushed;
        this.settings = settings;
        this.standards = standards;
        this.hours = hours;
        this.clock = clock;
    }

    public AwardSettings settings() {
        return settings;
    }

    /** Today in the awards' time zone. */
    public LocalDate today() {
        return clock.today(settings.timeZone());
    }

    /**
     * A year given as text: a whole number from {@code yizhan.awards.first-year} to the current
     * year; blank gives {@code fallback} if there is one. Else 400 on {@code field}.
     */
    public int year(String field, String text, Integer fallback) {
        int first = settings.firstYear();
        int last = today().getYear();
        if ((text == null || text.isBlank()) && fallback != null) {
            return fallback;
        }
        try {
            int year = Integer.parseInt(text == null ? "" : text.strip());
            if (year >= first && year <= last) {
                return year;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ProblemException.invalidField(field, "必须是 " + first + " 到 " + last + " 之间的年份 / must be a year from "
                + first + " to " + last);
    }

    /** One station's score card for {@code year} (unranked); the station must exist and have been registered by the year's end. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<ScoreCard> ofStation(UUID stationId, int year) {
        List<ScoreCard> cards = compute(year, null, stationId);
        return cards.stream().findFirst().map(card -> card.withUnconfirmed(new ScoreCard.Unconfirmed(
                card.unconfirmed().activities(), card.unconfirmed().personTimes(),
                pushed.pendingIn(stationId, year, ScoreCard.UNCONFIRMED_SHOWN))));
    }

    /** Every station's score card for {@code year} (optionally of one district), in ranking order with ranks. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ScoreCard> ranking(int year, String district) {
        return ranked(compute(year, district, null));
    }

    /** Sorts cards into ranking order and numbers the eligible ones (equal totals share a place). */
    static List<ScoreCard> ranked(List<ScoreCard> cards) {
        List<ScoreCard> sorted = new ArrayList<>(cards);
        sorted.sort(RANKING);
        List<ScoreCard> out = new ArrayList<>(sorted.size());
        int rank = 0;
        BigDecimal previous = null;
        for (int i = 0; i < sorted.size(); i++) {
            ScoreCard card = sorted.get(i);
            if (!card.eligible()) {
                out.add(card.withRank(null));
                continue;
            }
            if (previous == null || card.total().compareTo(previous) != 0) {
                rank = i + 1;
                previous = card.total();
            }
            out.add(card.withRank(rank));
        }
        return out;
    }

    private record StationRow(UUID id, String name, String district, StationStatus status, LocalDate registeredOn,
                              Integer seats, String openingHours, ComplianceRules.Latest latestByPeriodEnd,
                              ComplianceRules.Latest latest) {
    }

    /** The year's calendar: its first and last day, the last day counted, and its instants in the zone. */
    private record Period(int year, LocalDate start, LocalDate end, LocalDate countedTo, Instant from, Instant until) {
    }

    /** Every station's evidence of the year: station id → the grouped query's counts. */
    private record Evidence(Map<UUID, long[]> inspections, Map<UUID, long[]> visits, Map<UUID, long[]> activities,
                            Map<UUID, long[]> ratings, Map<UUID, long[]> complaints,
                            Map<UUID, List<LocalDate>> amenities) {
    }

    private List<ScoreCard> compute(int year, String district, UUID onlyStation) {
        LocalDate today = today();
        LocalDate yearStart = LocalDate.of(year, 1, 1);
        LocalDate yearEnd = LocalDate.of(year, 12, 31);
        Period period = new Period(year, yearStart, yearEnd, yearEnd.isBefore(today) ? yearEnd : today,
                yearStart.atStartOfDay(settings.timeZone()).toInstant(),
                yearEnd.plusDays(1).atStartOfDay(settings.timeZone()).toInstant());
        List<StationRow> stations = stations(period.until(), period.countedTo(), district, onlyStation,
                settings.timeZone().getId());
        if (stations.isEmpty()) {
            return List.of();
        }
        Evidence evidence = evidence(period, onlyStation);
        List<ScoreCard> cards = new ArrayList<>(stations.size());
        for (StationRow s : stations) {
            cards.add(card(s, period, evidence));
        }
        return cards;
    }

    private Evidence evidence(Period period, UUID onlyStation) {
        String only = onlyStation == null ? "" : " and station_id = :station";
        Map<UUID, long[]> inspections = grouped(query("""
                select station_id, count(*), count(*) filter (where failed_basic = '') from station_inspection
                where kind = 'INSPECTION' and inspected_on between :from and :to""" + only + " group by station_id",
                onlyStation).setParameter("from", period.start()).setParameter("to", period.end()));
        Map<UUID, long[]> visits = grouped(query("select station_id, count(*) from station_visit"
                        + " where hour_start >= :start and hour_start < :end" + only + " group by station_id", onlyStation)
                .setParameter("start", period.from()).setParameter("end", period.until()));
        // Pushed activities count once confirmed (ADR 0013); the pending ones are shown apart.
        Map<UUID, long[]> activities = grouped(query("""
                select station_id, count(*) filter (where confirmation is null or confirmation = 'CONFIRMED'),
                       coalesce(sum(person_times) filter (where confirmation is null or confirmation = 'CONFIRMED'), 0),
                       count(*) filter (where confirmation = 'PENDING'),
                       coalesce(sum(person_times) filter (where confirmation = 'PENDING'), 0)
                from station_activity where year = :year and status = 'COMPLETED'""" + only + " group by station_id",
                onlyStation).setParameter("year", period.year()));
        Map<UUID, long[]> ratings = grouped(query("select station_id, count(*), coalesce(sum(stars), 0) from station_rating"
                        + " where rating_day between :from and :to" + only + " group by station_id", onlyStation)
                .setParameter("from", period.start()).setParameter("to", period.end()));
        Map<UUID, long[]> complaints = grouped(query("""
                select station_id, count(*),
                       count(*) filter (where first_response_at is not null or respond_by <= :now),
                       count(*) filter (where first_response_at is not null and first_response_at <= respond_by),
                       count(*) filter (where category = 'CLOSED_DURING_HOURS' and status = 'RESOLVED')
                from station_complaint where received_at >= :start and received_at < :end""" + only
                + " group by station_id", onlyStation)
                .setParameter("now", clock.now()).setParameter("start", period.from()).setParameter("end", period.until()));
        return new Evidence(inspections, visits, activities, ratings, complaints,
                amenities(onlyStation, settings.timeZone().getId()));
    }

    private ScoreCard card(StationRow s, Period period, Evidence evidence) {
        LocalDate from = s.registeredOn().isAfter(period.start()) ? s.registeredOn() : period.start();
        LocalDate to = period.countedTo();
        int daysInPeriod = (int) (ChronoUnit.DAYS.between(from, to) + 1);
        long[] insp = evidence.inspections().getOrDefault(s.id(), new long[2]);
        long[] act = evidence.activities().getOrDefault(s.id(), new long[4]);
        long[] rat = evidence.ratings().getOrDefault(s.id(), new long[2]);
        long[] com = evidence.complaints().getOrDefault(s.id(), new long[4]);
        List<LocalDate> amenityStates = evidence.amenities().getOrDefault(s.id(), List.of());
        long outOfOrderDays = 0;
        int broken = 0;
        for (LocalDate since : amenityStates) {
            if (since != null) {
                broken++;
                LocalDate first = since.isAfter(from) ? since : from;
                outOfOrderDays += Math.max(0, ChronoUnit.DAYS.between(first, to) + 1);
            }
        }
        ComplianceRules rules = standards.rules();
        ComplianceRules.Outcome atPeriodEnd = rules.evaluate(s.latestByPeriodEnd(), to);
        ComplianceRules.Outcome now = rules.evaluate(s.latest(), standards.today());
        AwardInputs inputs = new AwardInputs(atPeriodEnd.tier(), (int) insp[0], (int) insp[1],
                evidence.visits().getOrDefault(s.id(), new long[1])[0], s.seats(), openDays(s.openingHours(), from, to),
                amenityStates.size(), amenityStates.size() - broken, outOfOrderDays, daysInPeriod,
                (int) act[0], act[1], (int) rat[0], rat[1], (int) com[0], (int) com[1], (int) com[2], (int) com[3]);
        AwardScore.Result score = AwardScore.compute(inputs, settings.parameters());
        List<Ineligibility> reasons = Ineligibility.of(s.status(), now.status());
        return new ScoreCard(null, s.id(), s.name(), s.district(), s.status(), now.status(), now.tier(),
                reasons.isEmpty(), reasons.stream().map(ScoreCard.Reason::of).toList(), period.year(), from, to,
                score.total(), score.lines().stream().map(ScoreCard.Line::of).toList(),
                new ScoreCard.Unconfirmed((int) act[2], act[3], null));
    }

    /** Days from {@code from} to {@code to} on which the hours open the station at all; every day if the hours are unknown. */
    private int openDays(String openingHours, LocalDate from, LocalDate to) {
        int days = (int) (ChronoUnit.DAYS.between(from, to) + 1);
        Optional<OpeningHours> known = hours.hoursOf(openingHours);
        if (known.isEmpty()) {
            return days;
        }
        int open = 0;
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            if (!known.get().periodsOn(d, hours.calendar()).isEmpty()) {
                open++;
            }
        }
        return open;
    }

    private List<StationRow> stations(Instant yearEnd, LocalDate periodEnd, String district, UUID onlyStation,
                                      String zone) {
        String latest = """
                select i.inspected_on, i.failed_basic, i.optional_met from station_inspection i
                where i.station_id = s.id and i.kind = 'INSPECTION'%s
                order by i.inspected_on desc, i.recorded_at desc, i.id desc limit 1""";
        Query q = em.createNativeQuery("select s.id, s.name, s.district, s.status,"
                + " cast((s.registered_at at time zone :zone) as date), s.seats, cast(s.opening_hours as text),"
                + " p.inspected_on, p.failed_basic, p.optional_met, c.inspected_on, c.failed_basic, c.optional_met"
                + " from station s"
                + " left join lateral (" + latest.formatted(" and i.inspected_on <= :periodEnd") + ") p on true"
                + " left join lateral (" + latest.formatted("") + ") c on true"
                + " where s.registered_at < :yearEnd"
                + (district == null ? "" : " and s.district = :district")
                + (onlyStation == null ? "" : " and s.id = :station"))
                .setParameter("zone", zone).setParameter("periodEnd", periodEnd).setParameter("yearEnd", yearEnd);
        if (district != null) {
            q.setParameter("district", district);
        }
        if (onlyStation != null) {
            q.setParameter("station", onlyStation);
        }
        List<StationRow> rows = new ArrayList<>();
        for (Object o : q.getResultList()) {
            Object[] r = (Object[]) o;
            rows.add(new StationRow((UUID) r[0], (String) r[1], (String) r[2], StationStatus.valueOf((String) r[3]),
                    toDate(r[4]), r[5] == null ? null : ((Number) r[5]).intValue(), (String) r[6],
                    latest(r[7], r[8], r[9]), latest(r[10], r[11], r[12])));
        }
        return rows;
    }

    private static ComplianceRules.Latest latest(Object on, Object failed, Object optionalMet) {
        return on == null ? null
                : new ComplianceRules.Latest(toDate(on), Inspection.parseFailed((String) failed), ((Number) optionalMet).intValue());
    }

    /** Each station's amenities: the local date since when each is out of order, null for a working one. */
    private Map<UUID, List<LocalDate>> amenities(UUID onlyStation, String zone) {
        Query q = em.createNativeQuery("select station_id, status,"
                + " cast((coalesce(out_of_order_since, updated_at) at time zone :zone) as date) from station_amenity"
                + (onlyStation == null ? "" : " where station_id = :station")).setParameter("zone", zone);
        if (onlyStation != null) {
            q.setParameter("station", onlyStation);
        }
        Map<UUID, List<LocalDate>> all = new HashMap<>();
        for (Object o : q.getResultList()) {
            Object[] r = (Object[]) o;
            LocalDate since = "OUT_OF_ORDER".equals(r[1]) ? toDate(r[2]) : null;
            all.computeIfAbsent((UUID) r[0], k -> new ArrayList<>()).add(since);
        }
        return all;
    }

    private Query query(String sql, UUID onlyStation) {
        Query q = em.createNativeQuery(sql);
        if (onlyStation != null) {
            q.setParameter("station", onlyStation);
        }
        return q;
    }

    /** station id → the query's counts after the first column. */
    private static Map<UUID, long[]> grouped(Query q) {
        Map<UUID, long[]> map = new HashMap<>();
        for (Object o : q.getResultList()) {
            Object[] r = (Object[]) o;
            long[] values = new long[r.length - 1];
            for (int i = 1; i < r.length; i++) {
                values[i - 1] = ((Number) r[i]).longValue();
            }
            map.put((UUID) r[0], values);
        }
        return map;
    }

    private static LocalDate toDate(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof LocalDate d) {
            return d;
        }
        if (value instanceof Date d) {
            return d.toLocalDate();
        }
        return LocalDate.parse(value.toString());
    }
}
