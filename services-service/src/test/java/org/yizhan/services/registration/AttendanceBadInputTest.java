package org.yizhan.services.registration;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.yizhan.localstack.testing.YizhanTestResource;

import java.time.Instant;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.containsString;
import static org.yizhan.services.registration.RegistrationFixtures.ORGANISER;
import static org.yizhan.services.registration.RegistrationFixtures.admin;
import static org.yizhan.services.registration.RegistrationFixtures.draft;
import static org.yizhan.services.registration.RegistrationFixtures.newWorker;
import static org.yizhan.services.registration.RegistrationFixtures.partner;
import static org.yizhan.services.registration.RegistrationFixtures.published;
import static org.yizhan.services.registration.RegistrationFixtures.worker;

/** Every check-in and completion endpoint answers bad input and wrong callers with problem+json. */
@QuarkusTest
@WithTestResource(value = YizhanTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "yizhan_services"))
class AttendanceBadInputTest {

    static final String PROBLEM = "application/problem+json";

    @Test
    void checkInPasses() {
        String activity = published(3, 24 * 60);
        String path = "/api/v1/activities/" + activity + "/check-in-pass";
        given().when().post(path).then().statusCode(401).contentType(PROBLEM);
        partner(ORGANISER).when().post(path).then().statusCode(403).contentType(PROBLEM);
        worker(newWorker()).when().post("/api/v1/activities/" + UUID.randomUUID() + "/check-in-pass")
                .then().statusCode(404).contentType(PROBLEM);
        worker(newWorker()).when().post("/api/v1/activities/" + draft(3, 24 * 60, "[]") + "/check-in-pass")
                .then().statusCode(404).contentType(PROBLEM);
        admin().body("{\"reason\":\"取消\"}").when().post("/api/v1/activities/" + activity + "/cancel")
                .then().statusCode(200);
        worker(newWorker()).when().post(path).then().statusCode(409).contentType(PROBLEM);
    }

    @Test
    void checkInUploads() {
        String activity = published(3, 24 * 60);
        String path = "/api/v1/activities/" + activity + "/check-ins";
        String one = "{\"checkIns\":[{\"pass\":\"x\",\"scannedAt\":\"2026-12-12T06:05:00Z\"}]}";
        given().contentType("application/json").body(one).when().post(path).then().statusCode(401).contentType(PROBLEM);
        worker(newWorker()).body(one).when().post(path).then().statusCode(403).contentType(PROBLEM);
        partner("traffic-police").body(one).when().post(path).then().statusCode(403).contentType(PROBLEM);
        partner(ORGANISER).body("{\"checkIns\":[]}").when().post(path).then().statusCode(400).contentType(PROBLEM);
        partner(ORGANISER).body("{}").when().post(path).then().statusCode(400).contentType(PROBLEM);
        partner(ORGANISER).body("{\"checkIns\":[{\"pass\":\"x\"}]}").when().post(path).then().statusCode(400)
                .contentType(PROBLEM).body("errors[0].field", containsString("scannedAt"));
        partner(ORGANISER).body("{\"checkIns\":[{\"pass\":\"\",\"scannedAt\":\"2026-12-12T06:05:00Z\"}]}")
                .when().post(path).then().statusCode(400).contentType(PROBLEM);
        partner(ORGANISER).body("{\"checkIns\":[{\"pass\":\"x\",\"scannedAt\":\"yesterday\"}]}")
                .when().post(path).then().statusCode(400).contentType(PROBLEM);
        partner(ORGANISER).body("{\"checkIns\":[").when().post(path).then().statusCode(400).contentType(PROBLEM);
        StringBuilder many = new StringBuilder("{\"checkIns\":[");
        for (int i = 0; i < 501; i++) {
            many.append(i == 0 ? "" : ",").append("{\"pass\":\"x\",\"scannedAt\":\"").append(Instant.now()).append("\"}");
        }
        partner(ORGANISER).body(many.append("]}").toString()).when().post(path).then().statusCode(400)
                .contentType(PROBLEM).body("errors[0].field", containsString("checkIns"));
        admin().body(one).when().post("/api/v1/activities/" + UUID.randomUUID() + "/check-ins")
                .then().statusCode(404).contentType(PROBLEM);
        admin().body(one).when().post("/api/v1/activities/" + draft(3, 24 * 60, "[]") + "/check-ins")
                .then().statusCode(409).contentType(PROBLEM);
        // A well-formed upload of a bad pass is answered item by item, not failed.
        partner(ORGANISER).body(one).when().post(path).then().statusCode(200)
                .body("results[0].reason", equalTo("INVALID_PASS"));
    }

    @Test
    void completing() {
        String activity = published(3, 24 * 60);
        String path = "/api/v1/activities/" + activity + "/complete";
        given().when().post(path).then().statusCode(401).contentType(PROBLEM);
        worker(newWorker()).when().post(path).then().statusCode(403).contentType(PROBLEM);
        partner("traffic-police").when().post(path).then().statusCode(403).contentType(PROBLEM);
        admin().when().post("/api/v1/activities/" + UUID.randomUUID() + "/complete")
                .then().statusCode(404).contentType(PROBLEM);
        // Not started yet.
        partner(ORGANISER).when().post(path).then().statusCode(409).contentType(PROBLEM);
        admin().when().post("/api/v1/activities/" + draft(3, 24 * 60, "[]") + "/complete")
                .then().statusCode(409).contentType(PROBLEM);
        admin().when().get("/api/v1/activities/" + activity).then().body("status", equalTo("PUBLISHED"));
    }
}
