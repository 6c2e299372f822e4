package org.yizhan.gateway;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Duration;

/** Request latency per route prefix in the services' buckets (50 ms to 5 s), for percentiles across instances. */
class LatencyBuckets {

    @Produces
    @Singleton
    MeterFilter routeLatencyBuckets() {
        double[] nanos = {ms(50), ms(100), ms(250), ms(500), ms(1000), ms(2500), ms(5000)};
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                return id.getName().equals("http.server.requests")
                        ? DistributionStatisticConfig.builder().serviceLevelObjectives(nanos).build().merge(config)
                        : config;
            }
        };
    }

    private static double ms(long millis) {
        return Duration.ofMillis(millis).toNanos();
    }
}
