package org.yizhan.station;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import org.yizhan.localstack.testing.TestTokens;
import org.yizhan.localstack.testing.TopicProbe;
import org.yizhan.localstack.testing.YizhanTestResource;

import java.time.Duration;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@WithTestResource(value = YizhanTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "yizhan_station"))
class StationRegistrationTest {

    static final String TOPIC = "yizhan.station.v1";

    @Inject
    EntityManager em;

    static String body(String name) {
        return """
                {"name": "%s", "hostType": "RESTAURANT", "hostOrganisation": "狼垡小哥驿站",
                 "address": "北京市大兴区黄村镇狼垡", "district": "大兴区",
                 "location": {"latitude": 39.7452, "longitude": 116.2893}}
                """.formatted(name);
    }

    @Test
    void registeredStationIsStoredReadablePubliclyAndPublishedAsCloudEvent() throws Exception {
        String name = "小哥驿站 " + UUID.randomUUID();
        try (TopicProbe topic = TopicProbe.open(TOPIC)) {
            String id = given().auth().oauth2(TestTokens.token("admin-1", "union-admin"))
                    .contentType(ContentType.JSON).body(body(name))
                    .when().post("/api/v1/stations")
                    .then().statusCode(201)
                    .body("id", notNullValue())
                    .body("name", equalTo(name))
                    .body("status", equalTo("ACTIVE"))
                    .body("location.latitude", equalTo(39.7452f))
                    .extract().path("id");

            given().when().get("/api/v1/stations/" + id)
                    .then().statusCode(200).body("name", equalTo(name)).body("hostType", equalTo("RESTAURANT"));

            TopicProbe.Message message = topic.await(m -> id.equals(m.key()), Duration.ofSeconds(20))
                    .orElseThrow(() -> new AssertionError("station.registered not published"));
            assertEquals("application/cloudevents+json", message.headers().get("content-type"));
            JsonNode event = new ObjectMapper().readTree(message.value());
            assertEquals("1.0", event.get("specversion").asText());
            assertEquals("station.registered", event.get("type").asText());
            assertEquals("/yizhan/station-service", event.get("source").asText());
            assertEquals(id, event.get("subject").asText());
            assertNotNull(UUID.fromString(event.get("id").asText()));
            assertTrue(event.hasNonNull("time"));
            assertEquals(id, event.at("/data/stationId").asText());
            assertEquals(name, event.at("/data/name").asText());
            assertEquals(116.2893, event.at("/data/longitude").asDouble());
        }
    }

    @Test
    void theLocationHeaderNamesTheNewStation() {
        var response = given().auth().oauth2(TestTokens.token("manager-1", "station-manager"))
                .contentType(ContentType.JSON).body(body("绿地缤纷城驿站 " + UUID.randomUUID()))
                .when().post("/api/v1/stations");
        response.then().statusCode(201);
        String id = response.path("id");
        assertTrue(response.header("Location").endsWith("/api/v1/stations/" + id), response.header("Location"));
    }

    @Test
    void listsPageWithACursorWithoutRepeatsOrGaps() {
        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(TestTokens.token("admin-1", "union-admin"))
                    .contentType(ContentType.JSON).body(body("分页驿站 " + i + " " + UUID.randomUUID()))
                    .post("/api/v1/stations").then().statusCode(201);
        }
        long total = ((Number) em.createNativeQuery("select count(*) from station").getSingleResult()).longValue();
        java.util.Set<String> seen = new java.util.HashSet<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = given().queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            var page = request.when().get("/api/v1/stations").then().statusCode(200).extract();
            java.util.List<String> ids = page.path("items.id");
            assertTrue(ids.size() <= 2);
            ids.forEach(id -> assertTrue(seen.add(id), "repeated " + id));
            cursor = page.path("nextCursor");
            pages++;
        } while (cursor != null && pages < 1000);
        assertTrue(total >= 3);
        assertEquals(total, seen.size());
    }
}
