package org.yizhan.gateway;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The start-up check, on the gateway's own application.properties and what operators set. */
class TokenPolicyTest {

    @Test
    void productionWithoutIssuerAndAudienceDoesNotStart() throws IOException {
        List<String> problems = TokenPolicy.problems(config("prod", Map.of()));
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("MP_JWT_VERIFY_AUDIENCES"), problems.get(0));
    }

    @Test
    void productionNamingTheLocalIssuerDoesNotStart() throws IOException {
        List<String> problems = TokenPolicy.problems(config("prod", Map.of(
                "mp.jwt.verify.issuer", TokenPolicy.LOCAL_ISSUER, "mp.jwt.verify.audiences", "yizhan")));
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("local run's issuer"), problems.get(0));
    }

    @Test
    void productionWithItsOwnIssuerAndAudienceStarts() throws IOException {
        assertEquals(List.of(), TokenPolicy.problems(config("prod", Map.of(
                "mp.jwt.verify.issuer", "https://id.example.org/realms/yizhan", "mp.jwt.verify.audiences", "yizhan-api"))));
    }

    @Test
    void theLocalRunMayNameItsIssuerWithLocalTokensOn() throws IOException {
        assertEquals(List.of(), TokenPolicy.problems(config("prod", Map.of(
                "mp.jwt.verify.issuer", TokenPolicy.LOCAL_ISSUER, "mp.jwt.verify.audiences", "yizhan",
                TokenPolicy.LOCAL_TOKENS, "true"))));
        assertEquals(List.of(), TokenPolicy.problems(config("dev", Map.of())));
    }

    private static SmallRyeConfig config(String profile, Map<String, String> environment) throws IOException {
        return new SmallRyeConfigBuilder()
                .withProfile(profile)
                .withSources(new PropertiesConfigSource(
                        TokenPolicyTest.class.getClassLoader().getResource("application.properties"), 250))
                .withSources(new PropertiesConfigSource(environment, "environment", 300))
                .build();
    }
}
