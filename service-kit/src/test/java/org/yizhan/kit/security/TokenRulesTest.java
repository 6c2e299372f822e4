package org.yizhan.kit.security;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The token settings check on the kit's own defaults (META-INF/microprofile-config.properties) in
 * each profile, plus what an operator sets in the environment.
 */
class TokenRulesTest {

    private static final String PRODUCTION_ISSUER = "https://id.example.org/realms/yizhan";

    @Test
    void productionHasNoIssuerOrAudienceUnlessTheOperatorSetsThem() throws IOException {
        List<String> problems = TokenRules.settingsProblems(kitConfig("prod", Map.of()));
        assertEquals(2, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("MP_JWT_VERIFY_ISSUER is not set"), problems.get(0));
        assertTrue(problems.get(1).startsWith("MP_JWT_VERIFY_AUDIENCES is not set"), problems.get(1));
    }

    @Test
    void productionRefusesToStartWithTheLocalIssuer() throws IOException {
        List<String> problems = TokenRules.settingsProblems(kitConfig("prod", Map.of(
                "mp.jwt.verify.issuer", TokenRules.LOCAL_ISSUER, "mp.jwt.verify.audiences", "yizhan")));
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("local run's issuer"), problems.get(0));
    }

    @Test
    void productionStartsWithItsOwnIssuerAndAudience() throws IOException {
        SmallRyeConfig config = kitConfig("prod", Map.of(
                "mp.jwt.verify.issuer", PRODUCTION_ISSUER, "mp.jwt.verify.audiences", "yizhan-api"));
        assertEquals(List.of(), TokenRules.settingsProblems(config));
        assertEquals(false, TokenRules.localTokensAccepted(config));
    }

    @Test
    void devModeTestsAndTheLocalRunTrustTheLocalIssuer() throws IOException {
        assertEquals(List.of(), TokenRules.settingsProblems(kitConfig("dev", Map.of())));
        assertEquals(List.of(), TokenRules.settingsProblems(kitConfig("test", Map.of())));
        assertEquals(true, TokenRules.localTokensAccepted(kitConfig("test", Map.of())));
        // ./yizhan up runs the packaged services (production profile) with the switch on.
        assertEquals(List.of(), TokenRules.settingsProblems(kitConfig("prod", Map.of(
                "mp.jwt.verify.issuer", TokenRules.LOCAL_ISSUER, "mp.jwt.verify.audiences", "yizhan",
                TokenRules.LOCAL_TOKENS, "true"))));
    }

    @Test
    void theKitCapsTheLifetimeAndRequiresSubjectIssuedAtAndExpiry() throws IOException {
        SmallRyeConfig config = kitConfig("prod", Map.of());
        assertEquals(12 * 3600L, config.getValue("smallrye.jwt.time-to-live", Long.class));
        assertEquals("sub,iat,exp", config.getValue("smallrye.jwt.required.claims", String.class));
    }

    private static SmallRyeConfig kitConfig(String profile, Map<String, String> environment) throws IOException {
        return new SmallRyeConfigBuilder()
                .withProfile(profile)
                .withSources(new PropertiesConfigSource(TokenRulesTest.class.getClassLoader()
                        .getResource("META-INF/microprofile-config.properties"), 100))
                .withSources(new PropertiesConfigSource(environment, "environment", 300))
                .build();
    }
}
