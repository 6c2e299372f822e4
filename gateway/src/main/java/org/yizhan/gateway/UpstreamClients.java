package org.yizhan.gateway;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The HTTP clients that carry requests to the services: one per event loop, each with its share of
 * the connections. A request is forwarded on a connection of the event loop that received it, so the
 * whole exchange stays on one thread; with a single client, a connection opened by another event
 * loop would be handed over, and every step of the exchange would cross threads (ADR 0012).
 */
final class UpstreamClients {

    private final Vertx vertx;
    private final HttpClientOptions options;
    private final PoolOptions perEventLoop;
    private final Map<Thread, HttpClient> clients = new ConcurrentHashMap<>();
    private final HttpClient shared;

    /**
     * @param connections the most connections kept to one service, shared out evenly over
     *                    {@code eventLoops} (at least one each)
     */
    UpstreamClients(Vertx vertx, HttpClientOptions options, int connections, int eventLoops) {
        this.vertx = vertx;
        this.options = options;
        this.perEventLoop = new PoolOptions().setHttp1MaxSize(perEventLoop(connections, eventLoops));
        // For a caller that is not on an event loop; the route handlers always are.
        this.shared = vertx.createHttpClient(options, new PoolOptions().setHttp1MaxSize(Math.max(1, connections)));
    }

    /** The connections each event loop may keep to one service. */
    static int perEventLoop(int connections, int eventLoops) {
        int loops = Math.max(1, eventLoops);
        return Math.max(1, (connections + loops - 1) / loops);
    }

    /** The client of the calling event loop; its connections are opened on that loop. */
    HttpClient current() {
        if (!Context.isOnEventLoopThread()) {
            return shared;
        }
        return clients.computeIfAbsent(Thread.currentThread(), loop -> vertx.createHttpClient(options, perEventLoop));
    }

    /** How many event loops have a client of their own so far. */
    int eventLoopClients() {
        return clients.size();
    }

    void close() {
        clients.values().forEach(HttpClient::close);
        shared.close();
    }
}
