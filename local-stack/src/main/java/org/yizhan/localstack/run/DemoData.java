package org.yizhan.localstack.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Registers the Daxing stations of the source report through the gateway, once. */
public final class DemoData {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private DemoData() {
    }

    /**
     * Registers the demo stations unless the registry already holds stations.
     *
     * @return how many stations were registered
     */
    public static int loadIfEmpty(String gatewayUrl, String adminToken) {
        try {
            HttpResponse<String> existing = HTTP.send(HttpRequest.newBuilder(
                            URI.create(gatewayUrl + "/api/v1/stations?limit=1")).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (existing.statusCode() != 200) {
                throw new IllegalStateException("GET /api/v1/stations answered " + existing.statusCode());
            }
            if (JSON.readTree(existing.body()).path("items").size() > 0) {
                return 0;
            }
            int registered = 0;
            for (JsonNode station : stations()) {
                HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                                URI.create(gatewayUrl + "/api/v1/stations"))
                        .header("Authorization", "Bearer " + adminToken)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(station)))
                        .build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 201) {
                    throw new IllegalStateException("registering a demo station answered " + response.statusCode()
                            + ": " + response.body());
                }
                registered++;
            }
            return registered;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The demo stations (coordinates are approximate, WGS-84). */
    public static JsonNode stations() throws IOException {
        try (InputStream in = DemoData.class.getResourceAsStream("/demo/daxing-stations.json")) {
            return JSON.readTree(in);
        }
    }
}
