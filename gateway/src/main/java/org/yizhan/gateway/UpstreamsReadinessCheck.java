package org.yizhan.gateway;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import java.util.List;

/**
 * Reports whether each upstream accepts TCP connections, and the state of its circuit
 * ({@code <service>-circuit}: closed, open or half_open), as data only: the check itself stays UP,
 * because a gateway taken out of rotation could no longer tell clients (with a 502 problem) that
 * one service is down, and the other services would become unreachable too.
 */
@Readiness
@ApplicationScoped
public class UpstreamsReadinessCheck implements AsyncHealthCheck {

    @Inject
    Vertx vertx;

    @Inject
    GatewayConfig config;

    @Inject
    GatewayRoutes routes;

    private volatile NetClient netClient;

    @Override
    public Uni<HealthCheckResponse> call() {
        List<Upstream> upstreams = List.of(
                Upstream.of("station-service", config.stationServiceUrl()),
                Upstream.of("services-service", config.servicesServiceUrl()),
                Upstream.of("health-checkup-service", config.healthCheckupServiceUrl()),
                Upstream.of("legal-aid-service", config.legalAidServiceUrl()),
                Upstream.of("overview-service", config.overviewServiceUrl()));
        List<Future<Boolean>> probes = upstreams.stream().map(this::reachable).toList();
        Future<HealthCheckResponse> all = Future.join(probes).transform(ignored -> {
            HealthCheckResponseBuilder builder = HealthCheckResponse.named("upstreams").up();
            for (int i = 0; i < upstreams.size(); i++) {
                boolean up = probes.get(i).succeeded() && probes.get(i).result();
                builder.withData(upstreams.get(i).name(), up ? "reachable" : "unreachable");
                String circuit = routes.circuit(upstreams.get(i).name());
                if (circuit != null) {
                    builder.withData(upstreams.get(i).name() + "-circuit", circuit);
                }
            }
            return Future.succeededFuture(builder.build());
        });
        return Uni.createFrom().completionStage(all.toCompletionStage());
    }

    private Future<Boolean> reachable(Upstream upstream) {
        return client().connect(upstream.port(), upstream.host())
                .compose(socket -> socket.close().transform(closed -> Future.succeededFuture(Boolean.TRUE)))
                .otherwise(Boolean.FALSE);
    }

    private NetClient client() {
        NetClient c = netClient;
        if (c == null) {
            synchronized (this) {
                c = netClient;
                if (c == null) {
                    int timeout = (int) Math.min(Integer.MAX_VALUE, config.connectTimeout().toMillis());
                    c = netClient = vertx.createNetClient(new NetClientOptions().setConnectTimeout(timeout));
                }
            }
        }
        return c;
    }

    @PreDestroy
    void close() {
        NetClient c = netClient;
        if (c != null) {
            c.close();
        }
    }
}
