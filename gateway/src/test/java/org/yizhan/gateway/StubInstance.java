package org.yizhan.gateway;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;

import java.util.concurrent.TimeUnit;

/**
 * One instance of a service for the balancing tests: an API port that names the instance in every
 * answer ({@code X-Instance}) and a management port whose {@code /q/health/ready} answers 200 or, when
 * the test makes the instance unready, 503 as a service whose database is away does, or, when the
 * test makes it hang, nothing at all. Both can be stopped (as a killed process) and started again on
 * the same ports.
 */
final class StubInstance {

    static final String HEADER = "X-Instance";

    private final Vertx vertx;
    private final String name;
    private final int port;
    private final int managementPort;
    private volatile boolean ready = true;
    private volatile boolean hung;
    private HttpServer api;
    private HttpServer management;

    StubInstance(Vertx vertx, String name, int port, int managementPort) {
        this.vertx = vertx;
        this.name = name;
        this.port = port;
        this.managementPort = managementPort;
    }

    String name() {
        return name;
    }

    /** The instance's id in the gateway's metrics and readiness data. */
    String id() {
        return "127.0.0.1:" + port;
    }

    boolean running() {
        return api != null;
    }

    void ready(boolean ready) {
        this.ready = ready;
    }

    /** Whether the readiness check is left without an answer. */
    void hang(boolean hung) {
        this.hung = hung;
    }

    void start() throws Exception {
        api = listen(vertx.createHttpServer().requestHandler(request -> request.end()
                .onComplete(done -> request.response().putHeader(HEADER, name)
                        .putHeader("Content-Type", "application/json")
                        .end("{\"instance\":\"" + name + "\"}"))), port);
        management = listen(vertx.createHttpServer().requestHandler(request -> {
            if (hung) {
                return;
            }
            boolean up = ready && request.path().equals("/q/health/ready");
            request.response().setStatusCode(up ? 200 : 503).putHeader("Content-Type", "application/json")
                    .end(up ? "{\"status\":\"UP\"}" : "{\"status\":\"DOWN\"}");
        }), managementPort);
    }

    /** Closes both ports and every open connection, as a killed process would. */
    void stop() throws Exception {
        api.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        management.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        api = null;
        management = null;
    }

    private static HttpServer listen(HttpServer server, int port) throws Exception {
        return server.listen(port, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
