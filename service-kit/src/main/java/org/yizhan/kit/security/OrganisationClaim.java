package org.yizhan.kit.security;

import io.quarkus.security.identity.SecurityIdentity;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Optional;

/**
 * The organisation a caller acts for: the {@code org} claim of tokens issued to partner departments'
 * systems and to clinics (e.g. {@code youth-league}, {@code daxing-district-hospital}).
 */
public final class OrganisationClaim {

    /** The claim's name. */
    public static final String NAME = "org";

    private OrganisationClaim() {
    }

    /** The caller's organisation code, if the token names one. */
    public static Optional<String> of(SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            return Optional.empty();
        }
        Object claim = jwt.getClaim(NAME);
        return claim instanceof String code && !code.isBlank() ? Optional.of(code)
                : claim != null && !claim.toString().isBlank() ? Optional.of(claim.toString().replace("\"", "")) : Optional.empty();
    }
}
