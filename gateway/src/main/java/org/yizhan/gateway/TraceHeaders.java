package org.yizhan.gateway;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * A caller's {@code traceparent} and {@code tracestate} end at the gateway. Tracing has already
 * read them (the gateway's span continues the caller's trace); the service is sent the gateway's
 * own context by the upstream client instead, so it receives one {@code traceparent}, not the
 * caller's and the gateway's side by side (ADR 0023).
 */
@ApplicationScoped
class TraceHeaders {

    /** Before every other route, so that no forwarding copies the caller's headers. */
    private static final int FIRST = -20_000;

    void routes(@Observes Router router) {
        router.route().order(FIRST).handler(ctx -> {
            ctx.request().headers().remove("traceparent").remove("tracestate");
            ctx.next();
        });
    }
}
