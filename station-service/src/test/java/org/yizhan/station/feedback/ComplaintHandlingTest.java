package org.yizhan.station.feedback;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import org.yizhan.localstack.testing.YizhanTestResource;

import java.util.UUID;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.yizhan.station.feedback.FeedbackFixtures.addManager;
import static org.yizhan.station.feedback.FeedbackFixtures.admin;
import static org.yizhan.station.feedback.FeedbackFixtures.as;
import static org.yizhan.station.feedback.FeedbackFixtures.complain;
import static org.yizhan.station.feedback.FeedbackFixtures.count;
import static org.yizhan.station.feedback.FeedbackFixtures.newWorker;
import static org.yizhan.station.feedback.FeedbackFixtures.station;
import static org.yizhan.station.feedback.FeedbackFixtures.worker;

@QuarkusTest
@WithTestResource(value = YizhanTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "yizhan_station"))
class ComplaintHandlingTest {

    @Inject
    EntityManager em;

    static io.restassured.response.Response answer(String manager, String station, String complaint, String body) {
        return as(manager, "station-manager").body(body)
                .when().post("/api/v1/stations/" + station + "/complaints/" + complaint + "/responses");
    }

    static String body(String status, String message, String resolution) {
        return resolution == null
                ? "{\"status\": \"%s\", \"message\": \"%s\"}".formatted(status, message)
                : "{\"status\": \"%s\", \"message\": \"%s\", \"resolution\": \"%s\"}".formatted(status, message, resolution);
    }

    @Test
    void openThenInProgressThenResolvedAndThenNothingMore() {
        String station = station();
        String manager = "manager-" + UUID.randomUUID();
        addManager(station, manager);
        String rider = newWorker();
        String id = complain(station, rider, "AMENITY_BROKEN");

        var first = answer(manager, station, id, body("IN_PROGRESS", "已报修", null));
        first.then().statusCode(200)
                .body("status", equalTo("IN_PROGRESS"))
                .body("firstResponseAt", notNullValue())
                .body("resolution", nullValue())
                .body("responses.message", contains("已报修"))
                .body("responses[0].respondedBy", equalTo(manager));
        String firstResponseAt = first.path("firstResponseAt");

        answer(manager, station, id, body("IN_PROGRESS", "师傅明天上门", null))
                .then().statusCode(200).body("firstResponseAt", equalTo(firstResponseAt));
        answer(manager, station, id, body("RESOLVED", "已修好", "更换了加热管"))
                .then().statusCode(200)
                .body("status", equalTo("RESOLVED"))
                .body("resolution", equalTo("更换了加热管"))
                .body("closedAt", notNullValue())
                .body("firstResponseAt", equalTo(firstResponseAt))
                .body("responses.status", contains("IN_PROGRESS", "IN_PROGRESS", "RESOLVED"));

        long responses = count(em, "station_complaint_response");
        for (String again : new String[]{body("IN_PROGRESS", "再看看", null), body("REJECTED", "不成立", "重复投诉"),
                body("RESOLVED", "又修了", "再次更换")}) {
            answer(manager, station, id, again).then().statusCode(409).contentType("application/problem+json")
                    .body("type", equalTo("urn:yizhan:problem:conflict"));
        }
        assertEquals(responses, count(em, "station_complaint_response"));

        // The worker sees the answers and the resolution, but not who answered.
        worker(rider).when().get("/api/v1/complaints/mine")
                .then().statusCode(200)
                .body("items[0].status", equalTo("RESOLVED"))
                .body("items[0].resolution", equalTo("更换了加热管"))
                .body("items[0].responses.message", contains("已报修", "师傅明天上门", "已修好"))
                .body("items[0].responses[0]", not(org.hamcrest.Matchers.hasKey("respondedBy")));
    }

    @Test
    void anOpenComplaintMayBeRejectedAtOnceButNeedsAResolution() {
        String station = station();
        String id = complain(station, newWorker(), "STAFF_CONDUCT");
        long responses = count(em, "station_complaint_response");

        admin().body(body("REJECTED", "经核实不属实", null))
                .when().post("/api/v1/stations/" + station + "/complaints/" + id + "/responses")
                .then().statusCode(400).body("errors.field", contains("resolution"));
        admin().body("{\"status\": \"OPEN\", \"message\": \"重新打开\"}")
                .when().post("/api/v1/stations/" + station + "/complaints/" + id + "/responses")
                .then().statusCode(400).body("errors[0].field", equalTo("status"))
                .body("errors[0].message", containsString("IN_PROGRESS"));
        admin().body("{\"message\": \" \"}")
                .when().post("/api/v1/stations/" + station + "/complaints/" + id + "/responses")
                .then().statusCode(400).body("errors.field", contains("message", "status"));
        assertEquals(responses, count(em, "station_complaint_response"));
        admin().when().get("/api/v1/stations/" + station + "/complaints/" + id)
                .then().statusCode(200).body("status", equalTo("OPEN")).body("firstResponseAt", nullValue());

        admin().body(body("REJECTED", "经核实不属实", "监控显示工作人员态度正常"))
                .when().post("/api/v1/stations/" + station + "/complaints/" + id + "/responses")
                .then().statusCode(200).body("status", equalTo("REJECTED"))
                .body("responses[0].respondedBy", equalTo(FeedbackFixtures.ADMIN));
        admin().body(body("RESOLVED", "改判", "已道歉"))
                .when().post("/api/v1/stations/" + station + "/complaints/" + id + "/responses")
                .then().statusCode(409);
    }

