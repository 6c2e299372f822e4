package org.yizhan.station;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.yizhan.kit.geo.Gcj02;
import org.yizhan.kit.geo.GeoPoint;
import org.yizhan.localstack.testing.TestTokens;
import org.yizhan.localstack.testing.YizhanTestResource;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Near-me search: distance order, the radius edge, every filter, opening hours and GCJ-02. */
@QuarkusTest
@WithTestResource(value = YizhanTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "yizhan_station"))
class NearbySearchTest {

    /** Metres per degree of latitude on the mean sphere the search uses. */
    static final double METRES_PER_DEGREE = 6_371_008.8 * Math.PI / 180;

    /** Numbers as doubles, so that distances and coordinates compare at full precision. */
    static final io.restassured.config.RestAssuredConfig DOUBLES = io.restassured.config.RestAssuredConfig.config()
            .jsonConfig(io.restassured.config.JsonConfig.jsonConfig()
                    .numberReturnType(io.restassured.path.json.config.JsonPathConfig.NumberReturnType.DOUBLE));

    static RequestSpecification admin() {
        return given().auth().oauth2(TestTokens.token("admin-1", "union-admin")).contentType(ContentType.JSON);
    }

    /** A fresh spot in mainland China that no other test uses. */
    static GeoPoint freshCentre() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return new GeoPoint(25 + r.nextDouble() * 10, 100 + r.nextDouble() * 15);
    }

    static String station(String name, GeoPoint centre, double metresNorth, String hostType) {
        String body = """
                {"name": "%s", "hostType": "%s", "address": "%s 路 1 号",
                 "location": {"latitude": %s, "longitude": %s}}
                """.formatted(name, hostType, name, centre.latitude() + metresNorth / METRES_PER_DEGREE,
                centre.longitude());
        return admin().body(body).post("/api/v1/stations").then().statusCode(201).extract().path("id");
    }

    static void amenities(String id, String json) {
        admin().body("{\"amenities\": " + json + "}").put("/api/v1/stations/" + id + "/amenities")
                .then().statusCode(200);
    }

    static void hours(String id, String json) {
        admin().body(json).put("/api/v1/stations/" + id + "/hours").then().log().ifValidationFails().statusCode(200);
    }

    static ValidatableResponse nearby(GeoPoint c, String... params) {
        RequestSpecification request = given().config(DOUBLES)
                .queryParam("lat", c.latitude()).queryParam("lon", c.longitude());
        for (int i = 0; i + 1 < params.length; i += 2) {
            request.queryParam(params[i], params[i + 1]);
        }
        return request.get("/api/v1/stations/nearby").then().log().ifValidationFails();
    }

    @Test
    void nearestFirstWithDistancesAndTheRadiusEdge() {
        GeoPoint c = freshCentre();
        String far = station("远站", c, 2990, "PARK");
        String near = station("近站", c, 500, "PARK");
        String middle = station("中站", c, 1500, "PARK");
        station("圈外站", c, 3010, "PARK");

        List<String> ids = nearby(c, "radius", "3000").statusCode(200)
                .body("items[0].distanceMetres", org.hamcrest.Matchers.closeTo(500.0, 1.0))
                .body("items[2].distanceMetres", org.hamcrest.Matchers.closeTo(2990.0, 1.0))
                .extract().path("items.station.id");
        assertEquals(List.of(near, middle, far), ids);
    }

    @Test
    void everyFilterNarrowsTheResult() {
        GeoPoint c = freshCentre();
        String both = station("双全驿站", c, 100, "RESTAURANT");
        String microwaveOnly = station("微波驿站", c, 200, "RESTAURANT");
        String chargerBroken = station("充电坏了驿站", c, 300, "SHOPPING_MALL");
        String closed = station("关闭驿站", c, 400, "RESTAURANT");
        amenities(both, "[{\"amenity\": \"MICROWAVE\"}, {\"amenity\": \"PHONE_CHARGING\"}]");
        amenities(microwaveOnly, "[{\"amenity\": \"MICROWAVE\"}]");
        amenities(chargerBroken, "[{\"amenity\": \"MICROWAVE\"}, {\"amenity\": \"PHONE_CHARGING\"}]");
        admin().body("{\"status\": \"OUT_OF_ORDER\", \"note\": \"坏了\"}")
                .put("/api/v1/stations/" + chargerBroken + "/amenities/PHONE_CHARGING").then().statusCode(200)
                .body("find { it.amenity == 'PHONE_CHARGING' }.outOfOrderSince", org.hamcrest.Matchers.notNullValue());
        amenities(closed, "[{\"amenity\": \"MICROWAVE\"}, {\"amenity\": \"PHONE_CHARGING\"}]");
        admin().body("{\"status\": \"CLOSED\", \"reason\": \"停业\"}").post("/api/v1/stations/" + closed + "/status")
                .then().statusCode(200);

        nearby(c, "radius", "1000").body("items.station.id", equalTo(List.of(both, microwaveOnly, chargerBroken)));
        nearby(c, "radius", "1000", "amenities", "MICROWAVE,PHONE_CHARGING")
                .body("items.station.id", equalTo(List.of(both)));
        nearby(c, "radius", "1000", "hostType", "SHOPPING_MALL")
                .body("items.station.id", equalTo(List.of(chargerBroken)));
        nearby(c, "radius", "1000", "q", "微波").body("items.station.id", equalTo(List.of(microwaveOnly)));
        nearby(c, "radius", "1000", "q", "100%").body("items", hasSize(0));
        nearby(c, "radius", "1000", "status", "CLOSED").body("items.station.id", equalTo(List.of(closed)));
        nearby(c, "radius", "1000", "status", "ACTIVE,CLOSED", "amenities", "PHONE_CHARGING")
                .body("items.station.id", equalTo(List.of(both, closed)));
    }

    @Test
    void openAtIsRightAcrossMidnightAndOnAMakeUpWorkingDay() {
        GeoPoint c = freshCentre();
        String night = station("夜间驿站", c, 100, "STREET_SHOP");
        String office = station("工作日驿站", c, 200, "ENTERPRISE");
        station("时间未知驿站", c, 300, "PARK");
        hours(night, "{\"weekly\": \"Mo-Su 22:00-06:00\"}");
        hours(office, "{\"weekly\": \"Mo-Fr 09:00-17:00; Sa-Su off\", \"makeUpWorkdayAs\": \"MONDAY\"}");

        // Tuesday 2026-12-01 01:30 in Beijing is still Monday night's period.
        nearby(c, "openAt", "2026-12-01T01:30:00+08:00").body("items.station.id", equalTo(List.of(night)))
                .body("items[0].open", equalTo(true));
        nearby(c, "openAt", "2026-11-30T17:30:00Z").body("items.station.id", equalTo(List.of(night)));
        nearby(c, "openAt", "2026-12-01T06:00:00+08:00").body("items", hasSize(0));
        nearby(c, "openAt", "2026-12-01T10:00:00+08:00").body("items.station.id", equalTo(List.of(office)));
        // 2026-02-14 is a Saturday and a make-up working day (班) before the Spring Festival holiday.
        nearby(c, "openAt", "2026-02-14T10:00:00+08:00").body("items.station.id", equalTo(List.of(office)));
        // 2026-02-21 is an ordinary Saturday inside the holiday: closed.
        nearby(c, "openAt", "2026-02-21T10:00:00+08:00").body("items", hasSize(0));
        // Without a time every station is listed; with openNow the one without hours never is.
        nearby(c).body("items", hasSize(3));
        List<String> openNow = nearby(c, "openNow", "true").statusCode(200).extract().path("items.station.id");
        assertTrue(openNow.size() <= 2 && !openNow.contains("时间未知驿站"));
    }

    @Test
    void gcj02RoundTripsThroughSearch() {
        GeoPoint c = freshCentre();
        String id = station("坐标驿站", c, 0, "PARK");
        GeoPoint gcj = Gcj02.toGcj02(c);
        nearby(gcj, "coordSys", "gcj02", "radius", "50").statusCode(200)
                .body("coordSys", equalTo("gcj02"))
                .body("items[0].station.id", equalTo(id))
                .body("items[0].distanceMetres", org.hamcrest.Matchers.lessThan(0.5))
                .body("items[0].station.location.latitude", org.hamcrest.Matchers.closeTo(gcj.latitude(), 1e-6));
        // The same GCJ-02 numbers read as WGS-84 are hundreds of metres away.
        nearby(gcj, "radius", "50").body("items", hasSize(0));
    }

    @Test
    void cursorPagesWithoutRepeatsAndPinsAreCompact() {
        GeoPoint c = freshCentre();
        List<String> expected = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            expected.add(station("分页" + i, c, i * 100, "PARK"));
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            RequestSpecification request = given().queryParam("lat", c.latitude()).queryParam("lon", c.longitude())
                    .queryParam("limit", 2).queryParam("view", "pins");
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            var page = request.get("/api/v1/stations/nearby").then().statusCode(200)
                    .body("items[0].station", org.hamcrest.Matchers.nullValue())
                    .body("items[0].location.latitude", org.hamcrest.Matchers.notNullValue())
                    .extract();
            seen.addAll(page.path("items.id"));
            cursor = page.path("nextCursor");
        } while (cursor != null && seen.size() < 20);
        assertEquals(expected, seen);
    }

    /** Small pages over a whole 3 km circle follow each other in distance order without gaps. */
    @Test
    void pagesOverTheWholeCircleStayInDistanceOrder() {
        GeoPoint c = freshCentre();
        List<String> expected = new ArrayList<>();
        for (int metres : new int[] {100, 200, 300, 400, 500, 600, 700, 740, 760, 1200, 2500, 2990}) {
            expected.add(station("内外圈" + metres, c, metres, "PARK"));
        }
        station("圈外", c, 3010, "PARK");
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            RequestSpecification request = given().queryParam("lat", c.latitude()).queryParam("lon", c.longitude())
                    .queryParam("radius", 3000).queryParam("limit", 3);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            var page = request.get("/api/v1/stations/nearby").then().statusCode(200).extract();
            seen.addAll(page.path("items.station.id"));
            cursor = page.path("nextCursor");
        } while (cursor != null && seen.size() < 30);
        assertEquals(expected, seen);

        // The nearest stations are all closed now: the open ones further out make the page.
        GeoPoint d = freshCentre();
        String closedNear = "{\"weekly\": \"Mo-Su off\"}";
        List<String> open = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            hours(station("内圈不开" + i, d, i * 100, "PARK"), closedNear);
        }
        for (int metres : new int[] {900, 1800, 2700}) {
            String id = station("外圈全天" + metres, d, metres, "PARK");
            hours(id, "{\"weekly\": \"24/7\"}");
            open.add(id);
        }
        nearby(d, "radius", "3000", "openNow", "true", "limit", "2").statusCode(200)
                .body("items.station.id", equalTo(open.subList(0, 2)))
                .body("nextCursor", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void badSearchesAreProblems() {
        given().get("/api/v1/stations/nearby").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", org.hamcrest.Matchers.hasItems("lat", "lon"));
        GeoPoint c = new GeoPoint(30, 110);
        nearby(c, "radius", "0").statusCode(400).body("errors[0].field", equalTo("radius"));
        nearby(c, "radius", "50001").statusCode(400).body("errors[0].field", equalTo("radius"));
        nearby(c, "amenities", "JACUZZI").statusCode(400).body("errors[0].field", equalTo("amenities"));
        nearby(c, "openNow", "true", "openAt", "2026-12-01T10:00:00Z").statusCode(400)
                .body("errors[0].field", equalTo("openAt"));
        nearby(c, "openAt", "tomorrow").statusCode(400).body("errors[0].field", equalTo("openAt"));
        nearby(c, "cursor", "not-a-cursor").statusCode(400).body("errors[0].field", equalTo("cursor"));
        nearby(c, "hostType", "CASTLE").statusCode(400).body("errors[0].field", equalTo("hostType"));
        nearby(c, "view", "map").statusCode(400).body("errors[0].field", equalTo("view"));
        nearby(c, "status", "OPEN").statusCode(400).body("errors[0].field", equalTo("status"));
        nearby(c, "openNow", "NaN").statusCode(400).body("errors.field", equalTo(List.of("openNow")));
        nearby(c, "openNow", "yes").statusCode(400).body("errors.field", equalTo(List.of("openNow")));
    }

    @Test
    void listsThatNameNothingAreProblemsNamingTheParameter() {
        GeoPoint c = new GeoPoint(30, 110);
        for (String empty : List.of(",", " , ", ",,,")) {
            nearby(c, "status", empty).statusCode(400).contentType("application/problem+json")
                    .body("errors.field", equalTo(List.of("status")));
            nearby(c, "amenities", empty).statusCode(400).contentType("application/problem+json")
                    .body("errors.field", equalTo(List.of("amenities")));
        }
        nearby(c, "status", ",ACTIVE,").statusCode(200);
        nearby(c, "status", "").statusCode(200);
        nearby(c, "status", ",", "amenities", ",", "hostType", "CASTLE").statusCode(400)
                .body("errors.field", equalTo(List.of("amenities", "hostType", "status")));
    }

    @Test
    void hoursAndAmenitiesRejectBadInputAndChangeNothing() {
        GeoPoint c = freshCentre();
        String id = station("校验驿站", c, 0, "PARK");
        admin().body("{\"weekly\": \"Mo-Fr 8:00-12:00\"}").put("/api/v1/stations/" + id + "/hours")
                .then().statusCode(400).body("errors[0].field", equalTo("weekly"));
        admin().body("{\"weekly\": \"24/7\", \"exceptions\": [{\"date\": \"2026-12-31\", \"hours\": \"x\", \"reason\": \"r\"}]}")
                .put("/api/v1/stations/" + id + "/hours")
                .then().statusCode(400).body("errors[0].field", equalTo("exceptions[0].hours"));
        // Texts longer than the document allows are refused, not stored.
        admin().body("{\"weekly\": \"24/7\", \"exceptions\": [{\"date\": \"2026-12-31\", \"reason\": \""
                        + "x".repeat(301) + "\"}]}")
                .put("/api/v1/stations/" + id + "/hours")
                .then().statusCode(400).body("errors.field", org.hamcrest.Matchers.contains("exceptions[0].reason"));
        admin().body("{\"weekly\": \"24/7\", \"timeZone\": \"Mars/Olympus\"}").put("/api/v1/stations/" + id + "/hours")
                .then().statusCode(400).body("errors[0].field", equalTo("timeZone"));
        given().get("/api/v1/stations/" + id + "/hours").then().statusCode(404).contentType("application/problem+json");
        admin().body("{\"amenities\": [{\"amenity\": \"JACUZZI\"}]}").put("/api/v1/stations/" + id + "/amenities")
                .then().statusCode(400).body("errors[0].field", org.hamcrest.Matchers.startsWith("amenities"));
        admin().body("{\"status\": \"BROKEN\"}").put("/api/v1/stations/" + id + "/amenities/TOILET")
                .then().statusCode(400);
        admin().body("{\"status\": \"OUT_OF_ORDER\"}").put("/api/v1/stations/" + id + "/amenities/TOILET")
                .then().statusCode(404).contentType("application/problem+json");
        given().get("/api/v1/stations/" + id + "/amenities").then().statusCode(200).body("", hasSize(0));
        given().auth().oauth2(TestTokens.token("rider-1", "worker")).contentType(ContentType.JSON)
                .body("{\"weekly\": \"24/7\"}").put("/api/v1/stations/" + id + "/hours").then().statusCode(403);

        hours(id, "{\"weekly\": \"Sa 09:00-13:00; Mo-Fr 08:00-12:00,14:00-18:00\"}");
        given().get("/api/v1/stations/" + id + "/hours").then().statusCode(200)
                .body("hours.weekly", equalTo("Mo-Fr 08:00-12:00,14:00-18:00; Sa 09:00-13:00; Su off"))
                .body("hours.timeZone", equalTo("Asia/Shanghai"))
                .body("nextChange", org.hamcrest.Matchers.notNullValue());
        given().get("/api/v1/stations/amenities").then().statusCode(200)
                .body("find { it.code == 'TRUCK_PARKING' }.nameZh", equalTo("货车停车"));
        assertTrue(UUID.fromString(id) != null);
    }
}
