package org.yizhan.gateway;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jose4j.jwx.JsonWebStructure;
import org.jose4j.lang.JoseException;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The gateway's token rules beyond what smallrye-jwt checks (signature, issuer, audience, expiry,
 * lifetime, subject): outside a developer machine it needs an explicit issuer and audience to
 * start, and refuses the tokens of the local run, recognised by their issuer or key id (ADR 0012).
 * The services apply the same rules through the service kit.
 */
@ApplicationScoped
public class TokenPolicy implements SecurityIdentityAugmentor {

    static final String LOCAL_ISSUER = "https://yizhan.local/issuer";
    static final String LOCAL_KEY_ID = "yizhan-local";
    static final String LOCAL_TOKENS = "yizhan.security.local-tokens";

    private final boolean localTokens = localTokens(ConfigProvider.getConfig());

    void checkSettings(@Observes StartupEvent event) {
        List<String> problems = problems(ConfigProvider.getConfig());
        if (!problems.isEmpty()) {
            throw new IllegalStateException("The gateway's token settings are not fit for this environment: "
                    + String.join(" ", problems));
        }
    }

    /** Missing or local-only token settings in {@code config}, one sentence each. */
    static List<String> problems(Config config) {
        List<String> problems = new ArrayList<>();
        Optional<String> issuer = setting(config, "mp.jwt.verify.issuer");
        if (issuer.isEmpty() || setting(config, "mp.jwt.verify.audiences").isEmpty()) {
            problems.add("Set MP_JWT_VERIFY_ISSUER and MP_JWT_VERIFY_AUDIENCES to the issuer (iss) and the"
                    + " audience (aud) of your identity provider's tokens.");
        }
        if (issuer.filter(LOCAL_ISSUER::equals).isPresent() && !localTokens(config)) {
            problems.add("MP_JWT_VERIFY_ISSUER names the local run's issuer " + LOCAL_ISSUER
                    + "; only a developer machine trusts it (YIZHAN_SECURITY_LOCAL_TOKENS=true).");
        }
        return problems;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (!localTokens && identity.getPrincipal() instanceof JsonWebToken token && fromLocalRun(token)) {
            return Uni.createFrom().failure(new AuthenticationFailedException("a token of the local run"));
        }
        return Uni.createFrom().item(identity);
    }

    private static boolean fromLocalRun(JsonWebToken token) {
        if (LOCAL_ISSUER.equals(token.getIssuer())) {
            return true;
        }
        try {
            return LOCAL_KEY_ID.equals(JsonWebStructure.fromCompactSerialization(token.getRawToken()).getKeyIdHeaderValue());
        } catch (JoseException e) {
            return false;
        }
    }

    private static boolean localTokens(Config config) {
        return config.getOptionalValue(LOCAL_TOKENS, Boolean.class).orElse(false);
    }

    private static Optional<String> setting(Config config, String name) {
        return config.getOptionalValue(name, String.class).filter(value -> !value.isBlank());
    }
}
