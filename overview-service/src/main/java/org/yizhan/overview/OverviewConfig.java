package org.yizhan.overview;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.net.URI;
import java.time.Duration;

/**
 * Where the composed views fetch their parts and how long each part may take. Every value can be
 * set with an environment variable, e.g. {@code YIZHAN_OVERVIEW_STATION_SERVICE_URL} or
 * {@code YIZHAN_OVERVIEW_PART_TIMEOUT}.
 */
@ConfigMapping(prefix = "yizhan.overview")
public interface OverviewConfig {

    /** Base URL of station-service (visits, visit statistics). */
    @WithDefault("http://localhost:8081")
    URI stationServiceUrl();

    /** Base URL of services-service (activity registrations, activity figures). */
    @WithDefault("http://localhost:8082")
    URI servicesServiceUrl();

    /** Base URL of health-checkup-service (appointments, checkup figures). */
    @WithDefault("http://localhost:8083")
    URI healthCheckupServiceUrl();

    /** Base URL of legal-aid-service (consultations, applications, legal-aid and relief figures). */
    @WithDefault("http://localhost:8084")
    URI legalAidServiceUrl();

    /**
     * How long one part may take, connection included; past it the part is TIMEOUT and the view
     * answers with the others.
     */
    @WithDefault("2s")
    Duration partTimeout();

    /** How long to wait for a new TCP connection to a service (at most the part's timeout counts). */
    @WithDefault("1s")
    Duration connectTimeout();

    /**
     * How far back the overview's recent station visits go, in days: the visits from this many
     * days before today (Beijing) on.
     */
    @WithDefault("30")
    int recentVisitDays();

    /** The largest answer of one part that is read; a larger one makes the part UNAVAILABLE. */
    @WithDefault("1048576")
    int maxPartBytes();
}
