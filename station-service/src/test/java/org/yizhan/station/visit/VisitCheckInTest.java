package org.yizhan.station.visit;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.yizhan.kit.privacy.Pseudonyms;
import org.yizhan.localstack.testing.TestTokens;
import org.yizhan.localstack.testing.YizhanTestResource;
import org.yizhan.station.domain.visit.Occupation;
import org.yizhan.station.domain.visit.VisitCode;
import org.yizhan.station.service.visit.VisitLedger;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.yizhan.station.visit.VisitFixtures.awayFromEdges;
import static org.yizhan.station.visit.VisitFixtures.checkIn;
import static org.yizhan.station.visit.VisitFixtures.currentCode;
import static org.yizhan.station.visit.VisitFixtures.worker;

@QuarkusTest
@WithTestResource(value = YizhanTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "yizhan_station"))
class VisitCheckInTest {

    @AfterEach
    void backToRealTime() {
        VisitFixtures.realTime();
    }

    @Inject
    VisitFixtures fixtures;

    @Inject
    VisitLedger ledger;

    @Inject
    Pseudonyms pseudonyms;

    @Inject
    EntityManager em;

    static String rider() {
        return "rider-" + UUID.randomUUID();
    }

    static String path(UUID station) {
        return "/api/v1/stations/" + station + "/visits";
    }

    @Test
    void aWorkerCountsOncePerStationAndHour() throws Exception {
        UUID station = fixtures.stationManagedBy("manager-" + UUID.randomUUID());
        String rider = rider();
        awayFromEdges(20);
        String code = currentCode(station);

        var first = worker(rider).body(checkIn(code, "FOOD_DELIVERY"))
                .when().post(path(station))
                .then().statusCode(201)
                .body("counted", equalTo(true))
                .body("visitId", notNullValue())
                .body("hour", endsWith(":00:00+08:00"))
                .extract();
        OffsetDateTime hour = OffsetDateTime.parse(first.path("hour"));
        assertEquals(VisitFixtures.now().truncatedTo(ChronoUnit.HOURS), hour.toInstant());
        assertEquals(hour.plusHours(1).toInstant(), OffsetDateTime.parse(first.path("countsAgainFrom")).toInstant());

        // Scanning again (the same code, or the next one) in the same hour is normal and counts nothing.
        worker(rider).body(checkIn(code, "FOOD_DELIVERY"))
                .when().post(path(station))
                .then().statusCode(200)
                .body("counted", equalTo(false))
                .body("visitId", equalTo(first.path("visitId")))
                .body("hour", equalTo(first.path("hour")));
        worker(rider).body(checkIn(currentCode(station), "COURIER"))
                .when().post(path(station))
                .then().statusCode(200).body("counted", equalTo(false));
        assertEquals(1, fixtures.visits(station));

        // Another worker at the same station counts.
        worker(rider()).body(checkIn(code, "COURIER"))
                .when().post(path(station))
                .then().statusCode(201).body("counted", equalTo(true));
        assertEquals(2, fixtures.visits(station));
    }

    @Test
    void theSameWorkerCountsAtAnotherStation() throws Exception {
        UUID one = fixtures.stationManagedBy("manager-" + UUID.randomUUID());
        UUID two = fixtures.stationManagedBy("manager-" + UUID.randomUUID());
        String rider = rider();
        awayFromEdges(20);
        worker(rider).body(checkIn(currentCode(one), "COURIER")).post(path(one)).then().statusCode(201);
        worker(rider).body(checkIn(currentCode(two), "COURIER")).post(path(two)).then().statusCode(201);
    }

    @Test
    void aCodeOfThePreviousWindowStillWorks() throws Exception {
        UUID station = fixtures.stationManagedBy("manager-" + UUID.randomUUID());
        currentCode(station);
        awayFromEdges(10);
        worker(rider()).body(checkIn(fixtures.codeWindowsAgo(station, 1), "TRUCK_DRIVER"))
                .when().post(path(station))
                .then().statusCode(201).body("counted", equalTo(true));
    }

