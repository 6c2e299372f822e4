package org.yizhan.bench;

import io.vertx.core.AbstractVerticle;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.PoolOptions;
import io.vertx.httpproxy.HttpProxy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The proxy library the gateway is built on ({@code vertx-http-proxy}, the version of the Quarkus
 * BOM), with nothing of the gateway's: no Quarkus, no token check, no rate limit, no circuit
 * breaker, no metrics, no log line. Each event loop has its own server and its own client, as the
 * library is best used. It is what a JVM proxy on these libraries costs at the least, the reference
 * that tells the gateway's own work apart from the platform's.
 *
 * <p>Run by {@link GatewayBenchmark} in a JVM of its own, with the gateway's JVM options:
 * {@code VertxProxy <port> <upstream host> <upstream port> <event loops> <connections>}.
 */
public final class VertxProxy {

    private VertxProxy() {
    }

    public static void main(String[] args) {
        int port = Integer.parseInt(args[0]);
        String upstreamHost = args[1];
        int upstreamPort = Integer.parseInt(args[2]);
        int loops = Integer.parseInt(args[3]);
        int connections = Integer.parseInt(args[4]);
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(loops));
        vertx.deployVerticle(() -> new AbstractVerticle() {
            @Override
            public void start() {
                HttpClient client = vertx.createHttpClient(new HttpClientOptions()
                                .setProtocolVersion(HttpVersion.HTTP_1_1).setKeepAlive(true),
                        new PoolOptions().setHttp1MaxSize(Math.max(1, connections / loops)));
                HttpProxy proxy = HttpProxy.reverseProxy(client).origin(upstreamPort, upstreamHost);
                vertx.createHttpServer().requestHandler(proxy).listen(port, "127.0.0.1");
            }
        }, new DeploymentOptions().setInstances(loops)).onFailure(failure -> {
            failure.printStackTrace();
            System.exit(1);
        });
    }

    /** Starts it in a JVM of its own, on {@code port}, in front of {@code upstreamHost:upstreamPort}. */
    static ProxyProcess start(Path dir, int port, String upstreamHost, int upstreamPort, List<String> jvm)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvm);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), VertxProxy.class.getName(),
                Integer.toString(port), upstreamHost, Integer.toString(upstreamPort),
                // Quarkus' default for the gateway: two event loops per core.
                Integer.toString(2 * Runtime.getRuntime().availableProcessors()), "64"));
        return ProxyProcess.start("vertx-proxy", command, dir.resolve("vertx-proxy.out"), port);
    }
}
