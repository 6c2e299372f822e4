package org.yizhan.station.award;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.yizhan.localstack.testing.YizhanTestResource;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.yizhan.station.award.AwardFixtures.admin;

/** A year's snapshots page newest first through every snapshot once. */
@QuarkusTest
@WithTestResource(value = YizhanTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "yizhan_station"))
class AwardSnapshotPagingTest {

    private static final int YEAR = 2023;

    @Test
    void snapshotsPageNewestFirstWithoutDuplicateOrGap() {
        String base = "/api/v1/stations/awards/" + YEAR + "/snapshots";
        List<String> taken = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            taken.add(0, admin().when().post(base).then().statusCode(201).extract().path("id"));
        }
        List<String> all = admin().queryParam("limit", 100).when().get(base).then().statusCode(200)
                .extract().jsonPath().getList("items.id");

        List<String> walked = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            RequestSpecification request = admin().queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.when().get(base).then().statusCode(200).extract().jsonPath();
            List<String> items = page.getList("items.id");
            assertTrue(items.size() <= 2);
            walked.addAll(items);
            cursor = page.getString("nextCursor");
        } while (cursor != null && ++pages < 100);

        assertEquals(walked.size(), new HashSet<>(walked).size(), "a snapshot listed twice: " + walked);
        assertEquals(all, walked, "two at a time lists what one page lists");
        assertEquals(taken, walked.subList(0, taken.size()), "the newest first");
    }
}
