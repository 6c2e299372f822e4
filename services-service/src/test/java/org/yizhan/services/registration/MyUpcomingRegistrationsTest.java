package org.yizhan.services.registration;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.yizhan.localstack.testing.YizhanTestResource;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.yizhan.services.registration.RegistrationFixtures.execute;
import static org.yizhan.services.registration.RegistrationFixtures.newWorker;
import static org.yizhan.services.registration.RegistrationFixtures.published;
import static org.yizhan.services.registration.RegistrationFixtures.worker;

/** GET /api/v1/activities/registrations/mine?upcoming=true: the live registrations of activities not over yet. */
@QuarkusTest
@WithTestResource(value = YizhanTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "yizhan_services"))
class MyUpcomingRegistrationsTest {

    private static final String COURIER = "{\"occupation\":\"COURIER\"}";
    private static final String MINE = "/api/v1/activities/registrations/mine";

    @Test
    void upcomingKeepsTheLiveRegistrationsOfActivitiesThatHaveNotEnded() {
        String subject = newWorker();
        String registered = register(subject, published(10, 24 * 60));
        String cancelledActivity = published(10, 24 * 60);
        String cancelled = register(subject, cancelledActivity);
        worker(subject).when().delete("/api/v1/activities/" + cancelledActivity + "/registrations/mine")
                .then().statusCode(200);
        String pastActivity = published(10, 24 * 60);
        String past = register(subject, pastActivity);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        execute("update activity set starts_at = ?1, ends_at = ?2 where id = ?3",
                Timestamp.from(now.minus(3, ChronoUnit.HOURS)), Timestamp.from(now.minus(1, ChronoUnit.HOURS)),
                UUID.fromString(pastActivity));
        String fullActivity = published(1, 24 * 60);
        register(newWorker(), fullActivity);
        String waitlisted = register(subject, fullActivity);

        worker(subject).when().get(MINE).then().statusCode(200)
                .body("items.id", contains(waitlisted, past, cancelled, registered));
        worker(subject).queryParam("upcoming", "false").when().get(MINE).then().statusCode(200)
                .body("items.id", contains(waitlisted, past, cancelled, registered));
        worker(subject).queryParam("upcoming", "true").when().get(MINE).then().statusCode(200)
                .body("items.id", contains(waitlisted, registered))
                .body("items.status", containsInAnyOrder("WAITLISTED", "REGISTERED"));

        // The filter holds across pages.
        JsonPath first = worker(subject).queryParam("upcoming", "true").queryParam("limit", 1).when().get(MINE)
                .then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(waitlisted), first.getList("items.id"));
        worker(subject).queryParam("upcoming", "true").queryParam("limit", 1)
                .queryParam("cursor", first.getString("nextCursor")).when().get(MINE)
                .then().statusCode(200).body("items.id", contains(registered)).body("nextCursor", nullValue());
    }

    @Test
    void aBadUpcomingIsNamedInTheProblemWithTheLimit() {
        worker(newWorker()).queryParam("upcoming", "yes").queryParam("limit", 0).when().get(MINE)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("limit", "upcoming"));
    }

    private static String register(String subject, String activity) {
        return worker(subject).body(COURIER).when().post("/api/v1/activities/" + activity + "/registrations")
                .then().statusCode(201).extract().path("id");
    }
}
