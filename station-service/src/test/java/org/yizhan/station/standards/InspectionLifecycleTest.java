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

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.yizhan.station.standards.StandardsFixtures.COMPLIANCE;
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

@QuarkusTest
@WithTestResource(value = YizhanTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "yizhan_station"))
class InspectionLifecycleTest {

    @Test
    void complianceAndTierFollowTheLatestUnionInspectionAndAFailureDropsTheTierAtOnce() {
        String id = station("大兴区");
        String manager = "manager-" + UUID.randomUUID();
        addManager(id, manager);

        given().when().get(COMPLIANCE.formatted(id)).then().statusCode(200)
                .body("status", equalTo("NOT_INSPECTED")).body("tier", equalTo("BASIC"))
                .body("lastInspectedOn", nullValue()).body("failedRequirements", empty());

        inspect(admin(), id, today().minusDays(20), List.of(), FOUR_OPTIONAL);
        given().when().get(COMPLIANCE.formatted(id)).then().statusCode(200)
                .body("status", equalTo("COMPLIANT")).body("tier", equalTo("DEMONSTRATION"))
                .body("optionalItemsMet", equalTo(4))
                .body("lastInspectedOn", equalTo(today().minusDays(20).toString()))
                .body("nextDueOn", equalTo(today().minusDays(20).plusDays(365).toString()));

        inspect(admin(), id, today().minusDays(2), List.of(Requirement.TOILET), FOUR_OPTIONAL);
        given().when().get(COMPLIANCE.formatted(id)).then().statusCode(200)
                .body("status", equalTo("NON_COMPLIANT")).body("tier", equalTo("BASIC"))
                .body("failedRequirements.requirement", contains("TOILET"))
                .body("failedRequirements[0].finding", equalTo("急可如厕：未达标"));

        // A manager's self-check is kept but does not count.
        as(manager, "station-manager").body(body(today(), items(List.of(), FOUR_OPTIONAL)))
                .when().post(INSPECTIONS.formatted(id))
                .then().statusCode(201).body("kind", equalTo("SELF_CHECK")).body("counts", equalTo(false));
        given().when().get(COMPLIANCE.formatted(id)).then().body("status", equalTo("NON_COMPLIANT"));

        // A back-dated inspection older than the latest one changes nothing.
        inspect(admin(), id, today().minusDays(10), List.of(), FOUR_OPTIONAL);
        given().when().get(COMPLIANCE.formatted(id)).then().body("status", equalTo("NON_COMPLIANT"))
                .body("lastInspectedOn", equalTo(today().minusDays(2).toString()));

        inspect(admin(), id, today(), List.of(), List.of(Requirement.MICROWAVE));
        given().when().get(COMPLIANCE.formatted(id)).then().statusCode(200)
                .body("status", equalTo("COMPLIANT")).body("tier", equalTo("STANDARD"))
                .body("failedRequirements", empty()).body("lastInspectedOn", equalTo(today().toString()));
    }

    @Test
    void anInspectionOlderThanTheIntervalIsOverdueOnlyFromTheDayAfterTheDueDate() {
        String onTime = station("大兴区");
        inspect(admin(), onTime, today().minusDays(365), List.of(), List.of());
        given().when().get(COMPLIANCE.formatted(onTime)).then()
                .body("status", equalTo("COMPLIANT")).body("tier", equalTo("STANDARD"))
                .body("nextDueOn", equalTo(today().toString())).body("overdue", equalTo(false));

        String late = station("大兴区");
        inspect(admin(), late, today().minusDays(366), List.of(), FOUR_OPTIONAL);
        given().when().get(COMPLIANCE.formatted(late)).then()
                .body("status", equalTo("OVERDUE")).body("tier", equalTo("BASIC")).body("overdue", equalTo(true));
    }

    @Test
    void inspectionsAreListedNewestFirstPageByPageForAdminsAndManagers() {
        String id = station("大兴区");
        String manager = "manager-" + UUID.randomUUID();
        addManager(id, manager);
        String oldest = inspect(admin(), id, today().minusDays(30), List.of(), List.of());
        String newest = inspect(admin(), id, today(), List.of(), List.of());
        String middle = inspect(as(manager, "station-manager"), id, today().minusDays(5), List.of(), List.of());

        List<Object> seen = new ArrayList<>();
        String cursor = null;
        do {
            var request = as(manager, "station-manager").queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            var page = request.when().get(INSPECTIONS.formatted(id)).then().statusCode(200).extract();
            seen.addAll(page.jsonPath().getList("items.id"));
            cursor = page.path("nextCursor");
        } while (cursor != null && seen.size() < 10);
        assertEquals(List.of(newest, middle, oldest), seen);

        admin().when().get(INSPECTIONS.formatted(id)).then().statusCode(200)
                .body("items", hasSize(3)).body("items[0].items", hasSize(7))
                .body("items[0].items[0].requirement", equalTo("WARMTH"))
                .body("items[0].recordedBy", equalTo(StandardsFixtures.ADMIN));
        admin().queryParam("cursor", "nonsense!").when().get(INSPECTIONS.formatted(id))
                .then().statusCode(400).body("errors.field", contains("cursor"));
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyRecordsOnce() {
        String id = station("大兴区");
        var body = body(today(), items(List.of(), List.of()));
        String first = admin().header("Idempotency-Key", "insp-" + id).body(body)
                .when().post(INSPECTIONS.formatted(id)).then().statusCode(201).extract().path("id");
        admin().header("Idempotency-Key", "insp-" + id).body(body)
                .when().post(INSPECTIONS.formatted(id)).then().statusCode(200).body("id", equalTo(first));
        admin().when().get(INSPECTIONS.formatted(id)).then().body("items", hasSize(1));
    }

    @Test
    void theChecklistIsPublic() {
        given().when().get("/api/v1/stations/standards").then().statusCode(200)
                .body("requirements.findAll { it.basic }.code",
                        contains("WARMTH", "COOLING", "DRINKING_WATER", "REST", "TOILET", "FIRST_AID", "UNION_SIGN"))
                .body("inspectionIntervalDays", equalTo(365))
                .body("demonstrationOptionalItems", equalTo(4));
    }
}
