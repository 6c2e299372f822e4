package org.yizhan.gateway;

import io.netty.channel.ConnectTimeoutException;
import io.vertx.circuitbreaker.OpenCircuitException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.RoutingContext;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.OriginRequestProvider;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyRequest;
import io.vertx.httpproxy.ProxyResponse;
import org.jboss.logging.Logger;

import java.net.ConnectException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeoutException;

/**
 * One request's trip to its upstream: chooses the instance (the next in rotation), adds the forwarding
 * headers, bounds the wait for the answer and turns an upstream that cannot be reached into a problem
 * response. It goes through the service's circuit breaker, sends a request that is safe to repeat once
 * more when the connection failed before any answer (to another instance when one is in rotation),
 * takes an instance that refuses the connection out of rotation, and stops a body that grows past its
 * route class's limit.
 *
 * <p>Bodies are never held: the request body is piped to the upstream and the response body back
 * as they arrive, with back-pressure in both directions.
 */
final class Forwarding implements OriginRequestProvider, ProxyInterceptor {

    private static final Logger LOG = Logger.getLogger(Forwarding.class);

    private static final String X_FORWARDED_FOR = "X-Forwarded-For";
    private static final String X_FORWARDED_PROTO = "X-Forwarded-Proto";
    private static final String X_FORWARDED_HOST = "X-Forwarded-Host";
    private static final String TIMED_OUT = "yizhan.timed-out";
    private static final String OWN_PROBLEM = "yizhan.own-problem";
    private static final String TOO_LARGE = "yizhan.too-large";
    private static final String BODY_TIMED_OUT = "yizhan.body-timed-out";

