package org.yizhan.gateway;

import io.vertx.ext.web.RoutingContext;

import java.util.UUID;
import java.util.regex.Pattern;

/** The {@code X-Request-Id} that ties a client's request to the log lines of every hop. */
final class RequestIds {

    static final String HEADER = "X-Request-Id";

    private static final String KEY = RequestIds.class.getName();

    // A client-chosen id ends up in logs; anything that could forge a log line or bloat it is replaced.
    private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private RequestIds() {
    }

    /** The id of this request: the client's own when it sent a sane one, else a new UUID. */
    static String of(RoutingContext ctx) {
        String id = ctx.get(KEY);
        if (id == null) {
            String incoming = ctx.request().getHeader(HEADER);
            id = incoming != null && ACCEPTED.matcher(incoming).matches() ? incoming : UUID.randomUUID().toString();
            ctx.put(KEY, id);
        }
        return id;
    }

    /**
     * Route handler that runs before authentication, so that every answer carries the id, the
     * gateway's own problems as well as the upstream's responses (whose own header it replaces).
     */
    static void assign(RoutingContext ctx) {
        String id = of(ctx);
        ctx.addHeadersEndHandler(v -> ctx.response().headers().set(HEADER, id));
        ctx.next();
    }
}
