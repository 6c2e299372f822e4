package org.yizhan.checkup.campaign;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.yizhan.events.Topics;
import org.yizhan.localstack.testing.ServiceDatabase;
import org.yizhan.localstack.testing.TopicProbe;
import org.yizhan.localstack.testing.YizhanTestResource;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.yizhan.localstack.testing.TestTokens.token;

/** Campaigns planned, published and read through the API, on real PostgreSQL and Kafka. */
@QuarkusTest
@WithTestResource(value = YizhanTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "yizhan_checkup"))
class CampaignTest {

    private static final String ADMIN = token("union-admin-1", "union-admin");
    private static final String WORKER = token("rider-7", "worker");

    static String campaign(String name, int year, String opens, String closes) {
        return """
                {"name": "%s", "year": %d, "organiser": "大兴区总工会",
                 "packages": [{"occupation": "FOOD_DELIVERY", "items": ["BASIC", "BLOOD_ROUTINE", "SPINE"]},
                              {"occupation": "TRUCK_DRIVER", "items": ["BASIC", "BLOOD_ROUTINE", "ECG"]}],
                 "clinics": ["daxing-district-hospital"],
                 "bookingOpensAt": "%s", "bookingClosesAt": "%s"}
                """.formatted(name, year, opens, closes);
    }

    static String future(String name, int year) {
        return campaign(name, year, "2026-01-01T00:00:00Z", "2099-12-31T15:59:59Z");
    }

    private static Response create(String body, String idempotencyKey) {
        var request = given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(body);
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return request.post("/api/v1/checkups/campaigns");
    }

    @Test
    void anAdminPlansADraftAndARetryWithTheSameKeyAnswersTheSameDraft() {
        String key = "campaign-" + UUID.randomUUID();
        Response first = create(future("2026年大兴区骑手免费体检", 2026), key);
        first.then().statusCode(201)
                .header("Location", notNullValue())
                .header("ETag", equalTo("\"0\""))
                .body("status", equalTo("DRAFT"))
                .body("packages.occupation", containsInAnyOrder("FOOD_DELIVERY", "TRUCK_DRIVER"))
                .body("packages.find { it.occupation == 'TRUCK_DRIVER' }.items", hasItem("ECG"));
        String id = first.path("id");

        create(future("2026年大兴区骑手免费体检", 2026), key).then().statusCode(200).body("id", equalTo(id));
        create(future("另一个活动", 2026), key).then().statusCode(422);
    }

    @Test
    void invalidCampaignsAreRefusedWithEveryFieldListedAndNothingStored() throws SQLException {
        long before = campaigns();
        String body = """
                {"name": "", "year": 1999, "organiser": "大兴区总工会",
                 "packages": [{"occupation": "COURIER", "items": ["BASIC", "BASIC"]},
                              {"occupation": "COURIER", "items": ["ECG"]},
                              {"occupation": "ASTRONAUT", "items": ["ECG"]}],
                 "clinics": ["Daxing Hospital"],
                 "bookingOpensAt": "2026-12-31T00:00:00Z", "bookingClosesAt": "2026-12-01T00:00:00Z"}
                """;
        create(body, null).then().statusCode(400).contentType("application/problem+json");
        String valid = future("x", 2026);
        create(valid.replace("\"year\": 2026", "\"year\": 1999").replace("\"name\": \"x\"", "\"name\": \"\""), null)
                .then().statusCode(400)
                .body("errors.field", containsInAnyOrder("name", "year"));
        create(campaign("x", 2026, "2026-12-31T00:00:00Z", "2026-12-01T00:00:00Z")
                .replace("\"items\": [\"BASIC\", \"BLOOD_ROUTINE\", \"SPINE\"]", "\"items\": [\"BASIC\", \"BASIC\"]")
                .replace("\"TRUCK_DRIVER\"", "\"FOOD_DELIVERY\"")
                .replace("daxing-district-hospital", "Daxing Hospital"), null)
                .then().statusCode(400)
                .body("errors.field", containsInAnyOrder("bookingClosesAt", "packages[0].items",
                        "packages[1].occupation", "clinics[0]"));
        create("{\"name\": ", null).then().statusCode(400);
        given().auth().oauth2(ADMIN).contentType(ContentType.TEXT).body("name=x").post("/api/v1/checkups/campaigns")
                .then().statusCode(415);
        assertEquals(before, campaigns(), "nothing stored");
    }

