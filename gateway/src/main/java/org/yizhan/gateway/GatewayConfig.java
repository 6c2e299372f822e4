package org.yizhan.gateway;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.runtime.configuration.MemorySizeConverter;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithConverter;
import io.smallrye.config.WithDefault;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Where the gateway forwards to and how long it waits. Every value can be set with an environment
 * variable, e.g. {@code YIZHAN_GATEWAY_STATION_SERVICE_URL} or {@code YIZHAN_GATEWAY_UPSTREAM_TIMEOUT}.
 */
@ConfigMapping(prefix = "yizhan.gateway")
public interface GatewayConfig {

    /**
     * Base URL of station-service ({@code /api/v1/stations}), or of each of its instances, separated by
     * commas: requests are spread over the instances in rotation (see {@link #healthCheck()}).
     */
    @WithDefault("http://localhost:8081")
    List<URI> stationServiceUrl();

    /** Base URL(s) of services-service ({@code /api/v1/activities}); see {@link #stationServiceUrl()}. */
    @WithDefault("http://localhost:8082")
    List<URI> servicesServiceUrl();

    /** Base URL(s) of health-checkup-service ({@code /api/v1/checkups}); see {@link #stationServiceUrl()}. */
    @WithDefault("http://localhost:8083")
    List<URI> healthCheckupServiceUrl();

    /** Base URL(s) of legal-aid-service ({@code /api/v1/legal-aid}); see {@link #stationServiceUrl()}. */
    @WithDefault("http://localhost:8084")
    List<URI> legalAidServiceUrl();

    /**
     * Base URL(s) of overview-service ({@code /api/v1/me}, {@code /api/v1/districts}: the composed views);
     * see {@link #stationServiceUrl()}.
     */
    @WithDefault("http://localhost:8085")
    List<URI> overviewServiceUrl();

    /**
     * The management interface of each instance of station-service, in the order of
     * {@link #stationServiceUrl()} and as many: where the gateway checks an instance's readiness
     * ({@code /q/health/ready}) and fetches the service's OpenAPI document ({@code /q/openapi}) for
     * the API documents it publishes under {@code /api-docs}.
     */
    @WithDefault("http://localhost:9081")
    List<URI> stationServiceManagementUrl();

    /** See {@link #stationServiceManagementUrl()}. */
    @WithDefault("http://localhost:9082")
    List<URI> servicesServiceManagementUrl();

    /** See {@link #stationServiceManagementUrl()}. */
    @WithDefault("http://localhost:9083")
    List<URI> healthCheckupServiceManagementUrl();

    /** See {@link #stationServiceManagementUrl()}. */
    @WithDefault("http://localhost:9084")
    List<URI> legalAidServiceManagementUrl();

    /** See {@link #stationServiceManagementUrl()}. */
    @WithDefault("http://localhost:9085")
    List<URI> overviewServiceManagementUrl();

