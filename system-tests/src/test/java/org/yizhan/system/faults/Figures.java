package org.yizhan.system.faults;

import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.yizhan.system.stack.Http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one scenario measured: the figures every scenario reports (writes accepted, events
 * delivered, duplicates, lost, catch-up seconds, 5xx answers) and its own, printed and written to
 * {@code target/reliability/<scenario>.json}.
 */
final class Figures {

    static final Path DIRECTORY = Path.of("target", "reliability");

    private final String scenario;
    private final Map<String, Object> values = new LinkedHashMap<>();

    Figures(String scenario) {
        this.scenario = scenario;
        values.put("writesAccepted", 0);
        values.put("eventsDelivered", 0);
        values.put("duplicates", 0);
        values.put("lost", 0);
        values.put("catchUpSeconds", 0.0);
        values.put("fiveXx", 0);
    }

    Figures put(String name, Object value) {
        values.put(name, value instanceof Double d ? Math.round(d * 10) / 10.0 : value);
        return this;
    }

    /** Prints the figures and writes them to the scenario's file. */
    void report() {
        ObjectNode json = Http.JSON.createObjectNode();
        json.put("scenario", scenario);
        json.put("measuredAt", Instant.now().toString());
        json.set("figures", Http.JSON.valueToTree(values));
        try {
            Files.createDirectories(DIRECTORY);
            Files.writeString(DIRECTORY.resolve(scenario + ".json"),
                    Http.JSON.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(json) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.out.println("[reliability] " + scenario + " " + values);
    }
}
