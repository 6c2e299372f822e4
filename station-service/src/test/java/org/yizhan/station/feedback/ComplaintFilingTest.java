package org.yizhan.station.feedback;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import org.yizhan.localstack.testing.YizhanTestResource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.yizhan.station.feedback.FeedbackFixtures.as;
import static org.yizhan.station.feedback.FeedbackFixtures.complain;
import static org.yizhan.station.feedback.FeedbackFixtures.complaintBody;
import static org.yizhan.station.feedback.FeedbackFixtures.count;
import static org.yizhan.station.feedback.FeedbackFixtures.newWorker;
import static org.yizhan.station.feedback.FeedbackFixtures.station;
import static org.yizhan.station.feedback.FeedbackFixtures.worker;

@QuarkusTest
@WithTestResource(value = YizhanTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "yizhan_station"))
class ComplaintFilingTest {

    @Inject
    EntityManager em;

    static io.restassured.response.Response file(String station, String worker, String body) {
        return worker(worker).body(body).when().post("/api/v1/stations/" + station + "/complaints");
    }

    static String hoursAgo(int hours) {
        return Instant.now().minus(Duration.ofHours(hours)).toString();
    }

    @Test
    void aComplaintIsOpenAndDueInSeventyTwoHours() {
        String station = station();
        var filed = file(station, newWorker(),
                complaintBody("AMENITY_BROKEN", "MICROWAVE", "微波炉不加热", hoursAgo(2)));
        filed.then().statusCode(201)
                .body("status", equalTo("OPEN"))
                .body("stationId", equalTo(station))
                .body("category", equalTo("AMENITY_BROKEN"))
                .body("amenity", equalTo("MICROWAVE"))
                .body("description", equalTo("微波炉不加热"))
                .body("firstResponseAt", nullValue())
                .body("overdue", equalTo(false))
                .body("responses.size()", equalTo(0));
        String id = filed.path("id");
        assertTrue(filed.header("Location").endsWith("/api/v1/stations/" + station + "/complaints/" + id));
        Instant received = Instant.parse(filed.path("receivedAt"));
        Instant respondBy = Instant.parse(filed.path("respondBy"));
        assertEquals(Duration.ofHours(72), Duration.between(received, respondBy));
        assertTrue(Duration.between(received, Instant.now()).abs().compareTo(Duration.ofMinutes(1)) < 0);
    }

    @Test
    void aSafetyComplaintIsDueInTwentyFourHours() {
        var filed = file(station(), newWorker(), complaintBody("SAFETY", null, "门口电线裸露", hoursAgo(1)));
        filed.then().statusCode(201).body("status", equalTo("OPEN")).body("amenity", nullValue());
        assertEquals(Duration.ofHours(24), Duration.between(Instant.parse(filed.path("receivedAt")),
                Instant.parse(filed.path("respondBy"))));
    }

    @Test
    void everyInvalidFieldIsListedAndNothingIsStored() {
        String station = station();
        String rider = newWorker();
        long complaints = count(em, "station_complaint");
        long keys = count(em, "idempotency_key");

        // Missing amenity for AMENITY_BROKEN.
        file(station, rider, complaintBody("AMENITY_BROKEN", null, "坏了", hoursAgo(1)))
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:yizhan:problem:validation"))
                .body("errors.field", contains("amenity"));
        // occurredAt in the future and too long a description, in one answer.
        file(station, rider, complaintBody("DIRTY", null, "脏".repeat(1001),
                        Instant.now().plus(Duration.ofHours(1)).toString()))
                .then().statusCode(400)
                .body("errors.field", contains("description", "occurredAt"))
                .body("errors.find { it.field == 'occurredAt' }.message", containsString("must not be in the future"));
        // More than 30 days ago.
        file(station, rider, complaintBody("DIRTY", null, "很脏", hoursAgo(31 * 24)))
                .then().statusCode(400).body("errors.field", contains("occurredAt"));
        // Unknown category: the allowed values are named.
        worker(rider).header("Accept-Language", "en").body(complaintBody("NOISY", null, "太吵", hoursAgo(1)))
                .when().post("/api/v1/stations/" + station + "/complaints")
                .then().statusCode(400)
                .body("errors[0].field", equalTo("category"))
                .body("errors[0].message", containsString("CLOSED_DURING_HOURS"));
        // Missing category and occurredAt, a malformed amenity code, OTHER without a description.
        file(station, rider, "{\"amenity\": \"micro wave\"}")
                .then().statusCode(400).body("errors.field", containsInAnyOrder("amenity", "category", "occurredAt"));
        file(station, rider, complaintBody("OTHER", null, " \\u0007 ", hoursAgo(1)))
                .then().statusCode(400).body("errors.field", contains("description"));
        file(station, rider, "{\"category\": \"DIRTY\", \"occurredAt\": \"yesterday\"}")
                .then().statusCode(400).body("errors[0].field", equalTo("occurredAt"));
        worker(rider).header("Idempotency-Key", "bad key!").body(complaintBody("DIRTY", null, "脏", hoursAgo(1)))
                .when().post("/api/v1/stations/" + station + "/complaints")
                .then().statusCode(400).body("errors.field", contains("Idempotency-Key"));
        // Unknown station.
        file(UUID.randomUUID().toString(), rider, complaintBody("DIRTY", null, "脏", hoursAgo(1)))
                .then().statusCode(404).contentType("application/problem+json");

        assertEquals(complaints, count(em, "station_complaint"));
        assertEquals(keys, count(em, "idempotency_key"));
    }

