package org.yizhan.station.award;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.yizhan.localstack.testing.YizhanTestResource;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.yizhan.station.award.ActivityEvents.completed;
import static org.yizhan.station.award.ActivityEvents.newId;
import static org.yizhan.station.award.ActivityEvents.publish;
import static org.yizhan.station.award.AwardFixtures.ZONE;
import static org.yizhan.station.award.AwardFixtures.addManager;
import static org.yizhan.station.award.AwardFixtures.admin;
import static org.yizhan.station.award.AwardFixtures.as;
import static org.yizhan.station.award.AwardFixtures.district;
import static org.yizhan.station.award.AwardFixtures.station;

/**
 * Pushed activities count toward the award score only once the station confirms them, or when
 * attendance was scanned through the app at the station (ADR 0013); events arrive through Kafka.
 */
@QuarkusTest
@WithTestResource(value = YizhanTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "yizhan_station"))
class AwardConfirmationTest {

    static final Instant TODAY_NINE = LocalDate.now(ZONE).atTime(9, 0).atZone(ZONE).toInstant();

    static JsonPath card(String stationId) {
        return admin().when().get("/api/v1/stations/" + stationId + "/score")
                .then().statusCode(200).extract().jsonPath();
    }

    static int counted(JsonPath card) {
        return card.getInt("criteria.find { it.criterion == 'ACTIVITIES' }.inputs.completedActivities");
    }

    static String pushedUrl(String stationId) {
        return "/api/v1/stations/" + stationId + "/pushed-activities";
    }

    static String decisionUrl(String stationId, UUID activity) {
        return pushedUrl(stationId) + "/" + activity + "/confirmation";
    }

    @Test
    void aPushedActivityCountsOnlyOnceTheStationConfirmsIt() {
        String id = station(district(), 10);
        addManager(id, "mgr-confirm");
        UUID station = UUID.fromString(id);
        UUID planned = UUID.randomUUID();
        UUID scanned = UUID.randomUUID();
        UUID pushed = UUID.randomUUID();
        publish(planned, completed(newId(), planned, 1, station, TODAY_NINE, 12, "APP", 0));
        publish(scanned, completed(newId(), scanned, 1, station, TODAY_NINE, 30, "PUSH", 3));
        publish(pushed, completed(newId(), pushed, 1, station, TODAY_NINE, 40, "PUSH", 0));
        await().atMost(Duration.ofSeconds(30)).until(() -> card(id).getInt("unconfirmed.activities") == 1
                && counted(card(id)) == 2);

        JsonPath card = card(id);
        assertEquals(40, card.getInt("unconfirmed.personTimes"));
        assertEquals(List.of(pushed.toString()), card.getList("unconfirmed.items.activityId"));
        assertEquals(42, card.getInt("criteria.find { it.criterion == 'ACTIVITIES' }.inputs.personTimes"));

        as("mgr-confirm", "station-manager").when().get(pushedUrl(id)).then().statusCode(200)
                .body("items.activityId", equalTo(List.of(pushed.toString())))
                .body("items[0].confirmation", equalTo("PENDING"))
                .body("items[0].organisers", equalTo(List.of("YOUTH_LEAGUE")));

        as("mgr-confirm", "station-manager").body("{\"decision\": \"CONFIRMED\", \"note\": \"签到表已核对\"}")
                .when().put(decisionUrl(id, pushed)).then().statusCode(200)
                .body("confirmation", equalTo("CONFIRMED")).body("note", equalTo("签到表已核对"));
        String decidedAt = as("mgr-confirm", "station-manager")
                .body("{\"decision\": \"CONFIRMED\", \"note\": \"签到表已核对\"}")
                .when().put(decisionUrl(id, pushed)).then().statusCode(200)
                .body("confirmation", equalTo("CONFIRMED")).extract().path("decidedAt");
        // Idempotent: the same decision again is not a new decision.
        as("mgr-confirm", "station-manager").body("{\"decision\": \"CONFIRMED\", \"note\": \"签到表已核对\"}")
                .when().put(decisionUrl(id, pushed)).then().statusCode(200).body("decidedAt", equalTo(decidedAt));

        JsonPath confirmed = card(id);
        assertEquals(3, counted(confirmed));
        assertEquals(0, confirmed.getInt("unconfirmed.activities"));
        assertEquals(List.of(), confirmed.getList("unconfirmed.items"));
        as("mgr-confirm", "station-manager").when().get(pushedUrl(id)).then().statusCode(200)
                .body("items", equalTo(List.of()));
        as("mgr-confirm", "station-manager").queryParam("confirmation", "CONFIRMED").when().get(pushedUrl(id))
                .then().statusCode(200).body("items.activityId", equalTo(List.of(pushed.toString())));

        // A union admin may reject it again: it stops counting.
        admin().body("{\"decision\": \"REJECTED\"}").when().put(decisionUrl(id, pushed)).then().statusCode(200)
                .body("confirmation", equalTo("REJECTED"));
        assertEquals(2, counted(card(id)));
        assertEquals(0, card(id).getInt("unconfirmed.activities"));
    }

