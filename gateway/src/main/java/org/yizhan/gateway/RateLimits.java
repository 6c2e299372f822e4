package org.yizhan.gateway;

import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The rate limits of every route class, and the {@code RateLimit} and {@code RateLimit-Policy}
 * headers (IETF draft "RateLimit header fields for HTTP") that tell a client where it stands.
 *
 * <p>A client is its token's partner organisation ({@code org}) when it has one, so that the
 * systems of one partner share their quota; else its token's subject ({@code sub}); else, for the
 * anonymous directory reads, the address the gateway sees it at. Nothing else of the request is
 * kept, and none of it is logged.
 */
final class RateLimits {

    static final String RATE_LIMIT = "RateLimit";
    static final String RATE_LIMIT_POLICY = "RateLimit-Policy";
    static final String RETRY_AFTER = "Retry-After";

    private final Map<RouteClass, RateLimiter> limiters = new EnumMap<>(RouteClass.class);

    RateLimits(Map<RouteClass, RouteLimits> limits, int maxClients, LongSupplier nanoTime) {
        for (RouteLimits routeLimits : limits.values()) {
            limiters.put(routeLimits.routeClass(), new RateLimiter(routeLimits.requests(), routeLimits.per(),
                    maxClients, nanoTime));
        }
    }

    /**
     * Counts the request against its client's quota for {@code routeClass} and sets the headers on
     * the response; returns the decision, whose refusal the caller answers with a 429 problem.
     */
    RateLimiter.Decision admit(RoutingContext ctx, RouteClass routeClass) {
        RateLimiter limiter = limiters.get(routeClass);
        RateLimiter.Decision decision = limiter.take(routeClass.id() + "|" + clientOf(ctx));
        HttpServerResponse response = ctx.response();
        String name = "\"" + routeClass.id() + "\"";
        response.putHeader(RATE_LIMIT_POLICY, name + ";q=" + limiter.requests() + ";w=" + limiter.windowSeconds());
        response.putHeader(RATE_LIMIT, name + ";r=" + decision.remaining() + ";t="
                + (decision.allowed() ? decision.resetSeconds() : decision.retryAfterSeconds()));
        if (!decision.allowed()) {
            response.putHeader(RETRY_AFTER, Long.toString(decision.retryAfterSeconds()));
        }
        return decision;
    }

    /** Forgets the clients whose buckets are full again, in every class. */
    void forgetIdle() {
        limiters.values().forEach(RateLimiter::forgetIdle);
    }

    /** How many clients are tracked, over all classes. */
    int tracked() {
        return limiters.values().stream().mapToInt(RateLimiter::tracked).sum();
    }

    static String clientOf(RoutingContext ctx) {
        if (ctx.user() instanceof QuarkusHttpUser user && !user.getSecurityIdentity().isAnonymous()
                && user.getSecurityIdentity().getPrincipal() instanceof JsonWebToken token) {
            Object org = token.getClaim("org");
            if (org != null && !org.toString().isBlank()) {
                return "org:" + org;
            }
            if (token.getSubject() != null) {
                return "sub:" + token.getSubject();
            }
        }
        return ctx.request().remoteAddress() == null ? "ip:unknown" : "ip:" + ctx.request().remoteAddress().hostAddress();
    }
}
