package org.yizhan.station.service.award;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.yizhan.events.activity.ActivityCancelled;
import org.yizhan.events.activity.ActivityCompleted;
import org.yizhan.kit.time.AppClock;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The activities held at each station, as services-service reports them: one row per activity,
 * where a newer version always replaces an older one and an older or equal version changes
 * nothing. So a completed activity sent again with corrected counts still counts once, and a
 * later cancellation takes it out of the count.
 */
@ApplicationScoped
public class ActivitiesHosted {

    /** {@code source} of an activity a partner pushed from its own system. */
    static final String PUSH = "PUSH";

    private final EntityManager em;
    private final AwardSettings settings;
    private final AppClock clock;
    private final ObjectMapper json;

    public ActivitiesHosted(EntityManager em, AwardSettings settings, AppClock clock, ObjectMapper json) {
        this.em = em;
        this.settings = settings;
        this.clock = clock;
        this.json = json;
    }

    /**
     * Applies {@code activity.completed}; runs in the consumer's transaction. A pushed activity
     * without scanned attendance waits for confirmation (ADR 0013); a decision already taken
     * stays while a newer version keeps the station, the start and the person-times, and is asked
     * again when any of them changes.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void completed(ActivityCompleted a) {
        if (a.activityId() == null || a.stationId() == null || a.startsAt() == null || a.version() < 0
                || a.personTimes() < 0) {
            throw new IllegalArgumentException("activity.completed lacks required fields");
        }
        int year = LocalDate.ofInstant(a.startsAt(), settings.timeZone()).getYear();
        String kept = """
                station_activity.status = 'COMPLETED' and station_activity.confirmation in ('CONFIRMED', 'REJECTED')
                and station_activity.station_id = excluded.station_id and station_activity.person_times = excluded.person_times
                and station_activity.starts_at = excluded.starts_at""";
        em.createNativeQuery("""
                        insert into station_activity (activity_id, station_id, year, status, person_times, version, updated_at,
                            source, scanned, activity_type, organisers, starts_at, confirmation)
                        values (:activity, :station, :year, 'COMPLETED', :personTimes, :version, :now,
                            nullif(:source, ''), nullif(:scanned, -1), nullif(:type, ''), cast(:organisers as jsonb),
                            :startsAt, case when :needsConfirmation then 'PENDING' end)
                        on conflict (activity_id) do update set station_id = excluded.station_id, year = excluded.year,
                            status = excluded.status, person_times = excluded.person_times,
                            version = excluded.version, updated_at = excluded.updated_at,
                            source = excluded.source, scanned = excluded.scanned, activity_type = excluded.activity_type,
                            organisers = excluded.organisers, starts_at = excluded.starts_at,
                            confirmation = case when excluded.confirmation is null then null
                                when %1$s then station_activity.confirmation else 'PENDING' end,
                            decided_by = case when excluded.confirmation is not null and %1$s then station_activity.decided_by end,
                            decided_at = case when excluded.confirmation is not null and %1$s then station_activity.decided_at end,
                            decision_note = case when excluded.confirmation is not null and %1$s
                                then station_activity.decision_note end
                        where station_activity.version < excluded.version""".formatted(kept))
                .setParameter("activity", a.activityId()).setParameter("station", a.stationId())
                .setParameter("year", year).setParameter("personTimes", a.personTimes())
                .setParameter("version", a.version()).setParameter("now", clock.now())
                .setParameter("source", a.source() == null ? "" : a.source())
                .setParameter("scanned", a.scanned() == null ? -1 : Math.max(0, a.scanned()))
                .setParameter("type", a.type() == null ? "" : a.type())
                .setParameter("organisers", organisers(a.organisers()))
                .setParameter("startsAt", a.startsAt())
                .setParameter("needsConfirmation", needsConfirmation(a))
                .executeUpdate();
    }

    /** Pushed by a partner and not attested by scans through the app at the station. */
    static boolean needsConfirmation(ActivityCompleted a) {
        return PUSH.equals(a.source()) && (a.scanned() == null || a.scanned() <= 0);
    }

    private String organisers(List<String> organisers) {
        try {
            return json.writeValueAsString(organisers == null ? List.of() : organisers);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("activity.completed has unreadable organisers", e);
        }
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
                .setParameter("version", a.version()).setParameter("now", clock.now())
                .executeUpdate();
    }

    /** Completed activities of the station that started in {@code year}. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public long completedIn(UUID stationId, int year) {
        return ((Number) em.createNativeQuery("select count(*) from station_activity"
                        + " where station_id = :station and year = :year and status = 'COMPLETED'")
                .setParameter("station", stationId).setParameter("year", year).getSingleResult()).longValue();
    }

}
