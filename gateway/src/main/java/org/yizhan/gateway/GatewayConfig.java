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

    /** How long to wait for a TCP connection to an upstream. */
    @WithDefault("2s")
    Duration connectTimeout();

    /**
     * How long to wait for an upstream's response headers once the request has been sent to it
     * completely; past it the client gets a 504 problem.
     */
    @WithDefault("10s")
    Duration upstreamTimeout();
}
