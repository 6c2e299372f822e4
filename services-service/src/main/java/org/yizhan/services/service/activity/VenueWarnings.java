package org.yizhan.services.service.activity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.yizhan.kit.replica.ReplicatedStation;
import org.yizhan.kit.replica.StationReplicaListener;
import org.yizhan.kit.time.AppClock;

/**
 * A station that is no longer active flags the activities planned there that have not started,
 * so that their organisers move or cancel them; when it reopens, the flag goes. Runs in the
 * transaction that applies the station's event (kit station replica).
 */
@ApplicationScoped
public class VenueWarnings implements StationReplicaListener {

    private final EntityManager em;
    private final AppClock clock;

    public VenueWarnings(EntityManager em, AppClock clock) {
        this.em = em;
        this.clock = clock;
    }

    @Override
    public void stationChanged(ReplicatedStation previous, ReplicatedStation current) {
        if (previous == null) {
            return;
        }
        em.createNativeQuery("update activity set venue_warning = cast(:warning as varchar)"
                        + " where station_id = :station and status in ('DRAFT', 'PUBLISHED') and starts_at > :now"
                        + " and venue_warning is distinct from cast(:warning as varchar)")
                .setParameter("warning", warning(current)).setParameter("station", current.stationId())
                .setParameter("now", clock.now())
                .executeUpdate();
    }

    /** What organisers see on an activity at {@code station}; null while the station is active. */
    static String warning(ReplicatedStation station) {
        if (station.active()) {
            return null;
        }
        return "场地已" + ("CLOSED".equals(station.status()) ? "关闭" : "暂停开放") + " / venue " + station.status()
                + (station.statusReason() == null ? "" : ": " + station.statusReason());
    }
}
