package org.yizhan.localstack.testing.openapi;

import io.restassured.specification.FilterableRequestSpecification;
import io.vertx.core.buffer.Buffer;
import io.vertx.openapi.contract.Operation;
import io.vertx.openapi.contract.Parameter;
import io.vertx.openapi.validation.RequestParameter;
import io.vertx.openapi.validation.ValidatableRequest;
import io.vertx.openapi.validation.impl.RequestParameterImpl;
import io.vertx.openapi.validation.impl.ValidatableRequestImpl;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A request as rest-assured sent it, in the form Vert.x OpenAPI's request validator reads: the
 * operation's parameters taken from the URI and headers the way the server side would take them
 * (form style: repeated names for exploded arrays), and the body as sent.
 */
final class ClientRequests {

    private static final RequestParameter ABSENT = new RequestParameterImpl(null);

    private ClientRequests() {
    }

    static ValidatableRequest validatable(FilterableRequestSpecification request, URI uri, Operation operation) {
        Map<String, List<String>> query = query(uri.getRawQuery());
        String[] segments = uri.getRawPath().substring(1).split("/", -1);
        Map<String, RequestParameter> headers = new HashMap<>();
        Map<String, RequestParameter> path = new HashMap<>();
        Map<String, RequestParameter> queryParams = new HashMap<>();
        for (Parameter p : operation.getParameters()) {
            switch (p.getIn()) {
                case HEADER -> headers.put(p.getName(), header(request, p.getName()));
                case PATH -> path.put(p.getName(), segment(segments, operation.getAbsoluteOpenAPIPath(), p.getName()));
                case QUERY -> queryParams.put(p.getName(), queryValue(query, p));
                default -> {
                }
            }
        }
        String contentType = request.getContentType() == null ? null : MediaTypes.forValidator(request.getContentType());
        if (operation.getRequestBody() == null || contentType == null) {
            return new ValidatableRequestImpl(Map.of(), headers, path, queryParams);
        }
        return new ValidatableRequestImpl(Map.of(), headers, path, queryParams, body(request), contentType);
    }

    private static RequestParameter header(FilterableRequestSpecification request, String name) {
        String value = request.getHeaders().getValue(name);
        return value == null ? ABSENT : new RequestParameterImpl(value);
    }

    private static RequestParameter segment(String[] segments, String template, String name) {
        int index = (int) template.substring(0, template.indexOf("{" + name + "}")).chars().filter(c -> c == '/').count();
        return index > segments.length ? ABSENT : new RequestParameterImpl(decode(segments[index - 1]));
    }

    private static RequestParameter queryValue(Map<String, List<String>> query, Parameter p) {
        List<String> values = query.get(p.getName());
        if (values == null || values.isEmpty()) {
            return ABSENT;
        }
        return switch (p.getSchemaType()) {
            case ARRAY -> p.isExplode()
                    ? new RequestParameterImpl(values.stream().map(v -> p.getName() + "=" + v).collect(Collectors.joining("&")))
                    : new RequestParameterImpl(values.get(0));
            case OBJECT -> new RequestParameterImpl(query.entrySet().stream()
                    .flatMap(e -> e.getValue().stream().map(v -> e.getKey() + "=" + v)).collect(Collectors.joining("&")));
            default -> new RequestParameterImpl(values.get(0));
        };
    }

    private static RequestParameter body(FilterableRequestSpecification request) {
        Object body = request.getBody();
        if (body == null) {
            return ABSENT;
        }
        if (body instanceof byte[] bytes) {
            return new RequestParameterImpl(Buffer.buffer(bytes));
        }
        return new RequestParameterImpl(Buffer.buffer(body.toString()));
    }

    private static Map<String, List<String>> query(String raw) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return query;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            query.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
        return query;
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}
