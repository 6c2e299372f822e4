package org.yizhan.services.registration;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.yizhan.localstack.testing.YizhanTestResource;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.yizhan.services.registration.RegistrationFixtures.admin;
import static org.yizhan.services.registration.RegistrationFixtures.draft;
import static org.yizhan.services.registration.RegistrationFixtures.newWorker;
import static org.yizhan.services.registration.RegistrationFixtures.published;
import static org.yizhan.services.registration.RegistrationFixtures.worker;

/** The lists of activities and registrations page through every item once: no duplicate, no gap, in order. */
@QuarkusTest
@WithTestResource(value = YizhanTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "yizhan_services"))
class ListPagingTest {

    private static final String COURIER = "{\"occupation\":\"COURIER\"}";

    @Test
    void aWorkersRegistrationsPageNewestFirst() {
        String subject = newWorker();
        List<String> registered = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String activity = published(10, 24 * 60 + i);
            registered.add(0, worker(subject).body(COURIER).when().post("/api/v1/activities/" + activity + "/registrations")
                    .then().statusCode(201).extract().path("id"));
        }
        List<String> walked = walk(() -> worker(subject), "/api/v1/activities/registrations/mine", 2);
        assertEquals(registered, walked);
    }

    @Test
    void theRosterPagesFirstComeFirst() {
        String activity = published(3, 24 * 60);
        String roster = "/api/v1/activities/" + activity + "/registrations";
        List<String> registered = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            registered.add(worker(newWorker()).body(COURIER).when().post(roster)
                    .then().statusCode(201).extract().path("id"));
        }
        assertEquals(registered, walk(RegistrationFixtures::admin, roster, 2));
        // Filtered by status, the waitlist alone pages the same way.
        List<String> waiting = walk(() -> admin().queryParam("status", "WAITLISTED"), roster, 2);
        assertEquals(registered.subList(3, 7), waiting);
    }

    @Test
    void anOrganisersActivitiesPageLatestStartFirst() {
        for (int i = 0; i < 5; i++) {
            draft(10, 3 * 24 * 60 + i, "[]");
        }
        // Drafts only: other tests publish theirs, so the walk stays short.
        Supplier<RequestSpecification> lead = () -> admin().queryParam("partner", RegistrationFixtures.ORGANISER)
                .queryParam("status", "DRAFT");
        List<String> twoAtATime = walk(lead, "/api/v1/activities/organised", 2);
        assertTrue(twoAtATime.size() >= 5);
        assertEquals(walk(lead, "/api/v1/activities/organised", 100), twoAtATime);
    }

    /** Every id of a list, {@code limit} at a time, following nextCursor; fails on a repeated id. */
    static List<String> walk(Supplier<RequestSpecification> caller, String path, int limit) {
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            RequestSpecification request = caller.get().queryParam("limit", limit);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.when().get(path).then().statusCode(200).extract().jsonPath();
            List<String> items = page.getList("items.id");
            assertTrue(items.size() <= limit, "a page holds at most the limit");
            seen.addAll(items);
            cursor = page.getString("nextCursor");
            pages++;
        } while (cursor != null && pages < 1_000);
        assertEquals(seen.size(), new HashSet<>(seen).size(), "nothing is listed twice: " + seen);
        return seen;
    }
}
