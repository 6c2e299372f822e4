package org.yizhan.services.push;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.yizhan.kit.privacy.Pseudonyms;
import org.yizhan.localstack.testing.TestTokens;
import org.yizhan.localstack.testing.TopicProbe;
import org.yizhan.localstack.testing.YizhanTestResource;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Partner systems push activity records and sign-in sheets; each record stands or falls alone. */
@QuarkusTest
@WithTestResource(value = YizhanTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "yizhan_services"))
class PartnerPushTest {

    static final String PATH = "/api/v1/activities/partner-records";
    static final String ACTIVITY_TOPIC = "yizhan.activity.v1";

    @Inject
    EntityManager em;

    @Inject
    Pseudonyms pseudonyms;

    @Inject
    MeterRegistry registry;

    /** How a person a partner names is stored: a pseudonym, never the partner's own id. */
    String stored(String partner, String id) {
        return pseudonyms.of(partner + ":" + id);
    }

    UUID station;
    UUID closedStation;
    /** Makes record ids unique to each test; the database lives across tests. */
    String run;
    final Instant past = Instant.now().minus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
    final Instant future = Instant.now().plus(10, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);

    @BeforeEach
    void venues() {
        station = UUID.randomUUID();
        closedStation = UUID.randomUUID();
        run = UUID.randomUUID().toString().substring(0, 8);
        QuarkusTransaction.requiringNew().run(() -> {
            insertVenue(station, "ACTIVE");
            insertVenue(closedStation, "CLOSED");
        });
    }

    void insertVenue(UUID id, String status) {
        em.createNativeQuery("insert into station_replica (station_id, version, name, host_type, address, latitude,"
                        + " longitude, status, registered_at, last_event_id, updated_at) values (:id, 0, '黄村驿站',"
                        + " 'RESTAURANT', '北京市大兴区', 39.73, 116.33, :status, now(), 'test', now())")
                .setParameter("id", id).setParameter("status", status).executeUpdate();
    }

    static String youthLeague() {
        return TestTokens.partnerToken("yl-system", "youth-league");
    }

    Map<String, Object> completed(String recordId, int participants) {
        Map<String, Object> r = base(recordId, "COMPLETED", past);
        if (participants >= 0) {
            List<Map<String, Object>> named = new ArrayList<>();
            for (int i = 1; i <= participants; i++) {
                named.add(Map.of("id", "p-" + i, "checkedInAt", past.plusSeconds(60L * i).toString()));
            }
            r.put("participants", named);
        }
        return r;
    }

    Map<String, Object> counted(String recordId, int count) {
        Map<String, Object> r = base(recordId, "COMPLETED", past);
        r.put("participantCount", count);
        return r;
    }

