package org.yizhan.station;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import org.yizhan.kit.geo.Gcj02;
import org.yizhan.kit.geo.GeoPoint;
import org.yizhan.localstack.testing.TestTokens;
import org.yizhan.localstack.testing.TopicProbe;
import org.yizhan.localstack.testing.YizhanTestResource;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Updating, closing, verifying and managing stations: roles, optimistic locking, history, events. */
@QuarkusTest
@WithTestResource(value = YizhanTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "yizhan_station"))
class StationLifecycleTest {

    @Inject
    EntityManager em;

    static RequestSpecification as(String subject, String role) {
        return given().auth().oauth2(TestTokens.token(subject, role)).contentType(ContentType.JSON);
    }

    static String registerAs(String subject, String role) {
        return as(subject, role).body(StationRegistrationTest.body("生命周期驿站 " + UUID.randomUUID()))
                .post("/api/v1/stations").then().statusCode(201).extract().path("id");
    }

    static String details(String name) {
        return StationRegistrationTest.body(name).replace("\"district\": \"大兴区\",", """
                "district": "大兴区", "contactPhone": "010-6123 4567", "areaM2": 300, "seats": 24,
                "photos": ["https://img.example.org/a.jpg"], "listedIn": ["AMAP", "UNION_APP"],""");
    }

    @Test
    void aStationManagerUpdatesOwnStationsOnlyWithTheCurrentVersion() throws Exception {
        String manager = "manager-" + UUID.randomUUID();
        String id = registerAs(manager, "station-manager");
        String etag = given().get("/api/v1/stations/" + id).then().statusCode(200).extract().header("ETag");
        assertEquals("\"0\"", etag);

        try (TopicProbe topic = TopicProbe.open(StationRegistrationTest.TOPIC)) {
            as(manager, "station-manager").header("If-Match", etag).body(details("改名驿站"))
                    .put("/api/v1/stations/" + id)
                    .then().statusCode(200)
                    .header("ETag", "\"1\"")
                    .body("name", equalTo("改名驿站"))
                    .body("seats", equalTo(24))
                    .body("listedIn[1]", equalTo("UNION_APP"))
                    .body("version", equalTo(1));
            TopicProbe.Message message = topic.await(m -> id.equals(m.key()) && m.value().contains("station.updated"),
                    Duration.ofSeconds(20)).orElseThrow(() -> new AssertionError("no station.updated"));
            JsonNode event = new ObjectMapper().readTree(message.value());
            assertEquals(1, event.at("/data/version").asInt());
            assertEquals("改名驿站", event.at("/data/name").asText());
            assertEquals("UPDATED", event.at("/data/change").asText());
        }

        // The same (now stale) version again: refused, nothing changes.
        as(manager, "station-manager").header("If-Match", etag).body(details("第二次改名"))
                .put("/api/v1/stations/" + id)
                .then().statusCode(412).contentType("application/problem+json")
                .body("type", equalTo("urn:yizhan:problem:precondition-failed"));
        as(manager, "station-manager").body(details("没有版本"))
                .put("/api/v1/stations/" + id)
                .then().statusCode(428).contentType("application/problem+json");
        // Another manager may not touch it; a union admin may.
        as("manager-other", "station-manager").header("If-Match", "\"1\"").body(details("别人的"))
                .put("/api/v1/stations/" + id)
                .then().statusCode(403).contentType("application/problem+json");
        as("admin-1", "union-admin").header("If-Match", "\"1\"").body(details("管理员改名"))
                .put("/api/v1/stations/" + id)
                .then().statusCode(200).body("version", equalTo(2));
        given().get("/api/v1/stations/" + id).then().body("name", equalTo("管理员改名"));
    }

