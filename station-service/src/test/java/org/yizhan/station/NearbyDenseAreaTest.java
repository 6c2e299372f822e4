package org.yizhan.station;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.yizhan.kit.geo.Distance;
import org.yizhan.kit.geo.GeoPoint;
import org.yizhan.localstack.testing.YizhanTestResource;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.yizhan.station.NearbySearchTest.METRES_PER_DEGREE;
import static org.yizhan.station.NearbySearchTest.admin;
import static org.yizhan.station.NearbySearchTest.amenities;
import static org.yizhan.station.NearbySearchTest.freshCentre;

/**
 * A dense area, where a page of 20 is cut from many more matches: pages follow the great-circle
 * order exactly (ties by id, also across the cut), although the nearest-first pass of the search
 * walks the index in planar (longitude, latitude) order, which ranks stations east and west of
 * the point later than stations as far north or south.
 */
@QuarkusTest
@WithTestResource(value = YizhanTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "yizhan_station"))
class NearbyDenseAreaTest {

    /** A station placed for the test: its id and where it is. */
    record Placed(String id, GeoPoint at) {
    }

    @Test
    void pagesOfTwentyFollowTheGreatCircleOrderInADenseArea() {
        GeoPoint c = freshCentre();
        List<Placed> inside = new ArrayList<>();
        List<Placed> withMicrowave = new ArrayList<>();
        GeoPoint tied = null;
        for (int i = 0; i < 45; i++) {
            // Up to the page cut, 60 m apart, east or west from the 12th on, where a degree of
            // longitude is shorter than one of latitude, so the planar order ranks them later;
            // beyond the cut, 20 m apart, north or south.
            double metres = i <= 20 ? 120 + 60 * i : 1260 + 20 * (i - 20);
            boolean eastWest = i <= 20 && (i >= 12 || i % 2 == 1);
            double bearing = (eastWest ? 90 : 0) + (i % 4 < 2 ? 0 : 180);
            // The 20th and 21st stations stand on the same spot: equidistant, ordered by id across the page cut.
            GeoPoint at = i == 20 ? tied : offset(c, metres, bearing);
            tied = at;
            Placed p = new Placed(register("密集" + i, at), at);
            inside.add(p);
            if (i % 3 != 2) {
                amenities(p.id(), "[{\"amenity\": \"MICROWAVE\"}]");
                withMicrowave.add(p);
            }
        }
        // Beyond the radius: due north, and in a corner of the bounding box.
        register("圈外北", offset(c, 3100, 0));
        register("圈外角", offset(c, 3500, 45));

        Comparator<Placed> greatCircle = Comparator.comparingDouble((Placed p) -> Distance.metres(c, p.at()))
                .thenComparing(Placed::id);
        List<String> expected = inside.stream().sorted(greatCircle).map(Placed::id).toList();
        List<String> planar = inside.stream().sorted(Comparator.comparingDouble((Placed p) -> Math.hypot(
                p.at().latitude() - c.latitude(), p.at().longitude() - c.longitude()))).map(Placed::id).toList();
        // The test means something only if the planar order would read other stations than the nearest 21.
        assertNotEquals(Set.copyOf(planar.subList(0, 21)), Set.copyOf(expected.subList(0, 21)));
        Map<String, Placed> byId = inside.stream().collect(java.util.stream.Collectors.toMap(Placed::id,
                Function.identity()));
        assertEquals(Distance.metres(c, byId.get(expected.get(19)).at()),
                Distance.metres(c, byId.get(expected.get(20)).at()), "the page cut falls between equidistant stations");

        assertEquals(List.of(expected.subList(0, 20), expected.subList(20, 40), expected.subList(40, 45)),
                pages(c, null));
        List<String> expectedWithMicrowave = withMicrowave.stream().sorted(greatCircle).map(Placed::id).toList();
        assertEquals(List.of(expectedWithMicrowave.subList(0, 20), expectedWithMicrowave.subList(20, 30)),
                pages(c, "MICROWAVE"));
    }

    /** Every page of 20 within 3 km, in order, following the cursors. */
    private static List<List<String>> pages(GeoPoint c, String amenity) {
        List<List<String>> pages = new ArrayList<>();
        String cursor = null;
        do {
            RequestSpecification request = given().queryParam("lat", c.latitude()).queryParam("lon", c.longitude())
                    .queryParam("radius", 3000).queryParam("limit", 20);
            if (amenity != null) {
                request.queryParam("amenities", amenity);
            }
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            var page = request.get("/api/v1/stations/nearby").then().statusCode(200).extract();
            List<String> ids = page.path("items.station.id");
            pages.add(ids);
            cursor = page.path("nextCursor");
            if (ids.size() < 20) {
                assertNull(cursor, "a short page is the last");
            } else {
                assertNotNull(cursor, "a full page of a longer list has a cursor");
            }
        } while (cursor != null && pages.size() < 5);
        return pages;
    }

    private static GeoPoint offset(GeoPoint c, double metres, double bearingDegrees) {
        double north = metres * Math.cos(Math.toRadians(bearingDegrees));
        double east = metres * Math.sin(Math.toRadians(bearingDegrees));
        return new GeoPoint(c.latitude() + north / METRES_PER_DEGREE,
                c.longitude() + east / (METRES_PER_DEGREE * Math.cos(Math.toRadians(c.latitude()))));
    }

    private static String register(String name, GeoPoint at) {
        String body = """
                {"name": "%s", "hostType": "PARK", "address": "%s 路 1 号",
                 "location": {"latitude": %s, "longitude": %s}}
                """.formatted(name, name, at.latitude(), at.longitude());
        return admin().body(body).post("/api/v1/stations").then().statusCode(201).extract().path("id");
    }
}
