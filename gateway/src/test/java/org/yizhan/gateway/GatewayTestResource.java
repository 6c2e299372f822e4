package org.yizhan.gateway;

import org.yizhan.localstack.Ports;
import org.yizhan.localstack.TempDirs;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import org.yizhan.localstack.security.DevKeys;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Starts, before Quarkus boots, one echo upstream per service on a free loopback port and points
 * the gateway at them, and gives the gateway the test JVM's JWT verification key.
 *
 * <p>Init arg {@code down}: the name of a service whose URL gets a port where nothing listens. Init
 * arg {@code own}: the name of a service whose URLs the test's profile sets itself (no echo upstream). Init
 * arg {@code tokens} = {@code production}: the gateway trusts the key for the issuer and audience
 * of a production identity provider ({@link #PRODUCTION_ISSUER}, {@link #PRODUCTION_AUDIENCE})
 * instead of the local run's.
 */
public class GatewayTestResource implements QuarkusTestResourceLifecycleManager {

    /** System property with the key directory, the same for every class loader of the test JVM. */
    static final String KEYS_DIR = "org.yizhan.gateway.test.keys-dir";

    static final String DOWN = "down";
    static final String OWN = "own";
    static final String TOKENS = "tokens";
    static final String PRODUCTION_ISSUER = "https://id.example.org/realms/yizhan";
    static final String PRODUCTION_AUDIENCE = "yizhan-api";

    static final Map<String, String> URL_PROPERTIES = new LinkedHashMap<>();

    static {
        URL_PROPERTIES.put("station-service", "yizhan.gateway.station-service-url");
        URL_PROPERTIES.put("services-service", "yizhan.gateway.services-service-url");
        URL_PROPERTIES.put("health-checkup-service", "yizhan.gateway.health-checkup-service-url");
        URL_PROPERTIES.put("legal-aid-service", "yizhan.gateway.legal-aid-service-url");
        URL_PROPERTIES.put("overview-service", "yizhan.gateway.overview-service-url");
    }

    private String down;
    private String own;
    private boolean production;
    private Vertx vertx;

    @Override
    public void init(Map<String, String> initArgs) {
        down = initArgs.get(DOWN);
        own = initArgs.get(OWN);
        production = "production".equals(initArgs.get(TOKENS));
    }

    @Override
    public Map<String, String> start() {
        DevKeys keys = DevKeys.loadOrCreate(keysDir());
        Map<String, String> config = new HashMap<>();
        config.put("mp.jwt.verify.publickey.location", keys.publicKeyPem().toString());
        config.put("mp.jwt.verify.issuer", production ? PRODUCTION_ISSUER : DevKeys.ISSUER);
        if (production) {
            config.put("mp.jwt.verify.audiences", PRODUCTION_AUDIENCE);
        }
        vertx = Vertx.vertx();
        try {
            for (Map.Entry<String, String> upstream : URL_PROPERTIES.entrySet()) {
                if (upstream.getKey().equals(own)) {
                    continue;
                }
                int port = upstream.getKey().equals(down) ? Ports.free() : EchoUpstream.start(vertx, upstream.getKey());
                config.put(upstream.getValue(), "http://127.0.0.1:" + port);
                // The stand-in serves its OpenAPI document on the same port.
                config.put(upstream.getValue().replace("-url", "-management-url"), "http://127.0.0.1:" + port);
            }
        } catch (Exception e) {
            throw new IllegalStateException("Could not start the echo upstreams", e);
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

    static synchronized Path keysDir() {
        String dir = System.getProperty(KEYS_DIR);
        if (dir == null) {
            dir = TempDirs.create("yizhan-gateway-keys").toString();
            System.setProperty(KEYS_DIR, dir);
        }
        return Path.of(dir);
    }

}
