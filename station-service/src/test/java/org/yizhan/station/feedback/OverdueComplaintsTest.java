package org.yizhan.station.feedback;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.yizhan.kit.time.AppClock;
import org.yizhan.localstack.testing.YizhanTestResource;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.yizhan.station.feedback.FeedbackFixtures.addManager;
import static org.yizhan.station.feedback.FeedbackFixtures.admin;
import static org.yizhan.station.feedback.FeedbackFixtures.as;
import static org.yizhan.station.feedback.FeedbackFixtures.complain;
import static org.yizhan.station.feedback.FeedbackFixtures.newWorker;
import static org.yizhan.station.feedback.FeedbackFixtures.station;
import static org.yizhan.station.feedback.FeedbackFixtures.worker;

/** Deadlines pass by moving the clock, not by waiting. */
@QuarkusTest
@WithTestResource(value = YizhanTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "yizhan_station"))
class OverdueComplaintsTest {

    @Inject
    AppClock clock;

    @AfterEach
    void backToNow() {
        clock.reset();
    }

    /** Every overdue complaint, following the cursor, as the union admin sees them. */
    static List<Map<String, Object>> overdue(int pageSize) {
        List<Map<String, Object>> all = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = admin().queryParam("limit", pageSize);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            var page = request.when().get("/api/v1/complaints/overdue").then().statusCode(200).extract();
            all.addAll(page.jsonPath().getList("items"));
            cursor = page.path("nextCursor");
        } while (cursor != null && ++pages < 1_000);
        return all;
    }

    static List<Map<String, Object>> of(List<Map<String, Object>> complaints, String station) {
        return complaints.stream().filter(c -> station.equals(c.get("stationId"))).toList();
    }

    static List<Object> ids(List<Map<String, Object>> complaints) {
        return complaints.stream().map(c -> c.get("id")).toList();
    }

    @Test
    void exactlyTheUnansweredComplaintsPastTheirDeadlineAreOverdueOldestDeadlineFirst() {
        String station = station();
        String manager = "manager-" + UUID.randomUUID();
        addManager(station, manager);
        String dirty = complain(station, newWorker(), "DIRTY");              // due +72 h
        String safety = complain(station, newWorker(), "SAFETY");            // due +24 h
        String answered = complain(station, newWorker(), "SAFETY");          // answered in time
        String resolved = complain(station, newWorker(), "AMENITY_BROKEN");  // closed at once
        as(manager, "station-manager").body("{\"status\": \"IN_PROGRESS\", \"message\": \"处理中\"}")
                .when().post("/api/v1/stations/" + station + "/complaints/" + answered + "/responses")
                .then().statusCode(200);
        as(manager, "station-manager")
                .body("{\"status\": \"RESOLVED\", \"message\": \"修好了\", \"resolution\": \"换新\"}")
                .when().post("/api/v1/stations/" + station + "/complaints/" + resolved + "/responses")
                .then().statusCode(200);
        Instant safetyDue = Instant.parse(admin().when().get("/api/v1/stations/" + station + "/complaints/" + safety)
                .then().statusCode(200).extract().path("respondBy"));

        assertEquals(List.of(), ids(of(overdue(50), station)), "nothing is overdue yet");

        clock.shift(Duration.ofHours(23));
        assertEquals(List.of(), ids(of(overdue(50), station)), "23 h: still within every deadline");

        clock.shift(Duration.ofHours(26));
        var late = of(overdue(50), station);
        assertEquals(List.of(safety), ids(late), "26 h: only the unanswered SAFETY complaint");
        // Whole hours past the deadline, from the stored deadline and the shifted clock.
        long expectedHours = Duration.between(safetyDue, clock.now()).toHours();
        assertEquals(2, expectedHours);
        assertEquals(expectedHours, ((Number) late.get(0).get("hoursOverdue")).longValue());
        assertEquals(true, late.get(0).get("overdue"));
        assertEquals("OPEN", late.get(0).get("status"));

        clock.shift(Duration.ofHours(80));
        late = of(overdue(2), station);
        assertEquals(List.of(safety, dirty), ids(late), "80 h: both unanswered ones, the older deadline first");
        assertEquals(56L, ((Number) late.get(0).get("hoursOverdue")).longValue());
        assertEquals(8L, ((Number) late.get(1).get("hoursOverdue")).longValue());

        // The station's own list shows the same flags.
        as(manager, "station-manager").queryParam("status", "OPEN")
                .when().get("/api/v1/stations/" + station + "/complaints")
                .then().statusCode(200).body("items.find { it.id == '" + dirty + "' }.overdue", equalTo(true));

        // An answer, even late, takes it off the list.
        as(manager, "station-manager").body("{\"status\": \"IN_PROGRESS\", \"message\": \"抱歉，迟了\"}")
                .when().post("/api/v1/stations/" + station + "/complaints/" + dirty + "/responses")
                .then().statusCode(200).body("overdue", equalTo(false)).body("hoursOverdue", equalTo(0));
        assertEquals(List.of(safety), ids(of(overdue(50), station)));
    }

    @Test
    void theWholeOverdueListIsOrderedByDeadline() {
        String station = station();
        complain(station, newWorker(), "DIRTY");
        complain(station, newWorker(), "SAFETY");
        clock.shift(Duration.ofDays(4));
        List<Map<String, Object>> all = overdue(3);
        assertTrue(all.size() >= 2);
        List<Instant> deadlines = all.stream().map(c -> Instant.parse((String) c.get("respondBy"))).toList();
        for (int i = 1; i < deadlines.size(); i++) {
            assertTrue(!deadlines.get(i).isBefore(deadlines.get(i - 1)), "out of order at " + i);
        }
        assertEquals(all.size(), ids(all).stream().distinct().count(), "a complaint repeated across pages");
    }

    @Test
    void onlyUnionAdminsSeeTheOverdueList() {
        as("manager-" + UUID.randomUUID(), "station-manager").when().get("/api/v1/complaints/overdue")
                .then().statusCode(403).contentType("application/problem+json");
        worker(newWorker()).when().get("/api/v1/complaints/overdue").then().statusCode(403);
        io.restassured.RestAssured.given().when().get("/api/v1/complaints/overdue").then().statusCode(401);
        admin().queryParam("limit", 201).when().get("/api/v1/complaints/overdue")
                .then().statusCode(400).body("errors[0].field", equalTo("limit"));
    }
}
