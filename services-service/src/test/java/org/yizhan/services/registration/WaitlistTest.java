package org.yizhan.services.registration;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.yizhan.kit.ops.Job;
import org.yizhan.kit.time.AppClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.yizhan.localstack.testing.ServiceDatabase;
import org.yizhan.localstack.testing.YizhanTestResource;
import org.yizhan.services.service.registration.OfferExpiryJob;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.yizhan.services.registration.RegistrationFixtures.admin;
import static org.yizhan.services.registration.RegistrationFixtures.count;
import static org.yizhan.services.registration.RegistrationFixtures.details;
import static org.yizhan.services.registration.RegistrationFixtures.execute;
import static org.yizhan.services.registration.RegistrationFixtures.newWorker;
import static org.yizhan.services.registration.RegistrationFixtures.pseudonym;
import static org.yizhan.services.registration.RegistrationFixtures.published;
import static org.yizhan.services.registration.RegistrationFixtures.startOf;
import static org.yizhan.services.registration.RegistrationFixtures.venue;
import static org.yizhan.services.registration.RegistrationFixtures.worker;

/** Cancelling frees a place for the first in line, who must confirm in time; no-shows wait behind. */
@QuarkusTest
@WithTestResource(value = YizhanTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "yizhan_services"))
class WaitlistTest {

    @Inject
    AppClock clock;

    @Inject
    OfferExpiryJob expiryJob;

    @AfterEach
    void backToNow() {
        clock.reset();
    }

    static String register(String activity, String subject, int expectedStatus, String expected) {
        return worker(subject).body("{\"occupation\":\"COURIER\"}")
                .when().post("/api/v1/activities/" + activity + "/registrations")
                .then().statusCode(expectedStatus).body("status", equalTo(expected)).extract().path("id");
    }

    static String status(String activity, String subject) {
        return worker(subject).when().get("/api/v1/activities/" + activity + "/registrations/mine")
                .then().statusCode(200).extract().path("status");
    }

    @Test
    void aCancelledPlaceIsOfferedToTheFirstInLineWhoConfirmsIt() {
        String activity = published(2, 3 * 24 * 60);
        String a = newWorker();
        String b = newWorker();
        String c = newWorker();
        String d = newWorker();
        register(activity, a, 201, "REGISTERED");
        register(activity, b, 201, "REGISTERED");
        String cId = register(activity, c, 201, "WAITLISTED");
        worker(d).body("{\"occupation\":\"COURIER\"}").when().post("/api/v1/activities/" + activity + "/registrations")
                .then().statusCode(201).body("status", equalTo("WAITLISTED")).body("waitlistPosition", equalTo(2));
        // Registering again while waiting answers the same registration.
        worker(c).body("{\"occupation\":\"COURIER\"}").when().post("/api/v1/activities/" + activity + "/registrations")
                .then().statusCode(200).body("id", equalTo(cId)).body("waitlistPosition", equalTo(1));

        try (ActivityTopic events = new ActivityTopic()) {
            Instant before = Instant.now();
            worker(a).when().delete("/api/v1/activities/" + activity + "/registrations/mine")
                    .then().statusCode(200).body("status", equalTo("CANCELLED"));

            JsonNode cancelled = events.await(activity, "registration.cancelled", data -> true);
            assertEquals("CANCELLED_BY_WORKER", cancelled.path("reason").asText());
            assertEquals(pseudonym(a), cancelled.path("participant").asText());
            JsonNode promoted = events.await(activity, "registration.promoted", data -> true);
            assertEquals(cId, promoted.path("registrationId").asText());
            Instant confirmBy = Instant.parse(promoted.path("confirmBy").asText());
            assertTrue(!confirmBy.isBefore(before.plus(Duration.ofHours(12)).minusSeconds(1))
                    && !confirmBy.isAfter(Instant.now().plus(Duration.ofHours(12))), confirmBy.toString());
        }
        worker(c).when().get("/api/v1/activities/" + activity + "/registrations/mine")
                .then().statusCode(200).body("status", equalTo("OFFERED")).body("waitlistPosition", nullValue());
        worker(d).when().get("/api/v1/activities/" + activity + "/registrations/mine")
                .then().statusCode(200).body("status", equalTo("WAITLISTED")).body("waitlistPosition", equalTo(1));
        // A place is held while offered: a newcomer waits.
        register(activity, newWorker(), 201, "WAITLISTED");

        worker(c).when().post("/api/v1/activities/" + activity + "/registrations/mine/confirm")
                .then().statusCode(200).body("status", equalTo("REGISTERED"));
        assertEquals("REGISTERED", status(activity, c));
        // The worker who cancelled sees the ended registration and may register again (at the back).
        assertEquals("CANCELLED", status(activity, a));
        register(activity, a, 201, "WAITLISTED");
        worker(a).when().get("/api/v1/activities/registrations/mine").then().statusCode(200)
                .body("items", hasSize(2))
                .body("items[0].status", equalTo("WAITLISTED"))
                .body("items[0].activityTitle", equalTo("爱心义剪进驿站"))
                .body("items[1].status", equalTo("CANCELLED"));
    }