    @Test
    void aCodeOlderThanTheGraceHasExpiredAndNothingIsStored() throws Exception {
        UUID station = fixtures.stationManagedBy("manager-" + UUID.randomUUID());
        currentCode(station);
        awayFromEdges(10);
        long before = fixtures.allVisits();
        for (int windowsAgo : new int[] {2, 3, 60 * 24}) {
            worker(rider()).body(checkIn(fixtures.codeWindowsAgo(station, windowsAgo), "SANITATION"))
                    .when().post(path(station))
                    .then().statusCode(422)
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:yizhan:problem:unprocessable"))
                    .body("detail", containsString("二维码已过期"))
                    .body("errors[0].field", equalTo("code"));
        }
        worker(rider()).header("Accept-Language", "en")
                .body(checkIn(fixtures.codeWindowsAgo(station, 2), "SANITATION"))
                .when().post(path(station))
                .then().statusCode(422)
                .body("detail", containsString("The code has expired"));
        assertEquals(before, fixtures.allVisits());
    }

    @Test
    void codesOfAnotherStationForgedOrTamperedOnesAreInvalid() throws Exception {
        UUID station = fixtures.stationManagedBy("manager-" + UUID.randomUUID());
        UUID other = fixtures.stationManagedBy("manager-" + UUID.randomUUID());
        awayFromEdges(10);
        String own = currentCode(station);
        String foreign = currentCode(other);
        String flipped = (own.charAt(10) == 'A' ? "B" : "A");
        String tampered = own.substring(0, 10) + flipped + own.substring(11);
        // A genuine expired code whose window is rewritten to now: the MAC covers the window.
        byte[] raw = Base64.getUrlDecoder().decode(fixtures.codeWindowsAgo(station, 5));
        ByteBuffer.wrap(raw).position(1).putInt(
                (int) VisitCode.windowOf(VisitFixtures.now()));
        String rewindowed = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        long before = fixtures.allVisits();

        for (String code : List.of(foreign, tampered, rewindowed, "not-a-code", "x".repeat(100))) {
            worker(rider()).body(checkIn(code, "OTHER"))
                    .when().post(path(station))
                    .then().log().ifValidationFails().statusCode(422)
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:yizhan:problem:unprocessable"))
                    .body("detail", containsString("二维码无效"))
                    .body("detail", not(containsString("过期")));
        }
        // A station that never showed a code accepts none.
        UUID silent = fixtures.stationManagedBy("manager-" + UUID.randomUUID());
        worker(rider()).body(checkIn(own, "OTHER")).when().post(path(silent))
                .then().statusCode(422).body("detail", containsString("二维码无效"));
        assertEquals(before, fixtures.allVisits());
    }

