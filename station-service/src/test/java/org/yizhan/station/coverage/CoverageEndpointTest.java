package org.yizhan.station.coverage;

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
import org.yizhan.station.domain.coverage.BoundingBox;
import org.yizhan.station.domain.coverage.Coverage;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** GET /api/v1/stations/coverage against a real database. */
@QuarkusTest
@WithTestResource(value = YizhanTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "yizhan_station"))
class CoverageEndpointTest {

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

    static String station(String name, GeoPoint p) {
        String body = """
                {"name": "%s", "hostType": "PARK", "address": "%s 路 1 号",
                 "location": {"latitude": %s, "longitude": %s}}
                """.formatted(name, name, p.latitude(), p.longitude());
        return admin().body(body).post("/api/v1/stations").then().statusCode(201).extract().path("id");
    }

    static ValidatableResponse coverage(String token, BoundingBox b, String... params) {
        RequestSpecification request = given().config(DOUBLES);
        if (token != null) {
            request.auth().oauth2(token);
        }
        if (b != null) {
            request.queryParam("minLat", b.minLat()).queryParam("minLon", b.minLon())
                    .queryParam("maxLat", b.maxLat()).queryParam("maxLon", b.maxLon());
        }
        for (int i = 0; i + 1 < params.length; i += 2) {
            request.queryParam(params[i], params[i + 1]);
        }
        return request.get("/api/v1/stations/coverage").then().log().ifValidationFails();
    }

    static ValidatableResponse asAdmin(BoundingBox b, String... params) {
        return coverage(TestTokens.token("admin-1", "union-admin"), b, params);
    }

    /** The share a brute force over the cell centres gives for these stations. */
    static double expectedShare(BoundingBox b, double cell, double radius, List<GeoPoint> stations) {
        List<GeoPoint> centres = CoverageMathTest.centres(b, cell);
        long covered = centres.stream().filter(p -> CoverageMathTest.nearest(p, stations) <= radius).count();
        return Coverage.share((int) covered, centres.size());
    }

    @Test
    void onlyActiveStationsOpenAtTheTimeCoverAndTheLargestGapIsOnTheFarSide() {
        GeoPoint c = freshCentre();
        BoundingBox b = CoverageMathTest.box(c, 6_000, 6_000);
        GeoPoint allDay = CoverageMathTest.offset(c, -800, -1_800);
        GeoPoint office = CoverageMathTest.offset(c, 1_000, -1_600);
        GeoPoint shut = CoverageMathTest.offset(c, 0, 2_000);
        station("全天驿站", allDay);
        String officeId = station("办公时间驿站", office);
        String shutId = station("装修驿站", shut);
        admin().body("{\"weekly\": \"Mo-Fr 09:00-17:00; Sa-Su off\"}").put("/api/v1/stations/" + officeId + "/hours")
                .then().statusCode(200);
        admin().body("{\"status\": \"TEMPORARILY_CLOSED\", \"reason\": \"装修\"}")
                .post("/api/v1/stations/" + shutId + "/status").then().statusCode(200);

        double both = expectedShare(b, 200, 1_125, List.of(allDay, office));
        double officeOnly = expectedShare(b, 200, 1_125, List.of(office));
        assertTrue(officeOnly < both && officeOnly > 0, officeOnly + " < " + both);

        // Any time: both ACTIVE stations count, the closed one never does.
        Map<String, Object> any = asAdmin(b, "cellMetres", "200", "mode", "WALK", "minutes", "15").statusCode(200)
                .body("cells", equalTo(900)).body("rows", equalTo(30)).body("cols", equalTo(30))
                .body("radiusMetres", equalTo(1125.0)).body("stationsConsidered", equalTo(2))
                .body("coveredShare", equalTo(both)).body("coordSys", equalTo("wgs84"))
                .extract().path("$");
        int coveredCells = ((Number) any.get("coveredCells")).intValue();
        assertEquals(both, Coverage.share(coveredCells, 900));

        // Tuesday 10:00 in Beijing: the office station is open; the one without hours does not count.
        asAdmin(b, "cellMetres", "200", "at", "2026-12-01T10:00:00+08:00").statusCode(200)
                .body("stationsConsidered", equalTo(1)).body("coveredShare", equalTo(officeOnly))
                .body("at", equalTo("2026-12-01T02:00:00Z"));
        // Tuesday 20:00: closed, nothing covers.
        asAdmin(b, "cellMetres", "200", "at", "2026-12-01T20:00:00+08:00").statusCode(200)
                .body("stationsConsidered", equalTo(0)).body("coveredShare", equalTo(0.0))
                .body("largestGaps[0].cells", equalTo(900))
                .body("largestGaps[0].distanceToNearestStationMetres", nullValue());

        // The largest gap lies east, away from the stations, and its most remote cell is the farthest corner.
        Map<String, Object> gap = asAdmin(b, "cellMetres", "200").extract().path("largestGaps[0]");
        @SuppressWarnings("unchecked")
        Map<String, Double> centre = (Map<String, Double>) gap.get("centre");
        @SuppressWarnings("unchecked")
        Map<String, Double> centroid = (Map<String, Double>) gap.get("centroid");
        assertTrue(centroid.get("lon") > c.longitude(), "centroid east of the middle: " + centroid);
        assertTrue(centre.get("lon") > shut.longitude(), "most remote cell near the east edge: " + centre);
        assertTrue((Double) gap.get("distanceToNearestStationMetres") > 4_000, gap.toString());

        // RIDE: 3,750 m covers everything from the west; an explicit radius overrides mode and minutes.
        asAdmin(b, "cellMetres", "200", "mode", "ride").statusCode(200).body("radiusMetres", equalTo(3750.0))
                .body("mode", equalTo("RIDE")).body("minutes", equalTo(15))
                .body("coveredShare", equalTo(expectedShare(b, 200, 3_750, List.of(allDay, office))));
        asAdmin(b, "cellMetres", "200", "mode", "RIDE", "radiusMetres", "500").statusCode(200)
                .body("radiusMetres", equalTo(500.0)).body("mode", nullValue())
                .body("coveredShare", equalTo(expectedShare(b, 200, 500, List.of(allDay, office))));
    }

