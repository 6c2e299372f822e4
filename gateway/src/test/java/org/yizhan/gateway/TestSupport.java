package org.yizhan.gateway;

import org.yizhan.localstack.TempDirs;

import io.restassured.response.Response;
import io.vertx.core.json.JsonObject;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.NumericDate;
import org.yizhan.localstack.security.DevKeys;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Tokens and JSON parsing shared by the gateway tests. */
final class TestSupport {

    private TestSupport() {
    }

    /** A token the gateway trusts. */
    static String token(String subject, String... roles) {
        return DevKeys.loadOrCreate(GatewayTestResource.keysDir()).mint(subject, roles);
    }

    /** A token the gateway trusts, of a partner organisation's system ({@code org} claim). */
    static String partnerToken(String subject, String organisation) {
        return DevKeys.loadOrCreate(GatewayTestResource.keysDir()).mint(subject, List.of("partner"), Duration.ofHours(1),
                organisation);
    }

    /** The claims of a token the gateway trusts, to change before {@link #sign(JwtClaims, String)}. */
    static JwtClaims claims(String subject) {
        return DevKeys.claims(subject, List.of("worker"), Duration.ofHours(1));
    }

    /** As {@link #claims(String)}, expiring {@code lifetime} after it was issued (longer than allowed too). */
    static JwtClaims claims(String subject, Duration lifetime) {
        JwtClaims claims = claims(subject);
        try {
            claims.setExpirationTime(NumericDate.fromSeconds(claims.getIssuedAt().getValue() + lifetime.toSeconds()));
        } catch (MalformedClaimException e) {
            throw new IllegalStateException(e);
        }
        return claims;
    }

    /** {@code claims} signed with the key the gateway trusts, naming {@code keyId} in the header. */
    static String sign(JwtClaims claims, String keyId) {
        return DevKeys.loadOrCreate(GatewayTestResource.keysDir()).sign(claims, keyId);
    }

    /** A token the gateway trusts the signer of, but that expired ten minutes ago (beyond clock skew). */
    static String expiredToken(String subject) {
        return DevKeys.loadOrCreate(GatewayTestResource.keysDir()).mint(subject, List.of("worker"), Duration.ofMinutes(-10));
    }

    /** A well-formed token with the right issuer, signed by a key the gateway does not know. */
    static String foreignToken(String subject) {
        java.nio.file.Path dir = TempDirs.create("yizhan-foreign-keys");
        try {
            return DevKeys.loadOrCreate(dir).mint(subject, "worker");
        } finally {
            TempDirs.delete(dir);
        }
    }

    /** The body as JSON, decoded as UTF-8 whatever the client library would guess. */
    static JsonObject json(Response response) {
        return new JsonObject(new String(response.asByteArray(), StandardCharsets.UTF_8));
    }

    /** Asserts an RFC 9457 body of the given type and status, and returns it. */
    static JsonObject assertProblem(Response response, int status, String slug, String instance) {
        assertEquals(status, response.statusCode(), () -> "body: " + response.asString());
        String contentType = response.contentType();
        assertNotNull(contentType);
        assertTrue(contentType.startsWith("application/problem+json"), contentType);
        JsonObject problem = json(response);
        assertEquals("urn:yizhan:problem:" + slug, problem.getString("type"));
        assertEquals(status, problem.getInteger("status"));
        assertEquals(instance, problem.getString("instance"));
        assertTrue(problem.getString("title") != null && !problem.getString("title").isBlank());
        assertTrue(problem.getString("detail") != null && !problem.getString("detail").isBlank());
        assertTrue(!response.asString().contains("Exception") && !response.asString().contains("\tat "),
                "no stack trace in " + response.asString());
        return problem;
    }
}