    @Test
    void aMissingOrUnknownOccupationOrCodeIsA400WithFieldErrors() {
        UUID station = fixtures.stationManagedBy("manager-" + UUID.randomUUID());
        String code = currentCode(station);
        long before = fixtures.allVisits();
        worker(rider()).body("{\"code\": \"" + code + "\"}")
                .when().post(path(station))
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:yizhan:problem:validation"))
                .body("errors.field", hasItem("occupation"));
        worker(rider()).body(checkIn(code, "ASTRONAUT"))
                .when().post(path(station))
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("occupation"))
                .body("errors[0].message", containsString("RIDE_HAILING"));
        worker(rider()).body("{\"occupation\": \"COURIER\"}")
                .when().post(path(station))
                .then().statusCode(400).body("errors.field", hasItem("code"));
        worker(rider()).body("{\"code\": ")
                .when().post(path(station))
                .then().statusCode(400).body("type", equalTo("urn:yizhan:problem:malformed-json"));
        worker(rider()).when().post(path(station))
                .then().statusCode(400).contentType("application/problem+json");
        assertEquals(before, fixtures.allVisits());
    }

    @Test
    void checkingInNeedsAWorkerTokenAnExistingAndOpenStation() {
        String manager = "manager-" + UUID.randomUUID();
        UUID station = fixtures.stationManagedBy(manager);
        String code = currentCode(station);
        long before = fixtures.allVisits();
        given().contentType(ContentType.JSON).body(checkIn(code, "COURIER"))
                .when().post(path(station))
                .then().statusCode(401).contentType("application/problem+json")
                .body("type", equalTo("urn:yizhan:problem:unauthorized"));
        given().auth().oauth2(TestTokens.token(manager, "station-manager"))
                .contentType(ContentType.JSON).body(checkIn(code, "COURIER"))
                .when().post(path(station))
                .then().statusCode(403).body("type", equalTo("urn:yizhan:problem:forbidden"));
        worker(rider()).body(checkIn(code, "COURIER"))
                .when().post(path(UUID.randomUUID()))
                .then().statusCode(404).body("type", equalTo("urn:yizhan:problem:not-found"));

        fixtures.setStatus(station, "TEMPORARILY_CLOSED");
        worker(rider()).body(checkIn(code, "COURIER"))
                .when().post(path(station))
                .then().statusCode(409).body("type", equalTo("urn:yizhan:problem:conflict"));
        assertEquals(before, fixtures.allVisits());
    }

    @Test
    void onlyAPseudonymOfTheWorkerIsStored() throws Exception {
        UUID station = fixtures.stationManagedBy("manager-" + UUID.randomUUID());
        String rider = rider();
        awayFromEdges(20);
        worker(rider).body(checkIn(currentCode(station), "RIDE_HAILING"))
                .when().post(path(station)).then().statusCode(201);

        String visitor = (String) em.createNativeQuery("select visitor from station_visit where station_id = :id")
                .setParameter("id", station).getSingleResult();
        assertNotEquals(rider, visitor);
        assertFalse(visitor.contains(rider));
        assertEquals(pseudonyms.of(rider), visitor);
        assertEquals(43, visitor.length());
        assertNotEquals(pseudonyms.of(rider), pseudonyms.of(rider + "x"));
        Number mentions = (Number) em.createNativeQuery("select count(*) from station_visit v"
                        + " where strpos(v::text, :subject) > 0")
                .setParameter("subject", rider).getSingleResult();
        assertEquals(0, mentions.intValue());
        String occupation = (String) em.createNativeQuery("select occupation from station_visit where station_id = :id")
                .setParameter("id", station).getSingleResult();
        assertEquals("RIDE_HAILING", occupation);
    }

    @Test
    void theLedgerTellsWhetherAWorkerVisitedSince() throws Exception {
        UUID station = fixtures.stationManagedBy("manager-" + UUID.randomUUID());
        UUID other = fixtures.stationManagedBy("manager-" + UUID.randomUUID());
        String rider = rider();
        awayFromEdges(20);
        Instant before = VisitFixtures.now().minusSeconds(1);
        assertFalse(ledger.visitedSince(station, rider, before.minus(Duration.ofDays(1))));
        worker(rider).body(checkIn(currentCode(station), "COURIER")).post(path(station)).then().statusCode(201);

        assertTrue(ledger.visitedSince(station, rider, before));
        assertFalse(ledger.visitedSince(other, rider, before));
        assertFalse(ledger.visitedSince(station, rider(), before));
        Instant later = VisitFixtures.now().plusMillis(5);
        assertFalse(ledger.visitedSince(station, rider, later));
        // A repeat scan in the same hour is not a new visit, but it is a visit since then.
        VisitFixtures.advance(Duration.ofMillis(10));
        worker(rider).body(checkIn(currentCode(station), "COURIER")).post(path(station)).then().statusCode(200);
        assertTrue(ledger.visitedSince(station, rider, later));
    }

    @Test
    void hoursAreClockHoursInShanghai() {
        UUID station = fixtures.stationManagedBy("manager-" + UUID.randomUUID());
        String rider = rider();
        // 23:59:59 and 00:00:00 Beijing time are different hours (and days); two scans in one are one visit.
        var a = ledger.record(station, rider, Occupation.COURIER,
                OffsetDateTime.of(2026, 11, 2, 23, 59, 59, 0, ZoneOffset.ofHours(8)).toInstant());
        var b = ledger.record(station, rider, Occupation.COURIER,
                OffsetDateTime.of(2026, 11, 3, 0, 0, 0, 0, ZoneOffset.ofHours(8)).toInstant());
        var c = ledger.record(station, rider, Occupation.COURIER,
                OffsetDateTime.of(2026, 11, 3, 0, 59, 59, 0, ZoneOffset.ofHours(8)).toInstant());
        assertTrue(a.counted());
        assertTrue(b.counted());
        assertFalse(c.counted());
        assertEquals(b.visitId(), c.visitId());
        assertEquals(OffsetDateTime.of(2026, 11, 3, 0, 0, 0, 0, ZoneOffset.ofHours(8)).toInstant(),
                b.hour().toInstant());
        assertEquals(2, fixtures.visits(station));
    }
}
