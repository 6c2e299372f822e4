package org.yizhan.gateway;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Reports, for each service, whether it has an instance in rotation ({@code reachable}, else
 * {@code unreachable}), each instance's state ({@code <service> <host:port>}: {@code in rotation} or
 * {@code out of rotation}, from the gateway's own readiness checks of the instances) and the state of
 * the service's circuit ({@code <service>-circuit}: closed, open or half_open), as data only: the check
 * itself stays UP, because a gateway taken out of rotation could no longer tell clients (with a 503
 * problem) that one service is down, and the other services would become unreachable too (ADR 0024).
 */
@Readiness
@ApplicationScoped
public class UpstreamsReadinessCheck implements HealthCheck {

    @Inject
    GatewayRoutes routes;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder builder = HealthCheckResponse.named("upstreams").up();
        for (UpstreamPool pool : routes.pools().values()) {
            builder.withData(pool.name(), pool.anyInRotation() ? "reachable" : "unreachable");
            for (UpstreamPool.Instance instance : pool.instances()) {
                builder.withData(pool.name() + " " + instance.id(), instance.inRotation() ? "in rotation" : "out of rotation");
            }
            String circuit = routes.circuit(pool.name());
            if (circuit != null) {
                builder.withData(pool.name() + "-circuit", circuit);
            }
        }
        return builder.build();
    }
}
