package org.yizhan.services.activity;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import org.yizhan.localstack.testing.TestTokens;
import org.yizhan.localstack.testing.YizhanTestResource;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Bad input on every activity endpoint: a clear problem, and nothing changes. */
@QuarkusTest
@WithTestResource(value = YizhanTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "yizhan_services"))
class ActivityBadInputTest {

    static final String ADMIN = TestTokens.token("admin-2", "union-admin");
    static final String WORKER = TestTokens.token("courier-3", "worker");

    @Inject
    EntityManager em;

    long activities() {
        return QuarkusTransaction.requiringNew().call(() ->
                ((Number) em.createNativeQuery("select count(*) from activity").getSingleResult()).longValue());
    }

    @Test
    void invalidActivitiesAreRejectedWithEveryFieldNamed() {
        UUID station = ActivityFixtures.venue(em, "ACTIVE", 39.7, 116.3);
        UUID closed = ActivityFixtures.venue(em, "CLOSED", 39.7, 116.3);
        long before = activities();

        given().auth().oauth2(ADMIN).contentType("application/json").body("{")
                .when().post("/api/v1/activities")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", not(containsString("Exception")));
        given().auth().oauth2(ADMIN).contentType("application/json").body("{}")
                .when().post("/api/v1/activities")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems("type", "title", "stationId", "startsAt", "endsAt"));
        given().auth().oauth2(ADMIN).contentType("application/json")
                .body(ActivityFixtures.body(station, "x", 2, "\"occupations\":[\"ASTRONAUT\"]"))
                .when().post("/api/v1/activities")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", containsString("occupations"));
        // The body's constraints and the activity's rules answer in one problem.
        given().auth().oauth2(ADMIN).contentType("application/json")
                .body(ActivityFixtures.body(closed, " ", 2, null).replace("HAIRCUT", "SKYDIVING"))
                .when().post("/api/v1/activities")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("stationId", "title", "type"))
                .body("detail", equalTo("3 个字段不合法"));
        given().auth().oauth2(ADMIN).contentType("application/json")
                .body(ActivityFixtures.body(station, "x", 2, null).replace("\"capacity\":30", "\"capacity\":0"))
                .when().post("/api/v1/activities")
                .then().statusCode(400).body("errors.field", hasItem("capacity"));
        given().auth().oauth2(ADMIN).contentType("application/json")
                .body(ActivityFixtures.body(station, "x", 2, null).replace("HAIRCUT", "SKYDIVING"))
                .when().post("/api/v1/activities")
                .then().statusCode(400).body("errors.field", hasItem("type"));
        given().auth().oauth2(ADMIN).contentType("application/json")
                .body(ActivityFixtures.body(closed, "x", 2, null))
                .when().post("/api/v1/activities")
                .then().statusCode(400).body("errors.field", hasItem("stationId"));
        given().auth().oauth2(ADMIN).contentType("application/json")
                .body(ActivityFixtures.body(UUID.randomUUID(), "x", 2, null))
                .when().post("/api/v1/activities")
                .then().statusCode(400).body("errors.field", hasItem("stationId"));
        given().auth().oauth2(ADMIN).contentType("application/json")
                .body(ActivityFixtures.body(station, "x", -2, null))
                .when().post("/api/v1/activities")
                .then().statusCode(400).body("errors.field", hasItem("startsAt"));
        given().auth().oauth2(ADMIN).contentType("application/json")
                .body(ActivityFixtures.body(station, "x", 2, "\"organisers\":[\"nobody-we-know\"]"))
                .when().post("/api/v1/activities")
                .then().statusCode(400).body("errors.field", hasItem("organisers"));
        String reversed = """
                {"type":"HAIRCUT","title":"x","stationId":"%s","startsAt":"2030-01-02T10:00:00Z","endsAt":"2030-01-02T09:00:00Z"}
                """.formatted(station);
        given().auth().oauth2(ADMIN).contentType("application/json").body(reversed)
                .when().post("/api/v1/activities")
                .then().statusCode(400).body("errors.field", hasItem("endsAt"));
        given().auth().oauth2(ADMIN).header("Idempotency-Key", "has spaces").contentType("application/json")
                .body(ActivityFixtures.body(station, "x", 2, null))
                .when().post("/api/v1/activities")
                .then().statusCode(400).body("errors.field", hasItem("Idempotency-Key"));

        assertEquals(before, activities());
    }

    @Test
    void rolesAreEnforced() {
        UUID station = ActivityFixtures.venue(em, "ACTIVE", 39.7, 116.3);
        given().contentType("application/json").body(ActivityFixtures.body(station, "x", 2, null))
                .when().post("/api/v1/activities").then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(WORKER).contentType("application/json").body(ActivityFixtures.body(station, "x", 2, null))
                .when().post("/api/v1/activities").then().statusCode(403).contentType("application/problem+json");
        // A partner token must name a registered partner.
        given().auth().oauth2(TestTokens.partnerToken("rogue", "not-a-partner")).contentType("application/json")
                .body(ActivityFixtures.body(station, "x", 2, null))
                .when().post("/api/v1/activities").then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.token("no-org", "partner")).contentType("application/json")
                .body(ActivityFixtures.body(station, "x", 2, null))
                .when().post("/api/v1/activities").then().statusCode(403);
        given().when().get("/api/v1/activities").then().statusCode(401);
    }

    @Test
    void badParametersAndUnknownIds() {
        given().auth().oauth2(WORKER).queryParam("lat", 39.7)
                .when().get("/api/v1/activities")
                .then().statusCode(400).body("errors[0].field", equalTo("lon"));
        given().auth().oauth2(WORKER).queryParam("lat", 91).queryParam("lon", 116)
                .when().get("/api/v1/activities").then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(WORKER).queryParam("lat", 39).queryParam("lon", 116).queryParam("radiusKm", 500)
                .when().get("/api/v1/activities").then().statusCode(400);
        given().auth().oauth2(WORKER).queryParam("occupation", "PILOT")
                .when().get("/api/v1/activities").then().statusCode(400);
        given().auth().oauth2(WORKER).queryParam("from", "yesterday")
                .when().get("/api/v1/activities").then().statusCode(400);
        given().auth().oauth2(WORKER).queryParam("from", "2030-01-02T00:00:00Z").queryParam("to", "2030-01-01T00:00:00Z")
                .when().get("/api/v1/activities").then().statusCode(400).body("errors[0].field", equalTo("to"));
        given().auth().oauth2(WORKER).queryParam("cursor", "%%%")
                .when().get("/api/v1/activities").then().statusCode(400);
        given().auth().oauth2(WORKER).queryParam("limit", 0)
                .when().get("/api/v1/activities").then().statusCode(400);
        given().auth().oauth2(WORKER).when().get("/api/v1/activities/not-a-uuid")
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(WORKER).header("Accept-Language", "en").when().get("/api/v1/activities/" + UUID.randomUUID())
                .then().statusCode(404).body("detail", equalTo("Activity does not exist"));
        given().auth().oauth2(ADMIN).when().post("/api/v1/activities/" + UUID.randomUUID() + "/publish")
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(ADMIN).contentType("application/json").body("{\"reason\":\"  \"}")
                .when().post("/api/v1/activities/" + UUID.randomUUID() + "/cancel")
                .then().statusCode(400).body("errors[0].field", containsString("reason"));
        given().auth().oauth2(ADMIN).queryParam("status", "HALF_DONE")
                .when().get("/api/v1/activities/organised").then().statusCode(400);
    }

    @Test
    void theCatalogueIsReadByAllAndExtendedByAdmins() {
        given().auth().oauth2(WORKER).when().get("/api/v1/activities/types")
                .then().statusCode(200).body("code", hasItems("HAIRCUT", "BIRTHDAY_PARTY", "TRAFFIC_SAFETY_TRAINING"));
        given().auth().oauth2(WORKER).when().get("/api/v1/activities/partners")
                .then().statusCode(200).body("code", hasItems("youth-league", "womens-federation", "union"));

        String code = "TYPE_" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String entry = "{\"code\":\"" + code + "\",\"nameZh\":\"中医推拿\",\"nameEn\":\"Massage\"}";
        given().auth().oauth2(WORKER).contentType("application/json").body(entry)
                .when().post("/api/v1/activities/types").then().statusCode(403);
        given().auth().oauth2(ADMIN).contentType("application/json").body(entry)
                .when().post("/api/v1/activities/types").then().statusCode(201).body("builtin", equalTo(false));
        given().auth().oauth2(ADMIN).contentType("application/json").body(entry)
                .when().post("/api/v1/activities/types").then().statusCode(409).contentType("application/problem+json");
        given().auth().oauth2(ADMIN).contentType("application/json")
                .body("{\"code\":\"lower\",\"nameZh\":\"x\",\"nameEn\":\"x\"}")
                .when().post("/api/v1/activities/types").then().statusCode(400).body("errors[0].field", equalTo("code"));
        given().auth().oauth2(ADMIN).contentType("application/json")
                .body("{\"code\":\"Street Office\",\"nameZh\":\"街道办\",\"nameEn\":\"Street office\"}")
                .when().post("/api/v1/activities/partners").then().statusCode(400).body("errors[0].field", equalTo("code"));
        String partner = "street-" + UUID.randomUUID().toString().substring(0, 6);
        given().auth().oauth2(ADMIN).contentType("application/json")
                .body("{\"code\":\"" + partner + "\",\"nameZh\":\"街道办\",\"nameEn\":\"Street office\"}")
                .when().post("/api/v1/activities/partners").then().statusCode(201);
        given().auth().oauth2(WORKER).when().get("/api/v1/activities/partners")
                .then().statusCode(200).body("code", hasItem(partner));
    }
}
