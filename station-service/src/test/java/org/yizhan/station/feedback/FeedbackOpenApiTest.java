package org.yizhan.station.feedback;

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

/** The feedback endpoints are described, with examples, in the service's OpenAPI document. */
@QuarkusTest
@WithTestResource(value = YizhanTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "yizhan_station"))
class FeedbackOpenApiTest {

    @Test
    void theEndpointsAndTheirExamplesAreDocumented() {
        given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200)
                .body("paths.keySet()", hasItems("/api/v1/stations/{id}/ratings", "/api/v1/stations/{id}/complaints",
                        "/api/v1/stations/{id}/complaints/{complaintId}",
                        "/api/v1/stations/{id}/complaints/{complaintId}/responses",
                        "/api/v1/complaints/mine", "/api/v1/complaints/overdue"))
                .body("paths.'/api/v1/stations/{id}/complaints'.post.responses.'400'", notNullValue())
                .body("paths.'/api/v1/stations/{id}/complaints/{complaintId}/responses'.post.responses.'409'",
                        notNullValue())
                .body("paths.'/api/v1/stations/{id}/ratings'.post.responses.'422'", notNullValue())
                .body("components.schemas.FileComplaintRequest.properties.amenity", notNullValue())
                .body("components.schemas.RatingRequest.properties.stars.maximum", notNullValue())
                .body(containsString("微波炉插电后不加热，已经坏了两天。"))
                .body(containsString("已联系维修，新微波炉明天上午送到。"));
    }
}
