package org.yizhan.gateway;

import io.quarkus.runtime.configuration.DurationConverter;
import io.quarkus.runtime.configuration.MemorySizeConverter;

import java.time.Duration;

/**
 * One route class's limits as configured, with the class's defaults filled in.
 *
 * @param routeClass      the class
 * @param requests        requests per client per {@code per}
 * @param per             the rate window
 * @param maxBodyBytes    largest request body
 * @param bodyTimeout     longest time for the whole body to arrive
 * @param upstreamTimeout longest wait for the service's response headers
 */
record RouteLimits(RouteClass routeClass, int requests, Duration per, long maxBodyBytes, Duration bodyTimeout,
                   Duration upstreamTimeout) {

    static RouteLimits of(RouteClass routeClass, GatewayConfig config) {
        GatewayConfig.ClassLimits limits = switch (routeClass) {
            case SEARCH -> config.search();
            case READS -> config.reads();
            case WRITES -> config.writes();
            case PARTNER_PUSHES -> config.partnerPushes();
            case UPLOADS -> config.uploads();
        };
        MemorySizeConverter sizes = new MemorySizeConverter();
        RouteLimits resolved = new RouteLimits(routeClass,
                limits.requests().orElse(routeClass.defaultRequests()),
                limits.per().orElseGet(() -> DurationConverter.parseDuration(routeClass.defaultPer())),
                limits.maxBodySize().orElseGet(() -> sizes.convert(routeClass.defaultMaxBodySize())).asLongValue(),
                limits.bodyTimeout().orElseGet(() -> DurationConverter.parseDuration(routeClass.defaultBodyTimeout())),
                limits.upstreamTimeout().orElse(config.upstreamTimeout()));
        resolved.check();
        return resolved;
    }

    /** Fails at start-up on a limit that would refuse everything. */
    private void check() {
        String prefix = "yizhan.gateway." + routeClass.id() + ".";
        if (requests < 1) {
            throw new IllegalArgumentException(prefix + "requests must be at least 1: " + requests);
        }
        if (!positive(per) || !positive(bodyTimeout) || !positive(upstreamTimeout)) {
            throw new IllegalArgumentException(prefix + "per, body-timeout and upstream-timeout must be positive");
        }
        if (maxBodyBytes < 0) {
            throw new IllegalArgumentException(prefix + "max-body-size must not be negative");
        }
    }

    private static boolean positive(Duration duration) {
        return !duration.isNegative() && !duration.isZero();
    }
}
