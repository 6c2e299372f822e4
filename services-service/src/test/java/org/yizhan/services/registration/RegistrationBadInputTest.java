package org.yizhan.services.registration;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.yizhan.localstack.testing.TestTokens;
import org.yizhan.localstack.testing.YizhanTestResource;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.yizhan.services.registration.RegistrationFixtures.ORGANISER;
import static org.yizhan.services.registration.RegistrationFixtures.admin;
import static org.yizhan.services.registration.RegistrationFixtures.draft;
import static org.yizhan.services.registration.RegistrationFixtures.newWorker;
import static org.yizhan.services.registration.RegistrationFixtures.partner;
import static org.yizhan.services.registration.RegistrationFixtures.published;
import static org.yizhan.services.registration.RegistrationFixtures.worker;

/** Every registration and attendance endpoint answers bad input and wrong callers with problem+json. */
@QuarkusTest
@WithTestResource(value = YizhanTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "yizhan_services"))
class RegistrationBadInputTest {

    static final String PROBLEM = "application/problem+json";
    static final String COURIER = "{\"occupation\":\"COURIER\"}";

    @Test
    void registering() {
        String activity = published(5, 24 * 60, "[\"COURIER\"]");
        String path = "/api/v1/activities/" + activity + "/registrations";
        given().contentType("application/json").body(COURIER).when().post(path)
                .then().statusCode(401).contentType(PROBLEM);
        partner(ORGANISER).body(COURIER).when().post(path).then().statusCode(403).contentType(PROBLEM);
        admin().body(COURIER).when().post(path).then().statusCode(403).contentType(PROBLEM);
        String w = newWorker();
        worker(w).body("{}").when().post(path).then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("occupation"));
        worker(w).body("{\"occupation\":\"PILOT\"}").when().post(path).then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("occupation"));
        worker(w).body("{\"occupation\":").when().post(path).then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("urn:yizhan:problem:malformed-json"));
        worker(w).when().post(path).then().statusCode(400).contentType(PROBLEM);
        // Open to couriers only.
        worker(w).body("{\"occupation\":\"TRUCK_DRIVER\"}").when().post(path).then().statusCode(400)
                .contentType(PROBLEM).body("errors[0].field", equalTo("occupation"));
        worker(w).body(COURIER).when().post("/api/v1/activities/" + UUID.randomUUID() + "/registrations")
                .then().statusCode(404).contentType(PROBLEM);
        worker(w).body(COURIER).when().post("/api/v1/activities/not-a-uuid/registrations")
                .then().statusCode(404).contentType(PROBLEM);
        // A draft is invisible to workers.
        worker(w).body(COURIER).when().post("/api/v1/activities/" + draft(5, 24 * 60, "[]") + "/registrations")
                .then().statusCode(404).contentType(PROBLEM);
        // Nothing of the above registered anybody.
        admin().when().get(path).then().statusCode(200).body("placesTaken", equalTo(0));
    }

    @Test
    void myRegistrations() {
        String activity = published(1, 24 * 60);
        String mine = "/api/v1/activities/" + activity + "/registrations/mine";
        String w = newWorker();
        given().when().get(mine).then().statusCode(401).contentType(PROBLEM);
        admin().when().get(mine).then().statusCode(403).contentType(PROBLEM);
        worker(w).when().get(mine).then().statusCode(404).contentType(PROBLEM);
        worker(w).when().delete(mine).then().statusCode(404).contentType(PROBLEM);
        worker(w).when().post(mine + "/confirm").then().statusCode(404).contentType(PROBLEM);
        given().when().delete(mine).then().statusCode(401).contentType(PROBLEM);
        partner(ORGANISER).when().post(mine + "/confirm").then().statusCode(403).contentType(PROBLEM);

        worker(newWorker()).body(COURIER).when().post("/api/v1/activities/" + activity + "/registrations")
                .then().statusCode(201).body("status", equalTo("REGISTERED"));
        worker(w).body(COURIER).when().post("/api/v1/activities/" + activity + "/registrations")
                .then().statusCode(201).body("status", equalTo("WAITLISTED"));
        worker(w).when().post(mine + "/confirm").then().statusCode(409).contentType(PROBLEM);

        String all = "/api/v1/activities/registrations/mine";
        given().when().get(all).then().statusCode(401).contentType(PROBLEM);
        partner(ORGANISER).when().get(all).then().statusCode(403).contentType(PROBLEM);
        worker(w).queryParam("limit", 0).when().get(all).then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("limit"));
        worker(w).queryParam("limit", 101).when().get(all).then().statusCode(400).contentType(PROBLEM);
        worker(w).queryParam("cursor", "%%%").when().get(all).then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("cursor"));
    }

    @Test
    void theRosterIsForTheActivitysOrganisersOnly() {
        String activity = published(3, 24 * 60);
        String roster = "/api/v1/activities/" + activity + "/registrations";
        worker(newWorker()).body(COURIER).when().post(roster).then().statusCode(201);
        given().when().get(roster).then().statusCode(401).contentType(PROBLEM);
        worker(newWorker()).when().get(roster).then().statusCode(403).contentType(PROBLEM);
        partner("traffic-police").when().get(roster).then().statusCode(403).contentType(PROBLEM);
        partner("no-such-partner").when().get(roster).then().statusCode(403).contentType(PROBLEM);
        partner(ORGANISER).when().get(roster).then().statusCode(200)
                .body("counts.REGISTERED", equalTo(1))
                .body("items[0].participant", not(containsString("rider-")));
        admin().queryParam("status", "BOGUS").when().get(roster).then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("status"));
        admin().queryParam("status", "WAITLISTED").when().get(roster).then().statusCode(200)
                .body("items.size()", equalTo(0));
        admin().queryParam("limit", 201).when().get(roster).then().statusCode(400).contentType(PROBLEM);
        admin().queryParam("cursor", "xyz").when().get(roster).then().statusCode(400).contentType(PROBLEM);
        admin().when().get("/api/v1/activities/" + UUID.randomUUID() + "/registrations")
                .then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void noResponseCarriesTheTokenSubject() {
        String subject = "rider-secret-" + UUID.randomUUID();
        String activity = published(3, 24 * 60);
        String body = given().auth().oauth2(TestTokens.token(subject, "worker")).contentType("application/json")
                .body(COURIER).when().post("/api/v1/activities/" + activity + "/registrations")
                .then().statusCode(201).extract().asString();
        org.junit.jupiter.api.Assertions.assertFalse(body.contains(subject));
        String roster = admin().when().get("/api/v1/activities/" + activity + "/registrations").then().statusCode(200)
                .extract().asString();
        org.junit.jupiter.api.Assertions.assertFalse(roster.contains(subject));
    }
}
