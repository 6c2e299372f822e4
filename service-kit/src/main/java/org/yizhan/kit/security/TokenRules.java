package org.yizhan.kit.security;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jose4j.jwx.JsonWebStructure;
import org.jose4j.lang.JoseException;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The token rules that every service applies on top of what smallrye-jwt checks (signature,
 * issuer, audience, expiry, lifetime, required claims): production names its own issuer and
 * audience and refuses the tokens of the local run (ADR 0012).
 */
public final class TokenRules {

    /** Issuer ({@code iss}) of the tokens that the local run and the tests mint. */
    public static final String LOCAL_ISSUER = "https://yizhan.local/issuer";

    /** Key id ({@code kid}) in the header of the tokens that the local run and the tests mint. */
    public static final String LOCAL_KEY_ID = "yizhan-local";

    /**
     * Configuration switch, {@code YIZHAN_SECURITY_LOCAL_TOKENS}: accept the local run's tokens.
     * On in dev mode, in tests and in {@code ./yizhan up}; never in production.
     */
    public static final String LOCAL_TOKENS = "yizhan.security.local-tokens";

    private TokenRules() {
    }

    /** Whether {@code config} lets this process accept the local run's tokens. */
    public static boolean localTokensAccepted(Config config) {
        return config.getOptionalValue(LOCAL_TOKENS, Boolean.class).orElse(false);
    }

    /** What is wrong with the token settings in {@code config}, one sentence each; empty if nothing. */
    public static List<String> settingsProblems(Config config) {
        Optional<String> issuer = nonBlank(config, "mp.jwt.verify.issuer");
        List<String> problems = new ArrayList<>();
        if (issuer.isEmpty()) {
            problems.add("MP_JWT_VERIFY_ISSUER is not set: name the issuer (iss) of your identity provider's tokens.");
        } else if (issuer.get().equals(LOCAL_ISSUER) && !localTokensAccepted(config)) {
            problems.add("MP_JWT_VERIFY_ISSUER names the local run's issuer " + LOCAL_ISSUER + ", which only a"
                    + " developer machine may trust (YIZHAN_SECURITY_LOCAL_TOKENS=true): name your identity"
                    + " provider's issuer.");
        }
        if (nonBlank(config, "mp.jwt.verify.audiences").isEmpty()) {
            problems.add("MP_JWT_VERIFY_AUDIENCES is not set: name the audience (aud) that your identity"
                    + " provider puts in the tokens it issues for Yizhan.");
        }
        return problems;
    }

    /** Whether {@code token} was minted by the local run: its issuer, or its key id. */
    public static boolean isLocal(JsonWebToken token) {
        return LOCAL_ISSUER.equals(token.getIssuer()) || LOCAL_KEY_ID.equals(keyId(token.getRawToken()));
    }

    private static String keyId(String rawToken) {
        if (rawToken == null) {
            return null;
        }
        try {
            return JsonWebStructure.fromCompactSerialization(rawToken).getKeyIdHeaderValue();
        } catch (JoseException e) {
            return null;
        }
    }

    private static Optional<String> nonBlank(Config config, String property) {
        return config.getOptionalValue(property, String.class).filter(value -> !value.isBlank());
    }
}
