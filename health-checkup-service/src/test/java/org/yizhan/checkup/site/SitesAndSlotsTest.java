package org.yizhan.checkup.site;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.yizhan.events.EventTypes;
import org.yizhan.events.Topics;
import org.yizhan.events.station.StationRegistered;
import org.yizhan.events.station.StationStatusChanged;
import org.yizhan.kit.events.CloudEventCodec;
import org.yizhan.kit.replica.StationReplica;
import org.yizhan.localstack.testing.TopicProbe;
import org.yizhan.localstack.testing.YizhanTestResource;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.yizhan.localstack.testing.TestTokens.clinicToken;
import static org.yizhan.localstack.testing.TestTokens.token;

/** Sites (clinics and stations), their days of slots, and the search for free slots, on real PostgreSQL and Kafka. */
@QuarkusTest
@WithTestResource(value = YizhanTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "yizhan_checkup"))
class SitesAndSlotsTest {

    private static final String ADMIN = token("union-admin-2", "union-admin");
    private static final String WORKER = token("rider-8", "worker");
    private static final String HOSPITAL = "daxing-district-hospital";
    private static final LocalDate DAY = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(10);

    @Inject
    StationReplica replica;

    @Inject
    CloudEventCodec codec;

    /** A published campaign bookable now, for the given occupations. */
    private static String bookableCampaign(String... occupations) {
        StringBuilder packages = new StringBuilder();
        for (String o : occupations) {
            packages.append(packages.isEmpty() ? "" : ",").append("{\"occupation\":\"").append(o)
                    .append("\",\"items\":[\"BASIC\"]}");
        }
        String id = given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("""
                        {"name": "体检 %s", "year": 2026, "organiser": "大兴区总工会", "packages": [%s],
                         "clinics": ["%s", "other-clinic"],
                         "bookingOpensAt": "2026-01-01T00:00:00Z", "bookingClosesAt": "2099-01-01T00:00:00Z"}
                        """.formatted(UUID.randomUUID(), packages, HOSPITAL))
                .post("/api/v1/checkups/campaigns").then().statusCode(201).extract().path("id");
        given().auth().oauth2(ADMIN).post("/api/v1/checkups/campaigns/" + id + "/publish").then().statusCode(200);
        return id;
    }

    private static Response addClinic(String campaign, double lat, double lon) {
        return given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("""
                {"kind": "CLINIC", "clinic": "%s", "name": "大兴区人民医院体检中心", "address": "黄村西大街26号",
                 "latitude": %s, "longitude": %s}""".formatted(HOSPITAL, lat, lon))
                .post("/api/v1/checkups/campaigns/" + campaign + "/sites");
    }

    private static Response openDay(String token, String campaign, String site, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .put("/api/v1/checkups/campaigns/" + campaign + "/sites/" + site + "/days");
    }

    private static String day(String from, String to, int minutes, int capacity) {
        return """
                {"day": "%s", "from": "%s", "to": "%s", "minutes": %d, "capacity": %d}"""
                .formatted(DAY, from, to, minutes, capacity);
    }

    @Test
    void theSitesClinicOpensADayOfSlotsAndSendingItAgainChangesNothing() {
        String campaign = bookableCampaign("FOOD_DELIVERY");
        String site = addClinic(campaign, 39.7268, 116.3267).then().statusCode(201)
                .body("kind", equalTo("CLINIC")).extract().path("id");

        Response first = openDay(clinicToken("nurse-1", HOSPITAL), campaign, site, day("08:00", "10:00", 30, 20));
        first.then().statusCode(200).body("items", hasSize(4)).body("items.status", everyItem(equalTo("free")))
                .body("items.free", everyItem(equalTo(20)));
        List<String> ids = first.path("items.id");
        openDay(ADMIN, campaign, site, day("08:00", "10:00", 30, 20)).then().statusCode(200).body("items.id", equalTo(ids));

        openDay(clinicToken("nurse-9", "other-clinic"), campaign, site, day("10:00", "11:00", 30, 5))
                .then().statusCode(403);
        openDay(WORKER, campaign, site, day("10:00", "11:00", 30, 5)).then().statusCode(403);
        openDay(ADMIN, campaign, site, day("10:00", "10:20", 30, 5)).then().statusCode(400)
                .body("errors.field", hasItem("to"));
        openDay(ADMIN, campaign, site, day("10:00", "11:00", 5, 0)).then().statusCode(400)
                .body("errors.field", hasItem("minutes")).body("errors.field", hasItem("capacity"));
        openDay(ADMIN, campaign, site, day("25:00", "11:00", 30, 5)).then().statusCode(400);
        openDay(ADMIN, campaign, site, """
                {"day": "2020-01-01", "from": "08:00", "to": "09:00", "minutes": 30, "capacity": 5}""")
                .then().statusCode(400).body("errors.field", hasItem("from"));
        openDay(ADMIN, campaign, UUID.randomUUID().toString(), day("08:00", "09:00", 30, 5)).then().statusCode(404);
    }

