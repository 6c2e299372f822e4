package org.yizhan.station.standards;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.yizhan.localstack.testing.YizhanTestResource;
import org.yizhan.station.domain.standards.Requirement;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.yizhan.station.standards.StandardsFixtures.FOUR_OPTIONAL;
import static org.yizhan.station.standards.StandardsFixtures.addManager;
import static org.yizhan.station.standards.StandardsFixtures.admin;
import static org.yizhan.station.standards.StandardsFixtures.as;
import static org.yizhan.station.standards.StandardsFixtures.inspect;
import static org.yizhan.station.standards.StandardsFixtures.station;
import static org.yizhan.station.standards.StandardsFixtures.today;

@QuarkusTest
@WithTestResource(value = YizhanTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "yizhan_station"))
class DistrictComplianceTest {

    static final String LIST = "/api/v1/stations/compliance";

    static List<Object> ids(String district, String status, String tier, int pageSize) {
        List<Object> ids = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = admin().queryParam("district", district).queryParam("limit", pageSize);
            if (status != null) {
                request.queryParam("status", status);
            }
            if (tier != null) {
                request.queryParam("tier", tier);
            }
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            var page = request.when().get(LIST).then().statusCode(200).extract();
            ids.addAll(page.jsonPath().getList("items.stationId"));
            cursor = page.path("nextCursor");
        } while (cursor != null && ++pages < 100);
        return ids;
    }

    @Test
    void theDistrictListPutsFailingAndOverdueStationsFirstAndFilters() {
        String district = "测试区-" + UUID.randomUUID().toString().substring(0, 8);
        String notInspected = station(district);
        String demonstration = station(district);
        inspect(admin(), demonstration, today().minusDays(40), List.of(), FOUR_OPTIONAL);
        String standard = station(district);
        inspect(admin(), standard, today().minusDays(1), List.of(), List.of());
        String overdue = station(district);
        inspect(admin(), overdue, today().minusDays(400), List.of(), FOUR_OPTIONAL);
        String failing = station(district);
        inspect(admin(), failing, today().minusDays(60), List.of(), FOUR_OPTIONAL);
        inspect(admin(), failing, today().minusDays(5), List.of(Requirement.UNION_SIGN), FOUR_OPTIONAL);
        String closed = station(district);
        admin().body("{\"status\": \"CLOSED\", \"reason\": \"撤站\"}")
                .when().post("/api/v1/stations/" + closed + "/status").then().statusCode(200);

        List<Object> all = List.of(failing, overdue, notInspected, demonstration, standard);
        assertEquals(all, ids(district, null, null, 20));
        assertEquals(all, ids(district, null, null, 2));
        assertEquals(List.of(failing, overdue), ids(district, "NON_COMPLIANT,OVERDUE", null, 20));
        assertEquals(List.of(demonstration), ids(district, null, "DEMONSTRATION", 20));
        assertEquals(List.of(failing, overdue, notInspected), ids(district, null, "BASIC", 1));
        assertEquals(List.of(standard), ids(district, "COMPLIANT", "STANDARD", 20));

        admin().queryParam("district", district).queryParam("status", "NON_COMPLIANT").when().get(LIST)
                .then().statusCode(200)
                .body("items[0].failedRequirements.requirement", contains("UNION_SIGN"))
                .body("items[0].tier", equalTo("BASIC"))
                .body("items[0].district", equalTo(district));
    }

    @Test
    void badFiltersAnswer400AndOnlyUnionAdminsSeeTheList() {
        admin().queryParam("status", "GOOD").queryParam("tier", "GOLD").when().get(LIST)
                .then().statusCode(400).body("errors.field", contains("status", "tier"));
        admin().queryParam("status", ",").queryParam("tier", " , ").when().get(LIST)
                .then().statusCode(400).body("errors.field", contains("status", "tier"));
        admin().queryParam("cursor", "x").when().get(LIST).then().statusCode(400).body("errors.field", contains("cursor"));
        String manager = "manager-" + UUID.randomUUID();
        addManager(station("大兴区"), manager);
        as(manager, "station-manager").when().get(LIST).then().statusCode(403);
        as("rider-" + UUID.randomUUID(), "worker").when().get(LIST).then().statusCode(403);
    }
}
