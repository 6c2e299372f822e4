package org.yizhan.station.service.coverage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.yizhan.kit.geo.GeoPoint;
import org.yizhan.station.domain.Station;
import org.yizhan.station.domain.StationStatus;
import org.yizhan.station.domain.coverage.BoundingBox;
import org.yizhan.station.domain.coverage.Coverage;
import org.yizhan.station.domain.coverage.CoverageGrid;
import org.yizhan.station.service.StationHours;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Coverage of an area by the stations (the "15-minute service circle"): reads the ACTIVE stations that can
 * reach the area (the box grown by the radius) in one query on the GiST index of the point, keeps those open
 * at the asked time, and leaves the geometry to {@link Coverage}.
 */
@ApplicationScoped
public class CoverageService {

    /** Stations loaded per query when opening hours have to be checked. */
    private static final int CHUNK = 500;

    private final EntityManager em;
    private final StationHours hours;

    public CoverageService(EntityManager em, StationHours hours) {
        this.em = em;
        this.hours = hours;
    }

    /** The coverage of {@code grid}; {@code at} null = stations count whatever their hours. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Coverage.Result coverage(CoverageGrid grid, double radiusMetres, Instant at, int maxGaps) {
        return Coverage.compute(grid, stations(grid.box().expandedBy(radiusMetres), at), radiusMetres, maxGaps);
    }

    /** WGS-84 positions of the ACTIVE stations in {@code box}; with {@code at}, only those known to be open then. */
    @SuppressWarnings("unchecked")
    List<GeoPoint> stations(BoundingBox box, Instant at) {
        List<Object[]> rows = em.createNativeQuery("select s.id, s.latitude, s.longitude from station s"
                        + " where point(s.longitude, s.latitude) <@ box(point(:minLon, :minLat), point(:maxLon, :maxLat))"
                        + " and s.status = :status" + (at == null ? "" : " and s.opening_hours is not null"))
                .setParameter("minLon", box.minLon()).setParameter("minLat", box.minLat())
                .setParameter("maxLon", box.maxLon()).setParameter("maxLat", box.maxLat())
                .setParameter("status", StationStatus.ACTIVE.name())
                .getResultList();
        List<GeoPoint> points = new ArrayList<>(rows.size());
        if (at == null) {
            for (Object[] row : rows) {
                points.add(new GeoPoint(((Number) row[1]).doubleValue(), ((Number) row[2]).doubleValue()));
            }
            return points;
        }
        List<UUID> ids = rows.stream().map(r -> (UUID) r[0]).toList();
        for (int from = 0; from < ids.size(); from += CHUNK) {
            List<UUID> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
            for (Station s : em.createQuery("from Station s where s.id in :ids", Station.class)
                    .setParameter("ids", chunk).getResultList()) {
                if (hours.isOpenAt(s, at).orElse(false)) {
                    points.add(new GeoPoint(s.latitude, s.longitude));
                }
            }
        }
        return points;
    }
}
