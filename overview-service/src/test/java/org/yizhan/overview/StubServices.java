package org.yizhan.overview;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.yizhan.localstack.Ports;
import org.yizhan.localstack.TempDirs;
import org.yizhan.localstack.security.DevKeys;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Starts, before Quarkus boots, one small stand-in per service on a free loopback port and points
 * overview-service at them, and gives it the test JVM's JWT verification key.
 *
 * <p>A stand-in answers every GET with what it received (service, path, query, the forwarded
 * headers) and a few figures (station-service's figures also by host type and tier), and
 * misbehaves when the request id asks it to: {@code fail:<service>} answers 500,
 * {@code slow:<service>} answers after 3 s (above the tests' 1 s part timeout),
 * {@code text:<service>} answers with a body that is not JSON; several can be joined with commas.
 * Init arg {@code down}: a service whose URL gets a port where nothing listens.
 */
public class StubServices implements QuarkusTestResourceLifecycleManager {

    static final String DOWN = "down";

    /** System property with the key directory, the same for every class loader of the test JVM. */
    private static final String KEYS_DIR = "org.yizhan.overview.test.keys-dir";

    static final Map<String, String> URL_PROPERTIES = new LinkedHashMap<>();

    static {
        URL_PROPERTIES.put("station-service", "yizhan.overview.station-service-url");
        URL_PROPERTIES.put("services-service", "yizhan.overview.services-service-url");
        URL_PROPERTIES.put("health-checkup-service", "yizhan.overview.health-checkup-service-url");
        URL_PROPERTIES.put("legal-aid-service", "yizhan.overview.legal-aid-service-url");
    }

    private String down;
    private Vertx vertx;

    @Override
    public void init(Map<String, String> initArgs) {
        down = initArgs.get(DOWN);
    }

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>();
        config.put("mp.jwt.verify.publickey.location", keys().publicKeyPem().toString());
        config.put("mp.jwt.verify.issuer", DevKeys.ISSUER);
        vertx = Vertx.vertx();
        try {
            for (Map.Entry<String, String> service : URL_PROPERTIES.entrySet()) {
                int port = service.getKey().equals(down) ? Ports.free() : start(service.getKey());
                config.put(service.getValue(), "http://127.0.0.1:" + port);
            }
        } catch (Exception e) {
            throw new IllegalStateException("Could not start the stand-in services", e);
        }
        return config;
    }

    @Override
    public void stop() {
        if (vertx != null) {
            vertx.close().toCompletionStage().toCompletableFuture().join();
            vertx = null;
        }
    }

    static synchronized DevKeys keys() {
        String dir = System.getProperty(KEYS_DIR);
        if (dir == null) {
            dir = TempDirs.create("yizhan-overview-keys").toString();
            System.setProperty(KEYS_DIR, dir);
        }
        return DevKeys.loadOrCreate(Path.of(dir));
    }

    private int start(String name) throws Exception {
        return vertx.createHttpServer().requestHandler(request -> handle(name, request))
                .listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get().actualPort();
    }

    private void handle(String name, HttpServerRequest request) {
        String asked = request.getHeader("X-Request-Id") == null ? "" : request.getHeader("X-Request-Id");
        if (asked.contains("fail:" + name)) {
            request.response().setStatusCode(500).putHeader("Content-Type", "application/problem+json")
                    .end("{\"status\":500}");
            return;
        }
        if (asked.contains("text:" + name)) {
            request.response().putHeader("Content-Type", "application/json").end("<html>not json</html>");
            return;
        }
        JsonObject query = new JsonObject();
        request.params().forEach((key, value) -> query.put(key, value));
        JsonObject body = new JsonObject()
                .put("service", name)
                .put("path", request.path())
                .put("query", query)
                .put("authorization", request.getHeader("Authorization"))
                .put("acceptLanguage", request.getHeader("Accept-Language"))
                .put("requestId", request.getHeader("X-Request-Id"))
                .put("visits", 12)
                .put("rows", new JsonArray()
                        .add(new JsonObject().put("key", "s-1").put("name", "A").put("visits", 7))
                        .add(new JsonObject().put("visits", 5)))
                .put("items", new JsonArray());
        if (request.path().equals("/api/v1/stations/figures")) {
            // The shape of station-service's StationFigures, for the dashboard's CSV rows.
            body.put("byHostType", new JsonArray().add(new JsonObject().put("key", "PARK").put("stations", 2)))
                    .put("byTier", new JsonArray()
                            .add(new JsonObject().put("key", "DEMONSTRATION").put("stations", 1)));
        }
        if (asked.contains("slow:" + name)) {
            vertx.setTimer(3_000, id -> request.response().putHeader("Content-Type", "application/json")
                    .end(body.encode()));
            return;
        }
        request.response().putHeader("Content-Type", "application/json").end(body.encode());
    }

}
