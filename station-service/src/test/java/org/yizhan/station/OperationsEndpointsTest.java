package org.yizhan.station;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.yizhan.kit.health.EventsReadiness;
import org.yizhan.localstack.testing.TestTokens;
import org.yizhan.localstack.testing.YizhanTestResource;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

@QuarkusTest
@WithTestResource(value = YizhanTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "yizhan_station"))
class OperationsEndpointsTest {

    @Test
    void readinessCoversTheDatabaseAndShowsTheEventFlow() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem(containsString("Database")))
                .body("checks.name", hasItem(EventsReadiness.NAME));
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void aFilterThatIsNeitherTrueNorFalseIsA400() {
        String admin = TestTokens.token("ops-admin-1", "union-admin");
        given().auth().oauth2(admin).queryParam("replayed", "x")
                .when().get("/api/v1/ops/station-service/dead-letters")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("replayed"));
        given().auth().oauth2(admin).queryParam("replayed", "false")
                .when().get("/api/v1/ops/station-service/dead-letters")
                .then().statusCode(200);
    }

    @Test
    void openApiDocumentsTheStationOperations() {
        given().queryParam("format", "json").when().get("/q/openapi")
                .then().log().ifValidationFails().statusCode(200)
                .body("paths.'/api/v1/stations'.post.summary", equalTo("Register a station"))
                .body("components.schemas.Problem.properties.type.examples[0]", equalTo("urn:yizhan:problem:validation"));
    }
}
