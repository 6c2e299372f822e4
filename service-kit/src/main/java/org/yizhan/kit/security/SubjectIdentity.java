package org.yizhan.kit.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Every service identifies its callers by the token's subject: {@code identity.getPrincipal().getName()}
 * is {@code sub}, whatever {@code upn} says. Tokens of the local run are refused here unless this
 * process accepts them ({@link TokenRules#LOCAL_TOKENS}).
 */
@ApplicationScoped
public class SubjectIdentity implements SecurityIdentityAugmentor {

    private final boolean localTokensAccepted = TokenRules.localTokensAccepted(ConfigProvider.getConfig());

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (!(identity.getPrincipal() instanceof JsonWebToken token)) {
            return Uni.createFrom().item(identity);
        }
        if (token.getSubject() == null || token.getSubject().isBlank()) {
            return Uni.createFrom().failure(new AuthenticationFailedException("the token has no subject"));
        }
        if (!localTokensAccepted && TokenRules.isLocal(token)) {
            return Uni.createFrom().failure(new AuthenticationFailedException("a token of the local run"));
        }
        return Uni.createFrom().item(QuarkusSecurityIdentity.builder(identity)
                .setPrincipal(new SubjectNamedToken(token)).build());
    }
}
