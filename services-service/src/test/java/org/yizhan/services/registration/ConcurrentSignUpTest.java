package org.yizhan.services.registration;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.yizhan.localstack.testing.YizhanTestResource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.yizhan.services.registration.RegistrationFixtures.admin;
import static org.yizhan.services.registration.RegistrationFixtures.count;
import static org.yizhan.services.registration.RegistrationFixtures.published;
import static org.yizhan.services.registration.RegistrationFixtures.worker;

/** Capacity holds under concurrent sign-ups: the activity row lock counts them one at a time. */
@QuarkusTest
@WithTestResource(value = YizhanTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "yizhan_services"))
class ConcurrentSignUpTest {

    @Test
    void twoHundredConcurrentSignUpsForFiftyPlacesGiveFiftyRegisteredAndOneHundredFiftyWaitlisted() throws Exception {
        String activity = published(50, 24 * 60);
        int workers = 200;
        ExecutorService pool = Executors.newFixedThreadPool(50);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Response>> calls = new ArrayList<>();
        try {
            for (int i = 0; i < workers; i++) {
                String subject = "rush-" + i + "-" + UUID.randomUUID();
                calls.add(pool.submit(() -> {
                    start.await();
                    return worker(subject).body("{\"occupation\":\"FOOD_DELIVERY\"}")
                            .when().post("/api/v1/activities/" + activity + "/registrations");
                }));
            }
            start.countDown();
            int registered = 0;
            int waitlisted = 0;
            TreeSet<Integer> positions = new TreeSet<>();
            for (Future<Response> call : calls) {
                Response response = call.get(120, TimeUnit.SECONDS);
                assertEquals(201, response.statusCode(), response.asString());
                String status = response.path("status");
                if ("REGISTERED".equals(status)) {
                    registered++;
                } else {
                    assertEquals("WAITLISTED", status);
                    waitlisted++;
                    positions.add(response.path("waitlistPosition"));
                }
            }
            assertEquals(50, registered);
            assertEquals(150, waitlisted);
            // Each waiting worker got a distinct place in the queue at the time of answering.
            assertEquals(150, positions.size());
        } finally {
            pool.shutdownNow();
        }
        UUID id = UUID.fromString(activity);
        assertEquals(50, count("select count(*) from registration where activity_id = ?1 and status = 'REGISTERED'", id));
        assertEquals(150, count("select count(*) from registration where activity_id = ?1 and status = 'WAITLISTED'", id));
        assertEquals(200, count("select count(distinct participant) from registration where activity_id = ?1", id));
        assertEquals(200, count("select count(*) from outbox_message where event_type = 'registration.created'"
                + " and message_key = ?1", activity));

        Map<String, Object> counts = admin().when().get("/api/v1/activities/" + activity + "/registrations")
                .then().statusCode(200)
                .body("placesTaken", equalTo(50))
                .body("capacity", equalTo(50))
                .extract().path("counts");
        assertEquals(50, counts.get("REGISTERED"));
        assertEquals(150, counts.get("WAITLISTED"));
    }
}
