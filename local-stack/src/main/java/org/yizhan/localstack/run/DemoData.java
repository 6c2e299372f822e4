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
     * Registers the demo stations. Each carries a fixed Idempotency-Key, so running this again
     * (every start of the local run does) registers nothing twice.
     *
     * @return how many stations were registered now (0 when all were there already)
     */
    public static int load(String gatewayUrl, String adminToken) {
        try {
            int registered = 0;
            int index = 0;
            for (JsonNode station : stations()) {
                HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                                URI.create(gatewayUrl + "/api/v1/stations"))
                        .header("Authorization", "Bearer " + adminToken)
                        .header("Content-Type", "application/json")
                        .header("Idempotency-Key", "demo-daxing-" + index++)
                        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(station)))
                        .build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 201) {
                    registered++;
                } else if (response.statusCode() == 422) {
                    // The key was used by an earlier version of this demo data: the station is there.
                    continue;
                } else if (response.statusCode() != 200) {
                    throw new IllegalStateException("registering a demo station answered " + response.statusCode()
                            + ": " + response.body());
                }
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
