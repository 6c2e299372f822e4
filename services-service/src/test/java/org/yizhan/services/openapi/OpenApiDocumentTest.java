package org.yizhan.services.openapi;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.yizhan.localstack.testing.YizhanTestResource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The OpenAPI document describes the activity endpoints, with examples and their problem answers. */
@QuarkusTest
@WithTestResource(value = YizhanTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "yizhan_services"))
class OpenApiDocumentTest {

    JsonPath document() {
        return given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200).extract().jsonPath();
    }

    @Test
    void theActivityEndpointsAreDescribedWithExamples() {
        given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200)
                .body("paths.keySet()", hasItems("/api/v1/activities", "/api/v1/activities/{id}",
                        "/api/v1/activities/{id}/publish", "/api/v1/activities/{id}/cancel",
                        "/api/v1/activities/organised", "/api/v1/activities/types", "/api/v1/activities/partners",
                        "/api/v1/activities/figures"))
                .body(containsString("爱心义剪进驿站"))
                .body(containsString("暴雨预警，活动延期"));
    }

    @Test
    void everyOperationDocumentsItsProblemAnswers() {
        JsonPath doc = document();
        Map<String, Map<String, Map<String, Object>>> paths = doc.getMap("paths");
        List<String> missing = new ArrayList<>();
        int operations = 0;
        for (var path : paths.entrySet()) {
            for (var op : path.getValue().entrySet()) {
                operations++;
                @SuppressWarnings("unchecked")
                Map<String, Object> responses = (Map<String, Object>) op.getValue().get("responses");
                String where = op.getKey().toUpperCase() + " " + path.getKey();
                if (!responses.containsKey("500")) {
                    missing.add(where + " 500");
                }
                if (op.getValue().get("security") != null && !responses.containsKey("401")) {
                    missing.add(where + " 401");
                }
                boolean input = op.getValue().get("requestBody") != null || op.getValue().get("parameters") != null;
                if (input && !responses.containsKey("400")) {
                    missing.add(where + " 400");
                }
            }
        }
        assertTrue(operations > 10, "operations: " + operations);
        assertEquals(List.of(), missing);
        assertEquals("#/components/schemas/Problem",
                doc.getString("paths.'/api/v1/activities'.post.responses.'401'.content.'application/problem+json'.schema.'$ref'"));
        assertEquals("#/components/schemas/Problem",
                doc.getString("paths.'/api/v1/activities/{id}/publish'.post.responses.'500'.content.'application/problem+json'.schema.'$ref'"));
        // An answer a resource declares with only its status and meaning is a problem too.
        assertEquals("#/components/schemas/Problem",
                doc.getString("paths.'/api/v1/activities/{id}'.get.responses.'404'.content.'application/problem+json'.schema.'$ref'"));
    }
}