    @Test
    void gcj02BoxesAndAnswers() {
        GeoPoint c = freshCentre();
        GeoPoint station = CoverageMathTest.offset(c, 0, -1_000);
        station("火星坐标驿站", station);
        BoundingBox wgs = CoverageMathTest.box(c, 4_000, 4_000);
        GeoPoint sw = Gcj02.toGcj02(new GeoPoint(wgs.minLat(), wgs.minLon()));
        GeoPoint ne = Gcj02.toGcj02(new GeoPoint(wgs.maxLat(), wgs.maxLon()));
        BoundingBox gcj = new BoundingBox(sw.latitude(), sw.longitude(), ne.latitude(), ne.longitude());
        double share = asAdmin(wgs, "cellMetres", "250").statusCode(200).body("stationsConsidered", equalTo(1))
                .extract().path("coveredShare");
        // The GCJ-02 box converted back corner by corner is a few metres off the WGS-84 one, so its
        // grid may gain or lose a partial row of cells: the shares agree to within that row.
        Map<String, Object> answer = asAdmin(gcj, "cellMetres", "250", "coordSys", "gcj02").statusCode(200)
                .body("coordSys", equalTo("gcj02")).body("coveredShare", closeTo(share, 0.03))
                .body("area.minLat", equalTo(gcj.minLat())).extract().path("largestGaps[0].centre");
        // The gap is east of the station, given in GCJ-02 (about 500 m off WGS-84 here).
        assertTrue((Double) answer.get("lon") > Gcj02.toGcj02(station).longitude());
    }

    @Test
    void aNamedDistrictIsItsRectangle() {
        asAdmin(null, "district", "大兴区", "cellMetres", "1000").statusCode(200)
                .body("district", equalTo("大兴区")).body("area.minLat", equalTo(39.43)).body("area.maxLon", equalTo(116.70))
                .body("rows", equalTo(47)).body("cols", equalTo(42)).body("cells", equalTo(47 * 42));
        asAdmin(null, "district", "朝阳区").statusCode(400).body("errors.field", hasItem("district"));
        asAdmin(CoverageMathTest.box(new GeoPoint(39.7, 116.4), 1_000, 1_000), "district", "大兴区")
                .statusCode(400).body("errors.field", hasItem("district"));
    }

    @Test
    void badParametersAnswer400WithEveryFieldListed() {
        GeoPoint c = freshCentre();
        BoundingBox b = CoverageMathTest.box(c, 2_000, 2_000);
        asAdmin(null).statusCode(400).header("Content-Type", containsString("application/problem+json"))
                .body("errors.field", hasItems("minLat", "minLon", "maxLat", "maxLon"));
        asAdmin(null, "minLat", "30.1", "maxLat", "30.0", "minLon", "110.2", "maxLon", "110.1")
                .statusCode(400).body("errors.field", hasItems("maxLat", "maxLon"));
        asAdmin(null, "minLat", "abc", "maxLat", "30.0", "minLon", "110.0", "maxLon", "110.1")
                .statusCode(400).body("errors.field", equalTo(List.of("minLat")));
        asAdmin(null, "minLat", "30", "maxLat", "32", "minLon", "110", "maxLon", "110.1")
                .statusCode(400).body("errors.field", equalTo(List.of("maxLat"))).body("errors[0].message", containsString("200"));
        asAdmin(b, "cellMetres", "49", "minutes", "61", "mode", "FLY", "radiusMetres", "0", "at", "tomorrow",
                "coordSys", "bd09").statusCode(400)
                .body("errors.field", hasItems("cellMetres", "minutes", "mode", "radiusMetres", "at", "coordSys"))
                .body("errors.size()", equalTo(6));
        asAdmin(b, "cellMetres", "5001").statusCode(400).body("errors.field", equalTo(List.of("cellMetres")));
        asAdmin(b, "minutes", "0").statusCode(400).body("errors.field", equalTo(List.of("minutes")));
        // 150 km × 150 km in 50 m cells would be 9 million cells.
        asAdmin(CoverageMathTest.box(c, 150_000, 150_000), "cellMetres", "50").statusCode(400)
                .body("errors.field", equalTo(List.of("cellMetres")))
                .body("errors[0].message", containsString("40000"));
        asAdmin(b, "cellMetres", "50", "minutes", "60").statusCode(200).body("cells", greaterThan(1000));
    }

    @Test
    void onlyUnionAdminsMayAsk() {
        BoundingBox b = CoverageMathTest.box(freshCentre(), 2_000, 2_000);
        coverage(TestTokens.token("worker-1", "worker"), b).statusCode(403);
        coverage(TestTokens.token("manager-1", "station-manager"), b).statusCode(403);
        coverage(null, b).statusCode(401);
    }
}
