package org.yizhan.station;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.yizhan.localstack.testing.TestTokens;
import org.yizhan.localstack.testing.YizhanTestResource;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every bad request gets a problem+json answer and changes nothing. */
@QuarkusTest
@WithTestResource(value = YizhanTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "yizhan_station"))
class StationBadInputTest {

    @Inject
    EntityManager em;

    long stationsBefore;
    long outboxBefore;

    @BeforeEach
    void count() {
        stationsBefore = count("station");
        outboxBefore = count("outbox_message");
    }

    @AfterEach
    void nothingChanged() {
        assertEquals(stationsBefore, count("station"), "a rejected request stored a station");
        assertEquals(outboxBefore, count("outbox_message"), "a rejected request wrote an event");
    }

    long count(String table) {
        return ((Number) em.createNativeQuery("select count(*) from " + table).getSingleResult()).longValue();
    }

    static io.restassured.specification.RequestSpecification admin() {
        return given().auth().oauth2(TestTokens.token("admin-1", "union-admin")).contentType(ContentType.JSON);
    }

    @Test
    void missingFieldsAreListedOneByOne() {
        admin().body("{\"hostType\": \"PARK\", \"location\": {\"latitude\": 39.7}}")
                .when().post("/api/v1/stations")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:yizhan:problem:validation"))
                .body("title", equalTo("请求参数不合法"))
                .body("status", equalTo(400))
                .body("instance", equalTo("/api/v1/stations"))
                .body("errors.field", hasItems("name", "address", "location.longitude"))
                .body("errors.field", not(hasItem("hostType")));
    }

    @Test
    void aNumberParameterGivenAsTextIsA400NamingIt() {
        given().queryParam("limit", "abc").when().get("/api/v1/stations")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:yizhan:problem:validation"))
                .body("errors.field", contains("limit"))
                .body("errors[0].message", containsString("must be a whole number"));
        given().queryParam("lat", "x").queryParam("lon", "116.33").when().get("/api/v1/stations/nearby")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("lat"));
        given().queryParam("lat", "39.73").queryParam("lon", "116.33").queryParam("limit", "1.5")
                .when().get("/api/v1/stations/nearby")
                .then().statusCode(400).body("errors.field", contains("limit"));
        // A valid value still means what it meant.
        given().queryParam("limit", "2").when().get("/api/v1/stations")
                .then().statusCode(200).body("items.size()", lessThanOrEqualTo(2));
    }

    @Test
    void malformedJsonIsA400WithoutInternals() {
        admin().body("{\"name\": \"x\", ").when().post("/api/v1/stations")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:yizhan:problem:malformed-json"))
                .body(not(containsString("Exception")))
                .body(not(containsString("at org.")));
    }

    @Test
    void unknownEnumValueNamesTheFieldAndTheAllowedValues() {
        admin().body(StationRegistrationTest.body("x").replace("RESTAURANT", "SPACESHIP"))
                .header("Accept-Language", "en-GB,en;q=0.9")
                .when().post("/api/v1/stations")
                .then().log().ifValidationFails().statusCode(400)
                .contentType("application/problem+json")
                .body("title", equalTo("The request is not valid"))
                .body("errors[0].field", equalTo("hostType"))
                .body("errors[0].message", containsString("SHOPPING_MALL"))
                .body(not(containsString("SPACESHIP\" is not")));
    }

    @Test
    void wrongTypeNamesTheField() {
        admin().body(StationRegistrationTest.body("x").replace("39.7452", "\"north\""))
                .when().post("/api/v1/stations")
                .then().log().ifValidationFails().statusCode(400)
                .body("errors[0].field", equalTo("location.latitude"));
    }

    @Test
    void coordinatesOutOfRangeAreRejected() {
        admin().body(StationRegistrationTest.body("x").replace("116.2893", "190.0"))
                .when().post("/api/v1/stations")
                .then().statusCode(400)
                .body("errors.field", hasItem("location.longitude"));
    }

    @Test
    void emptyBodyIsRejected() {
        admin().when().post("/api/v1/stations")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void writesNeedATokenAndTheRightRole() {
        given().contentType(ContentType.JSON).body(StationRegistrationTest.body("x"))
                .when().post("/api/v1/stations")
                .then().statusCode(401).contentType("application/problem+json")
                .body("type", equalTo("urn:yizhan:problem:unauthorized"));
        given().auth().oauth2(TestTokens.token("rider-1", "worker"))
                .contentType(ContentType.JSON).body(StationRegistrationTest.body("x"))
                .when().post("/api/v1/stations")
                .then().statusCode(403).contentType("application/problem+json")
                .body("type", equalTo("urn:yizhan:problem:forbidden"));
        given().auth().oauth2(TestTokens.expiredToken("admin-1", "union-admin"))
                .contentType(ContentType.JSON).body(StationRegistrationTest.body("x"))
                .when().post("/api/v1/stations")
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void unknownStationIsA404Problem() {
        given().when().get("/api/v1/stations/" + java.util.UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("urn:yizhan:problem:not-found"))
                .body("detail", equalTo("站点不存在"));
        given().when().get("/api/v1/stations/not-a-uuid")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void badPagingParametersAreRejected() {
        given().queryParam("limit", 0).when().get("/api/v1/stations")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("limit"));
        given().queryParam("cursor", "bm9wZQ").when().get("/api/v1/stations")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("cursor"))
                .body("detail", not(nullValue()));
    }
}
