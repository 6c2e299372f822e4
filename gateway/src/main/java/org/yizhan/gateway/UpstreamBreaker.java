package org.yizhan.gateway;

import io.vertx.circuitbreaker.CircuitBreaker;
import io.vertx.circuitbreaker.CircuitBreakerOptions;
import io.vertx.circuitbreaker.CircuitBreakerState;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import org.jboss.logging.Logger;

import java.util.function.LongSupplier;

/**
 * The circuit breaker of one service (Vert.x circuit breaker): after {@code failures} failed
 * requests within {@code window} it opens, and for {@code openFor} every request to the service is
 * answered at once with a 503 problem; then one request is let through, and its success closes the
 * circuit again (its failure opens it for another {@code openFor}).
 *
 * <p>A failure is the gateway's own: no connection, a connection broken before the answer, or no
 * answer in time. An answer, even a 5xx one, is the service working; a client that leaves is not
 * the service's fault. Neither counts.
 */
final class UpstreamBreaker {

    private static final Logger LOG = Logger.getLogger(UpstreamBreaker.class);

    private final CircuitBreaker breaker;
    private final long openForMs;
    private final LongSupplier nanoTime;
    private volatile long openedAtNanos;

    /** {@code nanoTime}: the gateway's clock ({@link GatewayRoutes#CLOCK}), a test's own where it moves time. */
    UpstreamBreaker(Vertx vertx, String upstream, GatewayConfig.CircuitBreakerSettings settings, LongSupplier nanoTime) {
        this.openForMs = Math.max(1, settings.openFor().toMillis());
        this.nanoTime = nanoTime;
        CircuitBreakerOptions options = new CircuitBreakerOptions()
                .setMaxFailures(Math.max(1, settings.failures()))
                .setFailuresRollingWindow(Math.max(1, settings.window().toMillis()))
                .setResetTimeout(openForMs)
                // The gateway bounds each request with its own timeouts; the breaker must not add one.
                .setTimeout(-1)
                // No state notifications on the event bus: with them the breaker keeps rolling
                // statistics of every request for no reader. State changes are logged below and shown
                // in the readiness data.
                .setNotificationAddress(null)
                .setFallbackOnFailure(false);
        this.breaker = CircuitBreaker.create("upstream-" + upstream, vertx, options)
                .openHandler(v -> {
                    openedAtNanos = nanoTime.getAsLong();
                    LOG.warnf("Circuit of %s opened: stopped forwarding to it for %d ms", upstream, openForMs);
                })
                .halfOpenHandler(v -> LOG.infof("Circuit of %s half-open: trying one request", upstream))
                .closeHandler(v -> LOG.infof("Circuit of %s closed: forwarding again", upstream));
    }

    /**
     * Runs {@code command} unless the circuit is open (then the future fails with
     * {@link io.vertx.circuitbreaker.OpenCircuitException}); a failed command counts against the service.
     */
    <T> Future<T> execute(Handler<Promise<T>> command) {
        return breaker.execute(command);
    }

    /** The state, for the readiness data. */
    CircuitBreakerState state() {
        return breaker.state();
    }

    /** Seconds until an open circuit lets a request through again; at least 1. */
    long retryAfterSeconds() {
        long left = openForMs - (nanoTime.getAsLong() - openedAtNanos) / 1_000_000;
        return Math.max(1, (left + 999) / 1000);
    }

    void close() {
        breaker.close();
    }
}
