package org.yizhan.gateway;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.vertx.core.json.JsonObject;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.yizhan.localstack.security.DevKeys;

import java.time.Duration;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.yizhan.gateway.TestSupport.assertProblem;
import static org.yizhan.gateway.TestSupport.claims;
import static org.yizhan.gateway.TestSupport.expiredToken;
import static org.yizhan.gateway.TestSupport.foreignToken;
import static org.yizhan.gateway.TestSupport.json;
import static org.yizhan.gateway.TestSupport.sign;
import static org.yizhan.gateway.TestSupport.token;

@QuarkusTest
@WithTestResource(GatewayTestResource.class)
class SecurityTest {

    @ParameterizedTest
    @CsvSource({"GET, /api/v1/stations", "GET, /api/v1/stations/st-9/services", "HEAD, /api/v1/stations/st-9",
            "OPTIONS, /api/v1/stations"})
    void readingTheStationDirectoryNeedsNoToken(String method, String path) {
        Response response = given().request(method, path + "?near=30.66,104.06");
        assertEquals(200, response.statusCode(), response.asString());
        assertEquals("station-service", response.header("X-Upstream"));
    }

    @ParameterizedTest
    @CsvSource({"GET, /api/v1/checkups/feed/$bulk-publish", "GET, /api/v1/checkups/feed/slots.ndjson",
            "HEAD, /api/v1/checkups/feed/locations.ndjson"})
    void readingTheCheckupAvailabilityFeedNeedsNoToken(String method, String path) {
        Response response = given().urlEncodingEnabled(false).request(method, path);
        assertEquals(200, response.statusCode(), response.asString());
        assertEquals("health-checkup-service", response.header("X-Upstream"));
    }

    @Test
    void aPublicReadReachesTheServiceWithoutAnAuthorizationHeader() {
        JsonObject echo = json(given().get("/api/v1/stations"));
        assertEquals("GET", echo.getString("method"));
        assertNull(echo.getJsonObject("headers").getString("authorization"));
    }

    @Test
    void writingToStationsWithoutATokenIsAnUnauthorizedProblem() {
        Response response = given().contentType("application/json").body("{\"name\":\"春熙路驿站\"}")
                .post("/api/v1/stations");
        assertProblem(response, 401, "unauthorized", "/api/v1/stations");
        assertEquals("Bearer", response.header("WWW-Authenticate"));
        assertNull(response.header("X-Upstream"));
        assertTrue(response.header("X-Request-Id") != null);
    }

    @Test
    void writingToStationsWithAValidTokenIsForwarded() {
        String token = token("admin-1", "station-admin");
        Response response = given().auth().oauth2(token).contentType("application/json").body("{\"name\":\"驿站\"}")
                .post("/api/v1/stations");
        assertEquals(200, response.statusCode(), response.asString());
        JsonObject echo = json(response);
        assertEquals("station-service", echo.getString("upstream"));
        assertEquals("POST", echo.getString("method"));
        assertEquals("Bearer " + token, echo.getJsonObject("headers").getString("authorization"));
        assertEquals("{\"name\":\"驿站\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8).length,
                echo.getLong("bodyBytes"));
    }

    @ParameterizedTest
    @CsvSource({"GET, /api/v1/activities", "GET, /api/v1/activities/p-1", "POST, /api/v1/checkups",
            "GET, /api/v1/checkups/campaigns", "GET, /api/v1/checkups/feedback", "POST, /api/v1/checkups/feed/x",
            "GET, /api/v1/legal-aid/cases", "DELETE, /api/v1/stations/st-1", "PUT, /api/v1/stations/st-1"})
    void everythingElseUnderApiNeedsAToken(String method, String path) {
        Response response = given().request(method, path);
        assertProblem(response, 401, "unauthorized", path);
        assertNull(response.header("X-Upstream"));
    }

    @Test
    void aTokenSignedByAnotherKeyIsRefused() {
        Response response = given().auth().oauth2(foreignToken("intruder")).get("/api/v1/activities");
        assertProblem(response, 401, "unauthorized", "/api/v1/activities");
        assertNull(response.header("X-Upstream"));
    }

