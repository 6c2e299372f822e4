package org.yizhan.services.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import org.yizhan.kit.geo.Distance;
import org.yizhan.kit.geo.GeoCircle;
import org.yizhan.kit.geo.GeoPoint;
import org.yizhan.kit.jdbc.SqlValues;
import org.yizhan.kit.paging.Cursor;
import org.yizhan.kit.paging.Keyset;
import org.yizhan.kit.paging.Page;
import org.yizhan.kit.replica.ReplicatedStation;
import org.yizhan.kit.replica.StationReplica;
import org.yizhan.services.domain.activity.Activity;
import org.yizhan.events.Occupation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What workers browse: published activities not over yet, soonest first, optionally within a
 * circle (kit {@link GeoCircle}) or at one station, of one type, open to an occupation, in a time
 * window. The page's ids come from one query on activity and the station replica; the activities
 * and their stations are then read once each.
 */
@ApplicationScoped
public class UpcomingActivities {

    /** The filters; {@code circle} null: anywhere; {@code from} null: now. */
    public record Filter(GeoCircle circle, UUID stationId, String type, Occupation occupation, Instant from,
                         Instant to) {
    }

    /** An activity with its venue and, for a search near a point, the distance in metres. */
    public record Listed(Activity activity, ReplicatedStation venue, Integer distanceM) {
    }

    private final EntityManager em;
    private final StationReplica stations;

    public UpcomingActivities(EntityManager em, StationReplica stations) {
        this.em = em;
        this.stations = stations;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<Listed> page(Filter f, Instant now, Cursor after, int limit) {
        Query query = em.createNativeQuery(sql(f, after))
                .setParameter("from", f.from() == null ? now : f.from())
                .setParameter("limit", Keyset.fetchSize(limit));
        bind(query, f, after);
        List<Cursor> keys = new ArrayList<>();
        for (Object row : query.getResultList()) {
            Object[] r = (Object[]) row;
            keys.add(new Cursor(SqlValues.instant(r[1]), (UUID) r[0]));
        }
        Page<Cursor> page = Keyset.page(keys, limit, Cursor::keyset);
        return new Page<>(listed(page.items().stream().map(Cursor::id).toList(), f.circle()), page.nextCursor());
    }

    private static String sql(Filter f, Cursor after) {
        StringBuilder sql = new StringBuilder("select a.id, a.starts_at from activity a join station_replica v"
                + " on v.station_id = a.station_id where a.status = 'PUBLISHED' and a.ends_at > :from");
        if (f.circle() != null) {
            sql.append(" and v.latitude between :minLat and :maxLat and v.longitude between :minLon and :maxLon and ")
                    .append(GeoCircle.distanceSql("v.latitude", "v.longitude", ":lat", ":lon")).append(" <= :radius");
        }
        if (f.stationId() != null) {
            sql.append(" and a.station_id = :station");
        }
        if (f.type() != null) {
            sql.append(" and a.type = :type");
        }
        if (f.occupation() != null) {
            sql.append(" and (cardinality(a.occupations) = 0 or :occupation = any(a.occupations))");
        }
        if (f.to() != null) {
            sql.append(" and a.starts_at < :to");
        }
        if (after != null) {
            sql.append(" and (a.starts_at, a.id) > (:afterAt, :afterId)");
        }
        return sql.append(" order by a.starts_at, a.id limit :limit").toString();
    }

    private static void bind(Query query, Filter f, Cursor after) {
        if (f.circle() != null) {
            GeoCircle.Box box = f.circle().box();
            query.setParameter("lat", f.circle().centre().latitude()).setParameter("lon", f.circle().centre().longitude())
                    .setParameter("minLat", box.minLatitude()).setParameter("maxLat", box.maxLatitude())
                    .setParameter("minLon", box.minLongitude()).setParameter("maxLon", box.maxLongitude())
                    .setParameter("radius", f.circle().radiusMetres());
        }
        if (f.stationId() != null) {
            query.setParameter("station", f.stationId());
        }
        if (f.type() != null) {
            query.setParameter("type", f.type());
        }
        if (f.occupation() != null) {
            query.setParameter("occupation", f.occupation().name());
        }
        if (f.to() != null) {
            query.setParameter("to", f.to());
        }
        if (after != null) {
            query.setParameter("afterAt", after.at()).setParameter("afterId", after.id());
        }
    }

    /** The activities of {@code ids} in that order, each with its station (read once per station). */
    private List<Listed> listed(List<UUID> ids, GeoCircle circle) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<UUID, Activity> activities = new HashMap<>();
        em.createQuery("select distinct a from Activity a left join fetch a.organisers where a.id in :ids", Activity.class)
                .setParameter("ids", ids).getResultList().forEach(a -> activities.put(a.id, a));
        Map<UUID, ReplicatedStation> venues = new LinkedHashMap<>();
        List<Listed> items = new ArrayList<>(ids.size());
        for (UUID id : ids) {
            Activity a = activities.get(id);
            ReplicatedStation v = venues.computeIfAbsent(a.stationId, s -> stations.find(s).orElse(null));
            Integer distance = circle == null || v == null ? null
                    : (int) Math.round(Distance.metres(circle.centre(), v.position()));
            items.add(new Listed(a, v, distance));
        }
        return items;
    }

    /** The circle of {@code radiusKm} around a point, or null when no point is given. */
    public static GeoCircle circle(Double latitude, Double longitude, double radiusKm) {
        return latitude == null ? null : new GeoCircle(new GeoPoint(latitude, longitude), radiusKm * 1000);
    }
}
