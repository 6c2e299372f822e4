package org.yizhan.gateway.apidocs;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.quarkus.runtime.ShutdownEvent;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.yizhan.gateway.GatewayConfig;
import org.yizhan.gateway.GatewayRoutes;
import org.yizhan.gateway.Problem;
import org.yizhan.gateway.Upstream;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The API documents clients read: {@code /api-docs/<service>.json}, each service's own document as
 * reached through the gateway ({@link PublicDocuments#throughGateway}), and {@code /api-docs/yizhan.json},
 * all of them in one for generating a client. The gateway fetches the services' documents from
 * their management ports and keeps each for {@link #KEEP}; Swagger UI ({@code /q/swagger-ui}) lists them.
 */
@ApplicationScoped
public class ApiDocuments {

    private static final Logger LOG = Logger.getLogger(ApiDocuments.class);
    static final String COMBINED = "yizhan";
    static final Duration KEEP = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    Vertx vertx;

    @Inject
    GatewayConfig config;

    /** Each service's instances' management interfaces; a document is asked of each in turn until one serves it. */
    private final Map<String, List<Upstream>> services = new LinkedHashMap<>();
    private final Map<String, Kept> kept = new ConcurrentHashMap<>();
    private final java.util.function.LongSupplier clock = GatewayRoutes.CLOCK;
    private ObjectNode gatewayDocument;
    private HttpClient client;

    private record Kept(long fetchedAtNanos, ObjectNode document) {
    }

    void routes(@Observes Router router) {
        put("station-service", config.stationServiceManagementUrl());
        put("services-service", config.servicesServiceManagementUrl());
        put("health-checkup-service", config.healthCheckupServiceManagementUrl());
        put("legal-aid-service", config.legalAidServiceManagementUrl());
        put("overview-service", config.overviewServiceManagementUrl());
        gatewayDocument = gatewayDocument();
        client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, config.connectTimeout().toMillis())));
        router.get("/api-docs").handler(this::index);
        router.get("/api-docs/:name").handler(this::document);
    }

    private void put(String name, List<URI> managementUrls) {
        services.put(name, managementUrls.stream().map(url -> Upstream.of(name, url)).toList());
    }

    void close(@Observes ShutdownEvent event) {
        if (client != null) {
            client.close();
        }
    }

    /**
     * The names of the documents and where they are (in the form Swagger UI's {@code urls} takes),
     * and the routing table: which service answers below which prefix.
     */
    private void index(RoutingContext ctx) {
        List<Map<String, String>> urls = new ArrayList<>();
        urls.add(Map.of("name", COMBINED, "url", "/api-docs/" + COMBINED + ".json"));
        services.keySet().forEach(name -> urls.add(Map.of("name", name, "url", "/api-docs/" + name + ".json")));
        json(ctx, JSON.valueToTree(Map.of("urls", urls, "routes", GatewayRoutes.ROUTES)));
    }

    private void document(RoutingContext ctx) {
        String file = ctx.pathParam("name");
        String name = file.endsWith(".json") ? file.substring(0, file.length() - ".json".length()) : "";
        String server = config.publicUrl().map(Object::toString)
                .orElseGet(() -> ctx.request().scheme() + "://" + ctx.request().authority());
        if (name.equals(COMBINED)) {
            List<String> names = List.copyOf(services.keySet());
            List<Future<ObjectNode>> fetched = names.stream().map(this::fetch).toList();
            Future.join(fetched).onComplete(done -> {
                Map<String, ObjectNode> documents = new LinkedHashMap<>();
                for (int i = 0; i < names.size(); i++) {
                    if (fetched.get(i).failed()) {
                        GatewayRoutes.respond(ctx, Problem.documentUnavailable(names.get(i)));
                        return;
                    }
                    documents.put(names.get(i), PublicDocuments.throughGateway(fetched.get(i).result(),
                            gatewayDocument, server, names.get(i)));
                }
                json(ctx, PublicDocuments.combined(documents, gatewayDocument, server));
            });
        } else if (services.containsKey(name)) {
            fetch(name).onComplete(done -> {
                if (done.failed()) {
                    GatewayRoutes.respond(ctx, Problem.documentUnavailable(name));
                } else {
                    json(ctx, PublicDocuments.throughGateway(done.result(), gatewayDocument, server, name));
                }
            });
        } else {
            GatewayRoutes.respond(ctx, Problem.notFound());
        }
    }

    /** The service's own document, fetched again when the one kept is older than {@link #KEEP}. */
    private Future<ObjectNode> fetch(String name) {
        Kept k = kept.get(name);
        if (k != null && clock.getAsLong() - k.fetchedAtNanos() < KEEP.toNanos()) {
            return Future.succeededFuture(k.document());
        }
        return fetch(name, services.get(name), 0)
                .onFailure(e -> LOG.warnf("The API document of %s could not be fetched: %s", name, e.getMessage()));
    }

    /** Asks the instances of {@code name} from the {@code index}th on, until one serves its document. */
    private Future<ObjectNode> fetch(String name, List<Upstream> instances, int index) {
        Upstream upstream = instances.get(index);
        RequestOptions request = new RequestOptions().setMethod(HttpMethod.GET).setHost(upstream.host())
                .setPort(upstream.port()).setSsl(upstream.ssl()).setURI(upstream.basePath() + "/q/openapi?format=json")
                .setTimeout(config.upstreamTimeout().toMillis());
        return client.request(request).compose(r -> r.send()).compose(response -> response.statusCode() == 200
                        ? response.body() : Future.failedFuture(name + " answered " + response.statusCode()))
                .map(body -> {
                    try {
                        ObjectNode document = (ObjectNode) JSON.readTree(body.getBytes());
                        kept.put(name, new Kept(clock.getAsLong(), document));
                        return document;
                    } catch (IOException | ClassCastException e) {
                        throw new IllegalStateException(name + " served no JSON document");
                    }
                })
                .recover(e -> index + 1 < instances.size() ? fetch(name, instances, index + 1) : Future.failedFuture(e));
    }

    private static void json(RoutingContext ctx, Object document) {
        try {
            ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                    .putHeader(HttpHeaders.CACHE_CONTROL, "no-cache")
                    .end(JSON.writeValueAsString(document));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The gateway's own document (META-INF/openapi.yaml): the source of what it adds to every operation. */
    static ObjectNode gatewayDocument() {
        try (InputStream in = ApiDocuments.class.getResourceAsStream("/META-INF/openapi.yaml")) {
            if (in == null) {
                throw new IllegalStateException("META-INF/openapi.yaml is missing");
            }
            return (ObjectNode) new ObjectMapper(new YAMLFactory()).readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