    @Test
    void anExpiredTokenIsRefused() {
        Response response = given().auth().oauth2(expiredToken("late-worker")).get("/api/v1/activities");
        assertProblem(response, 401, "unauthorized", "/api/v1/activities");
    }

    @Test
    void anInvalidTokenIsRefusedEvenOnAPublicPath() {
        Response response = given().auth().oauth2(foreignToken("intruder")).get("/api/v1/stations");
        assertProblem(response, 401, "unauthorized", "/api/v1/stations");
        assertNull(response.header("X-Upstream"));

        Response garbage = given().header("Authorization", "Bearer not-a-jwt").get("/api/v1/stations/st-1");
        assertProblem(garbage, 401, "unauthorized", "/api/v1/stations/st-1");
    }

    @Test
    void aTokenWithoutSubjectIsRefused() {
        JwtClaims claims = claims("nobody");
        claims.unsetClaim("sub");
        Response response = given().auth().oauth2(sign(claims, DevKeys.KEY_ID)).get("/api/v1/activities");
        assertProblem(response, 401, "unauthorized", "/api/v1/activities");
        assertNull(response.header("X-Upstream"));
    }

    @Test
    void aTokenMayLiveTwelveHoursAndNoLonger() {
        JwtClaims twelveHours = claims("shift-worker", Duration.ofHours(12));
        assertEquals(200, given().auth().oauth2(sign(twelveHours, DevKeys.KEY_ID)).get("/api/v1/activities")
                .statusCode());

        JwtClaims thirteenHours = claims("shift-worker", Duration.ofHours(13));
        assertProblem(given().auth().oauth2(sign(thirteenHours, DevKeys.KEY_ID)).get("/api/v1/activities"),
                401, "unauthorized", "/api/v1/activities");

        JwtClaims noIssuedAt = claims("shift-worker");
        noIssuedAt.unsetClaim("iat");
        assertProblem(given().auth().oauth2(sign(noIssuedAt, DevKeys.KEY_ID)).get("/api/v1/activities"),
                401, "unauthorized", "/api/v1/activities");
    }

    @Test
    void aTokenForAnotherAudienceIsRefused() {
        JwtClaims other = claims("worker-3");
        other.setAudience("another-api");
        assertProblem(given().auth().oauth2(sign(other, DevKeys.KEY_ID)).get("/api/v1/activities"),
                401, "unauthorized", "/api/v1/activities");

        JwtClaims none = claims("worker-3");
        none.unsetClaim("aud");
        assertProblem(given().auth().oauth2(sign(none, DevKeys.KEY_ID)).get("/api/v1/activities"),
                401, "unauthorized", "/api/v1/activities");
    }

    @Test
    void problemsAreChineseByDefaultAndEnglishOnRequest() {
        JsonObject chinese = assertProblem(given().get("/api/v1/activities"), 401, "unauthorized", "/api/v1/activities");
        assertEquals("未认证", chinese.getString("title"));

        Response english = given().header("Accept-Language", "en-US,en;q=0.9").get("/api/v1/activities");
        JsonObject problem = assertProblem(english, 401, "unauthorized", "/api/v1/activities");
        assertEquals("Unauthorized", problem.getString("title"));
        assertEquals("en", english.header("Content-Language"));

        JsonObject rejected = assertProblem(
                given().header("Accept-Language", "en").auth().oauth2(foreignToken("x")).get("/api/v1/stations"),
                401, "unauthorized", "/api/v1/stations");
        assertEquals("Unauthorized", rejected.getString("title"));
    }

    @Test
    void theGatewayLeavesRolesToTheServices() {
        // A token without any role still passes the gateway; the service decides what it may do.
        Response response = given().auth().oauth2(token("visitor")).get("/api/v1/legal-aid/faq");
        assertEquals(200, response.statusCode(), response.asString());
        assertEquals("legal-aid-service", json(response).getString("upstream"));
    }
}
