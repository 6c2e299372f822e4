package org.yizhan.legalaid.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Query;
import org.yizhan.kit.geo.GeoCircle;
import org.yizhan.kit.jdbc.SqlValues;
import org.yizhan.kit.paging.KeysetCursor;
import org.yizhan.legalaid.domain.duty.DutySession;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Lawyers' duty sessions, and the search for the next ones near a worker. */
@ApplicationScoped
public class DutySessionRepository implements PanacheRepositoryBase<DutySession, UUID> {

    /** A session that has not ended, at a station within the circle, with its free slots still to come. */
    public record Upcoming(UUID sessionId, UUID stationId, String stationName, String address, UUID lawyerId,
                           Instant startsAt, Instant endsAt, int slotMinutes, int freeSlots, double distanceMetres) {
    }

    /** Whether the lawyer has another session overlapping [startsAt, endsAt). */
    public boolean lawyerBusy(UUID lawyerId, Instant startsAt, Instant endsAt) {
        return count("lawyerId = ?1 and startsAt < ?3 and endsAt > ?2", lawyerId, startsAt, endsAt) > 0;
    }

    /**
     * Sessions not ended by {@code now} at stations within the circle (active stations only), soonest
     * first, after the cursor's (startsAt, id).
     */
    public List<Upcoming> upcomingNear(GeoCircle near, Instant now, KeysetCursor after, int fetch) {
        GeoCircle.Box box = near.box();
        String distance = GeoCircle.distanceSql("r.latitude", "r.longitude", ":lat", ":lon");
        Query query = getEntityManager().createNativeQuery("select d.id, d.station_id, r.name, r.address, d.lawyer_id,"
                        + " d.starts_at, d.ends_at, d.slot_minutes, (select count(*) from session_slot s where"
                        + " s.session_id = d.id and s.starts_at > :now and s.booked < s.capacity), " + distance
                        + " from duty_session d join station_replica r on r.station_id = d.station_id"
                        + " where d.ends_at > :now and r.status = 'ACTIVE'"
                        + " and r.latitude between :minLat and :maxLat and r.longitude between :minLon and :maxLon"
                        + " and " + distance + " <= :radius"
                        + (after == null ? "" : " and (d.starts_at, d.id) > (:afterAt, :afterId)")
                        + " order by d.starts_at, d.id limit :fetch")
                .setParameter("now", Timestamp.from(now))
                .setParameter("lat", near.centre().latitude()).setParameter("lon", near.centre().longitude())
                .setParameter("minLat", box.minLatitude()).setParameter("maxLat", box.maxLatitude())
                .setParameter("minLon", box.minLongitude()).setParameter("maxLon", box.maxLongitude())
                .setParameter("radius", near.radiusMetres()).setParameter("fetch", fetch);
        if (after != null) {
            query.setParameter("afterAt", Timestamp.from(after.instant(0))).setParameter("afterId", after.uuid(1));
        }
        return query.getResultList().stream().map(row -> {
            Object[] r = (Object[]) row;
            return new Upcoming((UUID) r[0], (UUID) r[1], (String) r[2], (String) r[3], (UUID) r[4],
                    SqlValues.instant(r[5]), SqlValues.instant(r[6]), ((Number) r[7]).intValue(),
                    ((Number) r[8]).intValue(), ((Number) r[9]).doubleValue());
        }).toList();
    }
}