    @Test
    void onlyUnionAdminsPlanCampaignsAndWorkersNeverSeeDrafts() {
        given().auth().oauth2(WORKER).contentType(ContentType.JSON).body(future("x", 2026))
                .post("/api/v1/checkups/campaigns").then().statusCode(403);
        given().contentType(ContentType.JSON).body(future("x", 2026))
                .post("/api/v1/checkups/campaigns").then().statusCode(401);
        String draft = create(future("草稿", 2041), null).then().statusCode(201).extract().path("id");

        given().auth().oauth2(WORKER).get("/api/v1/checkups/campaigns/" + draft).then().statusCode(404);
        given().auth().oauth2(WORKER).queryParam("year", 2041).get("/api/v1/checkups/campaigns")
                .then().statusCode(200).body("items.id", not(hasItem(draft)));
        given().auth().oauth2(token("staff-1", "union-staff")).get("/api/v1/checkups/campaigns/" + draft)
                .then().statusCode(200).body("status", equalTo("DRAFT"));
        given().auth().oauth2(WORKER).post("/api/v1/checkups/campaigns/" + draft + "/publish").then().statusCode(403);
    }

    @Test
    void publishingOpensTheCampaignToWorkersAndAnnouncesItOnTheCheckupTopic() {
        String id = create(future("2026年货车司机免费体检", 2042), null).then().statusCode(201).extract().path("id");
        try (TopicProbe topic = TopicProbe.open(Topics.CHECKUP)) {
            given().auth().oauth2(ADMIN).post("/api/v1/checkups/campaigns/" + id + "/publish")
                    .then().statusCode(200).body("status", equalTo("PUBLISHED")).body("version", equalTo(1));
            TopicProbe.Message event = topic.await(m -> id.equals(m.key()), Duration.ofSeconds(30))
                    .orElseThrow(() -> new AssertionError("no campaign.published"));
            assertTrue(event.value().contains("\"type\":\"campaign.published\""), event.value());
            assertTrue(event.value().contains("\"version\":1"), event.value());
            assertFalse(event.value().contains("union-admin-1"), "no person in the event");
        }
        given().auth().oauth2(ADMIN).post("/api/v1/checkups/campaigns/" + id + "/publish")
                .then().statusCode(200).body("version", equalTo(1));
        given().auth().oauth2(WORKER).get("/api/v1/checkups/campaigns/" + id)
                .then().statusCode(200).body("status", equalTo("PUBLISHED"));
    }

    @Test
    void aCampaignWhoseWindowHasPassedCannotBePublished() {
        String id = create(campaign("去年的体检", 2025, "2025-03-01T00:00:00Z", "2025-04-01T00:00:00Z"), null)
                .then().statusCode(201).extract().path("id");
        given().auth().oauth2(ADMIN).post("/api/v1/checkups/campaigns/" + id + "/publish")
                .then().statusCode(409).contentType("application/problem+json");
        given().auth().oauth2(ADMIN).post("/api/v1/checkups/campaigns/" + UUID.randomUUID() + "/publish")
                .then().statusCode(404);
    }

    @Test
    void listsPageWithACursorAndRefuseBadParameters() {
        List<String> made = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            made.add(create(future("分页 " + i, 2043), null).then().statusCode(201).extract().path("id"));
        }
        Response first = given().auth().oauth2(ADMIN).queryParam("year", 2043).queryParam("limit", 2)
                .get("/api/v1/checkups/campaigns");
        first.then().statusCode(200).body("items", hasSize(2)).body("nextCursor", notNullValue());
        Response second = given().auth().oauth2(ADMIN).queryParam("year", 2043).queryParam("limit", 2)
                .queryParam("cursor", first.path("nextCursor").toString()).get("/api/v1/checkups/campaigns");
        second.then().statusCode(200).body("items", hasSize(1));
        assertNull(second.path("nextCursor"));
        List<String> seen = new ArrayList<>(first.path("items.id"));
        seen.addAll(second.path("items.id"));
        java.util.Collections.reverse(made);
        assertEquals(made, seen, "newest first, each once");

        given().auth().oauth2(ADMIN).queryParam("status", ",").get("/api/v1/checkups/campaigns").then().statusCode(400);
        given().auth().oauth2(ADMIN).queryParam("status", "OPEN").get("/api/v1/checkups/campaigns").then().statusCode(400);
        given().auth().oauth2(ADMIN).queryParam("year", "abc").get("/api/v1/checkups/campaigns")
                .then().statusCode(400).body("errors.field", hasItem("year"));
        given().auth().oauth2(ADMIN).queryParam("limit", 0).get("/api/v1/checkups/campaigns").then().statusCode(400);
        given().auth().oauth2(ADMIN).queryParam("cursor", "garbage").get("/api/v1/checkups/campaigns")
                .then().statusCode(400);
    }

    private static long campaigns() throws SQLException {
        try (Connection c = ServiceDatabase.open(); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("select count(*) from campaign")) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
