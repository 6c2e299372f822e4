package org.yizhan.station.service.award;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import org.yizhan.events.station.StationAwardGranted;
import org.yizhan.kit.idempotency.IdempotencyKeys;
import org.yizhan.kit.paging.Cursor;
import org.yizhan.kit.paging.Keyset;
import org.yizhan.kit.paging.Page;
import org.yizhan.kit.problem.ProblemException;
import org.yizhan.kit.problem.ProblemType;
import org.yizhan.kit.time.AppClock;
import org.yizhan.station.domain.Station;
import org.yizhan.station.domain.award.AwardLevel;
import org.yizhan.station.domain.award.StationAward;
import org.yizhan.station.events.StationEvents;
import org.yizhan.station.service.StationAccess;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Official titles (最美站点): union admins record them; each is kept in the station's history and
 * published as {@code station.award_granted} in the same transaction.
 */
@ApplicationScoped
public class AwardRegistry {

    /** An award with the name of its station. */
    public record Listed(StationAward award, String stationName) {
    }

    /** The award, and whether this request recorded it (false: a retry with the same Idempotency-Key). */
    public record Granted(StationAward award, boolean created) {
    }

    /** What makes a request the same request for Idempotency-Key purposes. */
    record Fingerprint(UUID stationId, int year, AwardLevel level, String title) {
    }

    private final EntityManager em;
    private final StationAccess access;
    private final AwardRankings rankings;
    private final StationEvents events;
    private final IdempotencyKeys idempotencyKeys;
    private final AppClock clock;

    public AwardRegistry(EntityManager em, StationAccess access, AwardRankings rankings, StationEvents events,
                         IdempotencyKeys idempotencyKeys, AppClock clock) {
        this.em = em;
        this.access = access;
        this.rankings = rankings;
        this.events = events;
        this.idempotencyKeys = idempotencyKeys;
        this.clock = clock;
    }

    /**
     * Records that the station received {@code level}'s title for {@code year} (input already
     * checked). 404 without the station; 409 if it already has that level's title for the year.
     */
    @Transactional
    public Granted grant(UUID stationId, int year, AwardLevel level, String title, SecurityIdentity caller,
                         String idempotencyKey) {
        Station station = access.requireExisting(stationId);
        String subject = caller.getPrincipal().getName();
        String scope = "award.grant:" + subject;
        if (idempotencyKey != null) {
            var previous = idempotencyKeys.claim(scope, idempotencyKey, new Fingerprint(stationId, year, level, title));
            if (previous.isPresent()) {
                return new Granted(em.find(StationAward.class, UUID.fromString(previous.get())), false);
            }
        }
        var latest = rankings.latestTotal(stationId, year);
        StationAward award = new StationAward();
        award.id = UUID.randomUUID();
        award.stationId = stationId;
        award.year = year;
        award.level = level;
        award.title = title;
        award.snapshotId = latest.map(e -> e.getKey().id).orElse(null);
        award.score = latest.map(java.util.Map.Entry::getValue).orElse(null);
        award.grantedAt = clock.now();
        award.grantedBy = subject;
        boolean taken = !em.createQuery("select 1 from StationAward where stationId = :station and year = :year"
                        + " and level = :level", Integer.class).setParameter("station", stationId).setParameter("year", year)
                .setParameter("level", level).setMaxResults(1).getResultList().isEmpty();
        if (taken) {
            throw alreadyGranted(year, level);
        }
        em.persist(award);
        try {
            em.flush();
        } catch (PersistenceException e) {
            // A concurrent request recorded the same title first (unique station, year and level).
            throw alreadyGranted(year, level);
        }
        events.awardGranted(station, new StationAwardGranted(award.id, stationId, year, level.name(), title,
                award.score, award.grantedAt), subject);
        if (idempotencyKey != null) {
            idempotencyKeys.complete(scope, idempotencyKey, award.id.toString());
        }
        return new Granted(award, true);
    }

    private static ProblemException alreadyGranted(int year, AwardLevel level) {
        return new ProblemException(ProblemType.CONFLICT, "该站点已获得 " + year + " 年" + level.nameZh() + "称号",
                "The station already has the " + level + " title for " + year);
    }

    /** The station's awards, newest year first (404 without the station). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<StationAward> ofStation(UUID stationId) {
        access.requireExisting(stationId);
        return em.createQuery("from StationAward where stationId = :station order by year desc, grantedAt desc, id desc",
                StationAward.class).setParameter("station", stationId).getResultList();
    }

    /** Every award, optionally of one year and level, most recently recorded first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<Listed> all(Integer year, AwardLevel level, String cursor, int limit) {
        Cursor after = Cursor.decode(cursor);
        StringBuilder where = new StringBuilder("where s.id = a.stationId");
        if (year != null) {
            where.append(" and a.year = :year");
        }
        if (level != null) {
            where.append(" and a.level = :level");
        }
        if (after != null) {
            where.append(" and (a.grantedAt < :at or (a.grantedAt = :at and a.id < :id))");
        }
        var query = em.createQuery("select a, s.name from StationAward a, Station s " + where
                + " order by a.grantedAt desc, a.id desc", Object[].class);
        if (year != null) {
            query.setParameter("year", year);
        }
        if (level != null) {
            query.setParameter("level", level);
        }
        if (after != null) {
            query.setParameter("at", after.at()).setParameter("id", after.id());
        }
        List<Listed> rows = new ArrayList<>();
        for (Object[] r : query.setMaxResults(Keyset.fetchSize(limit)).getResultList()) {
            rows.add(new Listed((StationAward) r[0], (String) r[1]));
        }
        return Keyset.page(rows, limit, l -> new Cursor(l.award().grantedAt, l.award().id).keyset());
    }
}