    @Test
    void closingNeedsAReasonAndReopeningClearsIt() throws Exception {
        String id = registerAs("admin-1", "union-admin");
        as("admin-1", "union-admin").body("{\"status\": \"TEMPORARILY_CLOSED\"}")
                .post("/api/v1/stations/" + id + "/status")
                .then().statusCode(400).body("errors[0].field", equalTo("reason"));
        as("admin-1", "union-admin").body("{\"status\": \"CLOSED\", \"reason\": \"搬迁\", \"expectedReopening\": \"2099-01-01\"}")
                .post("/api/v1/stations/" + id + "/status")
                .then().statusCode(400).body("errors[0].field", equalTo("expectedReopening"));
        as("admin-1", "union-admin").body("{\"status\": \"TEMPORARILY_CLOSED\", \"reason\": \"装修\", \"expectedReopening\": \"2000-01-01\"}")
                .post("/api/v1/stations/" + id + "/status")
                .then().statusCode(400).body("errors[0].field", equalTo("expectedReopening"));
        given().get("/api/v1/stations/" + id).then().body("status", equalTo("ACTIVE")).body("version", equalTo(0));

        String reopening = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(10).toString();
        try (TopicProbe topic = TopicProbe.open(StationRegistrationTest.TOPIC)) {
            as("admin-1", "union-admin")
                    .body("{\"status\": \"TEMPORARILY_CLOSED\", \"reason\": \"装修\", \"expectedReopening\": \"" + reopening + "\"}")
                    .post("/api/v1/stations/" + id + "/status")
                    .then().statusCode(200)
                    .body("status", equalTo("TEMPORARILY_CLOSED"))
                    .body("statusReason", equalTo("装修"))
                    .body("expectedReopening", equalTo(reopening));
            TopicProbe.Message message = topic.await(m -> id.equals(m.key()) && m.value().contains("station.status_changed"),
                    Duration.ofSeconds(20)).orElseThrow(() -> new AssertionError("no station.status_changed"));
            JsonNode event = new ObjectMapper().readTree(message.value());
            assertEquals("ACTIVE", event.at("/data/previousStatus").asText());
            assertEquals("TEMPORARILY_CLOSED", event.at("/data/status").asText());
        }
        as("admin-1", "union-admin").body("{\"status\": \"ACTIVE\"}")
                .post("/api/v1/stations/" + id + "/status")
                .then().statusCode(200).body("status", equalTo("ACTIVE"))
                .body("statusReason", nullValue()).body("expectedReopening", nullValue());
    }

    @Test
    void verificationAndEveryChangeAreKeptInTheHistory() {
        String id = registerAs("admin-1", "union-admin");
        as("admin-1", "union-admin").header("If-Match", "\"0\"").body(details("历史驿站"))
                .put("/api/v1/stations/" + id).then().statusCode(200);
        as("admin-1", "union-admin").body("{\"status\": \"CLOSED\", \"reason\": \"场地收回\"}")
                .post("/api/v1/stations/" + id + "/status").then().statusCode(200);
        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
        as("auditor-1", "union-admin").post("/api/v1/stations/" + id + "/verifications")
                .then().statusCode(200).body("lastVerifiedOn", equalTo(today));

        List<String> changes = as("admin-1", "union-admin").get("/api/v1/stations/" + id + "/history")
                .then().statusCode(200)
                .body("[0].changedBy", equalTo("auditor-1"))
                .body("[0].station.lastVerifiedOn", equalTo(today))
                .body("[2].station.name", equalTo("历史驿站"))
                .extract().path("change");
        assertEquals(List.of("VERIFIED", "STATUS_CHANGED", "UPDATED", "REGISTERED"), changes);
        // Paging backwards from the second entry.
        int second = as("admin-1", "union-admin").get("/api/v1/stations/" + id + "/history")
                .then().extract().path("[1].id");
        List<String> older = as("admin-1", "union-admin").queryParam("before", second)
                .get("/api/v1/stations/" + id + "/history").then().statusCode(200).extract().path("change");
        assertEquals(List.of("UPDATED", "REGISTERED"), older);
        as("rider-1", "worker").get("/api/v1/stations/" + id + "/history").then().statusCode(403);
    }

    @Test
    void unionAdminsAssignManagers() {
        String id = registerAs("admin-1", "union-admin");
        String manager = "assigned-" + UUID.randomUUID();
        as(manager, "station-manager").post("/api/v1/stations/" + id + "/verifications").then().statusCode(403);
        as(manager, "station-manager").put("/api/v1/stations/" + id + "/managers/" + manager).then().statusCode(403);

        as("admin-1", "union-admin").put("/api/v1/stations/" + id + "/managers/" + manager).then().statusCode(204);
        as("admin-1", "union-admin").put("/api/v1/stations/" + id + "/managers/" + manager).then().statusCode(204);
        as(manager, "station-manager").get("/api/v1/stations/" + id + "/managers")
                .then().statusCode(200).body("", equalTo(List.of(manager)));
        as(manager, "station-manager").post("/api/v1/stations/" + id + "/verifications").then().statusCode(200);

        as("admin-1", "union-admin").delete("/api/v1/stations/" + id + "/managers/" + manager).then().statusCode(204);
        as("admin-1", "union-admin").delete("/api/v1/stations/" + id + "/managers/" + manager)
                .then().statusCode(404).contentType("application/problem+json");
        as(manager, "station-manager").post("/api/v1/stations/" + id + "/verifications").then().statusCode(403);
    }

