package org.yizhan.kit.security;

import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Set;

/**
 * A verified token whose principal name is its subject ({@code sub}); smallrye-jwt names the
 * principal after {@code upn} or {@code preferred_username} first, which identity providers fill
 * with changeable, often personal, values.
 */
final class SubjectNamedToken implements JsonWebToken {

    private final JsonWebToken token;

    SubjectNamedToken(JsonWebToken token) {
        this.token = token;
    }

    @Override
    public String getName() {
        return token.getSubject();
    }

    @Override
    public Set<String> getClaimNames() {
        return token.getClaimNames();
    }

    @Override
    public <T> T getClaim(String claimName) {
        return token.getClaim(claimName);
    }

    @Override
    public Set<String> getAudience() {
        return token.getAudience();
    }

    @Override
    public Set<String> getGroups() {
        return token.getGroups();
    }

    @Override
    public String toString() {
        // Never the token or its claims: principals end up in log lines.
        return "token of " + getName();
    }
}