    @Test
    void anUnconfirmedOfferExpiresAndTheNextInLineIsPromoted() {
        String activity = published(1, 3 * 24 * 60);
        String a = newWorker();
        String b = newWorker();
        String c = newWorker();
        register(activity, a, 201, "REGISTERED");
        register(activity, b, 201, "WAITLISTED");
        register(activity, c, 201, "WAITLISTED");
        worker(a).when().delete("/api/v1/activities/" + activity + "/registrations/mine").then().statusCode(200);
        assertEquals("OFFERED", status(activity, b));

        clock.shift(Duration.ofHours(11));
        assertEquals("OFFERED", status(activity, b));
        try (ActivityTopic events = new ActivityTopic()) {
            clock.shift(Duration.ofHours(13));
            // Expired lazily by the next operation on the activity.
            worker(b).when().post("/api/v1/activities/" + activity + "/registrations/mine/confirm")
                    .then().statusCode(409).contentType("application/problem+json");
            JsonNode expired = events.await(activity, "registration.cancelled",
                    data -> "CONFIRMATION_EXPIRED".equals(data.path("reason").asText()));
            assertEquals(pseudonym(b), expired.path("participant").asText());
            JsonNode promoted = events.await(activity, "registration.promoted", data -> true);
            assertEquals(pseudonym(c), promoted.path("participant").asText());
        }
        assertEquals("EXPIRED", status(activity, b));
        assertEquals("OFFERED", status(activity, c));
        worker(c).when().post("/api/v1/activities/" + activity + "/registrations/mine/confirm")
                .then().statusCode(200).body("status", equalTo("REGISTERED"));
    }

    @Test
    void theMinuteJobExpiresOffersWithoutAnyRequest() {
        String activity = published(1, 3 * 24 * 60);
        String a = newWorker();
        String b = newWorker();
        String c = newWorker();
        register(activity, a, 201, "REGISTERED");
        register(activity, b, 201, "WAITLISTED");
        register(activity, c, 201, "WAITLISTED");
        worker(a).when().delete("/api/v1/activities/" + activity + "/registrations/mine").then().statusCode(200);
        UUID id = UUID.fromString(activity);
        assertEquals(1, count("select count(*) from registration where activity_id = ?1 and status = 'OFFERED'"
                + " and participant = ?2", id, pseudonym(b)));

        clock.shift(Duration.ofHours(13));
        assertTrue(expiryJob.expireOverdueOffers() >= 1);
        assertEquals(1, count("select count(*) from registration where activity_id = ?1 and status = 'EXPIRED'"
                + " and participant = ?2", id, pseudonym(b)));
        assertEquals(1, count("select count(*) from registration where activity_id = ?1 and status = 'OFFERED'"
                + " and participant = ?2", id, pseudonym(c)));
    }

