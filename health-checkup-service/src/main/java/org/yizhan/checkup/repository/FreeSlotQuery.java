package org.yizhan.checkup.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import org.yizhan.checkup.domain.site.SiteKind;
import org.yizhan.events.Occupation;
import org.yizhan.kit.geo.GeoCircle;
import org.yizhan.kit.jdbc.SqlValues;
import org.yizhan.kit.paging.KeysetCursor;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Slots a worker can book now: of published campaigns inside their booking window, not started,
 * with a free place, at a site that is not paused; soonest first.
 */
@ApplicationScoped
public class FreeSlotQuery {

    /** What a search asks; null fields do not filter. */
    public record Filter(UUID campaignId, UUID siteId, Instant from, Instant to, Occupation occupation,
                         GeoCircle near) {
    }

    /** A bookable slot with its site. */
    public record FreeSlot(UUID slotId, UUID siteId, UUID campaignId, Instant startsAt, Instant endsAt, int capacity,
                           int free, String siteName, String address, SiteKind kind, double latitude,
                           double longitude, Double distanceMetres) {
    }

    private final EntityManager em;

    public FreeSlotQuery(EntityManager em) {
        this.em = em;
    }

    public List<FreeSlot> find(Filter filter, Instant now, KeysetCursor after, int fetch) {
        Map<String, Object> params = new HashMap<>();
        StringBuilder where = new StringBuilder(" where c.status = 'PUBLISHED' and c.booking_opens_at <= :now"
                + " and c.booking_closes_at > :now and sl.starts_at > :now and sl.booked + sl.held < sl.capacity"
                + " and s.warning is null");
        params.put("now", Timestamp.from(now));
        String distance = "cast(null as double precision)";
        if (filter.near() != null) {
            GeoCircle.Box box = filter.near().box();
            distance = GeoCircle.distanceSql("s.latitude", "s.longitude", ":lat", ":lon");
            where.append(" and s.latitude between :minLat and :maxLat and s.longitude between :minLon and :maxLon and ")
                    .append(distance).append(" <= :radius");
            params.put("lat", filter.near().centre().latitude());
            params.put("lon", filter.near().centre().longitude());
            params.put("minLat", box.minLatitude());
            params.put("maxLat", box.maxLatitude());
            params.put("minLon", box.minLongitude());
            params.put("maxLon", box.maxLongitude());
            params.put("radius", filter.near().radiusMetres());
        }
        condition(where, params, filter.campaignId(), " and sl.campaign_id = :campaign", "campaign");
        condition(where, params, filter.siteId(), " and sl.site_id = :site", "site");
        condition(where, params, filter.from() == null ? null : Timestamp.from(filter.from()),
                " and sl.starts_at >= :from", "from");
        condition(where, params, filter.to() == null ? null : Timestamp.from(filter.to()), " and sl.starts_at < :to", "to");
        condition(where, params, filter.occupation() == null ? null : filter.occupation().name(),
                " and jsonb_exists(c.packages, :occupation)", "occupation");
        if (after != null) {
            where.append(" and (sl.starts_at, sl.id) > (:afterAt, :afterId)");
            params.put("afterAt", Timestamp.from(after.instant(0)));
            params.put("afterId", after.uuid(1));
        }
        Query query = em.createNativeQuery("select sl.id, sl.site_id, sl.campaign_id, sl.starts_at, sl.ends_at,"
                + " sl.capacity, sl.capacity - sl.booked - sl.held, s.name, s.address, s.kind, s.latitude, s.longitude, "
                + distance + " from slot sl join site s on s.id = sl.site_id join campaign c on c.id = sl.campaign_id"
                + where + " order by sl.starts_at, sl.id limit :fetch");
        params.forEach(query::setParameter);
        query.setParameter("fetch", fetch);
        return query.getResultList().stream().map(row -> freeSlot((Object[]) row)).toList();
    }

    private static void condition(StringBuilder where, Map<String, Object> params, Object value, String sql,
                                  String name) {
        if (value != null) {
            where.append(sql);
            params.put(name, value);
        }
    }

    private static FreeSlot freeSlot(Object[] r) {
        return new FreeSlot((UUID) r[0], (UUID) r[1], (UUID) r[2], SqlValues.instant(r[3]), SqlValues.instant(r[4]),
                ((Number) r[5]).intValue(), ((Number) r[6]).intValue(), (String) r[7], (String) r[8],
                SiteKind.valueOf((String) r[9]), ((Number) r[10]).doubleValue(), ((Number) r[11]).doubleValue(),
                r[12] == null ? null : ((Number) r[12]).doubleValue());
    }

}