    @Test
    void onlyWorkersComplain() {
        String station = station();
        String body = complaintBody("DIRTY", null, "脏", hoursAgo(1));
        given().contentType("application/json").body(body).when().post("/api/v1/stations/" + station + "/complaints")
                .then().statusCode(401);
        as("manager-y", "station-manager").body(body).when().post("/api/v1/stations/" + station + "/complaints")
                .then().statusCode(403).body("type", equalTo("urn:yizhan:problem:forbidden"));
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyFilesOneComplaint() {
        String station = station();
        String rider = newWorker();
        String key = "complaint-" + UUID.randomUUID();
        String body = complaintBody("CLOSED_DURING_HOURS", null, "下午三点来时锁门了", hoursAgo(3));
        long before = count(em, "station_complaint");

        String first = worker(rider).header("Idempotency-Key", key).body(body)
                .when().post("/api/v1/stations/" + station + "/complaints")
                .then().statusCode(201).extract().path("id");
        worker(rider).header("Idempotency-Key", key).body(body)
                .when().post("/api/v1/stations/" + station + "/complaints")
                .then().statusCode(200).body("id", equalTo(first))
                .header("Location", endsWith("/complaints/" + first));
        worker(rider).header("Idempotency-Key", key).body(body.replace("三点", "四点"))
                .when().post("/api/v1/stations/" + station + "/complaints")
                .then().statusCode(422).body("errors[0].field", equalTo("Idempotency-Key"));

        assertEquals(before + 1, count(em, "station_complaint"));
    }

    @Test
    void workersSeeTheirOwnComplaintsOnlyAndNoSubjectIsStored() {
        String station = station();
        String alice = newWorker();
        String bob = newWorker();
        String a1 = complain(station, alice, "DIRTY");
        String a2 = worker(alice).header("Idempotency-Key", "mine-" + UUID.randomUUID())
                .body(complaintBody("SAFETY", null, "地面湿滑", hoursAgo(1)))
                .when().post("/api/v1/stations/" + station + "/complaints")
                .then().statusCode(201).extract().path("id");
        String b1 = complain(station, bob, "AMENITY_BROKEN");

        worker(alice).when().get("/api/v1/complaints/mine")
                .then().statusCode(200)
                .body("items.id", contains(a2, a1))
                .body("items.description", hasItem("地面湿滑"));
        worker(bob).when().get("/api/v1/complaints/mine")
                .then().statusCode(200).body("items.id", contains(b1));
        worker(newWorker()).when().get("/api/v1/complaints/mine")
                .then().statusCode(200).body("items.size()", equalTo(0)).body("nextCursor", nullValue());
        // Paging.
        var firstPage = worker(alice).queryParam("limit", 1).when().get("/api/v1/complaints/mine")
                .then().statusCode(200).body("items.id", contains(a2)).extract();
        worker(alice).queryParam("limit", 1).queryParam("cursor", firstPage.<String>path("nextCursor"))
                .when().get("/api/v1/complaints/mine")
                .then().statusCode(200).body("items.id", contains(a1)).body("nextCursor", nullValue());

        // The complainant may open their complaint; another worker may not.
        worker(alice).when().get("/api/v1/stations/" + station + "/complaints/" + a1)
                .then().statusCode(200).body("id", equalTo(a1));
        worker(bob).when().get("/api/v1/stations/" + station + "/complaints/" + a1)
                .then().statusCode(403);
        as("manager-z", "station-manager").when().get("/api/v1/complaints/mine").then().statusCode(403);

        // Neither the complaints nor the idempotency keys carry the worker's subject.
        for (String table : List.of("station_complaint", "station_complaint_response", "idempotency_key")) {
            for (String subject : List.of(alice, bob)) {
                long rows = ((Number) em.createNativeQuery("select count(*) from " + table + " t where t::text like :p")
                        .setParameter("p", "%" + subject + "%").getSingleResult()).longValue();
                assertEquals(0, rows, table + " stores a subject");
            }
        }
    }
}