    @Test
    void sitesAreCheckedAndOnlyUnionAdminsAddThem() {
        String campaign = bookableCampaign("COURIER");
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body("{\"kind\": \"CLINIC\", \"clinic\": \"unknown-clinic\", \"name\": \"x\", \"address\": \"y\","
                        + " \"latitude\": 39.7, \"longitude\": 116.3}")
                .post("/api/v1/checkups/campaigns/" + campaign + "/sites")
                .then().statusCode(400).body("errors.field", hasItem("clinic"));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body("{\"kind\": \"CLINIC\", \"clinic\": \"" + HOSPITAL + "\", \"latitude\": 91}")
                .post("/api/v1/checkups/campaigns/" + campaign + "/sites")
                .then().statusCode(400).body("errors.field", hasItem("name")).body("errors.field", hasItem("address"))
                .body("errors.field", hasItem("latitude")).body("errors.field", hasItem("longitude"));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body("{\"kind\": \"STATION\", \"clinic\": \"" + HOSPITAL + "\", \"stationId\": \"" + UUID.randomUUID() + "\"}")
                .post("/api/v1/checkups/campaigns/" + campaign + "/sites")
                .then().statusCode(400).body("errors.field", hasItem("stationId"));
        given().auth().oauth2(WORKER).contentType(ContentType.JSON)
                .body("{\"kind\": \"CLINIC\", \"clinic\": \"" + HOSPITAL + "\"}")
                .post("/api/v1/checkups/campaigns/" + campaign + "/sites").then().statusCode(403);
        given().auth().oauth2(WORKER).get("/api/v1/checkups/campaigns/" + campaign + "/sites")
                .then().statusCode(200).body("items", hasSize(0));
    }

    @Test
    void workersFindFreeSlotsNearThemForTheirOccupationAndDay() {
        String riders = bookableCampaign("FOOD_DELIVERY");
        String drivers = bookableCampaign("TRUCK_DRIVER");
        // Far from every other test's sites: the Yizhuang side of Daxing.
        String near = addClinic(riders, 39.7950, 116.5060).then().statusCode(201).extract().path("id");
        String far = addClinic(riders, 39.9950, 116.5060).then().statusCode(201).extract().path("id");
        String trucks = addClinic(drivers, 39.7960, 116.5070).then().statusCode(201).extract().path("id");
        openDay(ADMIN, riders, near, day("08:00", "09:30", 30, 3)).then().statusCode(200);
        openDay(ADMIN, riders, far, day("08:00", "09:00", 30, 3)).then().statusCode(200);
        openDay(ADMIN, drivers, trucks, day("08:00", "09:00", 30, 3)).then().statusCode(200);

        Response riderSearch = given().auth().oauth2(WORKER).queryParam("lat", 39.7955).queryParam("lon", 116.5065)
                .queryParam("radiusKm", 3).queryParam("occupation", "FOOD_DELIVERY").queryParam("day", DAY.toString())
                .get("/api/v1/checkups/slots");
        riderSearch.then().statusCode(200).body("items", hasSize(3))
                .body("items.site.id", everyItem(equalTo(near)))
                .body("items.distanceMetres", everyItem(lessThan(3000f)))
                .body("items.free", everyItem(equalTo(3)));
        given().auth().oauth2(WORKER).queryParam("lat", 39.7955).queryParam("lon", 116.5065).queryParam("radiusKm", 3)
                .queryParam("occupation", "TRUCK_DRIVER").get("/api/v1/checkups/slots")
                .then().statusCode(200).body("items.site.id", everyItem(equalTo(trucks))).body("items", hasSize(2));
        given().auth().oauth2(WORKER).queryParam("lat", 39.7955).queryParam("lon", 116.5065).queryParam("radiusKm", 3)
                .queryParam("day", DAY.plusDays(1).toString()).get("/api/v1/checkups/slots")
                .then().statusCode(200).body("items", hasSize(0));

        Response page1 = given().auth().oauth2(WORKER).queryParam("siteId", near).queryParam("limit", 2)
                .get("/api/v1/checkups/slots");
        page1.then().statusCode(200).body("items", hasSize(2)).body("nextCursor", notNullValue());
        given().auth().oauth2(WORKER).queryParam("siteId", near).queryParam("limit", 2)
                .queryParam("cursor", page1.path("nextCursor").toString()).get("/api/v1/checkups/slots")
                .then().statusCode(200).body("items", hasSize(1)).body("items.slotId", not(hasItem(page1.path("items[0].slotId").toString())));

        given().auth().oauth2(WORKER).queryParam("lat", 39.79).get("/api/v1/checkups/slots")
                .then().statusCode(400).body("errors.field", hasItem("lon"));
        given().auth().oauth2(WORKER).queryParam("lat", 91).queryParam("lon", 116).queryParam("occupation", "PILOT")
                .queryParam("day", "2026-13-01").get("/api/v1/checkups/slots")
                .then().statusCode(400).body("errors.field", hasItem("lat")).body("errors.field", hasItem("occupation"))
                .body("errors.field", hasItem("day"));
    }

