package org.yizhan.station.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import org.yizhan.station.domain.Amenity;
import org.yizhan.station.domain.HostType;
import org.yizhan.station.domain.Station;
import org.yizhan.station.domain.StationStatus;
import org.yizhan.station.domain.geo.Distance;
import org.yizhan.station.domain.geo.GeoPoint;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Near-me search: stations within a radius, nearest first, filtered by status, amenities, host
 * type, keyword and opening hours. PostgreSQL narrows the candidates with a bounding box on the
 * GiST index and orders them by great-circle distance; opening hours, which depend on the
 * station's zone and the holiday calendar, are checked here on the nearest candidates only.
 */
@ApplicationScoped
public class StationSearch {

    /** Most candidates read per round while the opening-hours filter drops some. */
    private static final int MAX_BATCH = 400;

    private final EntityManager em;
    private final StationHours hours;

    public StationSearch(EntityManager em, StationHours hours) {
        this.em = em;
        this.hours = hours;
    }

    /** What to look for. {@code openAt} null = any time; {@code after} continues a previous page. */
    public record SearchQuery(GeoPoint centre, double radiusMetres, Set<StationStatus> statuses, Set<Amenity> amenities,
                         HostType hostType, String keyword, Instant openAt, Position after, int limit) {
    }

    /** Where a page ended: the last station's distance and id. */
    public record Position(double distanceMetres, UUID id) {
    }

    /** A station found, its distance, and whether it is open at the asked time (null if not asked or unknown). */
    public record Hit(Station station, double distanceMetres, Boolean open) {
    }

    /** A page of hits and where the next one starts (null on the last page). */
    public record Result(List<Hit> hits, Position next) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Result search(SearchQuery q) {
        // Only ids, distances and hours are read per candidate; whole stations only for the page.
        List<Object[]> kept = new ArrayList<>();
        Position after = q.after();
        // The database's cost is the bounding-box scan, hardly the limit: ask for plenty at once
        // when the hours filter will drop some, so that one round usually suffices.
        int batch = q.openAt() == null ? q.limit() + 1 : MAX_BATCH;
        while (kept.size() <= q.limit()) {
            List<Object[]> rows = candidates(q, after, batch);
            for (Object[] row : rows) {
                after = new Position(((Number) row[1]).doubleValue(), (UUID) row[0]);
                if (q.openAt() != null && !hours.isOpenAt((String) row[2], q.openAt()).orElse(false)) {
                    continue;
                }
                kept.add(row);
                if (kept.size() > q.limit()) {
                    break;
                }
            }
            if (rows.size() < batch) {
                break;
            }
            batch = Math.min(MAX_BATCH, batch * 2);
        }
        List<Object[]> page = kept.size() > q.limit() ? kept.subList(0, q.limit()) : kept;
        Map<UUID, Station> stations = load(page);
        List<Hit> hits = new ArrayList<>(page.size());
        for (Object[] row : page) {
            hits.add(new Hit(stations.get((UUID) row[0]), ((Number) row[1]).doubleValue(),
                    q.openAt() == null ? null : Boolean.TRUE));
        }
        if (kept.size() <= q.limit()) {
            return new Result(hits, null);
        }
        Hit last = hits.get(hits.size() - 1);
        return new Result(hits, new Position(last.distanceMetres(), last.station().id));
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> candidates(SearchQuery q, Position after, int batch) {
        double lat = q.centre().latitude();
        double lon = q.centre().longitude();
        double dLat = Math.toDegrees(q.radiusMetres() / Distance.MEAN_EARTH_RADIUS_METRES);
        double cos = Math.max(Math.cos(Math.toRadians(lat)), 0.01);
        double dLon = Math.min(180, dLat / cos);
        Map<String, Object> params = new HashMap<>();
        StringBuilder where = new StringBuilder(
                "point(s.longitude, s.latitude) <@ box(point(:minLon, :minLat), point(:maxLon, :maxLat))");
        params.put("minLon", lon - dLon);
        params.put("maxLon", lon + dLon);
        params.put("minLat", lat - dLat);
        params.put("maxLat", lat + dLat);
        where.append(" and s.status in (:statuses)");
        params.put("statuses", q.statuses().stream().map(Enum::name).toList());
        if (!q.amenities().isEmpty()) {
            where.append(" and s.working_amenities @> cast(:amenities as text[])");
            params.put("amenities", "{" + String.join(",", q.amenities().stream().map(Enum::name).sorted().toList()) + "}");
        }
        if (q.hostType() != null) {
            where.append(" and s.host_type = :hostType");
            params.put("hostType", q.hostType().name());
        }
        if (q.keyword() != null) {
            where.append(" and (s.name ilike :like escape '\\' or s.address ilike :like escape '\\')");
            params.put("like", "%" + q.keyword().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        String distance = "2 * " + Distance.MEAN_EARTH_RADIUS_METRES + " * asin(sqrt("
                + "power(sin(radians(s.latitude - :lat) / 2), 2)"
                + " + cos(radians(:lat)) * cos(radians(s.latitude)) * power(sin(radians(s.longitude - :lon) / 2), 2)))";
        params.put("lat", lat);
        params.put("lon", lon);
        StringBuilder sql = new StringBuilder("select id, distance, hours from (select s.id, cast(s.opening_hours as text) as hours, ")
                .append(distance)
                .append(" as distance from station s where ").append(where).append(") c where distance <= :radius");
        params.put("radius", q.radiusMetres());
        if (after != null) {
            sql.append(" and (distance > :afterDistance or (distance = :afterDistance and id > :afterId))");
            params.put("afterDistance", after.distanceMetres());
            params.put("afterId", after.id());
        }
        sql.append(" order by distance, id limit ").append(batch);
        Query query = em.createNativeQuery(sql.toString());
        params.forEach(query::setParameter);
        return query.getResultList();
    }

    private Map<UUID, Station> load(List<Object[]> rows) {
        List<UUID> ids = rows.stream().map(r -> (UUID) r[0]).toList();
        Map<UUID, Station> byId = new LinkedHashMap<>();
        em.createQuery("from Station s where s.id in :ids", Station.class).setParameter("ids", ids)
                .getResultList().forEach(s -> byId.put(s.id, s));
        return byId;
    }
}
