package org.yizhan.station.award;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.yizhan.localstack.testing.YizhanTestResource;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;

/** The award endpoints are described, with examples, in the service's OpenAPI document. */
@QuarkusTest
@WithTestResource(value = YizhanTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "yizhan_station"))
class AwardOpenApiTest {

    @Test
    void theEndpointsAndTheirExamplesAreDocumented() {
        given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200)
                .body("paths.keySet()", hasItems("/api/v1/stations/awards/{year}/ranking",
                        "/api/v1/stations/awards/{year}/snapshots", "/api/v1/stations/awards/{year}/snapshots/{snapshotId}",
                        "/api/v1/stations/{id}/score", "/api/v1/stations/{id}/awards", "/api/v1/stations/awards"))
                .body("paths.'/api/v1/stations/{id}/awards'.post.responses.'409'", notNullValue())
                .body("paths.'/api/v1/stations/{id}/awards'.post.responses.'400'", notNullValue())
                .body("paths.'/api/v1/stations/awards/{year}/ranking'.get.responses.'403'", notNullValue())
                .body("components.schemas.AwardRequest.properties.title.maxLength", notNullValue())
                .body("components.schemas.StationScore.properties.criteria", notNullValue())
                .body(containsString("2026年度北京市最美户外劳动者服务站点"));
    }
}