    /**
     * The address clients reach the gateway at, named as the server of the published API
     * documents; by default the scheme and host of the request for the document.
     */
    Optional<URI> publicUrl();

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
     * a time. They are shared out evenly over the event loops (at least one each), and a request
     * uses those of the event loop that received it; one that finds them all busy waits for one,
     * at most {@link #upstreamTimeout()}.
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

    /**
     * How long a client connection may stay without a byte in either direction before the gateway
     * closes it ({@code quarkus.http.idle-timeout} is set from it). Above {@link #upstreamTimeout()},
     * so that a client waiting for a slow service keeps its connection.
     */
    @WithDefault("5m")
    Duration clientIdleTimeout();

    /**
     * How long a client may take to send a request's head (request line and headers), counted from
     * its first byte; then the connection is closed.
     */
    @WithDefault("60s")
    Duration headerTimeout();

    /**
     * Whether browsers on {@link #corsOrigins()} may call the API (CORS); off by default. Applied by
     * Quarkus' CORS filter ({@code quarkus.http.cors.*} is set from these three).
     */
    @WithDefault("false")
    boolean corsEnabled();

    /** The web origins allowed when CORS is on, e.g. {@code https://app.yizhan.org}; none by default. */
    Optional<List<String>> corsOrigins();

    /** How long browsers may cache a preflight answer. */
    @WithDefault("24H")
    Duration corsMaxAge();

    /** Limits of the open directory reads ({@link RouteClass#SEARCH}). */
    ClassLimits search();

    /** Limits of the other reads ({@link RouteClass#READS}). */
    ClassLimits reads();

    /** Limits of the writes ({@link RouteClass#WRITES}). */
    ClassLimits writes();

    /** Limits of the partner pushes ({@link RouteClass#PARTNER_PUSHES}). */
    ClassLimits partnerPushes();

    /** Limits of the uploads ({@link RouteClass#UPLOADS}). */
    ClassLimits uploads();

    /** The rate limiter's own settings. */
    RateLimitStore rateLimit();

    /** The circuit breaker kept per service. */
    CircuitBreakerSettings circuitBreaker();

    /** How the gateway tells which instances of a service are in rotation. */
    HealthCheckSettings healthCheck();

    /**
     * How many times a request that is safe to repeat ({@code GET}, {@code HEAD}, {@code OPTIONS},
     * {@code PUT}, {@code DELETE} without a body) is sent again when the connection to the service
     * failed before any answer; 0 turns retries off.
     */
    @WithDefault("1")
    int retries();

    /**
     * One route class's limits; each one left out takes the class's default (see the gateway
     * README), and {@code upstream-timeout} the gateway-wide {@link #upstreamTimeout()}.
     */
    interface ClassLimits {

        /** How many requests one client may send per {@link #per()} (the bucket also allows a burst of that many). */
        OptionalInt requests();

        /** The window that {@link #requests()} counts in. */
        Optional<Duration> per();

        /** The largest request body, declared or chunked; a larger one gets a 413 problem. */
        @WithConverter(MemorySizeConverter.class)
        Optional<MemorySize> maxBodySize();

        /** How long the whole request body may take to arrive once the headers are in; then the connection is closed. */
        Optional<Duration> bodyTimeout();

        /** How long to wait for the service's response headers for this class. */
        Optional<Duration> upstreamTimeout();
    }

    /** Where the rate limiter keeps its counts: in this gateway's memory, bounded (ADR 0021). */
    interface RateLimitStore {

        /** Whether requests are counted at all. */
        @WithDefault("true")
        boolean enabled();

        /** How many clients (per route class) are tracked at most; the least recently seen is forgotten first. */
        @WithDefault("100000")
        int maxClients();
    }

    /** When a service is taken out of use for a while, and for how long. */
    interface CircuitBreakerSettings {

        /**
         * How many failures (no connection, connection broken before the answer, no answer in
         * time) within {@link #window()} open the circuit.
         */
        @WithDefault("5")
        int failures();

        /** The rolling window the failures are counted in. */
        @WithDefault("10s")
        Duration window();

        /** How long an open circuit answers 503 before one request is let through to try the service again. */
        @WithDefault("30s")
        Duration openFor();
    }

    /**
     * The readiness check of every instance (ADR 0024): each {@link #interval()}, the gateway asks each
     * instance's management interface for {@link #path()}; an instance that answers anything but 200 or
     * refuses the connection leaves rotation, one that gives no answer within {@link #timeout()} leaves
     * after {@link #failures()} such checks in a row, and each comes back with its next 200. An instance
     * that refuses a forwarded request's connection leaves rotation at once.
     */
    interface HealthCheckSettings {

        /** How often each instance is checked. */
        @WithDefault("2s")
        Duration interval();

        /** How long a check may take; a slower answer counts as a failed check. */
        @WithDefault("1s")
        Duration timeout();

        /** How many checks in a row without an answer in time take an instance out of rotation. */
        @WithDefault("2")
        int failures();

        /** The readiness path on the management interface. */
        @WithDefault("/q/health/ready")
        String path();
    }
}
