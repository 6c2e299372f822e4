package org.yizhan.gateway.apidocs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The services' OpenAPI documents as clients see them through the gateway: addressed to the
 * gateway, and with what the gateway itself adds to every operation (the RateLimit headers, and
 * the 408, 413, 429, 502, 503 and 504 problems it answers with), taken from the gateway's own
 * document. And all of them in one document, for generating a client.
 */
public final class PublicDocuments {

    /** The gateway's components copied into a service's document get this prefix, so that no name meets a service's. */
    static final String PREFIX = "Gateway";
    /** The responses the gateway may answer any forwarded request with, by status, as named in its own document. */
    static final Map<String, String> GATEWAY_RESPONSES = orderedMap(
            "408", "RequestTimeout", "413", "PayloadTooLarge", "429", "TooManyRequests",
            "502", "BadGateway", "503", "ServiceUnavailable", "504", "GatewayTimeout");
    /** The headers the gateway puts on every forwarded answer, as named in its own document. */
    static final Map<String, String> RATE_LIMIT_HEADERS = orderedMap("RateLimit", "RateLimit", "RateLimit-Policy",
            "RateLimitPolicy");
    /** The header the gateway adds to every answer to a browser on an allowed origin (CORS), as named in its document. */
    static final String CORS_HEADER = "Access-Control-Allow-Origin";
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch",
            "trace");
    private static final List<String> SECTIONS = List.of("schemas", "responses", "parameters", "examples",
            "requestBodies", "headers", "securitySchemes", "links", "callbacks");

    private PublicDocuments() {
    }

    /**
     * The document of the service {@code name} as served through the gateway at {@code serverUrl}.
     * Its operations endpoints ({@code /api/v1/ops/{service}/…}, whose {@code service} can only be
     * its own name) are given under that name, as the gateway routes them. Neither document is changed.
     */
    public static ObjectNode throughGateway(ObjectNode service, ObjectNode gateway, String serverUrl, String name) {
        ObjectNode doc = service.deepCopy();
        ownServiceName(doc, name);
        ObjectNode gatewayComponents = renamed(gateway.withObjectProperty("components").deepCopy(), PREFIX);
        ObjectNode components = doc.withObjectProperty("components");
        for (String section : List.of("schemas", "headers", "responses")) {
            ObjectNode target = components.withObjectProperty(section);
            gatewayComponents.withObjectProperty(section).fields().forEachRemaining(e -> target.set(e.getKey(),
                    e.getValue()));
        }
        // Under its own name too: the OWASP rule looks for a header component called so.
        components.withObjectProperty("headers").set(CORS_HEADER,
                components.withObjectProperty("headers").get(PREFIX + CORS_HEADER));
        doc.set("servers", servers(serverUrl));
        for (JsonNode path : (Iterable<JsonNode>) doc.withObjectProperty("paths")::elements) {
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (METHODS.contains(op.getKey()) && op.getValue() instanceof ObjectNode operation) {
                    addGatewayAnswers(operation, components);
                }
            }
        }
        return doc;
    }

    /**
     * One document of all {@code services} (by name; each as {@link #throughGateway} made it): their
     * paths, tags and components, a component whose name two services use for different things
     * prefixed with its service's name (and every reference to it changed).
     */
    public static ObjectNode combined(Map<String, ObjectNode> services, ObjectNode gateway, String serverUrl) {
        ObjectNode doc = JsonNodeFactory.instance.objectNode();
        // The services' version of OpenAPI (their schemas use its keywords), the gateway's if none.
        doc.put("openapi", services.values().stream().map(d -> d.path("openapi").asText(""))
                .filter(v -> !v.isEmpty()).findFirst().orElse(gateway.path("openapi").asText("3.0.3")));
        doc.set("info", JsonNodeFactory.instance.objectNode()
                .put("title", "Yizhan API")
                .put("version", gateway.path("info").path("version").asText("1.0.0"))
                .put("description", "Every operation of the Yizhan services, as reached through the API gateway. "
                        + gateway.path("info").path("description").asText("")));
        doc.set("servers", servers(serverUrl));
        ArrayNode tags = doc.putArray("tags");
        ObjectNode paths = doc.putObject("paths");
        ObjectNode components = doc.putObject("components");
        Set<String> operationIds = new java.util.HashSet<>();
        for (Map.Entry<String, ObjectNode> entry : services.entrySet()) {
            ObjectNode service = entry.getValue().deepCopy();
            Map<String, String> renames = new LinkedHashMap<>();
            for (String section : SECTIONS) {
                for (Map.Entry<String, JsonNode> c : iterable(service.path("components").path(section))) {
                    JsonNode existing = components.path(section).get(c.getKey());
                    if (existing != null && !existing.equals(c.getValue())) {
                        renames.put("#/components/" + section + "/" + c.getKey(),
                                "#/components/" + section + "/" + pascal(entry.getKey()) + c.getKey());
                    }
                }
            }
            rewriteReferences(service, renames);
            for (String section : SECTIONS) {
                for (Map.Entry<String, JsonNode> c : iterable(service.path("components").path(section))) {
                    String ref = "#/components/" + section + "/" + c.getKey();
                    String name = renames.containsKey(ref) ? pascal(entry.getKey()) + c.getKey() : c.getKey();
                    components.withObjectProperty(section).set(name, c.getValue());
                }
            }
            uniqueOperationIds(service, operationIds, pascal(entry.getKey()));
            service.withObjectProperty("paths").fields().forEachRemaining(p -> paths.set(p.getKey(), p.getValue()));
            for (JsonNode tag : service.path("tags")) {
                boolean known = false;
                for (JsonNode t : tags) {
                    known |= t.path("name").equals(tag.path("name"));
                }
                if (!known) {
                    tags.add(tag);
                }
            }
        }
        return doc;
    }

    /** The gateway, as the one server (public: {@code x-internal} false). */
    private static ArrayNode servers(String serverUrl) {
        return JsonNodeFactory.instance.arrayNode().add(JsonNodeFactory.instance.objectNode().put("url", serverUrl)
                .put("description", "The Yizhan API gateway of this deployment (production, staging or a local run)")
                .put("x-internal", false));
    }

    /** An operation id another service has taken already gets {@code prefix} before it. */
    private static void uniqueOperationIds(ObjectNode service, Set<String> taken, String prefix) {
        for (JsonNode item : (Iterable<JsonNode>) service.withObjectProperty("paths")::elements) {
            for (Map.Entry<String, JsonNode> op : iterable(item)) {
                if (METHODS.contains(op.getKey()) && op.getValue() instanceof ObjectNode operation
                        && operation.hasNonNull("operationId")) {
                    String id = operation.get("operationId").asText();
                    if (!taken.add(id)) {
                        String renamed = prefix + Character.toUpperCase(id.charAt(0)) + id.substring(1);
                        operation.put("operationId", renamed);
                        taken.add(renamed);
                    }
                }
            }
        }
    }

    /** Paths with the path parameter {@code service} get {@code name} in its place, and lose the parameter. */
    private static void ownServiceName(ObjectNode doc, String name) {
        ObjectNode paths = doc.withObjectProperty("paths");
        List<String> keys = new java.util.ArrayList<>();
        paths.fieldNames().forEachRemaining(keys::add);
        for (String key : keys) {
            if (!key.contains("{service}")) {
                continue;
            }
            ObjectNode item = (ObjectNode) paths.remove(key);
            withoutServiceParameter(item, doc);
            for (JsonNode operation : (Iterable<JsonNode>) item::elements) {
                if (operation instanceof ObjectNode o) {
                    withoutServiceParameter(o, doc);
                }
            }
            paths.set(key.replace("{service}", name), item);
        }
    }

    private static void withoutServiceParameter(ObjectNode holder, ObjectNode doc) {
        if (!(holder.get("parameters") instanceof ArrayNode parameters)) {
            return;
        }
        for (int i = parameters.size() - 1; i >= 0; i--) {
            JsonNode parameter = parameters.get(i);
            String ref = parameter.path("$ref").asText("");
            if (ref.startsWith("#/components/parameters/")) {
                parameter = doc.path("components").path("parameters").path(ref.substring("#/components/parameters/".length()));
            }
            if ("service".equals(parameter.path("name").asText()) && "path".equals(parameter.path("in").asText())) {
                parameters.remove(i);
            }
        }
    }

    /** Adds the gateway's answers to {@code operation} where it does not document that status itself. */
    private static void addGatewayAnswers(ObjectNode operation, ObjectNode components) {
        ObjectNode responses = operation.withObjectProperty("responses");
        for (Map.Entry<String, JsonNode> response : iterable(responses)) {
            String status = response.getKey();
            ObjectNode target = resolved(response.getValue(), components);
            if (target == null) {
                continue;
            }
            Map<String, String> headers = new LinkedHashMap<>();
            if (status.startsWith("2") || status.startsWith("4")) {
                headers.putAll(RATE_LIMIT_HEADERS);
            }
            headers.forEach((header, component) -> {
                if (!target.withObjectProperty("headers").has(header)) {
                    target.withObjectProperty("headers").set(header, reference("headers", PREFIX + component));
                }
            });
            if (!target.withObjectProperty("headers").has(CORS_HEADER)) {
                target.withObjectProperty("headers").set(CORS_HEADER, reference("headers", CORS_HEADER));
            }
        }
        GATEWAY_RESPONSES.forEach((status, component) -> {
            if (!responses.has(status)) {
                responses.set(status, reference("responses", PREFIX + component));
            }
        });
    }

    /** The response object itself: {@code response}, or the component it refers to. */
    private static ObjectNode resolved(JsonNode response, ObjectNode components) {
        String ref = response.path("$ref").asText("");
        if (ref.startsWith("#/components/responses/")) {
            JsonNode target = components.path("responses").get(ref.substring("#/components/responses/".length()));
            return target instanceof ObjectNode o ? o : null;
        }
        return response instanceof ObjectNode o ? o : null;
    }

    /** {@code components} with every name prefixed, and the references inside them changed alike. */
    private static ObjectNode renamed(ObjectNode components, String prefix) {
        Map<String, String> renames = new LinkedHashMap<>();
        ObjectNode result = JsonNodeFactory.instance.objectNode();
        for (Map.Entry<String, JsonNode> section : iterable(components)) {
            for (Map.Entry<String, JsonNode> c : iterable(section.getValue())) {
                renames.put("#/components/" + section.getKey() + "/" + c.getKey(),
                        "#/components/" + section.getKey() + "/" + prefix + c.getKey());
                result.withObjectProperty(section.getKey()).set(prefix + c.getKey(), c.getValue());
            }
        }
        rewriteReferences(result, renames);
        return result;
    }

    /** Changes every {@code $ref} found in {@code renames}, anywhere below {@code node}. */
    private static void rewriteReferences(JsonNode node, Map<String, String> renames) {
        if (renames.isEmpty()) {
            return;
        }
        if (node instanceof ObjectNode object) {
            JsonNode ref = object.get("$ref");
            if (ref != null && ref.isTextual() && renames.containsKey(ref.asText())) {
                object.set("$ref", TextNode.valueOf(renames.get(ref.asText())));
            }
            object.elements().forEachRemaining(child -> rewriteReferences(child, renames));
        } else if (node instanceof ArrayNode array) {
            array.elements().forEachRemaining(child -> rewriteReferences(child, renames));
        }
    }

    private static ObjectNode reference(String section, String name) {
        return JsonNodeFactory.instance.objectNode().put("$ref", "#/components/" + section + "/" + name);
    }

    /** {@code legal-aid-service} → {@code LegalAidService}. */
    static String pascal(String name) {
        StringBuilder out = new StringBuilder();
        for (String part : name.split("[^A-Za-z0-9]+")) {
            if (!part.isEmpty()) {
                out.append(part.substring(0, 1).toUpperCase(Locale.ROOT)).append(part.substring(1));
            }
        }
        return out.toString();
    }

    private static Iterable<Map.Entry<String, JsonNode>> iterable(JsonNode node) {
        return node::fields;
    }

    private static Map<String, String> orderedMap(String... keysAndValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(map);
    }
}
