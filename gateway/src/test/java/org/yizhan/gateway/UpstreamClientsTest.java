package org.yizhan.gateway;

import io.netty.util.concurrent.EventExecutor;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;

class UpstreamClientsTest {

    private Vertx vertx;

    @BeforeEach
    void start() {
        vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2));
    }

    @AfterEach
    void stop() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void theConnectionsAreSharedOutOverTheEventLoopsAndEachLoopKeepsAtLeastOne() {
        assertEquals(16, UpstreamClients.perEventLoop(64, 4));
        assertEquals(17, UpstreamClients.perEventLoop(65, 4));
        assertEquals(1, UpstreamClients.perEventLoop(2, 4));
        assertEquals(5, UpstreamClients.perEventLoop(5, 0));
    }

    @Test
    void eachEventLoopHasAClientOfItsOwnAndKeepsIt() throws Exception {
        UpstreamClients clients = new UpstreamClients(vertx, new HttpClientOptions(), 8, 2);
        Map<Thread, HttpClient> byLoop = new ConcurrentHashMap<>();
        // A task on each of the two event loops (taken from the loop group itself, not from how a
        // deployment happens to spread over them).
        List<CompletableFuture<Void>> done = new ArrayList<>();
        for (EventExecutor loop : vertx.nettyEventLoopGroup()) {
            CompletableFuture<Void> ran = new CompletableFuture<>();
            loop.execute(() -> {
                try {
                    HttpClient client = clients.current();
                    assertSame(client, clients.current(), "the same loop gets the same client");
                    byLoop.put(Thread.currentThread(), client);
                    ran.complete(null);
                } catch (Throwable e) {
                    ran.completeExceptionally(e);
                }
            });
            done.add(ran);
        }
        CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);

        assertEquals(2, byLoop.size(), "two event loops");
        assertEquals(2, Set.copyOf(byLoop.values()).size(), "a client each");
        assertEquals(2, clients.eventLoopClients());
        // Off the event loops (a worker thread, this test), one shared client.
        assertSame(clients.current(), clients.current());
        assertFalse(byLoop.containsValue(clients.current()));
        assertEquals(2, clients.eventLoopClients());
        clients.close();
    }
}
