package org.yizhan.legalaid;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.Test;
import org.yizhan.localstack.security.DevKeys;
import org.yizhan.localstack.testing.TestTokens;
import org.yizhan.localstack.testing.YizhanTestResource;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/**
 * The service in the production profile with the service kit's defaults, trusting a production
 * identity provider's issuer and audience: the local run's tokens are refused even though the key
 * that signed them is the trusted one.
 */
@QuarkusTest
@TestProfile(ProductionTokenRulesTest.Production.class)
class ProductionTokenRulesTest {

    static final String ISSUER = "https://id.example.org/realms/yizhan";
    static final String AUDIENCE = "yizhan-api";

    public static class Production implements QuarkusTestProfile {
        @Override
        public String getConfigProfile() {
            return "prod";
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.http.test-port", "0", "quarkus.log.console.json.enabled", "false");
        }

        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(ProductionIdentityProvider.class, Map.of("database", "yizhan_legal_aid")));
        }
    }

    /** The tests' infrastructure, with the production issuer and audience instead of the local ones. */
    public static class ProductionIdentityProvider extends YizhanTestResource {
        @Override
        public Map<String, String> start() {
            Map<String, String> config = new HashMap<>(super.start());
            config.put("mp.jwt.verify.issuer", ISSUER);
            config.put("mp.jwt.verify.audiences", AUDIENCE);
            return config;
        }
    }

    @Test
    void aTokenOfTheConfiguredIssuerIsAcceptedAndNamedBySubject() {
        JwtClaims claims = production("rider-42");
        claims.setClaim("upn", "zhang.san@example.org");
        given().auth().oauth2(TestTokens.keys().sign(claims, "idp-2026")).get("/test/caller")
                .then().statusCode(200).body(equalTo("rider-42"));
    }

    @Test
    void aTokenWithTheLocalIssuerIsRefused() {
        given().auth().oauth2(TestTokens.token("rider-42", "worker")).get("/test/caller").then().statusCode(401);
    }

    @Test
    void aTokenWithTheLocalKeyIdIsRefusedWhateverItsIssuer() {
        given().auth().oauth2(TestTokens.keys().sign(production("rider-42"), DevKeys.KEY_ID)).get("/test/caller")
                .then().statusCode(401);
    }

    private static JwtClaims production(String subject) {
        JwtClaims claims = DevKeys.claims(subject, List.of("worker"), Duration.ofHours(1));
        claims.setIssuer(ISSUER);
        claims.setAudience(AUDIENCE);
        return claims;
    }
}
