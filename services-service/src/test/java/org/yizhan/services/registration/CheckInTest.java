package org.yizhan.services.registration;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.yizhan.kit.time.AppClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.yizhan.localstack.testing.YizhanTestResource;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.yizhan.services.registration.RegistrationFixtures.ORGANISER;
import static org.yizhan.services.registration.RegistrationFixtures.admin;
import static org.yizhan.services.registration.RegistrationFixtures.count;
import static org.yizhan.services.registration.RegistrationFixtures.newWorker;
import static org.yizhan.services.registration.RegistrationFixtures.partner;
import static org.yizhan.services.registration.RegistrationFixtures.pseudonym;
import static org.yizhan.services.registration.RegistrationFixtures.published;
import static org.yizhan.services.registration.RegistrationFixtures.startOf;
import static org.yizhan.services.registration.RegistrationFixtures.worker;

/** Check-in by one-time pass, offline uploads counted once, completion with attended, walk-ins and no-shows. */
@QuarkusTest
@WithTestResource(value = YizhanTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "yizhan_services"))
class CheckInTest {

    @Inject
    AppClock clock;

    @AfterEach
    void backToNow() {
        clock.reset();
    }

    static void register(String activity, String subject) {
        worker(subject).body("{\"occupation\":\"COURIER\"}")
                .when().post("/api/v1/activities/" + activity + "/registrations")
                .then().statusCode(201).body("status", equalTo("REGISTERED"));
    }

    static String pass(String activity, String subject) {
        return worker(subject).when().post("/api/v1/activities/" + activity + "/check-in-pass")
                .then().statusCode(200).body("activityId", equalTo(activity)).extract().path("pass");
    }

    static String scan(String pass, Instant at) {
        return "{\"pass\":\"" + pass + "\",\"scannedAt\":\"" + at + "\"}";
    }

    static String upload(String... scans) {
        return "{\"checkIns\":[" + String.join(",", scans) + "]}";
    }

    /** Moves the clock to {@code minutes} after the activity's start. */
    void startedSince(String activity, long minutes) {
        clock.shift(Duration.between(Instant.now(), startOf(activity).plus(Duration.ofMinutes(minutes))));
    }

    @Test
    void anOfflineBatchUploadedTwiceCountsOnce() {
        String activity = published(10, 60);
        String a = newWorker();
        String b = newWorker();
        String walkIn = newWorker();
        register(activity, a);
        register(activity, b);
        Instant start = startOf(activity);
        String batch = upload(scan(pass(activity, a), start.plusSeconds(300)),
                scan(pass(activity, b), start.plusSeconds(360)),
                scan(pass(activity, walkIn), start.plusSeconds(420)));
        startedSince(activity, 30);

        partner(ORGANISER).body(batch).when().post("/api/v1/activities/" + activity + "/check-ins")
                .then().statusCode(200)
                .body("counted", equalTo(3)).body("duplicates", equalTo(0)).body("rejected", equalTo(0))
                .body("results[0].result", equalTo("COUNTED")).body("results[0].kind", equalTo("ATTENDED"))
                .body("results[0].participant", equalTo(pseudonym(a)))
                .body("results[2].kind", equalTo("WALK_IN"))
                .body("attendance.attended", equalTo(2)).body("attendance.walkIns", equalTo(1));
        // The device did not get the answer and uploads the same batch again.
        partner(ORGANISER).body(batch).when().post("/api/v1/activities/" + activity + "/check-ins")
                .then().statusCode(200)
                .body("counted", equalTo(0)).body("duplicates", equalTo(3)).body("rejected", equalTo(0))
                .body("results[1].result", equalTo("DUPLICATE"))
                .body("attendance.attended", equalTo(2)).body("attendance.walkIns", equalTo(1));

        UUID id = UUID.fromString(activity);
        assertEquals(3, count("select count(*) from attendance where activity_id = ?1 and source = 'QR'", id));
        // The original scan time is kept.
        assertEquals(1, count("select count(*) from attendance where activity_id = ?1 and participant = ?2"
                + " and checked_in_at = ?3", id, pseudonym(a), start.plusSeconds(300)));
    }

