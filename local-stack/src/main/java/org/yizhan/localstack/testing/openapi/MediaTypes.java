package org.yizhan.localstack.testing.openapi;

import io.vertx.core.json.JsonObject;
import io.vertx.openapi.contract.MediaType;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Bridges the media types our documents use and the ones Vert.x OpenAPI 4.5 validates: it reads
 * schemas only under {@code application/json} (and a few others), while every error answer here is
 * {@code application/problem+json} and figures are also {@code text/csv}.
 *
 * <p>The document handed to the validator therefore declares each JSON-structured media type
 * ({@code application/problem+json}, any {@code +json}) as {@code application/json} with the same
 * schema, and leaves out the others (their bodies are not schema-checked). The declared media
 * types are kept here, so the filter still checks that an answer's content type is one the
 * document declares for that operation and status.
 */
final class MediaTypes {

    private static final String JSON = MediaType.APPLICATION_JSON;
    private static final String SHARED_RESPONSE = "#/components/responses/";
    private static final List<String> STRUCTURED_FIELDS = List.of("RateLimit", "RateLimit-Policy");
    private static final String[] METHODS = {"get", "put", "post", "delete", "patch", "head", "options"};

    /** Declared media types by "METHOD path status" (responses) and "METHOD path request". */
    private final Map<String, List<String>> declared = new HashMap<>();
    private final JsonObject validatorDocument;

    MediaTypes(JsonObject document) {
        this.validatorDocument = document.copy();
        dropFloatFormats(validatorDocument);
        JsonObject paths = validatorDocument.getJsonObject("paths", new JsonObject());
        Map<String, String> operationIds = new HashMap<>();
        for (String path : paths.fieldNames()) {
            JsonObject item = paths.getJsonObject(path);
            for (String method : METHODS) {
                JsonObject operation = item.getJsonObject(method);
                if (operation != null) {
                    String key = method.toUpperCase(Locale.ROOT) + " " + path;
                    String other = operationIds.put(operation.getString("operationId", key), key);
                    if (other != null) {
                        throw new AssertionError("operationId " + operation.getString("operationId") + " names both "
                                + other + " and " + key + ": each operation needs its own");
                    }
                    bridge(key, operation, validatorDocument.getJsonObject("components", new JsonObject())
                            .getJsonObject("responses", new JsonObject()));
                }
            }
        }
    }

    /** The document as the validator can read it. */
    JsonObject validatorDocument() {
        return validatorDocument;
    }

    /**
     * The media types the document declares for an answer: empty when it declares the status without
     * a body, null when it does not declare the status at all.
     */
    List<String> declaredFor(String method, String templatePath, int status) {
        String key = method + " " + templatePath + " ";
        List<String> exact = declared.get(key + status);
        return exact != null ? exact : declared.get(key + "default");
    }

    /** What the validator is told an answer's content type is, or null to skip its body. */
    static String forValidator(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return null;
        }
        String bare = bare(contentType);
        return isJson(bare) ? JSON : null;
    }

    static String bare(String contentType) {
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
    }

    private static boolean isJson(String bare) {
        return bare.equals(JSON) || bare.endsWith("+json");
    }

    /**
     * The validator reads {@code format: double} (and {@code float}) as "not a whole number", so a
     * radius of {@code 3} would fail; OpenAPI means any number by them, which {@code type} says.
     */
    private static void dropFloatFormats(Object node) {
        if (node instanceof JsonObject object) {
            Object format = object.getValue("format");
            if ("double".equals(format) || "float".equals(format)) {
                object.remove("format");
            }
            object.forEach(entry -> dropFloatFormats(entry.getValue()));
        } else if (node instanceof io.vertx.core.json.JsonArray array) {
            array.forEach(MediaTypes::dropFloatFormats);
        }
    }

    /**
     * @param sharedResponses the document's {@code components.responses}: an answer that refers to
     *                        one (the gateway's own problems, in its published documents) is bridged
     *                        as a copy of it, in place
     */
    private void bridge(String operationKey, JsonObject operation, JsonObject sharedResponses) {
        JsonObject body = operation.getJsonObject("requestBody");
        if (body != null) {
            declared.put(operationKey + " request", bridgeContent(body));
            if (!body.containsKey("content")) {
                operation.remove("requestBody"); // a CSV upload: its body is not checked
            }
        }
        JsonObject responses = operation.getJsonObject("responses", new JsonObject());
        for (String status : responses.fieldNames()) {
            JsonObject response = responses.getJsonObject(status);
            String ref = response.getString("$ref");
            if (ref != null && ref.startsWith(SHARED_RESPONSE)) {
                response = sharedResponses.getJsonObject(ref.substring(SHARED_RESPONSE.length()), new JsonObject()).copy();
                responses.put(status, response);
            }
            JsonObject headers = response.getJsonObject("headers");
            if (headers != null) {
                // Structured fields (RFC 9651) such as "reads";r=9;t=1: the validator reads a value that
                // opens with a quote as JSON and fails. The gateway's tests check these headers' form.
                STRUCTURED_FIELDS.forEach(headers::remove);
            }
            declared.put(operationKey + " " + status, bridgeContent(response));
        }
    }

    private static List<String> bridgeContent(JsonObject holder) {
        JsonObject content = holder.getJsonObject("content");
        List<String> types = new ArrayList<>();
        if (content == null) {
            return types;
        }
        JsonObject bridged = new JsonObject();
        for (String type : content.fieldNames()) {
            types.add(bare(type));
            if (isJson(bare(type)) && !bridged.containsKey(JSON)) {
                bridged.put(JSON, content.getJsonObject(type));
            }
        }
        if (bridged.isEmpty()) {
            holder.remove("content");
        } else {
            holder.put("content", bridged);
        }
        return types;
    }
}
