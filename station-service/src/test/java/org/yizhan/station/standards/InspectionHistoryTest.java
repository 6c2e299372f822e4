package org.yizhan.station.standards;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.yizhan.localstack.testing.YizhanTestResource;
import org.yizhan.station.domain.standards.Requirement;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.yizhan.station.standards.StandardsFixtures.FOUR_OPTIONAL;
import static org.yizhan.station.standards.StandardsFixtures.INSPECTIONS;
import static org.yizhan.station.standards.StandardsFixtures.addManager;
import static org.yizhan.station.standards.StandardsFixtures.admin;
import static org.yizhan.station.standards.StandardsFixtures.as;
import static org.yizhan.station.standards.StandardsFixtures.body;
import static org.yizhan.station.standards.StandardsFixtures.inspect;
import static org.yizhan.station.standards.StandardsFixtures.items;
import static org.yizhan.station.standards.StandardsFixtures.station;
import static org.yizhan.station.standards.StandardsFixtures.today;

/** Every recorded inspection or self-check is an INSPECTED entry of the station's history. */
@QuarkusTest
@WithTestResource(value = YizhanTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "yizhan_station"))
class InspectionHistoryTest {

    static JsonPath history(String stationId) {
        return admin().when().get("/api/v1/stations/" + stationId + "/history")
                .then().statusCode(200).extract().jsonPath();
    }

    @Test
    void inspectionsAreKeptInTheHistoryWithTheirResultAndTheTierAfter() {
        String id = station("大兴区");
        String manager = "manager-" + UUID.randomUUID();
        addManager(id, manager);

        String passed = inspect(admin(), id, today().minusDays(10), List.of(), FOUR_OPTIONAL);
        String failed = inspect(admin(), id, today().minusDays(2), List.of(Requirement.TOILET), FOUR_OPTIONAL);
        String selfCheck = inspect(as(manager, "station-manager"), id, today(), List.of(), List.of());

        JsonPath h = history(id);
        // Newest first: the self-check, the failed inspection, the passed one, then the registration etc.
        assertEquals(List.of("INSPECTED", "INSPECTED", "INSPECTED"), h.getList("change").subList(0, 3));

        assertEquals(selfCheck, h.getString("[0].detail.inspectionId"));
        assertEquals("SELF_CHECK", h.getString("[0].detail.kind"));
        assertEquals(false, h.getBoolean("[0].detail.counts"));
        assertEquals("PASSED", h.getString("[0].detail.result"));
        // A self-check changes nothing: the station stays where the failed inspection left it.
        assertEquals("NON_COMPLIANT", h.getString("[0].detail.statusAfter"));
        assertEquals("BASIC", h.getString("[0].detail.tierAfter"));
        assertEquals(manager, h.getString("[0].changedBy"));

        assertEquals(failed, h.getString("[1].detail.inspectionId"));
        assertEquals("FAILED", h.getString("[1].detail.result"));
        assertEquals(List.of("TOILET"), h.getList("[1].detail.failedRequirements"));
        assertEquals("NON_COMPLIANT", h.getString("[1].detail.statusAfter"));
        assertEquals("BASIC", h.getString("[1].detail.tierAfter"));

        assertEquals(passed, h.getString("[2].detail.inspectionId"));
        assertEquals("PASSED", h.getString("[2].detail.result"));
        assertEquals(4, h.getInt("[2].detail.optionalMet"));
        assertEquals("COMPLIANT", h.getString("[2].detail.statusAfter"));
        assertEquals("DEMONSTRATION", h.getString("[2].detail.tierAfter"));
        assertEquals(today().minusDays(10).toString(), h.getString("[2].detail.inspectedOn"));
        // The entry carries the station as it is (an inspection does not change the record).
        assertEquals(id, h.getString("[2].station.stationId"));

        // Other kinds of change have no detail.
        int last = h.getList("change").size() - 1;
        assertEquals("REGISTERED", h.getString("[" + last + "].change"));
        assertNull(h.get("[" + last + "].detail"));
    }

    @Test
    void aRetriedInspectionAddsNoSecondEntry() {
        String id = station("大兴区");
        Map<String, Object> good = body(today(), items(List.of(), List.of()));
        admin().header("Idempotency-Key", "hist-" + UUID.randomUUID().toString().substring(0, 8) + "-a")
                .body(good).when().post(INSPECTIONS.formatted(id)).then().statusCode(201);
        String key = "hist-" + UUID.randomUUID().toString().substring(0, 8);
        admin().header("Idempotency-Key", key).body(good).when().post(INSPECTIONS.formatted(id)).then().statusCode(201);
        admin().header("Idempotency-Key", key).body(good).when().post(INSPECTIONS.formatted(id)).then().statusCode(200);

        List<String> changes = history(id).getList("change");
        assertEquals(2, changes.stream().filter("INSPECTED"::equals).count());
        // Bad input records nothing, not even a history entry.
        admin().body(Map.of("inspectedOn", today().toString(), "items", List.of()))
                .when().post(INSPECTIONS.formatted(id)).then().statusCode(400);
        assertEquals(changes, history(id).getList("change"));
    }
}
