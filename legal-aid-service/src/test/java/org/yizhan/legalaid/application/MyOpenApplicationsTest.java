package org.yizhan.legalaid.application;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.yizhan.localstack.testing.YizhanTestResource;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.yizhan.localstack.testing.TestTokens.token;

/** GET /api/v1/legal-aid/applications/mine?open=true: a worker's applications and cases not yet ended. */
@QuarkusTest
@WithTestResource(value = YizhanTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "yizhan_legal_aid"))
class MyOpenApplicationsTest {

    private static final String PATH = "/api/v1/legal-aid/applications";
    private static final String MINE = PATH + "/mine";
    private static final String ADMIN = token("admin-open-1", "union-admin");

    @Test
    void openKeepsTheApplicationsAtIntakeTheAcceptedCasesAndTheAppeals() {
        String subject = "rider-open-" + UUID.randomUUID();
        String worker = token(subject, "worker");
        String intake = apply(worker);
        String accepted = apply(worker);
        post(accepted, "/conflict-decision", "{\"decision\": \"NO_CONFLICT\"}");
        post(accepted, "/decision", "{\"outcome\": \"ACCEPT\"}");
        String rejected = apply(worker);
        post(rejected, "/decision", "{\"outcome\": \"REJECT\", \"reason\": \"不属于法律援助事项范围\"}");
        String appealed = apply(worker);
        post(appealed, "/decision", "{\"outcome\": \"REJECT\", \"reason\": \"不属于法律援助事项范围\"}");
        post(appealed, "/appeal", "{\"grounds\": \"申请人为进城务工人员，申请支付劳动报酬\"}");

        given().auth().oauth2(worker).get(MINE).then().statusCode(200)
                .body("items.id", contains(appealed, rejected, accepted, intake));
        given().auth().oauth2(worker).queryParam("open", "true").get(MINE).then().statusCode(200)
                .body("items.id", contains(appealed, accepted, intake))
                .body("items.status", containsInAnyOrder("APPEALED", "ACCEPTED", "INTAKE"));

        JsonPath page = given().auth().oauth2(worker).queryParam("open", "true").queryParam("limit", 2).get(MINE)
                .then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(appealed, accepted), page.getList("items.id"));
        given().auth().oauth2(worker).queryParam("open", "true").queryParam("limit", 2)
                .queryParam("cursor", page.getString("nextCursor")).get(MINE)
                .then().statusCode(200).body("items.id", contains(intake)).body("nextCursor", nullValue());

        // Another worker's open applications are not theirs to see.
        given().auth().oauth2(token("rider-open-" + UUID.randomUUID(), "worker")).queryParam("open", "true")
                .get(MINE).then().statusCode(200).body("items.size()", equalTo(0));
    }

    @Test
    void aBadOpenIsA400NamingIt() {
        given().auth().oauth2(token("rider-open-" + UUID.randomUUID(), "worker")).queryParam("open", "1")
                .get(MINE).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("open"));
    }

    private static String apply(String worker) {
        return given().auth().oauth2(worker).contentType(ContentType.JSON)
                .body(Map.of("category", "WAGE_ARREARS", "opposingPartyName", "某" + UUID.randomUUID() + "公司",
                        "facts", "拖欠工资两个月", "amountClaimedFen", 500000))
                .post(PATH).then().statusCode(201).extract().path("id");
    }

    private static void post(String id, String action, String body) {
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(body).post(PATH + "/" + id + action)
                .then().statusCode(200);
    }
}
