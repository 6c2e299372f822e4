package org.yizhan.gateway;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.tracing.TracingPolicy;

import java.net.ConnectException;
import java.util.List;

/**
 * Checks the readiness of every instance of every service on a period, on its management interface:
 * an answer other than 200 (a 503 from an instance whose database is away) or a refused connection
 * takes the instance out of rotation at once, no answer within the timeout takes it out after
 * {@code failures} such checks in a row (a loaded instance may be slow once), and a 200 puts it back.
 * The first round runs at once. Nothing here blocks: the checks are requests on the event loop like
 * any other.
 */
final class InstanceHealthChecks {

    private final Vertx vertx;
    private final List<UpstreamPool> pools;
    private final GatewayConfig.HealthCheckSettings settings;
    private final HttpClient client;
    private long timer = -1;

    InstanceHealthChecks(Vertx vertx, List<UpstreamPool> pools, GatewayConfig.HealthCheckSettings settings) {
        this.vertx = vertx;
        this.pools = List.copyOf(pools);
        this.settings = settings;
        long timeout = Math.max(1, settings.timeout().toMillis());
        // One kept-alive connection per instance: a killed instance's connection is closed by its
        // kernel, and the next check then has to connect anew, which is refused.
        this.client = vertx.createHttpClient(new HttpClientOptions()
                .setKeepAlive(true)
                .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, timeout))
                .setDecompressionSupported(false)
                // A check every few seconds per instance is no trace anybody wants to follow.
                .setTracingPolicy(TracingPolicy.IGNORE), new PoolOptions().setHttp1MaxSize(1));
    }

    /** Runs a round now and then one every interval. */
    void start() {
        checkAll();
        timer = vertx.setPeriodic(Math.max(1, settings.interval().toMillis()), id -> checkAll());
    }

    void stop() {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
        client.close();
    }

    /** The whole seconds of one period, at least 1: how long a client should wait for a change. */
    long retryAfterSeconds() {
        return Math.max(1, (settings.interval().toMillis() + 999) / 1000);
    }

    private void checkAll() {
        for (UpstreamPool pool : pools) {
            for (UpstreamPool.Instance instance : pool.instances()) {
                check(instance).onComplete(ready -> {
                    if (ready.succeeded() && ready.result() == 200) {
                        instance.checkPassed();
                        pool.putBack(instance);
                    } else if (ready.succeeded()) {
                        // The instance says it is not ready (its database is away): believe it at once.
                        instance.checkFailed();
                        pool.takeOut(instance, "readiness answered " + ready.result());
                    } else if (Forwarding.causedBy(ready.cause(), ConnectException.class)) {
                        // Nothing listens: the process is gone.
                        instance.checkFailed();
                        pool.takeOut(instance, "readiness check refused: " + ready.cause().getMessage());
                    } else if (instance.checkFailed() >= Math.max(1, settings.failures())) {
                        // No answer in time, or the connection broke: a busy instance may be slow once.
                        pool.takeOut(instance, settings.failures() + " readiness checks in a row failed: "
                                + ready.cause().getMessage());
                    }
                });
            }
        }
    }

    private Future<Integer> check(UpstreamPool.Instance instance) {
        Upstream management = instance.management();
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.GET)
                .setHost(management.host())
                .setPort(management.port())
                .setSsl(management.ssl())
                .setURI(management.basePath() + settings.path())
                .setTimeout(Math.max(1, settings.timeout().toMillis()));
        return client.request(options)
                .compose(request -> request.send())
                .compose(response -> response.body().map(body -> response.statusCode()));
    }
}
