package org.yizhan.station.service.award;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import org.yizhan.kit.idempotency.IdempotencyKeys;
import org.yizhan.kit.paging.Cursor;
import org.yizhan.kit.paging.Keyset;
import org.yizhan.kit.paging.Page;
import org.yizhan.kit.problem.ProblemException;
import org.yizhan.kit.time.AppClock;
import org.yizhan.station.domain.award.AwardParameters;
import org.yizhan.station.domain.award.AwardSnapshot;
import org.yizhan.station.domain.award.Criterion;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Award rankings: live (computed now) or from a snapshot, which freezes one year's score cards of
 * every station. A snapshot is never changed; every request to take one keeps a new one.
 */
@ApplicationScoped
public class AwardRankings {

    /** A page of a ranking, live ({@code snapshot} null) or from a snapshot. */
    public record Ranking(int year, AwardSnapshot snapshot, Instant computedAt, Page<ScoreCard> page) {
    }

    /** The snapshot, and whether this request took it (false: a retry with the same Idempotency-Key). */
    public record Taken(AwardSnapshot snapshot, boolean created) {
    }

    private final EntityManager em;
    private final AwardScores scores;
    private final IdempotencyKeys idempotencyKeys;
    private final AppClock clock;
    private final ObjectMapper json;
    private final ObjectMapper reader;

    public AwardRankings(EntityManager em, AwardScores scores, IdempotencyKeys idempotencyKeys, AppClock clock,
                         ObjectMapper json) {
        this.em = em;
        this.scores = scores;
        this.idempotencyKeys = idempotencyKeys;
        this.clock = clock;
        this.json = json;
        this.reader = json.copy().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    }

    /** The live ranking of {@code year}, optionally of one district, a page at a time. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Ranking live(int year, String district, String cursor, int limit) {
        AwardCursor after = AwardCursor.decode(cursor);
        List<ScoreCard> all = scores.ranking(year, district);
        int from = 0;
        if (after != null) {
            ScoreCard mark = new ScoreCard(null, after.stationId(), null, null, null, null, null, after.eligible(),
                    List.of(), year, null, null, after.total(), List.of(), null);
            while (from < all.size() && AwardScores.RANKING.compare(all.get(from), mark) <= 0) {
                from++;
            }
        }
        List<ScoreCard> rows = all.subList(from, Math.min(all.size(), from + Keyset.fetchSize(limit)));
        return new Ranking(year, null, clock.now(), Keyset.page(rows, limit, AwardCursor::of));
    }

    /**
     * Freezes the current scores of every station for {@code year} into a new snapshot. With an
     * Idempotency-Key, a retry answers with the snapshot the first request took.
     */
    @Transactional
    public Taken take(int year, SecurityIdentity caller, String idempotencyKey) {
        String subject = caller.getPrincipal().getName();
        String scope = "award.snapshot:" + subject;
        if (idempotencyKey != null) {
            var previous = idempotencyKeys.claim(scope, idempotencyKey, Map.of("year", year));
            if (previous.isPresent()) {
                return new Taken(em.find(AwardSnapshot.class, UUID.fromString(previous.get())), false);
            }
        }
        List<ScoreCard> cards = scores.ranking(year, null);
        AwardSnapshot snapshot = new AwardSnapshot();
        snapshot.id = UUID.randomUUID();
        snapshot.year = year;
        snapshot.takenAt = clock.now();
        snapshot.takenBy = subject;
        snapshot.parameters = write(parameters(scores.settings().parameters()));
        snapshot.stations = cards.size();
        snapshot.eligible = (int) cards.stream().filter(ScoreCard::eligible).count();
        em.persist(snapshot);
        em.flush();
        for (ScoreCard card : cards) {
            // A station without a district gets a SQL null rather than a null parameter of unknown type.
            Query insert = em.createNativeQuery("insert into award_snapshot_entry (snapshot_id, station_id, district,"
                            + " eligible, total, card) values (:snapshot, :station, "
                            + (card.district() == null ? "null" : ":district") + ", :eligible, :total, cast(:card as jsonb))")
                    .setParameter("snapshot", snapshot.id).setParameter("station", card.stationId())
                    .setParameter("eligible", card.eligible()).setParameter("total", card.total())
                    .setParameter("card", write(card.withRank(null)));
            if (card.district() != null) {
                insert.setParameter("district", card.district());
            }
            insert.executeUpdate();
        }
        if (idempotencyKey != null) {
            idempotencyKeys.complete(scope, idempotencyKey, snapshot.id.toString());
        }
        return new Taken(snapshot, true);
    }

