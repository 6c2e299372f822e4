package org.yizhan.system.roles;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * Requests through the gateway, one at a time. A 429 (the gateway's per-client rate limit) is
 * waited out and the request sent again, so that the limit never stands in for an answer.
 */
final class GatewayCalls {

    private static final int MAX_RATE_LIMITED = 5;

    private final String gatewayUrl;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private int sent;

    GatewayCalls(String gatewayUrl) {
        this.gatewayUrl = gatewayUrl;
    }

    /** Sends a request; {@code token}, {@code contentType} and {@code body} may be null. */
    HttpResponse<String> send(String method, String pathAndQuery, String token, String contentType, String body,
                              Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gatewayUrl + pathAndQuery))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        headers.forEach(request::header);
        try {
            for (int attempt = 1; ; attempt++) {
                sent++;
                HttpResponse<String> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() != 429 || attempt == MAX_RATE_LIMITED) {
                    return answer;
                }
                long wait = answer.headers().firstValueAsLong("Retry-After").orElse(1);
                Thread.sleep(Duration.ofSeconds(Math.max(1, Math.min(wait, 30))).toMillis());
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(method + " " + pathAndQuery, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<String> get(String path, String token) {
        return send("GET", path, token, null, null, Map.of());
    }

    HttpResponse<String> post(String path, String token, String json) {
        return send("POST", path, token, "application/json", json, Map.of());
    }

    HttpResponse<String> put(String path, String token, String json) {
        return send("PUT", path, token, json == null ? null : "application/json", json, Map.of());
    }

    /** How many requests went out, repeats after a 429 included. */
    int sent() {
        return sent;
    }
}
