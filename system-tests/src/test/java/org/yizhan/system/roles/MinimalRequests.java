package org.yizhan.system.roles;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;

/**
 * The least request of the right shape for an operation of an OpenAPI document: path parameters
 * filled with the ids of existing resources where the caller gives them (else the parameter's
 * example), required query parameters and headers from their examples, and a body that is the
 * document's example or, without one, an object of the schema's required properties and of the
 * optional ones it gives an example of, each with its example or a value of its type. Such a
 * request reaches the service's authorization; it need not succeed.
 */
final class MinimalRequests {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final int MAX_DEPTH = 6;
    private static final String ON_BEHALF = "onBehalfOf";

    /** One request: method, path with its query, headers, and a body with its content type (both null for none). */
    record Request(String method, String pathAndQuery, Map<String, String> headers, String contentType, String body) {
    }

    private final JsonNode document;
    private final BiFunction<String, String, String> pathValues;
    private final Map<String, String> propertyValues;

    /**
     * @param document       the service's OpenAPI document
     * @param pathValues     the value of a path parameter, given the path segment before it and its name; null for none
     * @param propertyValues values for body properties of these names (e.g. {@code stationId}), instead of examples
     */
    MinimalRequests(JsonNode document, BiFunction<String, String, String> pathValues, Map<String, String> propertyValues) {
        this.document = document;
        this.pathValues = pathValues;
        this.propertyValues = Map.copyOf(propertyValues);
    }

    Request of(String method, String pathTemplate, JsonNode operation) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Accept", "application/json, */*;q=0.5");
        StringBuilder query = new StringBuilder();
        String path = pathTemplate;
        for (JsonNode parameter : operation.path("parameters")) {
            parameter = resolve(parameter);
            String name = parameter.path("name").asText();
            String in = parameter.path("in").asText();
            if (in.equals("path")) {
                path = path.replace("{" + name + "}", encode(pathValue(pathTemplate, name, parameter)));
            } else if (in.equals("header") && name.equalsIgnoreCase("Idempotency-Key")) {
                headers.put(name, UUID.randomUUID().toString());
            } else if (in.equals("header") && (parameter.path("required").asBoolean() || parameter.has("example"))) {
                // An optional header with an example is sent too: a write without its If-Match is refused
                // (428) before the service looks at whose resource it is.
                headers.put(name, text(example(parameter)));
            } else if (in.equals("query") && parameter.path("required").asBoolean()) {
                query.append(query.isEmpty() ? "?" : "&").append(encode(name)).append('=')
                        .append(encode(text(example(parameter))));
            }
        }
        String contentType = null;
        String body = null;
        JsonNode content = operation.path("requestBody").path("content");
        if (content.isObject() && content.size() > 0) {
            contentType = content.has("application/json") ? "application/json" : content.fieldNames().next();
            JsonNode media = content.get(contentType);
            if (contentType.startsWith("multipart/")) {
                contentType = contentType + "; boundary=role-matrix";
                body = "--role-matrix--\r\n";
            } else if (contentType.contains("json")) {
                body = jsonBody(media).toString();
            } else {
                body = text(media.has("example") ? media.get("example") : valueOf(media.path("schema"), 0));
            }
        }
        return new Request(method.toUpperCase(), path + query, headers, contentType, body);
    }

    private String pathValue(String template, String name, JsonNode parameter) {
        String before = null;
        String[] segments = template.split("/");
        for (int i = 1; i < segments.length; i++) {
            if (segments[i].equals("{" + name + "}")) {
                before = segments[i - 1];
            }
        }
        String value = pathValues.apply(before, name);
        return value != null ? value : text(example(parameter));
    }

    private JsonNode jsonBody(JsonNode media) {
        if (media.has("example")) {
            return withOwnValues(media.get("example").deepCopy());
        }
        Iterator<JsonNode> examples = media.path("examples").elements();
        if (examples.hasNext()) {
            JsonNode example = resolve(examples.next());
            if (example.has("value")) {
                return withOwnValues(example.get("value").deepCopy());
            }
        }
        return withOwnValues(valueOf(media.path("schema"), 0).deepCopy());
    }

    private JsonNode withOwnValues(JsonNode body) {
        if (body instanceof ObjectNode object) {
            propertyValues.forEach((name, value) -> {
                if (object.has(name)) {
                    object.put(name, value);
                }
            });
        }
        return body;
    }

    private JsonNode example(JsonNode parameter) {
        if (parameter.has("example")) {
            return parameter.get("example");
        }
        Iterator<JsonNode> examples = parameter.path("examples").elements();
        if (examples.hasNext()) {
            JsonNode example = resolve(examples.next());
            if (example.has("value")) {
                return example.get("value");
            }
        }
        return valueOf(parameter.path("schema"), 0);
    }

    /** A value of the schema: its example, its first enum value, or a value of its type within its bounds. */
    JsonNode valueOf(JsonNode schema, int depth) {
        JsonNode own = exampleOf(schema); // beside a $ref, the property's own example wins
        if (own != null) {
            return own;
        }
        schema = resolve(schema);
        for (String combined : new String[] {"allOf", "oneOf", "anyOf"}) {
            if (schema.has(combined) && schema.get(combined).size() > 0 && !schema.has("properties")) {
                return valueOf(schema.get(combined).get(0), depth);
            }
        }
        JsonNode example = exampleOf(schema);
        if (example != null) {
            return example;
        }
        if (schema.has("enum") && schema.get("enum").size() > 0) {
            return schema.get("enum").get(0);
        }
        String type = typeOf(schema);
        switch (type) {
            case "object" -> {
                ObjectNode object = NODES.objectNode();
                if (depth < MAX_DEPTH) {
                    java.util.Set<String> required = new java.util.HashSet<>();
                    schema.path("required").forEach(name -> required.add(name.asText()));
                    for (Iterator<Map.Entry<String, JsonNode>> properties = schema.path("properties").fields();
                         properties.hasNext(); ) {
                        Map.Entry<String, JsonNode> property = properties.next();
                        String name = property.getKey();
                        // The required properties, and the optional ones the document gives an example of (rules
                        // such as "a resolution with status RESOLVED" hold in the examples), but never one that
                        // makes the caller act on someone else's behalf: each call is made as the caller itself.
                        if (required.contains(name) || exampleOf(property.getValue()) != null && !ON_BEHALF.equals(name)) {
                            object.set(name, propertyValues.containsKey(name) ? NODES.textNode(propertyValues.get(name))
                                    : valueOf(property.getValue(), depth + 1));
                        }
                    }
                }
                return object;
            }
            case "array" -> {
                ArrayNode array = NODES.arrayNode();
                if (schema.path("minItems").asInt(0) > 0 && depth < MAX_DEPTH) {
                    array.add(valueOf(schema.path("items"), depth + 1));
                }
                return array;
            }
            case "integer", "number" -> {
                return NODES.numberNode(Math.max(1, schema.path("minimum").asLong(1)));
            }
            case "boolean" -> {
                return NODES.booleanNode(true);
            }
            default -> {
                return NODES.textNode(stringOf(schema));
            }
        }
    }

