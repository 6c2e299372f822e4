package org.yizhan.gateway;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.Test;
import org.yizhan.localstack.security.DevKeys;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.yizhan.gateway.TestSupport.assertProblem;
import static org.yizhan.gateway.TestSupport.claims;
import static org.yizhan.gateway.TestSupport.sign;
import static org.yizhan.gateway.TestSupport.token;

/**
 * The gateway in the production profile, trusting a production identity provider: the local run's
 * tokens are refused even when the key that signed them is the trusted one.
 */
@QuarkusTest
@TestProfile(ProductionTokensTest.Production.class)
@WithTestResource(value = GatewayTestResource.class,
        initArgs = @ResourceArg(name = GatewayTestResource.TOKENS, value = "production"))
class ProductionTokensTest {

    public static class Production implements QuarkusTestProfile {
        @Override
        public String getConfigProfile() {
            return "prod";
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            // What the test profile sets: a free port, and a key location known when the application
            // is built, else smallrye-jwt puts a generated key in place of it in tests.
            return Map.of("quarkus.http.test-port", "0",
                    "quarkus.log.console.json.enabled", "false",
                    "mp.jwt.verify.publickey.location",
                    DevKeys.loadOrCreate(GatewayTestResource.keysDir()).publicKeyPem().toString());
        }
    }

    @Test
    void aTokenOfTheConfiguredIssuerPasses() {
        Response response = given().auth().oauth2(sign(production("worker-7"), "idp-2026")).get("/api/v1/activities");
        assertEquals(200, response.statusCode(), response.asString());
        assertEquals("services-service", response.header("X-Upstream"));
    }

    @Test
    void aTokenWithTheLocalIssuerIsRefused() {
        Response response = given().auth().oauth2(token("worker-7", "worker")).get("/api/v1/activities");
        assertProblem(response, 401, "unauthorized", "/api/v1/activities");
        assertNull(response.header("X-Upstream"));
    }

    @Test
    void aTokenWithTheLocalKeyIdIsRefusedWhateverItsIssuer() {
        Response response = given().auth().oauth2(sign(production("worker-7"), DevKeys.KEY_ID))
                .get("/api/v1/stations");
        assertProblem(response, 401, "unauthorized", "/api/v1/stations");
        assertNull(response.header("X-Upstream"));
    }

    private static JwtClaims production(String subject) {
        JwtClaims claims = claims(subject);
        claims.setIssuer(GatewayTestResource.PRODUCTION_ISSUER);
        claims.setAudience(GatewayTestResource.PRODUCTION_AUDIENCE);
        return claims;
    }
}