    /** Methods whose request may be sent twice with the same effect (RFC 9110, 9.2.2). */
    private static final Set<HttpMethod> IDEMPOTENT = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS,
            HttpMethod.PUT, HttpMethod.DELETE);

    private final Vertx vertx;
    private final UpstreamPool pool;
    private final UpstreamBreaker breaker;
    private final long noInstanceRetryAfterSeconds;
    /** The instances this request was sent to, in order; the last is the current one. */
    private final List<UpstreamPool.Instance> tried = new ArrayList<>(2);
    private final long connectTimeoutMs;
    private final long upstreamTimeoutMs;
    private final long maxBodyBytes;
    private final long bodyTimeoutMs;
    private final int retries;
    private final boolean hasBody;
    private final String requestId;
    private final String targetUri;
    private final String path;
    private final String method;
    private final boolean english;
    private final HttpServerRequest incoming;

    /**
     * @param noInstanceRetryAfterSeconds the {@code Retry-After} of the 503 answered when no instance of
     *                                    the service is in rotation: the period of the readiness checks
     */
    Forwarding(Vertx vertx, GatewayConfig config, UpstreamPool pool, UpstreamBreaker breaker, RouteLimits limits,
               RoutingContext ctx, long noInstanceRetryAfterSeconds) {
        this.vertx = vertx;
        this.pool = pool;
        this.breaker = breaker;
        this.noInstanceRetryAfterSeconds = noInstanceRetryAfterSeconds;
        this.connectTimeoutMs = Math.max(1, config.connectTimeout().toMillis());
        this.upstreamTimeoutMs = Math.max(1, limits.upstreamTimeout().toMillis());
        this.maxBodyBytes = limits.maxBodyBytes();
        this.bodyTimeoutMs = Math.max(1, limits.bodyTimeout().toMillis());
        this.retries = Math.max(0, config.retries());
        this.incoming = ctx.request();
        this.hasBody = hasBody(incoming);
        this.requestId = RequestIds.of(ctx);
        this.path = incoming.path();
        this.method = incoming.method().name();
        this.english = Problem.prefersEnglish(incoming);
        // The normalized path is the one the route and the access rule were decided on, so the
        // upstream is sent exactly that and not a raw form that it might resolve differently.
        String query = incoming.query();
        this.targetUri = pool.basePath() + ctx.normalizedPath() + (query == null ? "" : "?" + query);
    }

    @Override
    public Future<HttpClientRequest> create(ProxyContext context) {
        UpstreamPool.Instance instance = pool.next(tried);
        if (instance == null) {
            return Future.failedFuture(new NoInstanceException());
        }
        tried.add(instance);
        Upstream upstream = instance.address();
        // The TCP connect itself is bounded by the client's connect timeout; this bounds the wait for a
        // free connection when all of them are busy. Each instance has its own connections.
        RequestOptions options = new RequestOptions()
                .setHost(upstream.host())
                .setPort(upstream.port())
                .setSsl(upstream.ssl())
                .setConnectTimeout(upstreamTimeoutMs);
        return context.client().request(options).onFailure(failure -> {
            if (connectFailed(failure)) {
                pool.takeOut(instance, "connection failed: " + failure.getMessage());
            }
        }).compose(request -> {
            if (incoming.response().closed()) {
                // The client left while its request waited for a connection: the request body it
                // sent will never arrive in full, and the connection is freed right away.
                request.reset();
                return Future.failedFuture(new ClientGoneException());
            }
            return Future.succeededFuture(request);
        }).onSuccess(request -> {
            ProxyRequest proxyRequest = context.request();
            Body body = proxyRequest.getBody();
            if (body == null) {
                awaitResponse(context, request);
            } else {
                // From now on the body is read: a client that trickles it gets a 408 and loses the connection.
                long bodyTimer = vertx.setTimer(bodyTimeoutMs, id -> {
                    context.set(BODY_TIMED_OUT, Boolean.TRUE);
                    request.reset(0, new TimeoutException("request body not complete within " + bodyTimeoutMs + " ms"));
                });
                ForwardedBody forwarded = new ForwardedBody(body.stream(), maxBodyBytes, () -> {
                    // Chunked, or longer than declared: stop here; the client gets a 413 and loses the connection.
                    vertx.cancelTimer(bodyTimer);
                    context.set(TOO_LARGE, Boolean.TRUE);
                    request.reset(0, new IllegalStateException("request body above " + maxBodyBytes + " bytes"));
                }, () -> {
                    vertx.cancelTimer(bodyTimer);
                    awaitResponse(context, request);
                });
                proxyRequest.setBody(Body.body(forwarded, body.length()));
            }
        });
    }

    /**
     * Starts the upstream-timeout clock once the upstream has the whole request. From now on a
     * client that goes away cancels the exchange only while the service has not started to answer;
     * the proxy library would reset it whenever, even once the answer is complete and the connection
     * serves another request (see {@link AnswerRelay}).
     */
    private void awaitResponse(ProxyContext context, HttpClientRequest request) {
        Future<?> response = request.response();
        incoming.response().exceptionHandler(gone -> {
            if (!response.isComplete()) {
                request.reset(0, gone);
            }
        });
        if (response.isComplete()) {
            return;
        }
        long timer = vertx.setTimer(upstreamTimeoutMs, id -> {
            if (!response.isComplete()) {
                context.set(TIMED_OUT, Boolean.TRUE);
                request.reset(0, new TimeoutException(pool.name() + " sent no response headers in time"));
            }
        });
        response.onComplete(ar -> vertx.cancelTimer(timer));
    }

    @Override
    public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
        ProxyRequest request = context.request();
        request.setURI(targetUri);
        request.putHeader(RequestIds.HEADER, requestId);
        String client = incoming.remoteAddress() == null ? null : incoming.remoteAddress().hostAddress();
        String chain = incoming.getHeader(X_FORWARDED_FOR);
        if (client != null) {
            request.putHeader(X_FORWARDED_FOR, chain == null || chain.isBlank() ? client : chain + ", " + client);
        }
        request.putHeader(X_FORWARDED_PROTO, incoming.scheme() == null ? "http" : incoming.scheme());
        if (incoming.authority() != null) {
            request.putHeader(X_FORWARDED_HOST, incoming.authority().toString());
        }
        if (!hasBody) {
            // Nothing to stream, so the request can be sent again; what is left of the message is drained.
            request.setBody(null);
            if (!incoming.isEnded()) {
                incoming.resume();
            }
        }
        if (!pool.anyInRotation()) {
            // Not the service's failure of the moment but its known state: no circuit to count against.
            return Future.succeededFuture(problemResponse(context, new NoInstanceException()));
        }
        Future<Attempt> attempt = breaker.execute(promise -> sendWithRetries(context, 0).onComplete(result -> {
            if (result.succeeded()) {
                promise.complete(new Attempt(result.result(), null));
            } else if (countsAgainstService(context, result.cause())) {
                promise.fail(result.cause());
            } else {
                promise.complete(new Attempt(null, result.cause()));
            }
        }));
        return attempt
                .compose(done -> done.failure() == null ? Future.succeededFuture(done.response())
                        : Future.failedFuture(done.failure()))
                .recover(failure -> Future.succeededFuture(problemResponse(context, failure)));
    }

    /** What one request came to, when it is not to count against the service. */
    private record Attempt(ProxyResponse response, Throwable failure) {
    }

    /**
     * Sends the request, and sends it again (at most {@code retries} more times) while it is safe to
     * repeat, has no body, and the connection failed before any answer: refused, or closed without
     * an answer; another instance is preferred when one is in rotation. A service that did not answer in
     * time is not asked again.
     */
    private Future<ProxyResponse> sendWithRetries(ProxyContext context, int retried) {
        return context.sendRequest().recover(failure -> {
            if (retried < retries && mayRetry(context, failure)) {
                LOG.debugf("%s %s -> %s: connection failed before an answer, sending again (request %s)", method,
                        path, pool.name(), requestId);
                return sendWithRetries(context, retried + 1);
            }
            return Future.failedFuture(failure);
        });
    }

    private boolean mayRetry(ProxyContext context, Throwable failure) {
        // An instance that could not be reached in time is worth leaving for another, not asking again.
        boolean connectTimedOut = causedBy(failure, ConnectTimeoutException.class);
        return !hasBody && IDEMPOTENT.contains(incoming.method())
                && !Boolean.TRUE.equals(context.get(TIMED_OUT, Boolean.class))
                && !incoming.response().closed()
                && !causedBy(failure, ClientGoneException.class)
                && !causedBy(failure, NoInstanceException.class)
                && (connectTimedOut ? pool.anotherInRotation(tried) : !causedBy(failure, TimeoutException.class))
                && pool.anyInRotation();
    }

    /** No connection could be made: refused, unreachable, or not within the connect timeout. */
    private static boolean connectFailed(Throwable failure) {
        return causedBy(failure, ConnectException.class) || causedBy(failure, ConnectTimeoutException.class);
    }

    /** The service's fault: not a client that left, nor a body too large or too slow for the gateway. */
    private boolean countsAgainstService(ProxyContext context, Throwable failure) {
        return !Boolean.TRUE.equals(context.get(TOO_LARGE, Boolean.class))
                && !Boolean.TRUE.equals(context.get(BODY_TIMED_OUT, Boolean.class))
                && !incoming.response().closed()
                && !causedBy(failure, ClientGoneException.class)
                && !causedBy(failure, NoInstanceException.class);
    }

    /** Whether the request carries a body: a declared length above zero, or a chunked one. */
    private static boolean hasBody(HttpServerRequest request) {
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null) {
            return !length.trim().equals("0");
        }
        return request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null;
    }

    @Override
    public Future<Void> handleProxyResponse(ProxyContext context) {
        if (Boolean.TRUE.equals(context.get(OWN_PROBLEM, Boolean.class))) {
            // A problem of our own, not a service's answer: no exchange to protect.
            return context.sendResponse();
        }
        return AnswerRelay.send(context.response(), incoming.response(), incoming.method());
    }

    private ProxyResponse problemResponse(ProxyContext context, Throwable failure) {
        Outcome outcome = outcome(context, failure);
        if (incoming.response().closed()) {
            LOG.debugf("%s %s -> %s: the client left before the answer (request %s)", method, path,
                    pool.name(), requestId);
        } else if (failure instanceof OpenCircuitException || causedBy(failure, NoInstanceException.class)) {
            // The opening, or the last instance leaving rotation, was logged once; a line per refused
            // request would flood the log.
            LOG.debugf("%s %s -> %s: %s (request %s)", method, path, pool.name(),
                    failure instanceof OpenCircuitException ? "circuit open" : "no instance in rotation", requestId);
        } else if (outcome.problem().status() < 500) {
            // The client's body was too large or too slow: nothing wrong with the service.
            LOG.infof("%s %s -> %s answered %d (request %s): %s", method, path, pool.name(),
                    outcome.problem().status(), requestId, outcome.cause());
        } else {
            LOG.warnf("%s %s -> %s answered %d (request %s): %s", method, path, pool.name(),
                    outcome.problem().status(), requestId, outcome.cause());
        }
        Buffer json = outcome.problem().toJson(english, path);
        context.set(OWN_PROBLEM, Boolean.TRUE);
        if (outcome.problem().status() == 413 || outcome.problem().status() == 408) {
            // The rest of the body is never read, so the connection (HTTP/2: the stream) cannot carry another request.
            incoming.response().endHandler(v -> GatewayRoutes.dropUnreadBody(incoming));
        }
        ProxyResponse response = context.request().release().response()
                .setStatusCode(outcome.problem().status())
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CONTENT_LANGUAGE, Problem.contentLanguage(english))
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                .setBody(Body.body(json));
        if (outcome.retryAfterSeconds() > 0) {
            response.putHeader(RateLimits.RETRY_AFTER, Long.toString(outcome.retryAfterSeconds()));
        }
        return response;
    }

    /** The problem to answer with for {@code failure}, and what to log about it. */
    private Outcome outcome(ProxyContext context, Throwable failure) {
        if (causedBy(failure, NoInstanceException.class)) {
            return new Outcome(Problem.noInstanceInRotation(pool.name(), noInstanceRetryAfterSeconds),
                    "no instance in rotation", noInstanceRetryAfterSeconds);
        }
        if (failure instanceof OpenCircuitException) {
            long seconds = breaker.retryAfterSeconds();
            return new Outcome(Problem.circuitOpen(pool.name(), seconds), "circuit open", seconds);
        }
        if (Boolean.TRUE.equals(context.get(BODY_TIMED_OUT, Boolean.class))) {
            return new Outcome(Problem.requestTimeout(seconds(bodyTimeoutMs)),
                    "request body not complete within " + bodyTimeoutMs + " ms");
        }
        if (Boolean.TRUE.equals(context.get(TOO_LARGE, Boolean.class))) {
            return new Outcome(Problem.payloadTooLarge(maxBodyBytes), "request body above " + maxBodyBytes + " bytes");
        }
        if (Boolean.TRUE.equals(context.get(TIMED_OUT, Boolean.class))) {
            return new Outcome(Problem.gatewayTimeout(pool.name(), seconds(upstreamTimeoutMs)),
                    "no response headers within " + upstreamTimeoutMs + " ms");
        }
        if (causedBy(failure, ConnectTimeoutException.class)) {
            return new Outcome(Problem.connectTimeout(pool.name(), seconds(connectTimeoutMs)),
                    "no connection within " + connectTimeoutMs + " ms");
        }
        if (causedBy(failure, TimeoutException.class)) {
            return new Outcome(Problem.gatewayTimeout(pool.name(), seconds(upstreamTimeoutMs)),
                    "every connection busy for " + upstreamTimeoutMs + " ms");
        }
        return new Outcome(Problem.badGateway(pool.name()), failure.toString());
    }

    private record Outcome(Problem problem, String cause, long retryAfterSeconds) {
        Outcome(Problem problem, String cause) {
            this(problem, cause, 0);
        }
    }

    /** No instance of the service is in rotation. */
    private static final class NoInstanceException extends RuntimeException {
        NoInstanceException() {
            super("no instance in rotation", null, false, false);
        }
    }

    /** The client closed its connection before the request could be forwarded. */
    private static final class ClientGoneException extends RuntimeException {
        ClientGoneException() {
            super("the client left", null, false, false);
        }
    }

    static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static long seconds(long millis) {
        return Math.max(1, Math.round(millis / 1000.0));
    }
}
