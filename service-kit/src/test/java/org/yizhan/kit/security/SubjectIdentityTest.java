package org.yizhan.kit.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipal;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The augmentor on identities built as smallrye-jwt builds them, from a token's claims. */
class SubjectIdentityTest {

    private static final AuthenticationRequestContext BLOCKING = new AuthenticationRequestContext() {
        @Override
        public Uni<SecurityIdentity> runBlocking(Supplier<SecurityIdentity> function) {
            return Uni.createFrom().item(function);
        }
    };

    @Test
    void theCallerIsNamedBySubjectNotByUpn() {
        JwtClaims claims = claims("https://id.example.org/realms/yizhan");
        claims.setClaim("upn", "zhang.san@example.org");
        SecurityIdentity identity = identity(claims);
        assertEquals("zhang.san@example.org", identity.getPrincipal().getName(), "smallrye-jwt names it by upn");

        SecurityIdentity augmented = augment(new SubjectIdentity(), identity);
        assertEquals("rider-42", augmented.getPrincipal().getName());
        assertTrue(augmented.hasRole("worker"));
        JsonWebToken token = (JsonWebToken) augmented.getPrincipal();
        assertEquals("zhang.san@example.org", token.getClaim("upn"));
        assertEquals(Set.of("worker"), token.getGroups());
        assertEquals(Set.of("yizhan-api"), token.getAudience());
    }

    @Test
    void aTokenWithoutSubjectIsRefused() {
        JwtClaims claims = claims("https://id.example.org/realms/yizhan");
        claims.unsetClaim("sub");
        claims.setClaim("upn", "zhang.san@example.org");
        assertThrows(AuthenticationFailedException.class, () -> augment(new SubjectIdentity(), identity(claims)));
    }

    @Test
    void theLocalIssuerIsRecognised() {
        JsonWebToken local = (JsonWebToken) identity(claims(TokenRules.LOCAL_ISSUER)).getPrincipal();
        JsonWebToken production = (JsonWebToken) identity(claims("https://id.example.org/realms/yizhan")).getPrincipal();
        assertTrue(TokenRules.isLocal(local));
        assertEquals(false, TokenRules.isLocal(production));
    }

    private static SecurityIdentity augment(SubjectIdentity augmentor, SecurityIdentity identity) {
        return augmentor.augment(identity, BLOCKING).await().indefinitely();
    }

    private static JwtClaims claims(String issuer) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(issuer);
        claims.setAudience("yizhan-api");
        claims.setSubject("rider-42");
        claims.setStringListClaim("groups", List.of("worker"));
        claims.setIssuedAtToNow();
        claims.setExpirationTimeMinutesInTheFuture(60);
        return claims;
    }

    private static SecurityIdentity identity(JwtClaims claims) {
        JsonWebToken token = new DefaultJWTCallerPrincipal("JWT", claims);
        return QuarkusSecurityIdentity.builder().setPrincipal(token).addRoles(token.getGroups()).build();
    }
}