    /**
     * Two admins assigning the same person at once, and others at the same moment: each PUT is
     * answered 204 (it is idempotent), each person manages the station once, and the history holds
     * one change per person.
     */
    @Test
    void managersAssignedAtTheSameMomentAreAllAssignedOnce() throws Exception {
        String id = registerAs("admin-1", "union-admin");
        List<String> people = List.of("same-" + UUID.randomUUID(), "other-" + UUID.randomUUID(),
                "third-" + UUID.randomUUID());
        List<Callable<Integer>> puts = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            for (String person : people) {
                puts.add(() -> as("admin-1", "union-admin").put("/api/v1/stations/" + id + "/managers/" + person)
                        .then().extract().statusCode());
            }
        }
        assertEquals(Collections.nCopies(puts.size(), 204), atOnce(puts));
        List<String> managers = as("admin-1", "union-admin").get("/api/v1/stations/" + id + "/managers")
                .then().statusCode(200).extract().path("");
        assertEquals(people.stream().sorted().toList(), managers.stream().filter(people::contains).sorted().toList());
        assertEquals(3, changes(id).stream().filter("MANAGER_ADDED"::equals).count());
    }

    /**
     * Verifications and status changes carry no version (no If-Match): several at the same moment
     * are each answered 200, one after the other, and each is in the history.
     */
    @Test
    void verificationsAndStatusChangesAtTheSameMomentAreEachAnswered() throws Exception {
        String id = registerAs("admin-1", "union-admin");
        List<Callable<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            calls.add(() -> as("admin-1", "union-admin").post("/api/v1/stations/" + id + "/verifications")
                    .then().extract().statusCode());
            String status = i % 2 == 0 ? "TEMPORARILY_CLOSED" : "ACTIVE";
            calls.add(() -> as("admin-1", "union-admin")
                    .body("{\"status\": \"" + status + "\", \"reason\": \"水管维修\"}")
                    .post("/api/v1/stations/" + id + "/status").then().extract().statusCode());
        }
        assertEquals(Collections.nCopies(calls.size(), 200), atOnce(calls));
        assertEquals(4, changes(id).stream().filter("VERIFIED"::equals).count());
    }

    /** The calls' answers, the calls released together from threads of their own. */
    static List<Integer> atOnce(List<Callable<Integer>> calls) throws Exception {
        ExecutorService callers = Executors.newFixedThreadPool(calls.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> answers = new ArrayList<>();
            for (Callable<Integer> call : calls) {
                answers.add(callers.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get(30, TimeUnit.SECONDS));
            }
            return statuses;
        } finally {
            callers.shutdownNow();
        }
    }

    static List<String> changes(String id) {
        return as("admin-1", "union-admin").queryParam("limit", 50).get("/api/v1/stations/" + id + "/history")
                .then().statusCode(200).extract().path("change");
    }

    @Test
    void clientsMaySendAndReceiveGcj02() {
        GeoPoint wgs84 = new GeoPoint(39.7046, 116.3127);
        GeoPoint gcj02 = Gcj02.toGcj02(wgs84);
        String body = StationRegistrationTest.body("火星坐标驿站 " + UUID.randomUUID())
                .replace("39.7452", String.valueOf(gcj02.latitude()))
                .replace("116.2893", String.valueOf(gcj02.longitude()));
        String id = as("admin-1", "union-admin").queryParam("coordSys", "gcj02").body(body)
                .post("/api/v1/stations").then().statusCode(201)
                .body("coordSys", equalTo("gcj02"))
                .extract().path("id");

        double[] stored = QuarkusTransaction.requiringNew().call(() -> {
            Object[] row = (Object[]) em.createNativeQuery("select latitude, longitude from station where id = :id")
                    .setParameter("id", UUID.fromString(id)).getSingleResult();
            return new double[] {((Number) row[0]).doubleValue(), ((Number) row[1]).doubleValue()};
        });
        assertEquals(wgs84.latitude(), stored[0], 1e-7, "stored as WGS-84");
        assertEquals(wgs84.longitude(), stored[1], 1e-7, "stored as WGS-84");

        float lat = given().queryParam("coordSys", "GCJ02").get("/api/v1/stations/" + id)
                .then().statusCode(200).extract().path("location.latitude");
        assertEquals(gcj02.latitude(), lat, 1e-5);
        given().queryParam("coordSys", "bd09").get("/api/v1/stations/" + id)
                .then().statusCode(400).body("errors[0].field", equalTo("coordSys"));
    }

    @Test
    void badDetailsNameTheField() {
        long before = QuarkusTransaction.requiringNew().call(() ->
                ((Number) em.createNativeQuery("select count(*) from station").getSingleResult()).longValue());
        as("admin-1", "union-admin").body(details("x").replace("https://img.example.org/a.jpg", "ftp://nope"))
                .post("/api/v1/stations").then().statusCode(400).body("errors[0].field", startsWith("photos"));
        as("admin-1", "union-admin").body(details("x").replace("010-6123 4567", "call me"))
                .post("/api/v1/stations").then().statusCode(400).body("errors[0].field", equalTo("contactPhone"));
        as("admin-1", "union-admin").body(details("x").replace("\"UNION_APP\"", "\"WECHAT\""))
                .post("/api/v1/stations").then().statusCode(400).body("errors[0].field", startsWith("listedIn"));
        long after = QuarkusTransaction.requiringNew().call(() ->
                ((Number) em.createNativeQuery("select count(*) from station").getSingleResult()).longValue());
        assertEquals(before, after);
        assertTrue(after > 0);
    }
}
