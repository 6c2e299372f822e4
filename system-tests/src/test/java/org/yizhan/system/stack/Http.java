package org.yizhan.system.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Requests as a client sends them, through the gateway (or straight to a service), that never
 * throw: a connection that fails is status {@link #NO_CONNECTION}, an answer that does not come
 * within {@link #TIMEOUT} (above the gateway's own 60 s upstream timeout) is {@link #HUNG}.
 */
public final class Http {

    public static final ObjectMapper JSON = new ObjectMapper();
    /** Longer than the gateway waits for a service: a client that waits this long was left hanging. */
    public static final Duration TIMEOUT = Duration.ofSeconds(75);
    public static final int NO_CONNECTION = -1;
    public static final int HUNG = 0;

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final Supplier<String> base;

    /** A client of {@code base} (read at each request: the gateway's address stays, a process may change). */
    public Http(Supplier<String> base) {
        this.base = base;
    }

    /** One answer: its status, body and content type, and how long it took. */
    public record Answer(int status, String body, String contentType, long millis, String etag) {

        public boolean ok() {
            return status >= 200 && status < 300;
        }

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("not JSON (" + status + "): " + body, e);
            }
        }

        /** A text field of the JSON body, or null. */
        public String field(String pointer) {
            if (body == null || body.isEmpty()) {
                return null;
            }
            try {
                JsonNode node = JSON.readTree(body).at(pointer);
                return node.isMissingNode() || node.isNull() ? null : node.asText();
            } catch (IOException e) {
                return null;
            }
        }

        public boolean problem() {
            return contentType != null && contentType.startsWith("application/problem+json");
        }
    }

    public Answer get(String path, String token) {
        return send("GET", path, token, null, Map.of());
    }

    public Answer post(String path, String token, String body) {
        return send("POST", path, token, body, Map.of());
    }

    public Answer put(String path, String token, String body, Map<String, String> headers) {
        return send("PUT", path, token, body, headers);
    }

    public Answer send(String method, String path, String token, String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base.get() + path)).timeout(TIMEOUT)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(request::header);
        long start = System.nanoTime();
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body(),
                    response.headers().firstValue("Content-Type").orElse(null), millisSince(start),
                    response.headers().firstValue("ETag").orElse(null));
        } catch (HttpTimeoutException e) {
            return new Answer(HUNG, "", null, millisSince(start), null);
        } catch (IOException e) {
            return new Answer(NO_CONNECTION, String.valueOf(e.getMessage()), null, millisSince(start), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(NO_CONNECTION, "interrupted", null, millisSince(start), null);
        }
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
