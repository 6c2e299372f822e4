package org.yizhan.station.service.award;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.yizhan.events.activity.ActivityCancelled;
import org.yizhan.events.activity.ActivityCompleted;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * The activities held at each station, as services-service reports them: one row per activity,
 * where a newer version always replaces an older one and an older or equal version changes
 * nothing. So a completed activity sent again with corrected counts still counts once, and a
 * later cancellation takes it out of the count.
 */
@ApplicationScoped
public class ActivitiesHosted {

    private final EntityManager em;
    private final AwardSettings settings;

    public ActivitiesHosted(EntityManager em, AwardSettings settings) {
        this.em = em;
        this.settings = settings;
    }

    /** Applies {@code activity.completed}; runs in the consumer's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void completed(ActivityCompleted a) {
        if (a.activityId() == null || a.stationId() == null || a.startsAt() == null || a.version() < 0
                || a.personTimes() < 0) {
            throw new IllegalArgumentException("activity.completed lacks required fields");
        }
        int year = LocalDate.ofInstant(a.startsAt(), settings.timeZone()).getYear();
        em.createNativeQuery("""
                        insert into station_activity (activity_id, station_id, year, status, person_times, version, updated_at)
                        values (:activity, :station, :year, 'COMPLETED', :personTimes, :version, :now)
                        on conflict (activity_id) do update set station_id = excluded.station_id, year = excluded.year,
                            status = excluded.status, person_times = excluded.person_times,
                            version = excluded.version, updated_at = excluded.updated_at
                        where station_activity.version < excluded.version""")
                .setParameter("activity", a.activityId()).setParameter("station", a.stationId())
                .setParameter("year", year).setParameter("personTimes", a.personTimes())
                .setParameter("version", a.version()).setParameter("now", now())
                .executeUpdate();
    }

    /**
     * Applies {@code activity.cancelled}. The event carries no start time: a cancellation of a
     * known activity keeps its year; one that arrives before anything else is kept without a year,
     * so that an older completion arriving later cannot bring the activity back.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void cancelled(ActivityCancelled a) {
        if (a.activityId() == null || a.stationId() == null || a.version() < 0) {
            throw new IllegalArgumentException("activity.cancelled lacks required fields");
        }
        em.createNativeQuery("""
                        insert into station_activity (activity_id, station_id, year, status, person_times, version, updated_at)
                        values (:activity, :station, null, 'CANCELLED', 0, :version, :now)
                        on conflict (activity_id) do update set station_id = excluded.station_id, status = excluded.status,
                            version = excluded.version, updated_at = excluded.updated_at
                        where station_activity.version < excluded.version""")
                .setParameter("activity", a.activityId()).setParameter("station", a.stationId())
                .setParameter("version", a.version()).setParameter("now", now())
                .executeUpdate();
    }

    /** Completed activities of the station that started in {@code year}. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public long completedIn(UUID stationId, int year) {
        return ((Number) em.createNativeQuery("select count(*) from station_activity"
                        + " where station_id = :station and year = :year and status = 'COMPLETED'")
                .setParameter("station", stationId).setParameter("year", year).getSingleResult()).longValue();
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