    /** The schema's {@code example}, or the first of its {@code examples} (OpenAPI 3.1); null for none. */
    private static JsonNode exampleOf(JsonNode schema) {
        if (schema.has("example")) {
            return schema.get("example");
        }
        JsonNode examples = schema.path("examples");
        return examples.isArray() && examples.size() > 0 ? examples.get(0) : null;
    }

    private static String stringOf(JsonNode schema) {
        return switch (schema.path("format").asText()) {
            case "uuid" -> UUID.randomUUID().toString();
            case "date-time" -> Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
            case "date" -> LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(2).toString();
            default -> "x".repeat(Math.max(1, schema.path("minLength").asInt(1)));
        };
    }

    private static String typeOf(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (!t.asText().equals("null")) {
                    return t.asText();
                }
            }
        }
        if (type.isTextual()) {
            return type.asText();
        }
        return schema.has("properties") ? "object" : "string";
    }

    private JsonNode resolve(JsonNode node) {
        for (int i = 0; i < 10 && node.has("$ref"); i++) {
            String ref = node.get("$ref").asText();
            if (!ref.startsWith("#/")) {
                break;
            }
            node = document.at(ref.substring(1));
        }
        return node;
    }

    private static String text(JsonNode value) {
        if (value == null || value.isMissingNode() || value.isNull()) {
            return "1";
        }
        return value.isValueNode() ? value.asText() : value.toString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("not JSON: " + json, e);
        }
    }
}
