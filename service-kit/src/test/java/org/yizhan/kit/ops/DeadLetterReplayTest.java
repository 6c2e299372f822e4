package org.yizhan.kit.ops;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.yizhan.kit.testapp.TestNoteHandler;
import org.yizhan.kit.testapp.TestNotes;
import org.yizhan.kit.testapp.TestQueries;
import org.yizhan.localstack.testing.TestTokens;
import org.yizhan.localstack.testing.TopicProbe;
import org.yizhan.localstack.testing.YizhanTestResource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Union admins list, read and replay dead letters; a replayed event is applied once. */
@QuarkusTest
@WithTestResource(value = YizhanTestResource.class, scope = TestResourceScope.GLOBAL, initArgs = {
        @ResourceArg(name = "database", value = "yizhan_kit"),
        @ResourceArg(name = YizhanTestResource.POSTGRES_SWITCH, value = "true")})
class DeadLetterReplayTest {

    static final String BASE = "/api/v1/ops/kit-test/dead-letters";

    @Inject
    TestQueries db;

    @Inject
    TestNoteHandler handler;

    static String admin() {
        return TestTokens.token("ops-1", "union-admin");
    }

    /** Publishes an event the handler refuses until its text is fixed, and returns its dead letter's id. */
    UUID deadLetterNeedingFix(String eventId, String text) {
        TopicProbe.publish(TestNoteHandler.TOPIC, eventId, TestNotes.needingFix(eventId, text));
        await().atMost(Duration.ofSeconds(30)).until(() -> db.deadLetter(eventId).isPresent());
        return db.deadLetter(eventId).orElseThrow();
    }

    @Test
    void aDeadLetterReplayedAfterTheFixIsAppliedOnceAndASecondReplayChangesNothing() {
        String eventId = TestNotes.newId();
        String text = "fix-" + eventId;
        UUID id = deadLetterNeedingFix(eventId, text);

        given().auth().oauth2(admin()).queryParam("replayed", false).when().get(BASE)
                .then().statusCode(200).body("items.id", hasItem(id.toString()));
        given().auth().oauth2(admin()).when().get(BASE + "/" + id)
                .then().statusCode(200)
                .body("eventId", equalTo(eventId))
                .body("eventType", equalTo(TestNoteHandler.TYPE))
                .body("sourceTopic", equalTo(TestNoteHandler.TOPIC))
                .body("sourceOffset", notNullValue())
                .body("reason", equalTo("rejected by TestNoteHandler: IllegalArgumentException: kittest.noted needs the fix"))
                .body("recordKey", equalTo(eventId))
                .body("payload", containsString("\"needsFix\":true"))
                .body("replayedAt", nullValue());

        // Before the fix the event is refused again, and nothing changes.
        given().auth().oauth2(admin()).header("Accept-Language", "en").when().post(BASE + "/" + id + "/replay")
                .then().statusCode(422).contentType("application/problem+json")
                .body("detail", containsString("kittest.noted needs the fix"));
        assertEquals(0, db.effects(eventId));

        handler.fix(text);
        given().auth().oauth2(admin()).when().post(BASE + "/" + id + "/replay")
                .then().statusCode(200).body("outcome", equalTo("APPLIED")).body("replayedAt", notNullValue());
        assertEquals(1, db.effects(eventId));

        given().auth().oauth2(admin()).header("Accept-Language", "en").when().post(BASE + "/" + id + "/replay")
                .then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("replaying it again would change nothing"));
        assertEquals(1, db.effects(eventId));
        assertEquals(1, db.inbox(eventId));

        given().auth().oauth2(admin()).when().get(BASE + "/" + id)
                .then().statusCode(200)
                .body("replayOutcome", equalTo("APPLIED"))
                .body("replayedBy", equalTo("ops-1"))
                .body("replayAttempts", equalTo(2))
                .body("lastReplayError", nullValue());
        given().auth().oauth2(admin()).queryParam("replayed", false).when().get(BASE)
                .then().statusCode(200).body("items.id", not(hasItem(id.toString())));
    }

    @Test
    void replayingAnEventTheConsumerAppliedMeanwhileAppliesNothing() {
        String eventId = TestNotes.newId();
        String text = "meanwhile-" + eventId;
        UUID id = deadLetterNeedingFix(eventId, text);
        handler.fix(text);
        // The producer sends the same event again (a retry after a crash): now the consumer applies it.
        TopicProbe.publish(TestNoteHandler.TOPIC, eventId, TestNotes.needingFix(eventId, text));
        await().atMost(Duration.ofSeconds(30)).until(() -> db.effects(eventId) == 1);

        given().auth().oauth2(admin()).when().post(BASE + "/" + id + "/replay")
                .then().statusCode(200).body("outcome", equalTo("ALREADY_APPLIED"));
        assertEquals(1, db.effects(eventId));
    }

    @Test
    void deadLettersPageNewestFirstWithACursor() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String eventId = TestNotes.newId();
            ids.add(eventId);
            TopicProbe.publish(TestNoteHandler.TOPIC, eventId, TestNotes.poison(eventId, "page-" + i));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> ids.stream().allMatch(e -> db.deadLetters(e) == 1));

        Set<String> seen = new HashSet<>();
        String cursor = null;
        String previous = null;
        do {
            var page = given().auth().oauth2(admin()).queryParam("limit", 2)
                    .queryParam("cursor", cursor == null ? "" : cursor)
                    .when().get(BASE).then().statusCode(200).extract().jsonPath();
            List<String> times = page.getList("items.deadLetteredAt");
            assertTrue(times.size() <= 2);
            for (int i = 0; i < times.size(); i++) {
                if (previous != null) {
                    assertTrue(previous.compareTo(times.get(i)) >= 0, "newest first");
                }
                previous = times.get(i);
            }
            for (Object eventId : page.getList("items.eventId")) {
                assertTrue(seen.add(String.valueOf(eventId)), "no dead letter on two pages");
            }
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        assertTrue(seen.containsAll(ids));
    }

    @Test
    void onlyUnionAdminsOfThisServiceReachTheDeadLetters() {
        given().when().get(BASE).then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.token("rider-1", "worker")).when().get(BASE)
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(admin()).when().get("/api/v1/ops/station-service/dead-letters")
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(admin()).when().get(BASE + "/" + UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(admin()).when().post(BASE + "/" + UUID.randomUUID() + "/replay")
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(admin()).queryParam("limit", 0).when().get(BASE)
                .then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(admin()).queryParam("cursor", "not-a-cursor").when().get(BASE)
                .then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(admin()).when().get(BASE + "/not-a-uuid")
                .then().statusCode(404);
    }
}
