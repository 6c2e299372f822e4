package org.yizhan.gateway;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * A real HTTP server that stands in for one service: it tells what it received (method, path,
 * query, the headers that matter, body size and SHA-256, read as a stream) and can misbehave on
 * request: {@code ?delay-ms=N} answers late, a path ending in {@code /__break} drops the
 * connection, one ending in {@code /__break-once} drops it for the first request of its
 * {@code ?count=M} mark only, {@code ?bytes=N} streams back N bytes of {@link #patternByte(long)}.
 * Requests with {@code ?count=M} are counted per mark ({@link #attempts(String)}). The echo also
 * names the HTTP version and the client port of the connection the request came on.
 */
final class EchoUpstream {

    static final List<String> ECHOED_HEADERS = List.of("authorization", "x-request-id", "x-forwarded-for",
            "x-forwarded-proto", "x-forwarded-host", "host", "accept-language", "x-custom", "traceparent");

    private static final String CLOSED_CONNECTIONS = "yizhan.echo.closed-connections";
    private static final String SENT = "yizhan.echo.sent.";
    private static final String ATTEMPTS = "yizhan.echo.attempts.";

    private EchoUpstream() {
    }

    /** Starts the server on a free loopback port and returns that port. */
    static int start(Vertx vertx, String name) throws Exception {
        HttpServer server = vertx.createHttpServer().requestHandler(request -> handle(name, request))
                .connectionHandler(connection -> connection.closeHandler(v -> countClosedConnection()));
        return server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get().actualPort();
    }

    /**
     * How many connections the echo servers have seen closed, kept as a system property so that a
     * test in another class loader of the same JVM reads it.
     */
    static synchronized long closedConnections() {
        return Long.getLong(CLOSED_CONNECTIONS, 0);
    }

    private static synchronized void countClosedConnection() {
        System.setProperty(CLOSED_CONNECTIONS, Long.toString(closedConnections() + 1));
    }

    /**
     * Whether the streamed answer of a request with {@code ?mark=M} has been handed to its
     * connection completely.
     */
    static boolean sent(String mark) {
        return System.getProperty(SENT + mark) != null;
    }

    /** How many requests with {@code ?count=mark} the echo servers have received. */
    static synchronized long attempts(String mark) {
        return Long.getLong(ATTEMPTS + mark, 0);
    }

    private static synchronized long countAttempt(String mark) {
        long attempts = attempts(mark) + 1;
        System.setProperty(ATTEMPTS + mark, Long.toString(attempts));
        return attempts;
    }

    /** Byte {@code i} of every streamed response body. */
    static byte patternByte(long i) {
        return (byte) (i % 251);
    }

    /**
     * The OpenAPI document the stand-in for {@code name} serves at {@code /q/openapi}: one operation
     * under {@code /api/v1/<name>} and the operations one under {@code /api/v1/ops/{service}} that every
     * service has, the first answering with a schema {@code Item} that differs per service
     * (so that the combined document must tell them apart) and a {@code Problem} that is the same.
     */
    static String openApiDocument(String name) {
        return """
                {"openapi": "3.0.3", "info": {"title": "%1$s", "version": "1"},
                 "tags": [{"name": "shared"}, {"name": "%1$s"}],
                 "paths": {"/api/v1/%1$s/items/{id}": {"get": {"tags": ["%1$s"], "operationId": "item_%2$s",
                   "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}],
                   "responses": {
                     "200": {"description": "An item", "content": {"application/json":
                        {"schema": {"$ref": "#/components/schemas/Item"}}}},
                     "404": {"$ref": "#/components/responses/NotFound"}}}},
                   "/api/v1/ops/{service}/dead-letters": {"get": {"operationId": "deadLetters_%2$s",
                     "parameters": [{"$ref": "#/components/parameters/Service"}],
                     "responses": {"200": {"description": "Dead letters"}}}}},
                 "components": {
                   "parameters": {"Service": {"name": "service", "in": "path", "required": true,
                     "schema": {"type": "string"}}},
                   "schemas": {
                     "Item": {"type": "object", "properties": {"%2$s": {"type": "string"}}},
                     "Problem": {"type": "object", "properties": {"title": {"type": "string"}}}},
                   "responses": {"NotFound": {"description": "No such item", "content": {"application/problem+json":
                        {"schema": {"$ref": "#/components/schemas/Problem"}}}}}}}
                """.formatted(name, name.replace('-', '_'));
    }

    private static void handle(String name, HttpServerRequest request) {
        if (request.path().equals("/q/openapi")) {
            request.response().putHeader("Content-Type", "application/json").end(openApiDocument(name));
            return;
        }
        String mark = request.getParam("count");
        long attempt = mark == null ? 0 : countAttempt(mark);
        if (request.path().endsWith("/__break") || (request.path().endsWith("/__break-once") && attempt == 1)) {
            request.connection().close();
            return;
        }
        MessageDigest digest = sha256();
        long[] size = {0};
        request.handler(chunk -> {
            digest.update(chunk.getBytes());
            size[0] += chunk.length();
        });
        request.endHandler(v -> {
            long delay = longParam(request, "delay-ms", 0);
            Runnable answer = () -> answer(name, request, size[0], HexFormat.of().formatHex(digest.digest()));
            if (delay > 0) {
                Vertx.currentContext().owner().setTimer(delay, id -> answer.run());
            } else {
                answer.run();
            }
        });
    }

    private static void answer(String name, HttpServerRequest request, long bodyBytes, String bodySha256) {
        HttpServerResponse response = request.response();
        if (response.closed()) {
            return;
        }
        response.putHeader("X-Upstream", name);
        long streamed = longParam(request, "bytes", -1);
        if (streamed >= 0) {
            response.putHeader("Content-Type", "application/octet-stream").setChunked(true);
            String mark = request.getParam("mark");
            stream(response, 0, streamed, () -> {
                if (mark != null) {
                    System.setProperty(SENT + mark, "true");
                }
            });
            return;
        }
        JsonObject headers = new JsonObject();
        for (String header : ECHOED_HEADERS) {
            if (request.getHeader(header) != null) {
                headers.put(header, String.join(" | ", request.headers().getAll(header)));
            }
        }
        JsonObject echo = new JsonObject()
                .put("upstream", name)
                .put("method", request.method().name())
                .put("version", request.version().name())
                .put("uri", request.uri())
                .put("path", request.path())
                .put("query", request.query())
                .put("headers", headers)
                .put("bodyBytes", bodyBytes)
                .put("bodySha256", bodySha256)
                .put("connectionPort", request.remoteAddress().port());
        response.setStatusCode((int) longParam(request, "status", 200))
                .putHeader("Content-Type", "application/json")
                .end(echo.toBuffer());
    }

    /** Writes [from, total) in 64 KiB chunks, waiting whenever the client reads slower. */
    private static void stream(HttpServerResponse response, long from, long total, Runnable sent) {
        long position = from;
        while (position < total) {
            if (response.writeQueueFull()) {
                long resumeAt = position;
                response.drainHandler(v -> stream(response, resumeAt, total, sent));
                return;
            }
            int length = (int) Math.min(64 * 1024, total - position);
            byte[] chunk = new byte[length];
            for (int i = 0; i < length; i++) {
                chunk[i] = patternByte(position + i);
            }
            response.write(Buffer.buffer(chunk));
            position += length;
        }
        response.end().onSuccess(v -> sent.run());
    }

    private static long longParam(HttpServerRequest request, String name, long fallback) {
        String value = request.getParam(name);
        return value == null ? fallback : Long.parseLong(value);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