    @Test
    void managersOfAnotherStationMayNeitherReadNorAnswer() {
        String mine = station();
        String theirs = station();
        String manager = "manager-" + UUID.randomUUID();
        addManager(mine, manager);
        String theirComplaint = complain(theirs, newWorker(), "DIRTY");
        String myComplaint = complain(mine, newWorker(), "DIRTY");

        answer(manager, theirs, theirComplaint, body("IN_PROGRESS", "我来处理", null))
                .then().statusCode(403).contentType("application/problem+json");
        as(manager, "station-manager").when().get("/api/v1/stations/" + theirs + "/complaints")
                .then().statusCode(403);
        as(manager, "station-manager").when().get("/api/v1/stations/" + theirs + "/complaints/" + theirComplaint)
                .then().statusCode(403);
        // A complaint of another station is not found under this one.
        answer(manager, mine, theirComplaint, body("IN_PROGRESS", "我来处理", null))
                .then().statusCode(404);
        // Workers do not answer.
        worker(newWorker()).body(body("IN_PROGRESS", "我来处理", null))
                .when().post("/api/v1/stations/" + mine + "/complaints/" + myComplaint + "/responses")
                .then().statusCode(403);
        admin().when().get("/api/v1/stations/" + theirs + "/complaints/" + theirComplaint)
                .then().statusCode(200).body("status", equalTo("OPEN")).body("responses.size()", equalTo(0));

        answer(manager, mine, myComplaint, body("IN_PROGRESS", "我来处理", null)).then().statusCode(200);
    }

    @Test
    void theStationListFiltersByStatusAndPages() {
        String station = station();
        String manager = "manager-" + UUID.randomUUID();
        addManager(station, manager);
        String c1 = complain(station, newWorker(), "DIRTY");
        String c2 = complain(station, newWorker(), "SAFETY");
        String c3 = complain(station, newWorker(), "OTHER");
        answer(manager, station, c2, body("IN_PROGRESS", "处理中", null)).then().statusCode(200);
        complain(station(), newWorker(), "DIRTY"); // another station's

        var list = as(manager, "station-manager");
        list.when().get("/api/v1/stations/" + station + "/complaints")
                .then().statusCode(200).body("items.id", contains(c3, c2, c1)).body("nextCursor", nullValue());
        as(manager, "station-manager").queryParam("status", "OPEN")
                .when().get("/api/v1/stations/" + station + "/complaints")
                .then().statusCode(200).body("items.id", contains(c3, c1));
        as(manager, "station-manager").queryParam("status", "IN_PROGRESS")
                .when().get("/api/v1/stations/" + station + "/complaints")
                .then().statusCode(200).body("items.id", contains(c2))
                .body("items[0].responses[0].respondedBy", equalTo(manager));
        as(manager, "station-manager").queryParam("status", "DONE")
                .when().get("/api/v1/stations/" + station + "/complaints")
                .then().statusCode(400).body("errors[0].field", equalTo("status"));

        String cursor = as(manager, "station-manager").queryParam("limit", 2)
                .when().get("/api/v1/stations/" + station + "/complaints")
                .then().statusCode(200).body("items.id", contains(c3, c2)).extract().path("nextCursor");
        as(manager, "station-manager").queryParam("limit", 2).queryParam("cursor", cursor)
                .when().get("/api/v1/stations/" + station + "/complaints")
                .then().statusCode(200).body("items.id", contains(c1)).body("nextCursor", nullValue());

        // Not for workers, and the complainant's pseudonym is never shown.
        worker(newWorker()).when().get("/api/v1/stations/" + station + "/complaints").then().statusCode(403);
        admin().when().get("/api/v1/stations/" + station + "/complaints")
                .then().statusCode(200).body("items[0]", not(org.hamcrest.Matchers.hasKey("complainant")));
        admin().when().get("/api/v1/stations/" + UUID.randomUUID() + "/complaints").then().statusCode(404);
    }

    @Test
    void unknownComplaintsAre404() {
        String station = station();
        admin().body(body("IN_PROGRESS", "处理中", null))
                .when().post("/api/v1/stations/" + station + "/complaints/" + UUID.randomUUID() + "/responses")
                .then().statusCode(404).body("detail", equalTo("投诉不存在"));
        admin().when().get("/api/v1/stations/" + station + "/complaints/" + UUID.randomUUID())
                .then().statusCode(404);
    }
}