    @Test
    void replayedForgedLateAndForeignPassesAreRejectedOneByOne() {
        String activity = published(10, 60);
        String other = published(10, 60);
        String a = newWorker();
        String b = newWorker();
        register(activity, a);
        Instant start = startOf(activity);
        String passA = pass(activity, a);
        String secondPassA = pass(activity, a);
        String passB = pass(activity, b);
        String foreign = pass(other, b);
        String[] parts = passB.split("\\.");
        String tampered = parts[0] + "." + parts[1] + "." + (parts[2].charAt(0) == 'A' ? 'B' : 'A') + parts[2].substring(1);
        startedSince(activity, 30);

        partner(ORGANISER).body(upload(scan(passA, start.plusSeconds(60)))).when()
                .post("/api/v1/activities/" + activity + "/check-ins").then().statusCode(200).body("counted", equalTo(1));

        partner(ORGANISER).body(upload(
                        scan(passA, start.plusSeconds(900)),                     // the same QR shown again
                        scan(secondPassA, start.plusSeconds(960)),               // the same worker, a new pass
                        scan("not-a-pass", start.plusSeconds(60)),
                        scan(tampered, start.plusSeconds(60)),
                        scan(foreign, start.plusSeconds(60)),
                        scan(passB, start.plus(Duration.ofHours(2))),           // later than "now"
                        scan(passB, start.minus(Duration.ofMinutes(61))),       // long before the start
                        scan(passB, start.plusSeconds(120))))                    // fine
                .when().post("/api/v1/activities/" + activity + "/check-ins")
                .then().statusCode(200)
                .body("counted", equalTo(1)).body("rejected", equalTo(7))
                .body("results[0].reason", equalTo("REPLAYED"))
                .body("results[1].reason", equalTo("ALREADY_CHECKED_IN"))
                .body("results[2].reason", equalTo("INVALID_PASS"))
                .body("results[3].reason", equalTo("INVALID_PASS"))
                .body("results[4].reason", equalTo("OTHER_ACTIVITY"))
                .body("results[5].reason", equalTo("SCANNED_IN_FUTURE"))
                .body("results[6].reason", equalTo("OUTSIDE_WINDOW"))
                .body("results[7].result", equalTo("COUNTED"))
                .body("results[7].kind", equalTo("WALK_IN"));
        assertEquals(2, count("select count(*) from attendance where activity_id = ?1", UUID.fromString(activity)));
    }

    @Test
    void completionCountsAttendedWalkInsAndNoShowsAndALateUploadCorrectsThem() {
        String activity = published(10, 60);
        String came = newWorker();
        String late = newWorker();
        String absent = newWorker();
        String walkIn = newWorker();
        register(activity, came);
        register(activity, late);
        register(activity, absent);
        Instant start = startOf(activity);
        String passCame = pass(activity, came);
        String passLate = pass(activity, late);
        String passWalkIn = pass(activity, walkIn);
        startedSince(activity, 90);
        partner(ORGANISER).body(upload(scan(passCame, start.plusSeconds(60)), scan(passWalkIn, start.plusSeconds(90))))
                .when().post("/api/v1/activities/" + activity + "/check-ins").then().statusCode(200)
                .body("counted", equalTo(2));

        UUID id = UUID.fromString(activity);
        try (ActivityTopic events = new ActivityTopic()) {
            int version = partner(ORGANISER).when().post("/api/v1/activities/" + activity + "/complete")
                    .then().statusCode(200).body("status", equalTo("COMPLETED")).extract().path("version");
            JsonNode completed = events.await(activity, "activity.completed", d -> true);
            assertEquals(1, completed.path("attended").asInt());
            assertEquals(1, completed.path("walkIns").asInt());
            assertEquals(2, completed.path("noShows").asInt());
            assertEquals(2, completed.path("personTimes").asInt());
            // Both came by a pass scanned in the app: the station can count the activity unconfirmed.
            assertEquals(2, completed.path("scanned").asInt());
            assertEquals("APP", completed.path("source").asText());
            assertEquals(version, completed.path("version").asInt());
            assertEquals(1, count("select no_shows from participant_standing where participant = ?1", pseudonym(late)));
            assertEquals(1, count("select count(*) from registration where activity_id = ?1 and participant = ?2"
                    + " and status = 'NO_SHOW'", id, pseudonym(absent)));

            // The device that scanned the late worker was offline until after completion.
            partner(ORGANISER).body(upload(scan(passLate, start.plusSeconds(1200))))
                    .when().post("/api/v1/activities/" + activity + "/check-ins").then().statusCode(200)
                    .body("results[0].result", equalTo("COUNTED")).body("results[0].kind", equalTo("ATTENDED"))
                    .body("attendance.attended", equalTo(2)).body("attendance.noShows", equalTo(1));
            JsonNode again = events.await(activity, "activity.completed", d -> d.path("attended").asInt() == 2);
            assertEquals(1, again.path("walkIns").asInt());
            assertEquals(1, again.path("noShows").asInt());
            assertEquals(version + 1, again.path("version").asInt());
        }
        assertEquals(0, count("select no_shows from participant_standing where participant = ?1", pseudonym(late)));
        assertEquals(1, count("select count(*) from registration where activity_id = ?1 and participant = ?2"
                + " and status = 'REGISTERED'", id, pseudonym(late)));
        // The same late scan uploaded again changes nothing and publishes nothing.
        long events = count("select count(*) from outbox_message where message_key = ?1 and event_type = 'activity.completed'",
                activity);
        partner(ORGANISER).body(upload(scan(passLate, start.plusSeconds(1200))))
                .when().post("/api/v1/activities/" + activity + "/check-ins").then().statusCode(200)
                .body("results[0].result", equalTo("DUPLICATE"));
        assertEquals(events, count("select count(*) from outbox_message where message_key = ?1"
                + " and event_type = 'activity.completed'", activity));
        admin().when().post("/api/v1/activities/" + activity + "/complete")
                .then().statusCode(409).contentType("application/problem+json");
    }
}
