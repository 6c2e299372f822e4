package org.yizhan.station.repository.award;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import org.yizhan.kit.jdbc.SqlValues;
import org.yizhan.kit.paging.KeysetCursor;
import org.yizhan.station.domain.award.Confirmation;
import org.yizhan.station.domain.award.PushedActivity;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The completed activities of {@code station_activity} that partners pushed and that wait for, or
 * received, the station's confirmation (the rows whose {@code confirmation} is set).
 */
@ApplicationScoped
public class PushedActivityRows {

    private static final String COLUMNS = "activity_id, station_id, activity_type, cast(organisers as text), starts_at,"
            + " year, person_times, coalesce(scanned, 0), confirmation, decided_at, decision_note";
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    private final EntityManager em;
    private final ObjectMapper json;

    public PushedActivityRows(EntityManager em, ObjectMapper json) {
        this.em = em;
        this.json = json;
    }

    /** Up to {@code fetch} of the station's pushed activities in {@code state}, oldest start first, after {@code after}. */
    public List<PushedActivity> page(UUID stationId, Confirmation state, KeysetCursor after, int fetch) {
        Query q = em.createNativeQuery("select " + COLUMNS + " from station_activity"
                        + " where station_id = :station and status = 'COMPLETED' and confirmation = :state"
                        + (after == null ? "" : " and (starts_at, activity_id) > (:afterStart, :afterId)")
                        + " order by starts_at, activity_id limit " + fetch)
                .setParameter("station", stationId).setParameter("state", state.name());
        if (after != null) {
            q.setParameter("afterStart", after.instant(0)).setParameter("afterId", after.uuid(1));
        }
        return rows(q);
    }

    /** The station's pending activities that started in {@code year}, oldest first, at most {@code max}. */
    public List<PushedActivity> pendingIn(UUID stationId, int year, int max) {
        return rows(em.createNativeQuery("select " + COLUMNS + " from station_activity"
                        + " where station_id = :station and year = :year and status = 'COMPLETED'"
                        + " and confirmation = 'PENDING' order by starts_at, activity_id limit " + max)
                .setParameter("station", stationId).setParameter("year", year));
    }

    /** The activity if it is one of the station's completed activities that need confirmation. */
    public Optional<PushedActivity> find(UUID stationId, UUID activityId) {
        return rows(em.createNativeQuery("select " + COLUMNS + " from station_activity where activity_id = :activity"
                        + " and station_id = :station and status = 'COMPLETED' and confirmation is not null for update")
                .setParameter("activity", activityId).setParameter("station", stationId)).stream().findFirst();
    }

    /** Whether the station holds the activity at all (of any source and status). */
    public boolean exists(UUID stationId, UUID activityId) {
        return !em.createNativeQuery("select 1 from station_activity where activity_id = :activity and station_id = :station")
                .setParameter("activity", activityId).setParameter("station", stationId).getResultList().isEmpty();
    }

    /** Records a decision on the activity. */
    public void decide(UUID activityId, Confirmation decision, String by, Instant at, String note) {
        em.createNativeQuery("update station_activity set confirmation = :decision, decided_by = :by, decided_at = :at,"
                        + " decision_note = nullif(:note, '') where activity_id = :activity")
                .setParameter("decision", decision.name()).setParameter("by", by).setParameter("at", at)
                .setParameter("note", note == null ? "" : note).setParameter("activity", activityId)
                .executeUpdate();
    }

    private List<PushedActivity> rows(Query q) {
        List<PushedActivity> list = new ArrayList<>();
        for (Object o : q.getResultList()) {
            Object[] r = (Object[]) o;
            list.add(new PushedActivity((UUID) r[0], (UUID) r[1], (String) r[2], organisers((String) r[3]),
                    SqlValues.instant(r[4]), ((Number) r[5]).intValue(), ((Number) r[6]).intValue(),
                    ((Number) r[7]).intValue(), Confirmation.valueOf((String) r[8]), SqlValues.instant(r[9]), (String) r[10]));
        }
        return list;
    }

    private List<String> organisers(String text) {
        if (text == null) {
            return List.of();
        }
        try {
            return json.readValue(text, STRINGS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored organisers are unreadable", e);
        }
    }
}
