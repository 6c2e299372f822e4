package org.yizhan.gateway;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.httpproxy.HttpProxy;
import io.vertx.httpproxy.ProxyOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The gateway's routing table: each {@code /api/v1} prefix goes to one service, everything else
 * under {@code /api} is a 404 problem, and {@code /q/*} stays with the gateway itself.
 *
 * <p>Tokens are verified by Quarkus before these routes run (proactive authentication, so that a
 * bad token is refused even where none is needed); the routes only decide whether an anonymous
 * caller may pass. Roles are the services' business.
 */
@ApplicationScoped
public class GatewayRoutes {

    private static final Logger LOG = Logger.getLogger(GatewayRoutes.class);

    /** Methods that anybody may use on the public reads (the station directory, the checkup availability feed). */
    private static final Set<HttpMethod> PUBLIC_READS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);


    /**
     * The gateway's clock for the durations it measures (rate-limit buckets, open circuits, kept API
     * documents), in nanoseconds; the classes that use it take it as an argument, so that their
     * tests move time instead of waiting.
     */
    public static final java.util.function.LongSupplier CLOCK = System::nanoTime;

    // The HTTP/2 error code that ends a stream the other side need not finish (RFC 9113, 7).
    private static final long HTTP2_CANCEL = 0x8;

    // Runs before Quarkus' authentication handler (order -200), so that even its 401 carries the id.
    private static final int BEFORE_SECURITY = -10_000;

    // How often clients whose rate-limit bucket is full again are forgotten.
    private static final long FORGET_IDLE_CLIENTS_MS = 60_000;

    // WebSocket tunnelling would bypass the interceptor, and with it the forwarding headers.
    private static final ProxyOptions PROXY_OPTIONS = new ProxyOptions().setSupportWebSocket(false);

    /**
     * A path prefix and the service that owns it.
     *
     * @param publicReads whether GET, HEAD and OPTIONS need no token there
     */
    public record Route(String prefix, String service, boolean publicReads) {
    }

    /** The routing table, a longer prefix before the shorter one it is part of. */
    public static final List<Route> ROUTES = List.of(
            new Route("/api/v1/stations", "station-service", true),
            // Complaint queues span stations (a worker's own, the overdue ones), so they have a prefix of their own.
            new Route("/api/v1/complaints", "station-service", false),
            new Route("/api/v1/activities", "services-service", false),
            // The availability feed (SMART Scheduling Links) is open data for city apps and maps.
            new Route("/api/v1/checkups/feed", "health-checkup-service", true),
            new Route("/api/v1/checkups", "health-checkup-service", false),
            new Route("/api/v1/legal-aid", "legal-aid-service", false),
            // Composed views: a worker's overview, a district's dashboard (ADR 0022).
            new Route("/api/v1/me", "overview-service", false),
            new Route("/api/v1/districts", "overview-service", false),
            // Each service's operations (dead letters, parked outbox messages) for union admins.
            new Route("/api/v1/ops/station-service", "station-service", false),
            new Route("/api/v1/ops/services-service", "services-service", false),
            new Route("/api/v1/ops/health-checkup-service", "health-checkup-service", false),
            new Route("/api/v1/ops/legal-aid-service", "legal-aid-service", false));

    @Inject
    Vertx vertx;

    @Inject
    GatewayConfig config;

    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    Optional<MemorySize> maxBodySize;

    @Inject
    MeterRegistry meters;

    private volatile UpstreamClients clients;
    private final Map<RouteClass, RouteLimits> limits = new EnumMap<>(RouteClass.class);
    private final Map<String, UpstreamBreaker> breakers = new HashMap<>();
    private final Map<String, UpstreamPool> pools = new LinkedHashMap<>();
    private InstanceHealthChecks healthChecks;
    private RateLimits rateLimits;
    private long forgetTimer = -1;

    void routes(@Observes Router router) {
        for (UpstreamPool pool : pools(config)) {
            pools.put(pool.name(), pool);
            for (UpstreamPool.Instance instance : pool.instances()) {
                Gauge.builder("gateway.upstream.instance.up", instance, i -> i.inRotation() ? 1 : 0)
                        .description("1 while the instance is in rotation (passed its last readiness check), else 0")
                        .tags("service", pool.name(), "instance", instance.id())
                        .register(meters);
            }
        }
        healthChecks = new InstanceHealthChecks(vertx, List.copyOf(pools.values()), config.healthCheck());
        healthChecks.start();

        clients = new UpstreamClients(vertx, upstreamClientOptions(config), config.connectionsPerService(),
                eventLoops());
        for (RouteClass routeClass : RouteClass.values()) {
            limits.put(routeClass, RouteLimits.of(routeClass, config));
        }
        for (String service : pools.keySet()) {
            breakers.put(service, new UpstreamBreaker(vertx, service, config.circuitBreaker(), CLOCK));
        }
        if (config.rateLimit().enabled()) {
            rateLimits = new RateLimits(limits, config.rateLimit().maxClients(), CLOCK);
            forgetTimer = vertx.setPeriodic(FORGET_IDLE_CLIENTS_MS, id -> rateLimits.forgetIdle());
        }

        router.route().order(BEFORE_SECURITY).handler(new HeaderTimeouts(config.headerTimeout().toMillis())::handle);
        router.route().order(BEFORE_SECURITY).handler(RequestIds::assign);
        router.route().order(BEFORE_SECURITY).handler(this::limitBody);
        router.route().order(BEFORE_SECURITY).failureHandler(this::failure);

        for (Route route : ROUTES) {
            forward(router, route.prefix(), pools.get(route.service()), route.publicReads());
        }
        router.routeWithRegex("/api(/.*)?").handler(ctx -> respond(ctx, Problem.notFound()));

        LOG.infof("Routing to %s", String.join("; ", pools.values().stream().map(GatewayRoutes::describe).toList()));
        warnIfTokensCannotBeVerified();
    }

    /** The services and their instances, from the configuration; fails at startup on a bad URL. */
    static List<UpstreamPool> pools(GatewayConfig config) {
        return List.of(
                UpstreamPool.of("station-service", config.stationServiceUrl(), config.stationServiceManagementUrl()),
                UpstreamPool.of("services-service", config.servicesServiceUrl(), config.servicesServiceManagementUrl()),
                UpstreamPool.of("health-checkup-service", config.healthCheckupServiceUrl(),
                        config.healthCheckupServiceManagementUrl()),
                UpstreamPool.of("legal-aid-service", config.legalAidServiceUrl(), config.legalAidServiceManagementUrl()),
                UpstreamPool.of("overview-service", config.overviewServiceUrl(), config.overviewServiceManagementUrl()));
    }

    /** Each service's instances and whether they are in rotation, in configuration order; empty before routing starts. */
    Map<String, UpstreamPool> pools() {
        return pools;
    }

    /**
     * HTTP/1.1 keep-alive connections to the services, without pipelining. The gateway closes a
     * connection it has not used for {@code idle-timeout}, well before the services would (ADR 0012).
     */
    static HttpClientOptions upstreamClientOptions(GatewayConfig config) {
        return new HttpClientOptions()
                .setProtocolVersion(HttpVersion.HTTP_1_1)
                .setPipelining(false)
                .setKeepAlive(true)
                .setKeepAliveTimeout((int) Math.max(1, Math.min(Integer.MAX_VALUE, config.idleTimeout().toSeconds())))
                .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, config.connectTimeout().toMillis()))
                // Bodies pass through as the upstream encoded them.
                .setDecompressionSupported(false);
    }

    /** The event loops serving requests: Quarkus' setting, or its default of two per core. */
    private static int eventLoops() {
        return ConfigProvider.getConfig().getOptionalValue("quarkus.vertx.event-loops-pool-size", Integer.class)
                .orElse(2 * Runtime.getRuntime().availableProcessors());
    }

    /** Without a key the gateway still starts (health, docs, public reads) but refuses every token. */
    private static void warnIfTokensCannotBeVerified() {
        Config cfg = ConfigProvider.getConfig();
        if (cfg.getOptionalValue("mp.jwt.verify.publickey.location", String.class).isEmpty()
                && cfg.getOptionalValue("mp.jwt.verify.publickey", String.class).isEmpty()) {
            LOG.warn("No JWT verification key is configured (MP_JWT_VERIFY_PUBLICKEY_LOCATION): every request"
                    + " that carries a token will be refused with 401");
        }
    }

    /** The state of {@code upstream}'s circuit: {@code closed}, {@code open} or {@code half_open}; null before routing starts. */
    String circuit(String upstream) {
        UpstreamBreaker breaker = breakers.get(upstream);
        return breaker == null ? null : breaker.state().name().toLowerCase(Locale.ROOT);
    }

    void close(@Observes ShutdownEvent event) {
        if (forgetTimer >= 0) {
            vertx.cancelTimer(forgetTimer);
        }
        if (healthChecks != null) {
            healthChecks.stop();
        }
        breakers.values().forEach(UpstreamBreaker::close);
        UpstreamClients c = clients;
        if (c != null) {
            c.close();
        }
    }

    /** Routes {@code prefix} and everything below it to the instances of {@code upstream}. */
    private void forward(Router router, String prefix, UpstreamPool upstream, boolean publicReads) {
        // Named by its prefix: the name is the trace's http.route and span name ("GET /api/v1/stations").
        router.routeWithRegex(Pattern.quote(prefix) + "(/.*)?").setName(prefix).handler(ctx -> {
            boolean open = publicReads && PUBLIC_READS.contains(ctx.request().method());
            if (!open && isAnonymous(ctx)) {
                respond(ctx, Problem.unauthorized());
                return;
            }
            RouteLimits routeLimits = limits.get(RouteClass.of(ctx.request(), ctx.normalizedPath()));
            if (!admitted(ctx, routeLimits) || !withinBodyLimit(ctx, routeLimits.maxBodyBytes())) {
                return;
            }
            Forwarding forwarding = new Forwarding(vertx, config, upstream, breakers.get(upstream.name()), routeLimits,
                    ctx, healthChecks.retryAfterSeconds());
            // A proxy per request costs two small objects and lets the interceptor know its request.
            HttpProxy.reverseProxy(PROXY_OPTIONS, clients.current())
                    .origin(forwarding)
                    .addInterceptor(forwarding)
                    .handle(ctx.request());
        });
    }

    /**
     * Refuses a declared body above {@code quarkus.http.limits.max-body-size} with a problem, ahead
     * of Quarkus' own check that would answer with an empty 413. The route classes' own, smaller
     * limits are checked once the route is known ({@link #withinBodyLimit}), chunked bodies as they
     * stream ({@link Forwarding}).
     */
    private void limitBody(RoutingContext ctx) {
        if (maxBodySize.isEmpty() || withinBodyLimit(ctx, maxBodySize.get().asLongValue())) {
            ctx.next();
        }
    }

    /** Answers 413 and returns false when the declared body is larger than {@code max}. */
    private static boolean withinBodyLimit(RoutingContext ctx, long max) {
        String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length == null) {
            return true;
        }
        long declared;
        try {
            declared = Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            declared = -1;
        }
        if (declared <= max) {
            return true;
        }
        // The body is not read, so the connection (HTTP/2: the stream) cannot carry another request.
        if (ctx.request().version() != HttpVersion.HTTP_2) {
            ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
        }
        ctx.response().endHandler(v -> dropUnreadBody(ctx.request()));
        send(ctx, Problem.payloadTooLarge(max));
        return false;
    }

    /** Counts the request against its client's quota; answers 429 and returns false when it is used up. */
    private boolean admitted(RoutingContext ctx, RouteLimits routeLimits) {
        if (rateLimits == null) {
            return true;
        }
        RateLimiter.Decision decision = rateLimits.admit(ctx, routeLimits.routeClass());
        if (decision.allowed()) {
            return true;
        }
        respond(ctx, Problem.tooManyRequests(routeLimits.routeClass().id(), decision.retryAfterSeconds()));
        return false;
    }

    /**
     * Once a refusal has been sent for a request whose body was left unread: an HTTP/1.1 connection
     * is closed (the rest of the body would be read as the next request); on HTTP/2 only the
     * request's stream is reset, so that the other requests on the connection go on.
     */
    static void dropUnreadBody(HttpServerRequest request) {
        if (request.version() == HttpVersion.HTTP_2) {
            request.response().reset(HTTP2_CANCEL);
        } else {
            request.connection().close();
        }
    }

    private static boolean isAnonymous(RoutingContext ctx) {
        return !(ctx.user() instanceof QuarkusHttpUser user) || user.getSecurityIdentity().isAnonymous();
    }

    /** Turns failures, above all the authentication ones, into problem responses. */
    private void failure(RoutingContext ctx) {
        if (ctx.response().headWritten()) {
            // Too late for a problem body; cut the response so that the client sees it is incomplete.
            ctx.response().reset();
            return;
        }
        Throwable failure = ctx.failure();
        int status = ctx.statusCode();
        Problem problem;
        if (failure instanceof AuthenticationFailedException || failure instanceof UnauthorizedException
                || status == 401) {
            problem = Problem.unauthorized();
        } else if (failure instanceof ForbiddenException || status == 403) {
            problem = Problem.forbidden();
        } else if (!isApi(ctx)) {
            // Quarkus' own error page handles /q/* and friends.
            ctx.next();
            return;
        } else if (status == 404) {
            problem = Problem.notFound();
        } else {
            LOG.errorf(failure, "%s %s failed (request %s)", ctx.request().method(), ctx.request().path(),
                    RequestIds.of(ctx));
            problem = Problem.internalError();
        }
        respond(ctx, problem);
    }

    private static boolean isApi(RoutingContext ctx) {
        String path = ctx.normalizedPath();
        return path.equals("/api") || path.startsWith("/api/");
    }

    /** Answers with {@code problem}, and drops whatever request body is still to come. */
    public static void respond(RoutingContext ctx, Problem problem) {
        if (!ctx.request().isEnded()) {
            ctx.request().resume();
        }
        send(ctx, problem);
    }

    private static void send(RoutingContext ctx, Problem problem) {
        boolean english = Problem.prefersEnglish(ctx.request());
        HttpServerResponse response = ctx.response()
                .setStatusCode(problem.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CONTENT_LANGUAGE, Problem.contentLanguage(english))
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        if (problem.status() == 401) {
            response.putHeader("WWW-Authenticate", "Bearer");
        }
        response.end(problem.toJson(english, ctx.request().path()));
    }

    private static String describe(UpstreamPool pool) {
        return pool.name() + " at " + String.join(", ", pool.instances().stream().map(instance -> {
            Upstream upstream = instance.address();
            return (upstream.ssl() ? "https://" : "http://") + instance.id() + upstream.basePath();
        }).toList());
    }
}