    /** What a snapshot records about how it was computed: the weights and the parameters. */
    static Map<String, Object> parameters(AwardParameters p) {
        Map<String, Object> weights = new LinkedHashMap<>();
        Arrays.stream(Criterion.values()).forEach(c -> weights.put(c.name(), c.weight()));
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("weights", weights);
        all.put("visitsPerSeatPerOpenDay", p.visitsPerSeatPerOpenDay());
        all.put("activitiesTarget", p.activitiesTarget());
        all.put("ratingPriorMean", p.ratingPriorMean());
        all.put("ratingPriorWeight", p.ratingPriorWeight());
        all.put("closedDuringHoursPenalty", p.closedDuringHoursPenalty());
        return all;
    }

    /** The year's snapshots, newest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<AwardSnapshot> snapshots(int year, String cursor, int limit) {
        Cursor after = Cursor.decode(cursor);
        String order = " order by takenAt desc, id desc";
        var query = after == null
                ? em.createQuery("from AwardSnapshot where year = :year" + order, AwardSnapshot.class)
                : em.createQuery("from AwardSnapshot where year = :year and (takenAt < :at or (takenAt = :at and id < :id))"
                        + order, AwardSnapshot.class).setParameter("at", after.at()).setParameter("id", after.id());
        List<AwardSnapshot> rows = query.setParameter("year", year).setMaxResults(Keyset.fetchSize(limit))
                .getResultList();
        return Keyset.page(rows, limit, s -> new Cursor(s.takenAt, s.id).keyset());
    }

    /** The snapshot of {@code year} that {@code which} names: a snapshot id or {@code latest}; 404 if there is none. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public AwardSnapshot snapshot(int year, String which) {
        if ("latest".equals(which)) {
            return latest(year).orElseThrow(() -> ProblemException.notFound(year + " 年的快照", "A snapshot of " + year));
        }
        UUID id;
        try {
            id = UUID.fromString(which);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("snapshot", "必须是快照编号或 latest / must be a snapshot id or latest");
        }
        AwardSnapshot snapshot = em.find(AwardSnapshot.class, id);
        if (snapshot == null || snapshot.year != year) {
            throw ProblemException.notFound(year + " 年的这份快照", "This snapshot of " + year);
        }
        return snapshot;
    }

    /** The newest snapshot of the year, if any. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<AwardSnapshot> latest(int year) {
        return em.createQuery("from AwardSnapshot where year = :year order by takenAt desc, id desc", AwardSnapshot.class)
                .setParameter("year", year).setMaxResults(1).getResultStream().findFirst();
    }

    /** A page of a snapshot's ranking, optionally of one district; ranks are among the eligible stations listed. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Ranking frozen(AwardSnapshot snapshot, String district, String cursor, int limit) {
        AwardCursor after = AwardCursor.decode(cursor);
        String order = "case when e.eligible then 0 else 1 end, e.total desc, e.station_id";
        Query q = em.createNativeQuery("select cast(e.card as text), e.rank from ("
                + " select card, station_id, eligible, total,"
                + " case when eligible then rank() over (partition by eligible order by total desc) end as rank"
                + " from award_snapshot_entry where snapshot_id = :snapshot"
                + (district == null ? "" : " and district = :district") + ") e"
                + (after == null ? "" : " where (case when e.eligible then 0 else 1 end, -e.total, e.station_id)"
                        + " > (:eligible, :negTotal, :station)")
                + " order by " + order + " limit :limit")
                .setParameter("snapshot", snapshot.id).setParameter("limit", Keyset.fetchSize(limit));
        if (district != null) {
            q.setParameter("district", district);
        }
        if (after != null) {
            q.setParameter("eligible", after.eligible() ? 0 : 1).setParameter("negTotal", after.total().negate())
                    .setParameter("station", after.stationId());
        }
        List<ScoreCard> cards = new ArrayList<>();
        for (Object o : q.getResultList()) {
            Object[] r = (Object[]) o;
            cards.add(read((String) r[0]).withRank(r[1] == null ? null : ((Number) r[1]).intValue()));
        }
        return new Ranking(snapshot.year, snapshot, snapshot.takenAt, Keyset.page(cards, limit, AwardCursor::of));
    }

    /**
     * The station's total in the newest snapshot of {@code year}, with that snapshot; empty without
     * a snapshot of the year or when the station is not in it (registered after it was taken).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Map.Entry<AwardSnapshot, BigDecimal>> latestTotal(UUID stationId, int year) {
        return latest(year).flatMap(snapshot -> em.createNativeQuery("select total from award_snapshot_entry"
                        + " where snapshot_id = :snapshot and station_id = :station")
                .setParameter("snapshot", snapshot.id).setParameter("station", stationId).getResultList().stream()
                .findFirst()
                .map(total -> Map.entry(snapshot, new BigDecimal(total.toString()))));
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the award snapshot", e);
        }
    }

    private ScoreCard read(String card) {
        try {
            return reader.readValue(card, ScoreCard.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored score card is unreadable", e);
        }
    }
}
