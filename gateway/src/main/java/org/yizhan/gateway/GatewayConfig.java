package org.yizhan.gateway;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.net.URI;
import java.time.Duration;

/**
 * Where the gateway forwards to and how long it waits. Every value can be set with an environment
 * variable, e.g. {@code YIZHAN_GATEWAY_STATION_SERVICE_URL} or {@code YIZHAN_GATEWAY_UPSTREAM_TIMEOUT}.
 */
@ConfigMapping(prefix = "yizhan.gateway")
public interface GatewayConfig {

    /** Base URL of station-service ({@code /api/v1/stations}). */
    @WithDefault("http://localhost:8081")
    URI stationServiceUrl();

    /** Base URL of services-service ({@code /api/v1/activities}, {@code /api/v1/partners}). */
    @WithDefault("http://localhost:8082")
    URI servicesServiceUrl();

    /** Base URL of health-checkup-service ({@code /api/v1/checkups}). */
    @WithDefault("http://localhost:8083")
    URI healthCheckupServiceUrl();

    /** Base URL of legal-aid-service ({@code /api/v1/legal-aid}). */
    @WithDefault("http://localhost:8084")
    URI legalAidServiceUrl();

    /** Base URL of overview-service ({@code /api/v1/me}, {@code /api/v1/districts}: the composed views). */
    @WithDefault("http://localhost:8085")
    URI overviewServiceUrl();

    /** How long to wait for a new TCP connection to an upstream. */
    @WithDefault("2s")
    Duration connectTimeout();

    /**
     * How long to wait for an upstream's response headers once the request has been sent to it
     * completely; past it the client gets a 504 problem. Longer than the services wait for
     * anything themselves (30 s for a database connection during a registration rush), so that a
     * request the service is still working on, and will carry out, is not reported as failed.
     */
    @WithDefault("60s")
    Duration upstreamTimeout();

    /**
     * How many connections the gateway keeps at most to one service, each carrying one request at
     * a time. A request that finds them all busy waits for one, at most {@link #upstreamTimeout()}.
     */
    @WithDefault("64")
    int connectionsPerService();

    /**
     * How long a connection to a service may stay unused before the gateway closes it. Keep it
     * shorter than the services' own idle timeout ({@code quarkus.http.idle-timeout}, 30 minutes),
     * so that an idle connection is always closed by the gateway and never under a new request.
     */
    @WithDefault("60s")
    Duration idleTimeout();
}