    @Test
    void aStationThatClosesStopsOfferingItsCheckupDayUntilItReopens() {
        UUID station = UUID.randomUUID();
        publish(station, EventTypes.STATION_REGISTERED, new StationRegistered(station, "清源街道快递驿站", "UNION",
                "大兴区总工会", "清源路10号", "大兴区", 39.7400, 116.3300, "ACTIVE", Instant.parse("2026-02-01T00:00:00Z")));
        await().atMost(Duration.ofSeconds(30)).until(() -> replica.find(station).isPresent());
        String campaign = bookableCampaign("COURIER");
        String site = given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body("{\"kind\": \"STATION\", \"clinic\": \"" + HOSPITAL + "\", \"stationId\": \"" + station + "\"}")
                .post("/api/v1/checkups/campaigns/" + campaign + "/sites")
                .then().statusCode(201).body("name", equalTo("清源街道快递驿站")).extract().path("id");
        openDay(ADMIN, campaign, site, day("14:00", "15:00", 30, 10)).then().statusCode(200);
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body("{\"kind\": \"STATION\", \"clinic\": \"" + HOSPITAL + "\", \"stationId\": \"" + station + "\"}")
                .post("/api/v1/checkups/campaigns/" + campaign + "/sites").then().statusCode(400);

        publish(station, EventTypes.STATION_STATUS_CHANGED,
                new StationStatusChanged(station, 1, "ACTIVE", "PAUSED", "装修", null, Instant.now()));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(WORKER)
                .get("/api/v1/checkups/campaigns/" + campaign + "/sites")
                .then().body("items[0].warning", containsString("PAUSED")));
        given().auth().oauth2(WORKER).queryParam("siteId", site).get("/api/v1/checkups/slots")
                .then().statusCode(200).body("items", hasSize(0));
        openDay(ADMIN, campaign, site, day("14:00", "15:00", 30, 10)).then().statusCode(200)
                .body("items.status", everyItem(equalTo("busy-unavailable")));

        publish(station, EventTypes.STATION_STATUS_CHANGED,
                new StationStatusChanged(station, 2, "PAUSED", "ACTIVE", null, null, Instant.now()));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(WORKER)
                .queryParam("siteId", site).get("/api/v1/checkups/slots").then().body("items", hasSize(2)));
        assertEquals(2, given().auth().oauth2(WORKER).queryParam("siteId", site).get("/api/v1/checkups/slots")
                .jsonPath().getList("items").size());
    }

    private void publish(UUID stationId, String type, Object data) {
        byte[] event = codec.serialize(codec.create(URI.create("/yizhan/station-service"), type, stationId.toString(), data));
        TopicProbe.publish(Topics.STATION, stationId.toString(), new String(event, StandardCharsets.UTF_8));
    }
}