    Map<String, Object> base(String recordId, String status, Instant start) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("recordId", run + "-" + recordId);
        r.put("type", "HAIRCUT");
        r.put("title", "爱心义剪 " + recordId);
        r.put("stationId", station.toString());
        r.put("startsAt", start.toString());
        r.put("endsAt", start.plus(3, ChronoUnit.HOURS).toString());
        r.put("status", status);
        return r;
    }

    static Map<String, Object> batch(List<Map<String, Object>> records) {
        return Map.of("records", records);
    }

    Response push(String token, Object body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).header("Accept-Language", "en")
                .body(body).when().post(PATH);
    }

    List<Map<String, Object>> mixedBatch() {
        List<Map<String, Object>> records = new ArrayList<>();
        records.add(completed("named", 3));
        records.add(counted("counted", 40));
        Map<String, Object> upcoming = base("upcoming", "PUBLISHED", future);
        upcoming.put("capacity", 30);
        upcoming.put("occupations", List.of("FOOD_DELIVERY", "COURIER"));
        records.add(upcoming);
        Map<String, Object> cancelled = base("cancelled", "CANCELLED", future);
        cancelled.put("cancelReason", "暴雨预警");
        records.add(cancelled);
        Map<String, Object> coOrganised = completed("co", 2);
        coOrganised.put("organisers", List.of("womens-federation"));
        records.add(coOrganised);
        return records;
    }

    @Test
    void replayingTheSameBatchThreeTimesLeavesTheSameState() {
        Map<String, Object> body = batch(mixedBatch());
        push(youthLeague(), body).then().statusCode(200)
                .body("received", equalTo(5)).body("created", equalTo(5))
                .body("results.outcome", everyItem(equalTo("CREATED")))
                .body("results.activityId", everyItem(notNullValue()))
                .body("batchId", notNullValue());
        String state = state();
        long events = outboxCount();
        assertTrue(state.contains("|3|"), state);
        for (int i = 0; i < 2; i++) {
            push(youthLeague(), body).then().statusCode(200)
                    .body("unchanged", equalTo(5)).body("created", equalTo(0)).body("updated", equalTo(0))
                    .body("results.outcome", everyItem(equalTo("UNCHANGED")))
                    .body("results.version", everyItem(equalTo(0)));
            assertEquals(state, state());
            assertEquals(events, outboxCount());
        }
    }

    @Test
    void pushesAndTheirRecordsAreCountedByOutcome() {
        double stored = count("yizhan.partner.pushes", "stored");
        double replayed = count("yizhan.partner.pushes", "replayed");
        double created = count("yizhan.partner.push.records", "created");
        double rejected = count("yizhan.partner.push.records", "rejected");
        double unchanged = count("yizhan.partner.push.records", "unchanged");
        Map<String, Object> bad = counted("bad", 3);
        bad.put("endsAt", past.minusSeconds(60).toString());
        Map<String, Object> body = batch(List.of(counted("good", 3), bad));
        String key = "count-" + run;
        for (int i = 0; i < 2; i++) {
            given().auth().oauth2(youthLeague()).contentType(ContentType.JSON).header("Idempotency-Key", key)
                    .body(body).when().post(PATH).then().statusCode(200).body("created", equalTo(1));
        }
        push(youthLeague(), batch(List.of(counted("good", 3)))).then().statusCode(200).body("unchanged", equalTo(1));

        assertEquals(stored + 2, count("yizhan.partner.pushes", "stored"));
        assertEquals(replayed + 1, count("yizhan.partner.pushes", "replayed"), "the repeat with the same key");
        assertEquals(created + 1, count("yizhan.partner.push.records", "created"));
        assertEquals(rejected + 1, count("yizhan.partner.push.records", "rejected"));
        assertEquals(unchanged + 1, count("yizhan.partner.push.records", "unchanged"));
    }

    private double count(String name, String outcome) {
        Counter counter = registry.find(name).tag("outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void oneBadRowInAThousandIsRejectedAlone() {
        List<Map<String, Object>> records = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            records.add(i % 2 == 0 ? counted("r" + i, i) : completed("r" + i, 2));
        }
        records.get(617).put("endsAt", past.minusSeconds(60).toString());
        push(youthLeague(), batch(records)).then().statusCode(200)
                .body("received", equalTo(1000)).body("created", equalTo(999)).body("rejected", equalTo(1))
                .body("results[617].outcome", equalTo("REJECTED"))
                .body("results[617].recordId", equalTo(run + "-r617"))
                .body("results[617].errors.field", contains("records[617].endsAt"))
                .body("results[616].outcome", equalTo("CREATED"))
                .body("results[618].outcome", equalTo("CREATED"));
        assertEquals(999L, count("select count(*) from activity where source_record_id like '" + run + "-%'"));
        assertEquals(499L * 2, count("select count(*) from attendance t join activity a on a.id = t.activity_id"
                + " where a.source_record_id like '" + run + "-%'"));
    }

    @Test
    void aChangedRecordUpdatesItsActivityAndAnnouncesTheNewCounts() {
        try (TopicProbe activities = TopicProbe.open(ACTIVITY_TOPIC)) {
            String id = push(youthLeague(), batch(List.of(completed("u", 2)))).then().statusCode(200)
                    .body("results[0].outcome", equalTo("CREATED")).extract().path("results[0].activityId");
            Map<String, Object> changed = completed("u", 0);
            changed.put("title", "改过的标题");
            changed.put("participants", List.of(Map.of("id", "p-1"), Map.of("id", "p-9"), Map.of("id", "p-8")));
            push(youthLeague(), batch(List.of(changed))).then().statusCode(200)
                    .body("results[0].outcome", equalTo("UPDATED"))
                    .body("results[0].activityId", equalTo(id))
                    .body("results[0].version", equalTo(1));
            assertEquals("改过的标题", QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery(
                    "select title from activity where id = :id").setParameter("id", UUID.fromString(id)).getSingleResult()));
            assertEquals(new java.util.TreeSet<>(List.of(stored("youth-league", "p-1"), stored("youth-league", "p-8"),
                            stored("youth-league", "p-9"))),
                    new java.util.TreeSet<>(QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                            "select participant from attendance where activity_id = :id and source = 'PUSH'")
                            .setParameter("id", UUID.fromString(id)).getResultList())));
            TopicProbe.Message second = activities.await(m -> id.equals(m.key()) && m.value().contains("\"version\":1"),
                    Duration.ofSeconds(20)).orElseThrow(() -> new AssertionError("no activity.completed version 1"));
            assertTrue(second.value().contains("\"type\":\"activity.completed\""), second.value());
            assertTrue(second.value().contains("\"attended\":3"), second.value());
            assertTrue(second.value().contains("\"personTimes\":3"), second.value());
            // Named in the partner's record, nobody scanned through the app.
            assertTrue(second.value().contains("\"source\":\"PUSH\""), second.value());
            assertTrue(second.value().contains("\"scanned\":0"), second.value());
        }
        given().auth().oauth2(youthLeague()).when().get(PATH + "/" + run + "-u")
                .then().statusCode(200).body("title", equalTo("改过的标题")).body("version", equalTo(1))
                .body("source", equalTo("PUSH")).body("sourceRecordId", equalTo(run + "-u"));
    }

    @Test
    void textIsStoredAsPushedWhateverItsCharacters() {
        String title = "义剪\t\\N \"第二场\" \\ 50%";
        String description = "第一行\n第二行\r\n\\t 不是制表符\t{\"a\",\"b\"}";
        Map<String, Object> upcoming = base("text", "PUBLISHED", future);
        upcoming.put("title", title);
        upcoming.put("description", description);
        upcoming.put("occupations", List.of("FOOD_DELIVERY", "COURIER"));
        String id = push(youthLeague(), batch(List.of(upcoming))).then().statusCode(200)
                .body("results[0].outcome", equalTo("CREATED")).extract().path("results[0].activityId");
        Object[] row = QuarkusTransaction.requiringNew().call(() -> (Object[]) em.createNativeQuery(
                "select title, description, array_to_string(occupations, '|'), starts_at = cast(:starts as timestamptz)"
                        + " from activity where id = :id")
                .setParameter("id", UUID.fromString(id)).setParameter("starts", future.toString()).getSingleResult());
        assertEquals(title, row[0]);
        assertEquals(description, row[1]);
        assertEquals("COURIER|FOOD_DELIVERY", row[2]);
        assertEquals(Boolean.TRUE, row[3]);
        push(youthLeague(), batch(List.of(upcoming))).then().statusCode(200)
                .body("results[0].outcome", equalTo("UNCHANGED"));
    }

    @Test
    void aCountedRecordAnnouncesTheReportedNumber() {
        try (TopicProbe activities = TopicProbe.open(ACTIVITY_TOPIC)) {
            String id = push(youthLeague(), batch(List.of(counted("c", 46)))).then().statusCode(200)
                    .extract().path("results[0].activityId");
            TopicProbe.Message event = activities.await(m -> id.equals(m.key()), Duration.ofSeconds(20))
                    .orElseThrow(() -> new AssertionError("no event"));
            assertTrue(event.value().contains("\"reportedParticipants\":46"), event.value());
            assertTrue(event.value().contains("\"personTimes\":46"), event.value());
            assertTrue(event.value().contains("\"attended\":0"), event.value());
        }
    }

    @Test
    void aCoOrganisedRecordIsOneActivityAndTheNamedPartnerOrganisesItOnceItAccepts() {
        Map<String, Object> record = counted("co", 12);
        record.put("organisers", List.of("womens-federation", "youth-league"));
        String id = push(youthLeague(), batch(List.of(record))).then().statusCode(200)
                .extract().path("results[0].activityId");
        assertEquals(List.of("youth-league"), organisers(id, "activity_organiser"));
        assertEquals(List.of("womens-federation"), organisers(id, "activity_invitation"));
        String women = TestTokens.partnerToken("wf-system", "womens-federation");
        given().auth().oauth2(women).when().post("/api/v1/activities/" + id + "/invitations/accept")
                .then().statusCode(200).body("organisers", contains("womens-federation", "youth-league"));
        assertEquals(List.of("womens-federation", "youth-league"), organisers(id, "activity_organiser"));
        // The same record again keeps the accepted co-organiser; a record without it removes it.
        push(youthLeague(), batch(List.of(record))).then().statusCode(200);
        assertEquals(List.of("womens-federation", "youth-league"), organisers(id, "activity_organiser"));
        record.remove("organisers");
        push(youthLeague(), batch(List.of(record))).then().statusCode(200)
                .body("results[0].outcome", equalTo("UPDATED"));
        assertEquals(List.of("youth-league"), organisers(id, "activity_organiser"));
        assertEquals(1L, count("select count(*) from activity where source_record_id = '" + run + "-co'"));
    }

    @SuppressWarnings("unchecked")
    List<String> organisers(String activityId, String table) {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("select partner_code from " + table
                + " where activity_id = :id order by 1").setParameter("id", UUID.fromString(activityId)).getResultList());
    }

    @Test
    void phoneAndIdCardNumbersInAnySpellingRefuseTheWholePush() {
        String[] spellings = {"138-1234-5678", "138 1234 5678", "+86 138 1234 5678", "+8613812345678",
                "\uFF11\uFF13\uFF18\uFF11\uFF12\uFF13\uFF14\uFF15\uFF16\uFF17\uFF18", "11010519491231002X",
                "p-138.1234.5678", "(010) 6552 9988"};
        for (String number : spellings) {
            Map<String, Object> named = completed("named", 2);
            named.put("participants", List.of(Map.of("id", "p-1"), Map.of("id", number)));
            Map<String, Object> titled = counted("titled", 5);
            titled.put("title", "联系人 " + number);
            Map<String, Object> good = counted("good", 5);
            String answer = push(youthLeague(), batch(List.of(good, named, titled))).then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors.field", contains("records[1].participants[1].id", "records[2].title"))
                    .extract().asString();
            String digits = java.text.Normalizer.normalize(number, java.text.Normalizer.Form.NFKC).replaceAll("\\D", "");
            assertFalse(answer.replaceAll("\\D", "").contains(digits.substring(digits.length() - 8)),
                    "the answer repeats the number: " + answer);
        }
        assertEquals(0L, count("select count(*) from activity where source_record_id like '" + run + "-%'"));
        String csv = sheet(row("s1", "p-1", ""), row("s1", "138-1234-5678", ""));
        upload(csv).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("line 3: participant_id"));
        assertEquals(0L, count("select count(*) from activity where source_record_id like '" + run + "-%'"));
    }

    @Test
    void implausibleRecordsRefuseTheWholePushAndChangeNothing() {
        Map<String, Object> crowd = counted("crowd", 100_000);
        Map<String, Object> overCapacity = completed("over", 31);
        overCapacity.put("capacity", 30);
        Map<String, Object> notOverYet = counted("not-over", 10);
        Instant soon = Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        notOverYet.put("startsAt", soon.minus(2, ChronoUnit.HOURS).toString());
        notOverYet.put("endsAt", soon.toString());
        Map<String, Object> lateCheckIn = completed("late", 0);
        Instant recent = Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        lateCheckIn.put("startsAt", recent.minus(1, ChronoUnit.HOURS).toString());
        lateCheckIn.put("endsAt", recent.toString());
        lateCheckIn.put("participants", List.of(Map.of("id", "p-1", "checkedInAt", soon.toString())));
        Map<String, Object> tooLong = counted("long", 10);
        tooLong.put("endsAt", past.plus(8, ChronoUnit.DAYS).toString());
        tooLong.put("status", "CANCELLED");
        tooLong.remove("participantCount");
        tooLong.put("cancelReason", "不办了");
        Map<String, Object> tooShort = counted("short", 10);
        tooShort.put("endsAt", past.plus(5, ChronoUnit.MINUTES).toString());
        Map<String, Object> fine = counted("fine", 30);
        long outbox = outboxCount();
        push(youthLeague(), batch(List.of(fine, crowd, overCapacity, notOverYet, lateCheckIn, tooLong, tooShort)))
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("records[1].participantCount", "records[2].participants",
                        "records[3].endsAt", "records[4].participants[0].checkedInAt", "records[5].endsAt",
                        "records[6].endsAt"));
        assertEquals(0L, count("select count(*) from activity where source_record_id like '" + run + "-%'"));
        assertEquals(outbox, outboxCount());
        // Within the limits, the same records are taken.
        crowd.put("participantCount", 2_000);
        overCapacity.put("capacity", 31);
        push(youthLeague(), batch(List.of(fine, crowd, overCapacity))).then().statusCode(200)
                .body("created", equalTo(3));
    }

    @Test
    void namedPeopleAreStoredAsPseudonymsOnly() {
        push(youthLeague(), batch(List.of(completed("pseudo", 2)))).then().statusCode(200)
                .body("results[0].outcome", equalTo("CREATED"));
        @SuppressWarnings("unchecked")
        List<String> participants = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select t.participant from attendance t join activity a on a.id = t.activity_id"
                        + " where a.source_record_id = :r").setParameter("r", run + "-pseudo").getResultList());
        assertEquals(2, participants.size());
        for (String p : participants) {
            assertFalse(p.contains("p-1") || p.contains("p-2") || p.contains("youth-league"), p);
            assertEquals(43, p.length(), p);
        }
    }

    @Test
    void theSameIdempotencyKeyReturnsTheFirstAnswerAndRefusesAnotherBatch() {
        String key = "batch-" + run;
        Map<String, Object> body = batch(mixedBatch());
        Response first = given().auth().oauth2(youthLeague()).contentType(ContentType.JSON)
                .header("Idempotency-Key", key).body(body).when().post(PATH);
        first.then().statusCode(200).body("created", equalTo(5));
        Response retry = given().auth().oauth2(youthLeague()).contentType(ContentType.JSON)
                .header("Idempotency-Key", key).body(body).when().post(PATH);
        retry.then().statusCode(200).header("Idempotent-Replayed", "true");
        assertEquals(first.asString(), retry.asString());

        List<Map<String, Object>> other = mixedBatch();
        other.get(0).put("title", "另一批");
        given().auth().oauth2(youthLeague()).contentType(ContentType.JSON).header("Accept-Language", "en")
                .header("Idempotency-Key", key).body(batch(other)).when().post(PATH)
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("Idempotency-Key"));
        assertEquals("爱心义剪 named", QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery(
                "select title from activity where source_record_id = :r").setParameter("r", run + "-named").getSingleResult()));
    }

    @Test
    void aDryRunAnswersLikeAPushAndWritesNothing() {
        Map<String, Object> body = batch(mixedBatch());
        long outbox = outboxCount();
        try (TopicProbe activities = TopicProbe.open(ACTIVITY_TOPIC)) {
            Response dry = given().auth().oauth2(youthLeague()).contentType(ContentType.JSON)
                    .queryParam("dryRun", "true").header("Idempotency-Key", "dry-" + run).body(body).when().post(PATH);
            dry.then().statusCode(200).body("dryRun", equalTo(true)).body("created", equalTo(5))
                    .body("batchId", nullValue()).body("results.activityId", everyItem(nullValue()));
            assertEquals(0L, count("select count(*) from activity where source_record_id like '" + run + "-%'"));
            assertEquals(outbox, outboxCount());
            assertTrue(activities.drain(Duration.ofSeconds(2)).stream().noneMatch(m -> m.value().contains(run)),
                    "a dry run sent events");
        }
        // The real push answers the same outcomes, and the dry run's key did not reserve anything.
        given().auth().oauth2(youthLeague()).contentType(ContentType.JSON)
                .header("Idempotency-Key", "dry-" + run).body(body).when().post(PATH)
                .then().statusCode(200).body("created", equalTo(5)).body("dryRun", equalTo(false));
        given().auth().oauth2(youthLeague()).contentType(ContentType.JSON).queryParam("dryRun", "true")
                .body(body).when().post(PATH)
                .then().statusCode(200).body("unchanged", equalTo(5));
    }

    @Test
    void recordsAreCheckedOneByOneWithFieldPaths() {
        List<Map<String, Object>> records = new ArrayList<>();
        Map<String, Object> typed = completed("typed", 1);
        typed.put("startsAt", 20261212);
        typed.put("capacity", "thirty");
        typed.put("colour", "red");
        records.add(typed);
        Map<String, Object> upcomingAtClosed = base("closed", "PUBLISHED", future);
        upcomingAtClosed.put("stationId", closedStation.toString());
        records.add(upcomingAtClosed);
        Map<String, Object> heldAtClosed = counted("held-closed", 5);
        heldAtClosed.put("stationId", closedStation.toString());
        records.add(heldAtClosed);
        Map<String, Object> phone = completed("phone", 0);
        phone.put("participants", List.of(Map.of("id", "p/1"), Map.of("id", "p-1"), Map.of("id", "p-1")));
        records.add(phone);
        Map<String, Object> both = completed("both", 1);
        both.put("participantCount", 3);
        records.add(both);
        Map<String, Object> unknown = base("unknown", "DRAFT", future);
        unknown.put("type", "JUGGLING");
        unknown.put("stationId", UUID.randomUUID().toString());
        unknown.put("organisers", List.of("nobody"));
        unknown.put("occupations", List.of("ASTRONAUT"));
        records.add(unknown);
        records.add(counted("held-closed", 6));
        Map<String, Object> cancelled = base("no-reason", "CANCELLED", future);
        records.add(cancelled);
        List<Object> body = new ArrayList<>(records);
        body.add("not an object");

        String answer = push(youthLeague(), Map.of("records", body)).then().statusCode(200)
                .body("received", equalTo(9)).body("created", equalTo(1)).body("rejected", equalTo(8))
                .body("results[0].errors.field", contains("records[0].colour", "records[0].startsAt",
                        "records[0].capacity"))
                .body("results[1].errors.field", contains("records[1].stationId"))
                .body("results[2].outcome", equalTo("CREATED"))
                .body("results[3].errors.field", contains("records[3].participants[0].id",
                        "records[3].participants[2].id"))
                .body("results[4].errors.field", contains("records[4].participantCount"))
                .body("results[5].errors.field", hasItem("records[5].status"))
                .body("results[5].errors.field", hasItem("records[5].type"))
                .body("results[5].errors.field", hasItem("records[5].stationId"))
                .body("results[5].errors.field", hasItem("records[5].organisers[0]"))
                .body("results[5].errors.field", hasItem("records[5].occupations[0]"))
                .body("results[6].errors.field", contains("records[6].recordId"))
                .body("results[7].errors.field", contains("records[7].cancelReason"))
                .body("results[8].errors.field", contains("records[8]"))
                .extract().asString();
        assertFalse(answer.contains("13800138000"), "the answer repeats a phone number");
        assertFalse(answer.contains("Exception"), answer);
    }

    @Test
    void aHeldActivityCannotBecomeUpcomingAgain() {
        push(youthLeague(), batch(List.of(counted("t", 3)))).then().statusCode(200);
        Map<String, Object> again = base("t", "PUBLISHED", future);
        push(youthLeague(), batch(List.of(again))).then().statusCode(200)
                .body("results[0].outcome", equalTo("REJECTED"))
                .body("results[0].errors.field", contains("records[0].status"));
    }

    @Test
    void recordIdsBelongToTheirPartner() {
        push(youthLeague(), batch(List.of(counted("mine", 10)))).then().statusCode(200);
        String women = TestTokens.partnerToken("wf-system", "womens-federation");
        given().auth().oauth2(women).when().get(PATH + "/" + run + "-mine").then().statusCode(404)
                .contentType("application/problem+json");
        // The same record id from another partner is that partner's own record, never ours.
        push(women, batch(List.of(counted("mine", 99)))).then().statusCode(200)
                .body("results[0].outcome", equalTo("CREATED"));
        given().auth().oauth2(youthLeague()).when().get(PATH + "/" + run + "-mine").then().statusCode(200)
                .body("reportedParticipants", equalTo(10)).body("organisers", contains("youth-league"));
        assertEquals(2L, count("select count(*) from activity where source_record_id = '" + run + "-mine'"));
    }

    @Test
    void onlyPartnerSystemsPush() {
        Map<String, Object> body = batch(List.of(counted("x", 1)));
        push(TestTokens.token("rider-7", "worker"), body).then().statusCode(403).contentType("application/problem+json");
        push(TestTokens.token("admin-1", "union-admin"), body).then().statusCode(403)
                .contentType("application/problem+json");
        push(TestTokens.partnerToken("ghost", "no-such-partner"), body).then().statusCode(403)
                .contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(body).when().post(PATH).then().statusCode(401)
                .contentType("application/problem+json");
        given().auth().oauth2(TestTokens.token("admin-1", "union-admin")).when().get(PATH + "/x").then().statusCode(403);
        given().auth().oauth2(TestTokens.token("admin-1", "union-admin")).contentType("text/csv").body("a")
                .when().post(PATH + "/sign-in-sheets").then().statusCode(403);
        assertEquals(0L, count("select count(*) from activity where source_record_id like '" + run + "-%'"));
    }

    @Test
    void badRequestsAreProblems() {
        String token = youthLeague();
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{records: [}").when().post(PATH)
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:yizhan:problem:malformed-json"));
        push(token, Map.of("records", List.of())).then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("records"));
        push(token, Map.of()).then().statusCode(400).body("errors[0].field", equalTo("records"));
        push(token, Map.of("records", "all of them")).then().statusCode(400).contentType("application/problem+json");
        List<Map<String, Object>> tooMany = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            tooMany.add(counted("m" + i, 1));
        }
        push(token, batch(tooMany)).then().statusCode(400).body("errors[0].field", equalTo("records"));
        given().auth().oauth2(token).contentType(ContentType.JSON).queryParam("dryRun", "maybe")
                .body(batch(List.of(counted("d", 1)))).when().post(PATH)
                .then().statusCode(400).body("errors[0].field", equalTo("dryRun"));
        given().auth().oauth2(token).contentType(ContentType.JSON).header("Idempotency-Key", "no spaces please")
                .body(batch(List.of(counted("k", 1)))).when().post(PATH)
                .then().statusCode(400).body("errors[0].field", equalTo("Idempotency-Key"));
        given().auth().oauth2(token).contentType(ContentType.XML).body("<records/>").when().post(PATH)
                .then().statusCode(415).contentType("application/problem+json");
        given().auth().oauth2(token).when().get(PATH + "/never-pushed").then().statusCode(404)
                .contentType("application/problem+json");
        assertEquals(0L, count("select count(*) from activity where source_record_id like '" + run + "-%'"));
    }

    // ---- sign-in sheets ----

    String sheet(String... rows) {
        return "record_id,type,title,station_id,starts_at,ends_at,organisers,participant_id,checked_in_at,participant_count\n"
                + String.join("\n", rows) + "\n";
    }

    String row(String recordId, String participant, String count) {
        return run + "-" + recordId + ",SAFETY_TALK,冬季骑行安全讲座," + station + "," + past + ","
                + past.plus(2, ChronoUnit.HOURS) + ",womens-federation," + participant + ",," + count;
    }

    Response upload(String body) {
        return given().auth().oauth2(youthLeague()).contentType("text/csv").header("Accept-Language", "en")
                .body(body.getBytes(java.nio.charset.StandardCharsets.UTF_8)).when().post(PATH + "/sign-in-sheets");
    }

    @Test
    void aSignInSheetBecomesCompletedRecordsAndABadLineIsRejectedWithItsNumber() {
        String csv = "\uFEFF" + sheet(
                row("s1", "p-1", ""),
                row("s2", "", "25"),
                row("s1", "p-2", ""),
                row("s1", "p-3", ""),
                row("s3", "", "8").replace(past.toString() + ",", "yesterday,"),
                row("s2", "p-9", ""));
        upload(csv).then().statusCode(200)
                .body("received", equalTo(3)).body("created", equalTo(1)).body("rejected", equalTo(2))
                .body("results[0].recordId", equalTo(run + "-s1")).body("results[0].line", equalTo(2))
                .body("results[0].outcome", equalTo("CREATED"))
                .body("results[1].outcome", equalTo("REJECTED"))
                .body("results[1].errors.field", contains("line 3: participant_count"))
                .body("results[2].line", equalTo(6))
                .body("results[2].errors.field", contains("line 6: starts_at"));
        assertEquals(new java.util.TreeSet<>(List.of(stored("youth-league", "p-1"), stored("youth-league", "p-2"),
                        stored("youth-league", "p-3"))),
                new java.util.TreeSet<>(QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                        "select t.participant from attendance t join activity a on a.id = t.activity_id"
                                + " where a.source_record_id = :r").setParameter("r", run + "-s1").getResultList())));
        given().auth().oauth2(youthLeague()).when().get(PATH + "/" + run + "-s1").then().statusCode(200)
                .body("status", equalTo("COMPLETED"))
                .body("organisers", contains("youth-league"))
                .body("invitedOrganisers", contains("womens-federation"));
        // The same sheet again changes nothing.
        upload(csv).then().statusCode(200).body("unchanged", equalTo(1)).body("created", equalTo(0));
    }

    @Test
    void aSheetRetriedWithItsKeyGetsTheFirstAnswerAndADryRunWritesNothing() {
        String csv = sheet(row("k1", "p-1", ""), row("k1", "p-2", ""));
        given().auth().oauth2(youthLeague()).contentType("text/csv").queryParam("dryRun", "true")
                .body(csv).when().post(PATH + "/sign-in-sheets")
                .then().statusCode(200).body("dryRun", equalTo(true)).body("created", equalTo(1));
        assertEquals(0L, count("select count(*) from activity where source_record_id like '" + run + "-%'"));

        String key = "sheet-" + run;
        Response first = given().auth().oauth2(youthLeague()).contentType("text/csv").header("Idempotency-Key", key)
                .body(csv).when().post(PATH + "/sign-in-sheets");
        first.then().statusCode(200).body("created", equalTo(1));
        Response retry = given().auth().oauth2(youthLeague()).contentType("text/csv").header("Idempotency-Key", key)
                .body(csv).when().post(PATH + "/sign-in-sheets");
        retry.then().statusCode(200).header("Idempotent-Replayed", "true");
        assertEquals(first.asString(), retry.asString());
        given().auth().oauth2(youthLeague()).contentType("text/csv").header("Idempotency-Key", key)
                .body(sheet(row("k1", "p-1", ""))).when().post(PATH + "/sign-in-sheets")
                .then().statusCode(422).contentType("application/problem+json");
        assertEquals(2L, count("select count(*) from attendance t join activity a on a.id = t.activity_id"
                + " where a.source_record_id = '" + run + "-k1'"));
    }

    @Test
    void anUpcomingRecordPushedAsCancelledIsCancelledAndAnnounced() {
        Map<String, Object> upcoming = base("c", "PUBLISHED", future);
        String id = push(youthLeague(), batch(List.of(upcoming))).then().statusCode(200)
                .body("results[0].outcome", equalTo("CREATED")).extract().path("results[0].activityId");
        try (TopicProbe activities = TopicProbe.open(ACTIVITY_TOPIC)) {
            Map<String, Object> cancelled = base("c", "CANCELLED", future);
            cancelled.put("cancelReason", "场地维修");
            push(youthLeague(), batch(List.of(cancelled))).then().statusCode(200)
                    .body("results[0].outcome", equalTo("UPDATED")).body("results[0].version", equalTo(1));
            // The probe may still see the first push's activity.published (version 0).
            TopicProbe.Message event = activities.await(m -> id.equals(m.key())
                            && m.value().contains("\"version\":1"), Duration.ofSeconds(20))
                    .orElseThrow(() -> new AssertionError("no event of version 1"));
            assertTrue(event.value().contains("\"type\":\"activity.cancelled\""), event.value());
            assertTrue(event.value().contains("场地维修"), event.value());
        }
        given().auth().oauth2(youthLeague()).when().get(PATH + "/" + run + "-c").then().statusCode(200)
                .body("status", equalTo("CANCELLED")).body("cancelReason", equalTo("场地维修"));
    }

    @Test
    void aRecordEditedInTheAppIsRestoredByThePartnersNextPush() {
        Map<String, Object> upcoming = base("edited", "PUBLISHED", future);
        upcoming.put("capacity", 30);
        String id = push(youthLeague(), batch(List.of(upcoming))).then().statusCode(200)
                .body("results[0].outcome", equalTo("CREATED")).extract().path("results[0].activityId");
        String edited = """
                {"type":"HAIRCUT","title":"改过的标题","stationId":"%s","startsAt":"%s","endsAt":"%s","capacity":30}
                """.formatted(station, future, future.plus(3, ChronoUnit.HOURS));
        given().auth().oauth2(youthLeague()).contentType(ContentType.JSON).header("If-Match", "\"0\"").body(edited)
                .when().put("/api/v1/activities/" + id)
                .then().statusCode(200).body("title", equalTo("改过的标题")).body("version", equalTo(1));

        push(youthLeague(), batch(List.of(upcoming))).then().statusCode(200)
                .body("results[0].outcome", equalTo("UPDATED")).body("results[0].version", equalTo(2));
        given().auth().oauth2(youthLeague()).when().get(PATH + "/" + run + "-edited").then().statusCode(200)
                .body("title", equalTo("爱心义剪 edited"));
        push(youthLeague(), batch(List.of(upcoming))).then().statusCode(200)
                .body("results[0].outcome", equalTo("UNCHANGED"));
    }

    @Test
    void badSheetsAreProblems() {
        upload("").then().statusCode(400).contentType("application/problem+json");
        upload("record_id,type,colour\n1,2,3\n").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("line 1: column 3"))
                .body("errors.field", hasItem("line 1: title"));
        upload(sheet()).then().statusCode(400).contentType("application/problem+json");
        upload(sheet(row("q", "p-1", "") + ",\"unclosed")).then().statusCode(400)
                .contentType("application/problem+json").body("detail", startsWith("The CSV is malformed"));
        given().auth().oauth2(youthLeague()).contentType("text/csv")
                .body(new byte[]{'r', 'e', (byte) 0xC3, (byte) 0x28}).when().post(PATH + "/sign-in-sheets")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("body"));
        given().auth().oauth2(youthLeague()).contentType("text/csv").queryParam("dryRun", "1")
                .body(sheet(row("q", "p-1", ""))).when().post(PATH + "/sign-in-sheets")
                .then().statusCode(400).body("errors[0].field", equalTo("dryRun"));
        upload(sheet(row("q", "p-1", "") + ",extra")).then().statusCode(200)
                .body("results[0].outcome", equalTo("REJECTED"))
                .body("results[0].errors.field", contains("line 2"));
        assertEquals(0L, count("select count(*) from activity where source_record_id like '" + run + "-%'"));
    }

    // ---- state ----

    /** Everything a replay could change, as one comparable text. */
    String state() {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("select a.source_record_id, a.version, a.source_hash, a.status,"
                            + " a.updated_at, (select count(*) from attendance t where t.activity_id = a.id),"
                            + " (select string_agg(partner_code, ',' order by partner_code) from activity_organiser o"
                            + " where o.activity_id = a.id) from activity a where a.source_record_id like :run"
                            + " order by a.source_record_id")
                    .setParameter("run", run + "-%").getResultList();
            StringBuilder s = new StringBuilder();
            for (Object[] row : rows) {
                for (Object v : row) {
                    s.append(v).append('|');
                }
                s.append('\n');
            }
            return s.toString();
        });
    }

    long outboxCount() {
        return count("select count(*) from outbox_message where topic = '" + ACTIVITY_TOPIC + "'");
    }

    long count(String sql) {
        return QuarkusTransaction.requiringNew().call(() ->
                ((Number) em.createNativeQuery(sql).getSingleResult()).longValue());
    }
}
