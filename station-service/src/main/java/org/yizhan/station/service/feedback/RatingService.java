package org.yizhan.station.service.feedback;

import org.yizhan.kit.privacy.Pseudonyms;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.yizhan.kit.paging.Cursor;
import org.yizhan.kit.paging.Keyset;
import org.yizhan.kit.paging.Page;
import org.yizhan.kit.problem.ProblemException;
import org.yizhan.kit.problem.ProblemType;
import org.yizhan.kit.time.AppClock;
import org.yizhan.station.domain.feedback.StationRating;
import org.yizhan.station.service.StationAccess;
import org.yizhan.station.service.visit.VisitLedger;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Workers rate the stations they visited; everybody reads the summary and the comments. */
@ApplicationScoped
public class RatingService {

    /** What a worker sends: 1 to 5 stars and an optional comment (already length-checked). */
    public record NewRating(int stars, String comment) {
    }

    /** The stored rating, and whether this request created it (rather than replacing that day's). */
    public record Rated(StationRating rating, boolean created) {
    }

    /** Count, average (two decimals, absent without ratings) and stars → count for 1..5. */
    public record Summary(long count, Double average, Map<Integer, Long> histogram) {
    }

    private final EntityManager em;
    private final StationAccess access;
    private final VisitLedger visits;
    private final Pseudonyms pseudonyms;
    private final AppClock clock;
    private final FeedbackSettings settings;

    public RatingService(EntityManager em, StationAccess access, VisitLedger visits, Pseudonyms pseudonyms,
                         AppClock clock, FeedbackSettings settings) {
        this.em = em;
        this.access = access;
        this.visits = visits;
        this.pseudonyms = pseudonyms;
        this.clock = clock;
        this.settings = settings;
    }

    /**
     * Stores {@code subject}'s rating of the station, replacing the one they gave it earlier the
     * same day. 404 if there is no such station, 422 if the worker has not visited it within the
     * visit window.
     */
    @Transactional
    public Rated rate(UUID stationId, String subject, NewRating request) {
        access.requireExisting(stationId);
        Instant now = clock.now();
        if (!visits.visitedSince(stationId, subject, now.minus(settings.visitWindow()))) {
            long days = settings.visitWindow().toDays();
            throw new ProblemException(ProblemType.UNPROCESSABLE,
                    "只有最近 " + days + " 天内到访过本站点的劳动者才能评价",
                    "Only workers who visited this station in the last " + days + " days can rate it");
        }
        String rater = pseudonyms.of(subject);
        LocalDate day = LocalDate.ofInstant(now, settings.zone());
        // One statement, so two concurrent ratings of the same day cannot both insert; xmax = 0
        // tells a fresh row from a replaced one.
        Object[] row = (Object[]) em.createNativeQuery("""
                        insert into station_rating (id, station_id, rater, rating_day, stars, comment, rated_at)
                        values (:id, :station, :rater, :day, :stars, :comment, :at)
                        on conflict (station_id, rater, rating_day)
                        do update set stars = excluded.stars, comment = excluded.comment, rated_at = excluded.rated_at
                        returning cast(id as varchar), (xmax = 0)""")
                .setParameter("id", UUID.randomUUID())
                .setParameter("station", stationId)
                .setParameter("rater", rater)
                .setParameter("day", day)
                .setParameter("stars", (short) request.stars())
                .setParameter("comment", FeedbackText.clean(request.comment()))
                .setParameter("at", now)
                .getSingleResult();
        StationRating rating = em.find(StationRating.class, UUID.fromString((String) row[0]));
        em.refresh(rating);
        return new Rated(rating, Boolean.TRUE.equals(row[1]));
    }

    /** Count, average and histogram of the station's ratings. 404 if there is no such station. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Summary summary(UUID stationId) {
        access.requireExisting(stationId);
        List<?> rows = em.createNativeQuery(
                        "select stars, count(*) from station_rating where station_id = :station group by stars")
                .setParameter("station", stationId).getResultList();
        Map<Integer, Long> histogram = new LinkedHashMap<>();
        for (int stars = 1; stars <= 5; stars++) {
            histogram.put(stars, 0L);
        }
        long count = 0;
        long sum = 0;
        for (Object r : rows) {
            Object[] row = (Object[]) r;
            int stars = ((Number) row[0]).intValue();
            long n = ((Number) row[1]).longValue();
            histogram.put(stars, n);
            count += n;
            sum += stars * n;
        }
        Double average = count == 0 ? null : Math.round(sum * 100.0 / count) / 100.0;
        return new Summary(count, average, histogram);
    }

    /** A page of the station's ratings that have a comment, newest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<StationRating> comments(UUID stationId, Cursor after, int limit) {
        access.requireExisting(stationId);
        String where = "stationId = :station and comment is not null";
        var query = after == null
                ? em.createQuery("from StationRating where " + where + " order by ratedAt desc, id desc",
                        StationRating.class)
                : em.createQuery("from StationRating where " + where
                                + " and (ratedAt < :at or (ratedAt = :at and id < :id)) order by ratedAt desc, id desc",
                        StationRating.class)
                        .setParameter("at", after.at()).setParameter("id", after.id());
        List<StationRating> rows = query.setParameter("station", stationId).setMaxResults(Keyset.fetchSize(limit))
                .getResultList();
        return Keyset.page(rows, limit, r -> new Cursor(r.ratedAt, r.id).keyset());
    }
}