    @Test
    void theJobRunsOnOneInstanceAtATimeAndExpiresAnOfferOnce() throws Exception {
        String activity = published(1, 3 * 24 * 60);
        String a = newWorker();
        String b = newWorker();
        String c = newWorker();
        register(activity, a, 201, "REGISTERED");
        register(activity, b, 201, "WAITLISTED");
        register(activity, c, 201, "WAITLISTED");
        worker(a).when().delete("/api/v1/activities/" + activity + "/registrations/mine").then().statusCode(200);
        UUID id = UUID.fromString(activity);

        try (Connection otherInstance = ServiceDatabase.open()) {
            otherInstance.setAutoCommit(false);
            try (Statement s = otherInstance.createStatement()) {
                s.execute("select pg_advisory_xact_lock(" + Job.OFFER_EXPIRY.lockId() + ")");
            }
            // Overdue from here on; the minute's own run is held off by the lock too.
            clock.shift(Duration.ofHours(13));
            assertEquals(Optional.empty(), expiryJob.sweep(), "skipped while another instance sweeps");
            assertEquals(0, count("select count(*) from registration where activity_id = ?1 and status = 'EXPIRED'", id));
            otherInstance.rollback();
        }

        var first = CompletableFuture.supplyAsync(expiryJob::sweep);
        var second = CompletableFuture.supplyAsync(expiryJob::sweep);
        boolean ran = first.get().isPresent() | second.get().isPresent();
        // The minute's own run may have held the lock meanwhile; then the next sweep waits for it no longer.
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!ran && System.nanoTime() < deadline) {
            ran = expiryJob.sweep().isPresent();
        }
        assertTrue(ran);
        assertEquals(1, count("select count(*) from registration where activity_id = ?1 and status = 'EXPIRED'", id));
        assertEquals(1, count("select count(*) from registration where activity_id = ?1 and status = 'EXPIRED'"
                + " and participant = ?2", id, pseudonym(b)));
        assertEquals(1, count("select count(*) from registration where activity_id = ?1 and status = 'OFFERED'", id));
        assertEquals(1, count("select count(*) from registration where activity_id = ?1 and status = 'OFFERED'"
                + " and participant = ?2", id, pseudonym(c)));
    }

    @Test
    void anOfferNeverOutlastsTheStart() {
        String activity = published(1, 6 * 60);
        String a = newWorker();
        String b = newWorker();
        register(activity, a, 201, "REGISTERED");
        register(activity, b, 201, "WAITLISTED");
        worker(a).when().delete("/api/v1/activities/" + activity + "/registrations/mine").then().statusCode(200);
        String confirmBy = worker(b).when().get("/api/v1/activities/" + activity + "/registrations/mine")
                .then().statusCode(200).body("status", equalTo("OFFERED")).extract().path("confirmBy");
        assertEquals(startOf(activity), Instant.parse(confirmBy));
    }

    @Test
    void workersWithRepeatedNoShowsWaitBehindTheOthersButStillGetAPlace() {
        String activity = published(1, 3 * 24 * 60);
        String holder = newWorker();
        String unreliable = newWorker();
        String once = newWorker();
        String reliable = newWorker();
        execute("insert into participant_standing (participant, no_shows) values (?1, 2)", pseudonym(unreliable));
        execute("insert into participant_standing (participant, no_shows) values (?1, 1)", pseudonym(once));
        register(activity, holder, 201, "REGISTERED");
        register(activity, unreliable, 201, "WAITLISTED");
        register(activity, once, 201, "WAITLISTED");
        register(activity, reliable, 201, "WAITLISTED");
        worker(unreliable).when().get("/api/v1/activities/" + activity + "/registrations/mine")
                .then().body("waitlistPosition", equalTo(3));
        worker(once).when().get("/api/v1/activities/" + activity + "/registrations/mine")
                .then().body("waitlistPosition", equalTo(1));
        worker(reliable).when().get("/api/v1/activities/" + activity + "/registrations/mine")
                .then().body("waitlistPosition", equalTo(2));

        worker(holder).when().delete("/api/v1/activities/" + activity + "/registrations/mine").then().statusCode(200);
        assertEquals("OFFERED", status(activity, once));
        worker(once).when().delete("/api/v1/activities/" + activity + "/registrations/mine").then().statusCode(200);
        assertEquals("OFFERED", status(activity, reliable));
        worker(reliable).when().delete("/api/v1/activities/" + activity + "/registrations/mine").then().statusCode(200);
        assertEquals("OFFERED", status(activity, unreliable));
    }

    @Test
    void capacityCannotDropBelowThePlacesTakenAndMoreCapacityPromotes() {
        UUID venue = venue();
        Instant start = Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        Instant end = start.plus(2, ChronoUnit.HOURS);
        String activity = admin().body(details(venue, start, end, 2, "[]")).when().post("/api/v1/activities")
                .then().statusCode(201).extract().path("id");
        admin().when().post("/api/v1/activities/" + activity + "/publish").then().statusCode(200);
        String a = newWorker();
        String b = newWorker();
        String c = newWorker();
        register(activity, a, 201, "REGISTERED");
        register(activity, b, 201, "REGISTERED");
        register(activity, c, 201, "WAITLISTED");

        admin().header("If-Match", "\"1\"").body(details(venue, start, end, 1, "[]"))
                .when().put("/api/v1/activities/" + activity)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("capacity"));
        admin().header("If-Match", "\"1\"").body(details(venue, start, end, 3, "[]"))
                .when().put("/api/v1/activities/" + activity)
                .then().statusCode(200).body("capacity", equalTo(3));
        assertEquals("OFFERED", status(activity, c));
    }

    @Test
    void cancellingTheActivityEndsItsLiveRegistrations() {
        String activity = published(1, 3 * 24 * 60);
        String a = newWorker();
        String b = newWorker();
        register(activity, a, 201, "REGISTERED");
        register(activity, b, 201, "WAITLISTED");
        admin().body("{\"reason\":\"暴雨预警\"}").when().post("/api/v1/activities/" + activity + "/cancel")
                .then().statusCode(200);
        UUID id = UUID.fromString(activity);
        assertEquals(2, count("select count(*) from registration where activity_id = ?1 and status = 'CANCELLED'"
                + " and ended_at is not null", id));
        assertEquals("CANCELLED", status(activity, b));
        worker(newWorker()).body("{\"occupation\":\"COURIER\"}")
                .when().post("/api/v1/activities/" + activity + "/registrations")
                .then().statusCode(409).contentType("application/problem+json");
    }
}
