package org.yizhan.station;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import org.yizhan.localstack.testing.TestTokens;
import org.yizhan.localstack.testing.YizhanTestResource;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** A client that retries a registration with the same Idempotency-Key registers one station. */
@QuarkusTest
@WithTestResource(value = YizhanTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "yizhan_station"))
class IdempotentRegistrationTest {

    @Inject
    EntityManager em;

    static io.restassured.response.Response register(String subject, String key, String body) {
        var request = given().auth().oauth2(TestTokens.token(subject, "union-admin")).contentType(ContentType.JSON);
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return request.body(body).when().post("/api/v1/stations");
    }

    @Test
    void aRetryWithTheSameKeyReturnsTheFirstStation() {
        String key = "reg-" + UUID.randomUUID();
        String body = StationRegistrationTest.body("重试驿站 " + UUID.randomUUID());
        long stations = count("station");
        long events = count("outbox_message");

        String first = register("admin-1", key, body).then().statusCode(201).extract().path("id");
        String again = register("admin-1", key, body).then().statusCode(200)
                .header("Location", org.hamcrest.Matchers.endsWith("/api/v1/stations/" + first))
                .extract().path("id");

        assertEquals(first, again);
        assertEquals(stations + 1, count("station"));
        assertEquals(events + 1, count("outbox_message"));
    }

    @Test
    void theSameKeyWithAnotherRequestIsRefusedAndChangesNothing() {
        String key = "reg-" + UUID.randomUUID();
        register("admin-1", key, StationRegistrationTest.body("甲 " + UUID.randomUUID())).then().statusCode(201);
        long stations = count("station");

        register("admin-1", key, StationRegistrationTest.body("乙 " + UUID.randomUUID()))
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("urn:yizhan:problem:unprocessable"))
                .body("errors[0].field", equalTo("Idempotency-Key"));
        assertEquals(stations, count("station"));
    }

    @Test
    void keysBelongToTheCallerWhoSentThem() {
        String key = "shared-" + UUID.randomUUID();
        String body = StationRegistrationTest.body("两人驿站 " + UUID.randomUUID());
        String one = register("admin-1", key, body).then().statusCode(201).extract().path("id");
        String two = register("admin-2", key, body).then().statusCode(201).extract().path("id");
        assertNotEquals(one, two);
    }

    @Test
    void aMalformedKeyIsA400() {
        long stations = count("station");
        register("admin-1", "x".repeat(101), StationRegistrationTest.body("键太长"))
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("Idempotency-Key"));
        register("admin-1", "有空格 的键", StationRegistrationTest.body("键不合法"))
                .then().statusCode(400).contentType("application/problem+json");
        assertEquals(stations, count("station"));
    }

    long count(String table) {
        return QuarkusTransaction.requiringNew().call(() ->
                ((Number) em.createNativeQuery("select count(*) from " + table).getSingleResult()).longValue());
    }
}