    @Test
    void aNewVersionThatChangesTheCountsWaitsForConfirmationAgain() {
        String id = station(district(), 10);
        UUID station = UUID.fromString(id);
        UUID pushed = UUID.randomUUID();
        publish(pushed, completed(newId(), pushed, 1, station, TODAY_NINE, 20, "PUSH", 0));
        await().atMost(Duration.ofSeconds(30)).until(() -> card(id).getInt("unconfirmed.activities") == 1);
        admin().body("{\"decision\": \"CONFIRMED\"}").when().put(decisionUrl(id, pushed)).then().statusCode(200);
        assertEquals(1, counted(card(id)));

        // The same counts in a newer version (e.g. a corrected type): the confirmation stands.
        publish(pushed, completed(newId(), pushed, 2, station, TODAY_NINE, 20, "PUSH", 0));
        // Then the partner raises the head count to 100,000: the station must confirm again.
        publish(pushed, completed(newId(), pushed, 3, station, TODAY_NINE, 100_000, "PUSH", 0));
        await().atMost(Duration.ofSeconds(30)).until(() -> card(id).getInt("unconfirmed.activities") == 1);
        JsonPath card = card(id);
        assertEquals(0, counted(card));
        assertEquals(100_000, card.getInt("unconfirmed.personTimes"));
        admin().when().get(pushedUrl(id)).then().statusCode(200).body("items[0].personTimes", equalTo(100_000))
                .body("items[0].decidedAt", equalTo(null));
    }

    @Test
    void onlyTheStationsManagersAndUnionAdminsDecideAndOnlyOnWhatNeedsIt() {
        String id = station(district(), 10);
        String other = station(district(), 10);
        addManager(id, "mgr-own");
        addManager(other, "mgr-other");
        UUID station = UUID.fromString(id);
        UUID pushed = UUID.randomUUID();
        UUID planned = UUID.randomUUID();
        publish(pushed, completed(newId(), pushed, 1, station, TODAY_NINE, 25, "PUSH", 0));
        publish(planned, completed(newId(), planned, 1, station, TODAY_NINE, 25, "APP", 0));
        await().atMost(Duration.ofSeconds(30)).until(() -> card(id).getInt("unconfirmed.activities") == 1
                && counted(card(id)) == 1);

        String confirm = "{\"decision\": \"CONFIRMED\"}";
        as("mgr-other", "station-manager").when().get(pushedUrl(id)).then().statusCode(403);
        as("mgr-other", "station-manager").body(confirm).when().put(decisionUrl(id, pushed)).then().statusCode(403);
        as("rider-1", "worker").body(confirm).when().put(decisionUrl(id, pushed)).then().statusCode(403);
        as("partner-1", "partner").body(confirm).when().put(decisionUrl(id, pushed)).then().statusCode(403);
        io.restassured.RestAssured.given().contentType("application/json").body(confirm)
                .when().put(decisionUrl(id, pushed)).then().statusCode(401);
        // The activity is not at the other station (even for its own manager): 404.
        as("mgr-other", "station-manager").body(confirm).when().put(decisionUrl(other, pushed)).then().statusCode(404);
        admin().body(confirm).when().put(decisionUrl(id, UUID.randomUUID())).then().statusCode(404)
                .contentType("application/problem+json");
        admin().body(confirm).when().put(decisionUrl(id, planned)).then().statusCode(409)
                .contentType("application/problem+json");
        admin().body("{\"decision\": \"PENDING\"}").when().put(decisionUrl(id, pushed)).then().statusCode(400)
                .body("errors.field", equalTo(List.of("decision")));
        admin().body("{\"note\": \"" + "长".repeat(501) + "\"}").when().put(decisionUrl(id, pushed)).then()
                .statusCode(400).body("errors.field", equalTo(List.of("decision", "note")));
        admin().body("{\"decision\": ").when().put(decisionUrl(id, pushed)).then().statusCode(400);
        admin().queryParam("confirmation", "MAYBE").when().get(pushedUrl(id)).then().statusCode(400)
                .body("errors.field", equalTo(List.of("confirmation")));
        admin().queryParam("cursor", "bogus").when().get(pushedUrl(id)).then().statusCode(400)
                .body("errors.field", equalTo(List.of("cursor")));

        // None of that changed anything.
        assertEquals(1, card(id).getInt("unconfirmed.activities"));
        as("mgr-own", "station-manager").body(confirm).when().put(decisionUrl(id, pushed)).then().statusCode(200);
        assertEquals(2, counted(card(id)));
    }

    @Test
    void theListPagesOldestFirst() {
        String id = station(district(), 10);
        UUID station = UUID.fromString(id);
        List<UUID> pushed = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        for (int i = 0; i < pushed.size(); i++) {
            publish(pushed.get(i), completed(newId(), pushed.get(i), 1, station, TODAY_NINE.minusSeconds(3600L * (3 - i)),
                    10, "PUSH", 0));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> card(id).getInt("unconfirmed.activities") == 3);
        String next = admin().queryParam("limit", 2).when().get(pushedUrl(id)).then().statusCode(200)
                .body("items.activityId", equalTo(List.of(pushed.get(0).toString(), pushed.get(1).toString())))
                .extract().path("nextCursor");
        admin().queryParam("limit", 2).queryParam("cursor", next).when().get(pushedUrl(id)).then().statusCode(200)
                .body("items.activityId", equalTo(List.of(pushed.get(2).toString())))
                .body("nextCursor", equalTo(null));
    }
}
