package org.yizhan.station.standards;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import org.yizhan.localstack.testing.YizhanTestResource;
import org.yizhan.station.domain.standards.Requirement;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.yizhan.station.standards.StandardsFixtures.COMPLIANCE;
import static org.yizhan.station.standards.StandardsFixtures.INSPECTIONS;
import static org.yizhan.station.standards.StandardsFixtures.addManager;
import static org.yizhan.station.standards.StandardsFixtures.admin;
import static org.yizhan.station.standards.StandardsFixtures.as;
import static org.yizhan.station.standards.StandardsFixtures.body;
import static org.yizhan.station.standards.StandardsFixtures.inspect;
import static org.yizhan.station.standards.StandardsFixtures.item;
import static org.yizhan.station.standards.StandardsFixtures.items;
import static org.yizhan.station.standards.StandardsFixtures.station;
import static org.yizhan.station.standards.StandardsFixtures.today;

@QuarkusTest
@WithTestResource(value = YizhanTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "yizhan_station"))
class InspectionBadInputTest {

    @Inject
    EntityManager em;

    long stored(String stationId) {
        return ((Number) em.createNativeQuery("select count(*) from station_inspection where station_id = :s")
                .setParameter("s", UUID.fromString(stationId)).getSingleResult()).longValue()
                + ((Number) em.createNativeQuery("select count(*) from station_inspection_item i"
                        + " join station_inspection s on s.id = i.inspection_id where s.station_id = :s")
                .setParameter("s", UUID.fromString(stationId)).getSingleResult()).longValue();
    }

    @Test
    void missingAndDuplicateRequirementsAreListedByFieldAndNothingIsStored() {
        String id = station("大兴区");
        inspect(admin(), id, today().minusDays(3), List.of(), List.of());
        long before = stored(id);

        List<Map<String, Object>> items = new ArrayList<>(items(List.of(), List.of()));
        items.removeIf(i -> i.get("requirement").equals("TOILET") || i.get("requirement").equals("UNION_SIGN"));
        items.add(item(Requirement.WARMTH, "NOT_MET", "暖气坏了"));   // index 5: a duplicate
        admin().header("Accept-Language", "en").body(body(today(), items))
                .when().post(INSPECTIONS.formatted(id))
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:yizhan:problem:validation"))
                .body("errors.field", contains("items", "items[5].requirement"))
                .body("errors[0].message", equalTo("缺少基本要求：TOILET, UNION_SIGN / missing basic requirements: TOILET, UNION_SIGN"));

        assertEquals(before, stored(id));
        given().when().get(COMPLIANCE.formatted(id)).then().body("status", equalTo("COMPLIANT"))
                .body("lastInspectedOn", equalTo(today().minusDays(3).toString()));
    }

    @Test
    void aFutureDateAndOtherBadFieldsAnswer400AllAtOnceAndStoreNothing() {
        String id = station("大兴区");
        List<Map<String, Object>> items = new ArrayList<>(items(List.of(), List.of()));
        items.set(1, item(Requirement.COOLING, "NOT_APPLICABLE", null));   // basic: MET or NOT_MET only
        items.set(4, item(Requirement.TOILET, "NOT_MET", "  "));           // NOT_MET needs a finding
        admin().body(body(today().plusDays(1), items))
                .when().post(INSPECTIONS.formatted(id))
                .then().statusCode(400)
                .body("errors.field", contains("inspectedOn", "items[1].result", "items[4].finding"));

        admin().body(Map.of("items", items(List.of(), List.of())))
                .when().post(INSPECTIONS.formatted(id))
                .then().statusCode(400).body("errors.field", contains("inspectedOn"));
        admin().body(Map.of("inspectedOn", today().toString(), "items", List.of()))
                .when().post(INSPECTIONS.formatted(id))
                .then().statusCode(400).body("errors.field", hasItem("items"));
        admin().body("{\"inspectedOn\": \"%s\", \"items\": [{\"requirement\": \"SAUNA\", \"result\": \"MET\"}]}"
                        .formatted(today()))
                .when().post(INSPECTIONS.formatted(id))
                .then().statusCode(400).body("type", startsWith("urn:yizhan:problem:"));

        assertEquals(0, stored(id));
        given().when().get(COMPLIANCE.formatted(id)).then().body("status", equalTo("NOT_INSPECTED"));
    }

    @Test
    void onlyUnionAdminsAndTheStationsOwnManagersMayRecordOrRead() {
        String id = station("大兴区");
        String other = station("大兴区");
        String otherManager = "manager-" + UUID.randomUUID();
        addManager(other, otherManager);
        var good = body(today(), items(List.of(), List.of()));

        as("rider-" + UUID.randomUUID(), "worker").body(good).when().post(INSPECTIONS.formatted(id))
                .then().statusCode(403).contentType("application/problem+json");
        as(otherManager, "station-manager").body(good).when().post(INSPECTIONS.formatted(id))
                .then().statusCode(403).contentType("application/problem+json");
        // A bad body does not tell a stranger more than 403.
        as(otherManager, "station-manager").body(Map.of("items", List.of())).when().post(INSPECTIONS.formatted(id))
                .then().statusCode(403);
        given().contentType("application/json").body(good).when().post(INSPECTIONS.formatted(id))
                .then().statusCode(401);
        as(otherManager, "station-manager").when().get(INSPECTIONS.formatted(id)).then().statusCode(403);
        as("rider-" + UUID.randomUUID(), "worker").when().get(INSPECTIONS.formatted(id)).then().statusCode(403);
        admin().body(good).when().post(INSPECTIONS.formatted(UUID.randomUUID())).then().statusCode(404);

        assertEquals(0, stored(id));
        given().when().get(COMPLIANCE.formatted(id)).then().statusCode(200).body("status", equalTo("NOT_INSPECTED"));
        given().when().get(COMPLIANCE.formatted(UUID.randomUUID())).then().statusCode(404);
    }
}
