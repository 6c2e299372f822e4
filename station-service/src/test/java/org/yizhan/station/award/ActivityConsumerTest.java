package org.yizhan.station.award;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import org.yizhan.localstack.testing.TopicProbe;
import org.yizhan.localstack.testing.YizhanTestResource;
import org.yizhan.station.service.award.ActivitiesHosted;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.yizhan.station.award.ActivityEvents.cancelled;
import static org.yizhan.station.award.ActivityEvents.completed;
import static org.yizhan.station.award.ActivityEvents.newId;
import static org.yizhan.station.award.ActivityEvents.publish;

/** station-service counts the activities hosted per station from yizhan.activity.v1, newest version first. */
@QuarkusTest
@WithTestResource(value = YizhanTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "yizhan_station"))
class ActivityConsumerTest {

    static final Instant IN_2026 = Instant.parse("2026-06-01T02:00:00Z");

    @Inject
    ActivitiesHosted activities;

    @Inject
    EntityManager em;

    /** Completed activities of the station in the year, read in a transaction of its own (awaits poll on other threads). */
    long hosted(UUID station, int year) {
        return QuarkusTransaction.requiringNew().call(() -> activities.completedIn(station, year));
    }

    Object[] row(UUID activityId) {
        return QuarkusTransaction.requiringNew().call(() -> rowNow(activityId));
    }

    private Object[] rowNow(UUID activityId) {
        List<?> rows = em.createNativeQuery("select status, person_times, version, year from station_activity"
                + " where activity_id = :id").setParameter("id", activityId).getResultList();
        return rows.isEmpty() ? null : (Object[]) rows.get(0);
    }

    /** Publishes a completion of a fresh activity on the same key and waits for it: everything before it was seen. */
    void barrier(UUID activityId) {
        UUID markerStation = UUID.randomUUID();
        publish(activityId, completed(newId(), UUID.randomUUID(), 1, markerStation, IN_2026, 1));
        await().atMost(Duration.ofSeconds(30)).until(() -> hosted(markerStation, 2026) == 1);
    }

    @Test
    void aCompletedActivityCountsOnceWhateverIsRedeliveredResentOrLate() {
        UUID station = UUID.randomUUID();
        UUID activity = UUID.randomUUID();
        String first = newId();
        publish(activity, completed(first, activity, 2, station, IN_2026, 10));
        await().atMost(Duration.ofSeconds(30)).until(() -> hosted(station, 2026) == 1);

        // The same event again (a redelivery), with other counts: the inbox applies it once.
        publish(activity, completed(first, activity, 2, station, IN_2026, 99));
        // Re-sent with corrected counts (a newer version): still one activity, with the new counts.
        publish(activity, completed(newId(), activity, 3, station, IN_2026, 15));
        // An older version arriving late changes nothing.
        publish(activity, completed(newId(), activity, 1, station, IN_2026, 3));
        barrier(activity);
        assertEquals(1, hosted(station, 2026));
        Object[] row = row(activity);
        assertEquals("COMPLETED", row[0]);
        assertEquals(15, ((Number) row[1]).intValue());
        assertEquals(3, ((Number) row[2]).intValue());

        // A later cancellation takes it out of the count.
        publish(activity, cancelled(newId(), activity, 4, station));
        await().atMost(Duration.ofSeconds(30)).until(() -> hosted(station, 2026) == 0);
        assertEquals(2026, ((Number) row(activity)[3]).intValue());
    }

    @Test
    void aCancellationThatArrivesFirstIsNotUndoneByAnOlderCompletion() {
        UUID station = UUID.randomUUID();
        UUID activity = UUID.randomUUID();
        publish(activity, cancelled(newId(), activity, 5, station));
        publish(activity, completed(newId(), activity, 4, station, IN_2026, 8));
        barrier(activity);
        assertEquals(0, hosted(station, 2026));
        assertEquals("CANCELLED", row(activity)[0]);
        assertEquals(5, ((Number) row(activity)[2]).intValue());
    }

    @Test
    void theYearIsThatOfTheStartInBeijingTime() {
        UUID station = UUID.randomUUID();
        UUID activity = UUID.randomUUID();
        // 2025-12-31T17:30Z is 01:30 on 1 January 2026 in Beijing.
        publish(activity, completed(newId(), activity, 1, station, Instant.parse("2025-12-31T17:30:00Z"), 5));
        await().atMost(Duration.ofSeconds(30)).until(() -> hosted(station, 2026) == 1);
        assertEquals(0, hosted(station, 2025));
    }

    @Test
    void anActivityEventWithoutItsStationIsDeadLetteredAndConsumptionGoesOn() {
        try (TopicProbe deadLetters = TopicProbe.open("yizhan.dlq.station-service")) {
            UUID activity = UUID.randomUUID();
            String broken = completed(newId(), activity, 1, UUID.randomUUID(), IN_2026, 5)
                    .replaceAll("\"stationId\":\"[^\"]+\",", "");
            publish(activity, broken);
            TopicProbe.Message dead = deadLetters.await(m -> activity.toString().equals(m.key()), Duration.ofSeconds(30))
                    .orElseThrow(() -> new AssertionError("no dead letter"));
            assertTrue(dead.headers().get("yizhan-dlq-reason").contains("lacks required fields"),
                    dead.headers().get("yizhan-dlq-reason"));
            assertEquals(null, row(activity));
            barrier(activity);
        }
    }
}
