package org.yizhan.station.standards;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.yizhan.localstack.testing.YizhanTestResource;
import org.yizhan.station.domain.HostType;
import org.yizhan.station.domain.standards.Requirement;
import org.yizhan.station.domain.standards.Tier;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.yizhan.station.standards.StandardsFixtures.FOUR_OPTIONAL;
import static org.yizhan.station.standards.StandardsFixtures.addManager;
import static org.yizhan.station.standards.StandardsFixtures.admin;
import static org.yizhan.station.standards.StandardsFixtures.as;
import static org.yizhan.station.standards.StandardsFixtures.inspect;
import static org.yizhan.station.standards.StandardsFixtures.station;
import static org.yizhan.station.standards.StandardsFixtures.today;

/** GET /api/v1/stations/figures: a district's stations by host type and by tier today. */
@QuarkusTest
@WithTestResource(value = YizhanTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "yizhan_station"))
class StationFiguresTest {

    static final String FIGURES = "/api/v1/stations/figures";

    @Test
    void theDistrictsOpenStationsAreCountedByHostTypeAndByTier() {
        String district = "figures-" + UUID.randomUUID().toString().substring(0, 8);
        String demonstration = station(district, "PARK");
        inspect(admin(), demonstration, today().minusDays(10), List.of(), FOUR_OPTIONAL);
        String standard = station(district, "PARK");
        inspect(admin(), standard, today().minusDays(3), List.of(), List.of());
        String failing = station(district, "ENTERPRISE");
        inspect(admin(), failing, today().minusDays(3), List.of(Requirement.UNION_SIGN), FOUR_OPTIONAL);
        station(district, "RESTAURANT");
        String closed = station(district, "ENTERPRISE");
        inspect(admin(), closed, today().minusDays(3), List.of(), FOUR_OPTIONAL);
        admin().body("{\"status\": \"CLOSED\", \"reason\": \"撤站\"}")
                .when().post("/api/v1/stations/" + closed + "/status").then().statusCode(200);
        String elsewhere = station(district + "-other", "PARK");
        inspect(admin(), elsewhere, today().minusDays(3), List.of(), FOUR_OPTIONAL);

        JsonPath figures = as("staff-" + UUID.randomUUID(), "union-staff").queryParam("district", district)
                .when().get(FIGURES).then().statusCode(200)
                .body("district", equalTo(district))
                .body("on", equalTo(today().toString()))
                .body("stations", equalTo(4))
                .body("byHostType.key", contains(Arrays.stream(HostType.values()).map(Enum::name).toArray()))
                .body("byTier.key", contains(Arrays.stream(Tier.values()).map(Enum::name).toArray()))
                .extract().jsonPath();
        assertEquals(Map.of("PARK", 2, "ENTERPRISE", 1, "RESTAURANT", 1), nonZero(figures, "byHostType"));
        assertEquals(Map.of("DEMONSTRATION", 1, "STANDARD", 1, "BASIC", 2), nonZero(figures, "byTier"));

        // Union admins read them too; a district without stations has every row at zero.
        admin().queryParam("district", "无驿站区-" + UUID.randomUUID().toString().substring(0, 8))
                .when().get(FIGURES).then().statusCode(200)
                .body("stations", equalTo(0))
                .body("byHostType.stations.sum()", equalTo(0))
                .body("byTier.stations.sum()", equalTo(0));
    }

    @Test
    void withoutADistrictEveryDistrictCounts() {
        JsonPath before = admin().when().get(FIGURES).then().statusCode(200).extract().jsonPath();
        String district = "figures-" + UUID.randomUUID().toString().substring(0, 8);
        String inspected = station(district, "SUPERMARKET");
        inspect(admin(), inspected, today().minusDays(1), List.of(), List.of());
        JsonPath after = admin().when().get(FIGURES).then().statusCode(200).extract().jsonPath();
        assertNull(after.getString("district"));
        assertEquals(before.getInt("stations") + 1, after.getInt("stations"));
        assertEquals(count(before, "byHostType", "SUPERMARKET") + 1, count(after, "byHostType", "SUPERMARKET"));
        assertEquals(count(before, "byTier", "STANDARD") + 1, count(after, "byTier", "STANDARD"));
        assertEquals(after.getInt("stations"), after.getList("byTier.stations", Integer.class).stream()
                .mapToInt(Integer::intValue).sum());
    }

    @Test
    void onlyUnionStaffAndAdminsReadThemAndATooLongDistrictIsA400() {
        String manager = "manager-" + UUID.randomUUID();
        addManager(station("大兴区"), manager);
        as(manager, "station-manager").when().get(FIGURES).then().statusCode(403);
        as("rider-" + UUID.randomUUID(), "worker").when().get(FIGURES).then().statusCode(403);
        given().when().get(FIGURES).then().statusCode(401);
        admin().queryParam("district", "区".repeat(61)).when().get(FIGURES)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("district"));
    }

    private static Map<String, Integer> nonZero(JsonPath figures, String list) {
        Map<String, Integer> counts = new HashMap<>();
        for (Map<String, Object> row : figures.<Map<String, Object>>getList(list)) {
            int stations = ((Number) row.get("stations")).intValue();
            if (stations > 0) {
                counts.put((String) row.get("key"), stations);
            }
        }
        return counts;
    }

    private static int count(JsonPath figures, String list, String key) {
        return figures.getInt(list + ".find { it.key == '" + key + "' }.stations");
    }
}
