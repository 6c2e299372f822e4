package org.yizhan.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The gateway's own document names every prefix of the routing table, and nothing the table does not route. */
class GatewayDocumentTest {

    @Test
    void everyRoutedPrefixIsDocumentedAndEveryDocumentedPathRouted() throws Exception {
        JsonNode doc;
        try (InputStream in = GatewayDocumentTest.class.getResourceAsStream("/META-INF/openapi.yaml")) {
            doc = new ObjectMapper(new YAMLFactory()).readTree(in);
        }
        List<Pattern> documented = new ArrayList<>();
        doc.path("paths").fieldNames().forEachRemaining(path ->
                documented.add(Pattern.compile(path.replaceAll("\\{[^}]+}", "[^/]+(/.*)?"))));
        List<String> undocumented = GatewayRoutes.ROUTES.stream().map(GatewayRoutes.Route::prefix)
                .filter(prefix -> documented.stream().noneMatch(p -> p.matcher(prefix + "/x").matches()))
                .toList();
        assertEquals(List.of(), undocumented, "routed prefixes the gateway's document leaves out");
        List<String> unrouted = new ArrayList<>();
        doc.path("paths").fieldNames().forEachRemaining(path -> {
            String example = path.replace("{service}", "station-service").replaceAll("\\{[^}]+}", "x");
            if (GatewayRoutes.ROUTES.stream().noneMatch(r -> example.equals(r.prefix())
                    || example.startsWith(r.prefix() + "/"))) {
                unrouted.add(path);
            }
        });
        assertEquals(List.of(), unrouted, "documented paths that no route takes");
    }
}
