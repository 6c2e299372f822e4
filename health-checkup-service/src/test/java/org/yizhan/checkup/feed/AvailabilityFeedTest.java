package org.yizhan.checkup.feed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.yizhan.localstack.testing.ServiceDatabase;
import org.yizhan.localstack.testing.YizhanTestResource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The SMART Scheduling Links feed: public, complete, consistent with the slot counters, no personal data. */
@QuarkusTest
@WithTestResource(value = YizhanTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "yizhan_checkup"))
class AvailabilityFeedTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CLINIC = "daxing-feed-clinic";

    @Test
    void theFeedPublishesOpenCampaignsFutureSlotsWithFreeAndBusyMatchingTheCounters() throws Exception {
        CampaignSetup open = CampaignSetup.published(2026, CLINIC, "FOOD_DELIVERY", "TRUCK_DRIVER");
        String site = open.site("大兴区人民医院体检中心");
        List<String> slots = open.slots(site, 9, 4, 4);
        open.book(slots.get(0), "FOOD_DELIVERY");
        open.book(slots.get(0), "TRUCK_DRIVER");
        open.hold(slots.get(0), "FOOD_DELIVERY");
        for (int i = 0; i < 4; i++) {
            open.book(slots.get(1), "FOOD_DELIVERY");
        }
        // A slot that has started is no longer offered.
        CampaignSetup.sql("update slot set starts_at = now() - interval '1 hour', ends_at = now() - interval '30 minutes'"
                + " where id = ?::uuid", slots.get(3));

        CampaignSetup draft = CampaignSetup.draft(2026, CLINIC, "COURIER");
        String draftSite = draft.site("草稿地点");
        draft.slots(draftSite, 9, 1, 5);
        CampaignSetup closed = CampaignSetup.published(2026, CLINIC, "COURIER");
        String closedSite = closed.site("已截止地点");
        closed.slots(closedSite, 9, 1, 5);
        CampaignSetup.sql("update campaign set booking_opens_at = now() - interval '2 days',"
                + " booking_closes_at = now() - interval '1 day' where id = ?::uuid", closed.id);

        Response manifest = given().urlEncodingEnabled(false).get("/api/v1/checkups/feed/$bulk-publish");
        manifest.then().statusCode(200).header("Cache-Control", "public, max-age=60");
        assertTrue(manifest.<String>path("request").endsWith("/api/v1/checkups/feed/$bulk-publish"));
        assertNotNull(manifest.path("transactionTime"));
        assertEquals(List.of(), manifest.path("error"));
        Map<String, List<JsonNode>> byType = new HashMap<>();
        StringBuilder everything = new StringBuilder(manifest.asString());
        for (Map<String, String> output : manifest.<List<Map<String, String>>>path("output")) {
            Response file = given().urlEncodingEnabled(false).get(output.get("url"));
            file.then().statusCode(200).contentType("application/fhir+ndjson");
            everything.append(file.asString());
            for (String line : file.asString().split("\n")) {
                JsonNode resource = JSON.readTree(line); // every line is one JSON object
                assertEquals(output.get("type"), resource.path("resourceType").asText(), line);
                assertTrue(resource.path("id").asText().matches("[A-Za-z0-9.]{1,64}"), line);
                byType.computeIfAbsent(output.get("type"), t -> new ArrayList<>()).add(resource);
            }
        }

        Set<String> locations = ids(byType.get("Location"));
        Set<String> schedules = ids(byType.get("Schedule"));
        for (JsonNode schedule : byType.get("Schedule")) {
            String actor = schedule.path("actor").path(0).path("reference").asText();
            assertTrue(actor.startsWith("Location/") && locations.contains(actor.substring(9)), schedule.toString());
        }
        Map<String, Integer> free = new HashMap<>();
        Map<String, Integer> busy = new HashMap<>();
        for (JsonNode slot : byType.get("Slot")) {
            String schedule = slot.path("schedule").path("reference").asText();
            assertTrue(schedule.startsWith("Schedule/") && schedules.contains(schedule.substring(9)), slot.toString());
            String status = slot.path("status").asText();
            String slotId = slot.path("id").asText().replace("." + status, "");
            (status.equals("free") ? free : busy).put(slotId, capacity(slot));
            String link = extension(slot, "booking-deep-link");
            assertEquals(status.equals("free"), link != null, slot.toString());
            if (link != null) {
                assertTrue(link.contains(uuid(slotId)), link);
            }
        }

        assertTrue(locations.contains(hex(site)) && schedules.contains(hex(site)));
        assertFalse(locations.contains(hex(draftSite)), "a draft is not published");
        assertFalse(locations.contains(hex(closedSite)), "a campaign whose booking closed is not published");
        assertEquals(Map.of("free", 1, "busy", 3), places(free, busy, slots.get(0)), "2 booked, 1 held");
        assertEquals(Map.of("busy", 4), places(free, busy, slots.get(1)), "full");
        assertEquals(Map.of("free", 4), places(free, busy, slots.get(2)), "untouched");
        assertEquals(Map.of(), places(free, busy, slots.get(3)), "started");
        for (String slot : slots.subList(0, 3)) {
            int[] counters = counters(slot);
            assertEquals(counters[0] - counters[1] - counters[2], free.getOrDefault(hex(slot), 0));
            assertEquals(counters[1] + counters[2], busy.getOrDefault(hex(slot), 0));
        }
        JsonNode schedule = byType.get("Schedule").stream().filter(s -> s.path("id").asText().equals(hex(site)))
                .findFirst().orElseThrow();
        assertEquals(Set.of("FOOD_DELIVERY", "TRUCK_DRIVER"), new HashSet<>(schedule.path("extension")
                .findValuesAsText("valueCode")));
        for (String personal : List.of("李四", "赵六", "13700001111", "13600002222")) {
            assertFalse(everything.toString().contains(personal), "no personal data in the feed: " + personal);
        }
    }

    @Test
    void aSuspendedStationSiteOffersNothingFree() throws SQLException {
        CampaignSetup open = CampaignSetup.published(2026, CLINIC, "COURIER");
        String site = open.site("流动体检点");
        String slot = open.slots(site, 10, 1, 6).get(0);
        CampaignSetup.sql("update site set warning = '驿站暂停开放' where id = ?::uuid", site);
        String locations = given().get("/api/v1/checkups/feed/locations.ndjson").then().statusCode(200).extract().asString();
        assertTrue(locations.lines().anyMatch(l -> l.contains(hex(site)) && l.contains("\"status\":\"suspended\"")));
        String slots = given().get("/api/v1/checkups/feed/slots.ndjson").then().statusCode(200).extract().asString();
        assertFalse(slots.contains(hex(slot) + ".free"));
        assertTrue(slots.lines().anyMatch(l -> l.contains(hex(slot) + ".busy") && l.contains("\"valueInteger\":6")));
    }

    @Test
    void aClientThatPollsGetsNotModifiedUntilAPlaceIsTaken() {
        CampaignSetup open = CampaignSetup.published(2026, CLINIC, "COURIER");
        String slot = open.slots(open.site("轮询测试点"), 11, 1, 3).get(0);
        Response first = given().get("/api/v1/checkups/feed/slots.ndjson");
        String etag = first.header("ETag");
        assertNotNull(etag);
        given().header("If-None-Match", etag).get("/api/v1/checkups/feed/slots.ndjson").then().statusCode(304);
        open.book(slot, "COURIER");
        Response changed = given().header("If-None-Match", etag).get("/api/v1/checkups/feed/slots.ndjson");
        changed.then().statusCode(200);
        assertFalse(etag.equals(changed.header("ETag")));
        assertTrue(changed.asString().lines()
                .anyMatch(l -> l.contains(hex(slot) + ".free") && l.contains("\"valueInteger\":2")));
    }

    @Test
    void theFeedIsReadOnly() {
        given().contentType("application/json").body("{}").post("/api/v1/checkups/feed/slots.ndjson")
                .then().statusCode(405);
    }

    private static Map<String, Integer> places(Map<String, Integer> free, Map<String, Integer> busy, String slot) {
        Map<String, Integer> places = new HashMap<>();
        if (free.containsKey(hex(slot))) {
            places.put("free", free.get(hex(slot)));
        }
        if (busy.containsKey(hex(slot))) {
            places.put("busy", busy.get(hex(slot)));
        }
        return places;
    }

    private static int capacity(JsonNode slot) {
        for (JsonNode e : slot.path("extension")) {
            if (e.path("url").asText().endsWith("/slot-capacity")) {
                return e.path("valueInteger").asInt();
            }
        }
        throw new AssertionError("no capacity: " + slot);
    }

    private static String extension(JsonNode resource, String name) {
        for (JsonNode e : resource.path("extension")) {
            if (e.path("url").asText().endsWith("/" + name)) {
                return e.path("valueUrl").asText();
            }
        }
        return null;
    }

    private static Set<String> ids(List<JsonNode> resources) {
        Set<String> ids = new HashSet<>();
        resources.forEach(r -> assertTrue(ids.add(r.path("id").asText()), "ids are unique: " + r));
        return ids;
    }

    private static String hex(String uuid) {
        return uuid.replace("-", "");
    }

    private static String uuid(String hex) {
        return hex.replaceFirst("(.{8})(.{4})(.{4})(.{4})(.{12})", "$1-$2-$3-$4-$5");
    }

    /** capacity, booked, held of a slot, from the database. */
    private static int[] counters(String slotId) throws SQLException {
        try (Connection c = ServiceDatabase.open();
             PreparedStatement s = c.prepareStatement("select capacity, booked, held from slot where id = ?::uuid")) {
            s.setString(1, slotId);
            try (ResultSet r = s.executeQuery()) {
                assertTrue(r.next());
                return new int[] {r.getInt(1), r.getInt(2), r.getInt(3)};
            }
        }
    }
}
