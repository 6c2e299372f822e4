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

    /** Candidates read per round while the opening-hours filter drops some. */
    private static final int BATCH = 200;

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
        List<Hit> hits = new ArrayList<>();
        Position after = q.after();
        while (hits.size() <= q.limit()) {
            List<Object[]> rows = candidates(q, after);
            if (rows.isEmpty()) {
                break;
            }
            Map<UUID, Station> stations = load(rows);
            for (Object[] row : rows) {
                UUID id = (UUID) row[0];
                double distance = ((Number) row[1]).doubleValue();
                after = new Position(distance, id);
                Station station = stations.get(id);
                Boolean open = null;
                if (q.openAt() != null) {
                    open = hours.isOpenAt(station, q.openAt()).orElse(false);
                    if (!open) {
                        continue;
                    }
                }
                hits.add(new Hit(station, distance, open));
                if (hits.size() > q.limit()) {
                    break;
                }
            }
            if (rows.size() < BATCH) {
                break;
            }
        }
        if (hits.size() <= q.limit()) {
            return new Result(hits, null);
        }
        List<Hit> page = List.copyOf(hits.subList(0, q.limit()));
        Hit last = page.get(page.size() - 1);
        return new Result(page, new Position(last.distanceMetres(), last.station().id));
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> candidates(SearchQuery q, Position after) {
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
        StringBuilder sql = new StringBuilder("select id, distance from (select s.id, ").append(distance)
                .append(" as distance from station s where ").append(where).append(") c where distance <= :radius");
        params.put("radius", q.radiusMetres());
        if (after != null) {
            sql.append(" and (distance > :afterDistance or (distance = :afterDistance and id > :afterId))");
            params.put("afterDistance", after.distanceMetres());
            params.put("afterId", after.id());
        }
        sql.append(" order by distance, id limit ").append(BATCH);
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
