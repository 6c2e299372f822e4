package org.yizhan.station;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.yizhan.localstack.testing.TestTokens;
import org.yizhan.localstack.testing.openapi.OpenApiContractFilter;
import org.yizhan.localstack.testing.YizhanTestResource;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * No request shape answers 5xx or leaks internals: every operation of the service's own OpenAPI
 * document is called with hostile variants of its path parameters, query parameters, headers and
 * body (wrong types, empty, huge and unicode strings, boundary numbers, broken JSON, other content
 * types, unknown enum values), with a token whose roles may call it. Every answer must be below
 * 500, be one the document declares for the operation (status, content type and body, checked by
 * the OpenAPI contract filter), and no body may show a stack trace or a class name.
 */
@QuarkusTest
@WithTestResource(value = YizhanTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "yizhan_station"))
class HostileRequestsTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    static final String MANAGER = "hostile-manager";
    /** Every role: @RolesAllowed lets it through everywhere, so the hostile input reaches the code behind. */
    static final String ALL_ROLES = TestTokens.token("hostile-admin", "union-admin", "station-manager", "worker",
            "partner", "union-staff", "clinic", "lawyer");
    static final List<String> ONE_ROLE_TOKENS = List.of(TestTokens.token(MANAGER, "station-manager"),
            TestTokens.token("hostile-worker", "worker"), TestTokens.token("hostile-partner", "partner"),
            TestTokens.token("hostile-union-admin", "union-admin"));

    /** A stack trace, or a fully qualified class name (java.lang.IllegalStateException, org.yizhan.x.Y). */
    static final Pattern LEAK = Pattern.compile("(?s)(\\bat [a-z][\\w$]*(\\.[\\w$]+)+\\(|"
            + "\\b(java|javax|jakarta|org|io|com|sun)\\.([a-z_][a-z0-9_]*\\.)+[A-Z][\\w$]*|Exception\\b|Caused by)");

    static final String LONG = "长".repeat(300) + "a".repeat(700);
    static final List<String> TEXTS = List.of("", " ", ",", ",,", "x", "null", "驿站😀\u202e\u200b", LONG,
            "%", "_", "\\", "'; drop table station; --", "\u0000", "../..", "<script>");
    static final List<String> NUMBERS = List.of("-1", "0", "1.5", "-0", "2147483648", "-2147483649",
            "9223372036854775808", "1e309", "-1e309", "NaN", "Infinity", "0x10", "1_000", "٣");
    static final List<String> TIMES = List.of("2026-02-30", "2026-13-01", "9999-12-31", "-999999999-01-01",
            "+1000000000-01-01", "0000-00-00", "2026-12-01T25:00:00Z", "2026-12-01T08:00:00+25:00",
            "+999999999-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z", "1970-01-01T00:00:00Z", "true");
    static final List<String> PATH_VALUES = List.of("0", "-1", "x", " ", "null", "00000000-0000-0000-0000-000000000000",
            "zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz", "驿站😀", "a".repeat(500), "2147483648",
            "99999999999999999999", "' or 1=1 --", "%2F", "1e309", "NOT_A_VALUE");
    static final List<String> IF_MATCH = List.of("", "garbage", "\"\"", "\"-1\"", "\"99999999999999999999\"", "W/\"1\"",
            "*", "\"1\", \"2\"", "\"abc\"", "\"" + "9".repeat(400) + "\"");
    static final List<String> IDEMPOTENCY_KEYS = List.of("", " ", "k".repeat(300), "../../etc", "null", "\"quoted\"",
            "a,b;c=d");
    static final List<String> BROKEN_BODIES = List.of("", "{", "}", "[]", "null", "\"x\"", "42", "true",
            "{\"a\":", "{'single': 'quotes'}", "{\"a\":1,,}", "\u00ff\u00fe", "[".repeat(5000) + "]".repeat(5000),
            "{\"x\":" + "{\"x\":".repeat(3000) + "1" + "}".repeat(3001));

    static final String TODAY = LocalDate.now(BEIJING).toString();
    /** Bodies that pass validation, so that one hostile field at a time reaches the rules behind it. */
    static final Map<String, String> VALID_BODIES = Map.of(
            "POST /api/v1/stations", """
                    {"name": "刁难驿站二", "hostType": "PARK", "address": "新疆测试路 2 号", "district": "刁难测试区",
                     "location": {"latitude": 47.5, "longitude": 87.5}, "seats": 5, "areaM2": 20.5,
                     "listedIn": ["AMAP"], "contactPhone": "010-61234567"}""",
            "PUT /api/v1/stations/{id}/hours", """
                    {"weekly": "Mo-Fr 08:00-18:00", "timeZone": "Asia/Shanghai",
                     "seasons": [{"from": "06-01", "to": "09-30", "weekly": "Mo-Su 07:00-21:00"}],
                     "exceptions": [{"date": "%s", "hours": "09:00-15:00", "reason": "测试"}]}""".formatted(TODAY),
            "POST /api/v1/stations/{id}/awards", """
                    {"year": %d, "level": "DISTRICT", "title": "刁难测试称号"}""".formatted(LocalDate.now(BEIJING).getYear()),
            "POST /api/v1/stations/{id}/inspections", """
                    {"inspectedOn": "%s", "items": [{"requirement": "WARMTH", "result": "MET"},
                     {"requirement": "TOILET", "result": "NOT_MET", "finding": "坏了"}], "summary": "测试"}""".formatted(TODAY),
            "POST /api/v1/stations/{id}/complaints", """
                    {"category": "DIRTY", "description": "桌面很脏，没人打扫。", "occurredAt": "%s"}"""
                    .formatted(java.time.Instant.now().minusSeconds(3600)),
            "POST /api/v1/stations/{id}/ratings", "{\"stars\": 4, \"comment\": \"不错\"}",
            "POST /api/v1/stations/{id}/status", "{\"status\": \"TEMPORARILY_CLOSED\", \"reason\": \"装修\","
                    + " \"expectedReopening\": \"2099-12-31\"}",
            "PUT /api/v1/stations/{id}/pushed-activities/{activityId}/confirmation",
            "{\"decision\": \"CONFIRMED\", \"note\": \"核对\"}");

    record Call(String method, String path, Map<String, String> pathParams, Map<String, String> query,
                Map<String, String> headers, String contentType, String body, String token, String what) {
    }

    private String stationId;
    private final List<String> failures = new ArrayList<>();
    private int calls;

    @Test
    void noRequestShapeAnswers5xxOrLeaksInternals() throws Exception {
        stationId = given().auth().oauth2(ALL_ROLES).contentType(ContentType.JSON).body("""
                        {"name": "刁难驿站", "hostType": "PARK", "address": "新疆测试路 1 号", "district": "刁难测试区",
                         "location": {"latitude": 47.5, "longitude": 87.5}}""")
                .post("/api/v1/stations").then().statusCode(201).extract().path("id");
        given().auth().oauth2(ALL_ROLES).put("/api/v1/stations/" + stationId + "/managers/" + MANAGER)
                .then().statusCode(org.hamcrest.Matchers.lessThan(300));
        JsonNode doc = JSON.readTree(given().queryParam("format", "json").get("/q/openapi").asString());
        int operations = 0;
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (String method : List.of("get", "put", "post", "delete", "patch")) {
                JsonNode operation = path.getValue().get(method);
                if (operation != null) {
                    operations++;
                    exercise(doc, method.toUpperCase(), path.getKey(), operation);
                }
            }
        }
        java.nio.file.Files.write(java.nio.file.Path.of("target/hostile-failures.txt"), failures);
        assertTrue(operations >= 50, "the document lists only " + operations + " operations");
        assertTrue(calls > 3000, "only " + calls + " calls were made");
        assertEquals(List.of(), failures.size() > 40 ? failures.subList(0, 40) : failures,
                failures.size() + " of " + calls + " calls answered 5xx or leaked internals");
    }

    private void exercise(JsonNode doc, String method, String path, JsonNode operation) {
        Map<String, String> pathParams = new LinkedHashMap<>();
        Map<String, String> query = new LinkedHashMap<>();
        Map<String, String> headers = new LinkedHashMap<>();
        List<JsonNode> queryParams = new ArrayList<>();
        for (JsonNode p : operation.path("parameters")) {
            JsonNode param = resolve(doc, p);
            String name = param.path("name").asText();
            JsonNode schema = resolve(doc, param.path("schema"));
            switch (param.path("in").asText()) {
                case "path" -> pathParams.put(name, pathValue(name, schema));
                case "query" -> {
                    queryParams.add(param);
                    if (param.path("required").asBoolean()) {
                        query.put(name, text(example(doc, param.has("example") ? param : schema, name, 0)));
                    }
                }
                case "header" -> headers.put(name, name.equalsIgnoreCase("If-Match") ? "\"0\"" : "hostile-" + UUID.randomUUID());
                default -> {
                }
            }
        }
        JsonNode bodySchema = resolve(doc, operation.path("requestBody").path("content").path("application/json")
                .path("schema"));
        String body = bodySchema.isMissingNode() ? null
                : VALID_BODIES.getOrDefault(method + " " + path, example(doc, bodySchema, "body", 0).toString());
        Call base = new Call(method, path, pathParams, query, headers, body == null ? null : "application/json", body,
                ALL_ROLES, "as documented");
        send(base);
        for (String token : ONE_ROLE_TOKENS) {
            send(with(base, token, "one role"));
        }
        pathVariants(base);
        queryVariants(doc, base, queryParams);
        headerVariants(base);
        if (body != null) {
            bodyVariants(doc, base, bodySchema);
        }
    }

    private void pathVariants(Call base) {
        for (String name : base.pathParams().keySet()) {
            for (String value : PATH_VALUES) {
                Map<String, String> params = new LinkedHashMap<>(base.pathParams());
                params.put(name, value);
                send(new Call(base.method(), base.path(), params, base.query(), base.headers(), base.contentType(),
                        base.body(), base.token(), "path " + name + "=" + shorten(value)));
            }
        }
    }

    private void queryVariants(JsonNode doc, Call base, List<JsonNode> params) {
        for (JsonNode param : params) {
            String name = param.path("name").asText();
            JsonNode schema = resolve(doc, param.path("schema"));
            List<String> values = new ArrayList<>(TEXTS);
            values.addAll(NUMBERS);
            values.addAll(TIMES);
            values.add("NOT_A_VALUE");
            for (JsonNode e : schema.path("enum")) {
                values.add(e.asText().toLowerCase());
                values.add(e.asText() + "," + e.asText());
            }
            for (String value : values) {
                Map<String, String> query = new LinkedHashMap<>(base.query());
                query.put(name, value);
                send(new Call(base.method(), base.path(), base.pathParams(), query, base.headers(), base.contentType(),
                        base.body(), base.token(), "query " + name + "=" + shorten(value)));
            }
        }
    }

    private void headerVariants(Call base) {
        for (String name : base.headers().keySet()) {
            List<String> values = name.equalsIgnoreCase("If-Match") ? IF_MATCH : IDEMPOTENCY_KEYS;
            for (String value : values) {
                Map<String, String> headers = new LinkedHashMap<>(base.headers());
                headers.put(name, value);
                send(new Call(base.method(), base.path(), base.pathParams(), base.query(), headers, base.contentType(),
                        base.body(), base.token(), "header " + name + "=" + shorten(value)));
            }
            Map<String, String> without = new LinkedHashMap<>(base.headers());
            without.remove(name);
            send(new Call(base.method(), base.path(), base.pathParams(), base.query(), without, base.contentType(),
                    base.body(), base.token(), "without header " + name));
        }
    }

    private void bodyVariants(JsonNode doc, Call base, JsonNode schema) {
        send(withBody(base, null, null, "no body, no content type"));
        send(withBody(base, "application/json", null, "no body"));
        for (String broken : BROKEN_BODIES) {
            send(withBody(base, "application/json", broken, "body " + shorten(broken)));
        }
        for (String type : List.of("text/plain", "application/xml", "application/x-www-form-urlencoded",
                "application/json; charset=ISO-8859-1", "multipart/form-data; boundary=x", "application/octet-stream")) {
            send(withBody(base, type, base.body(), "content type " + type));
        }
        for (String mutated : mutations(doc, schema, base.body())) {
            send(withBody(base, "application/json", mutated, "body " + shorten(mutated)));
        }
        for (String token : ONE_ROLE_TOKENS) {
            send(new Call(base.method(), base.path(), base.pathParams(), base.query(), base.headers(), "application/json",
                    "{\"unknownField\": []}", token, "one role, unknown field"));
        }
    }

    /** The documented body with one field at a time (at any depth) replaced by a hostile value. */
    private List<String> mutations(JsonNode doc, JsonNode schema, String body) {
        List<String> out = new ArrayList<>();
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (Exception e) {
            return out;
        }
        List<JsonNode> hostile = hostileValues();
        List<List<Object>> pointers = new ArrayList<>();
        collect(root, new ArrayList<>(), pointers, 0);
        for (List<Object> pointer : pointers) {
            for (JsonNode value : hostile) {
                JsonNode copy = root.deepCopy();
                if (replace(copy, pointer, value)) {
                    out.add(copy.toString());
                }
            }
        }
        for (JsonNode value : hostile) {
            if (root.isObject()) {
                ObjectNode copy = root.deepCopy();
                copy.set("unknownField", value);
                out.add(copy.toString());
            }
        }
        return out;
    }

    private static List<JsonNode> hostileValues() {
        List<JsonNode> values = new ArrayList<>();
        values.add(NODES.nullNode());
        values.add(NODES.textNode(""));
        values.add(NODES.textNode("   "));
        values.add(NODES.textNode("NOT_A_VALUE"));
        values.add(NODES.textNode("驿站😀\u202e\u200b\u0000"));
        values.add(NODES.textNode("x".repeat(100_000)));
        values.add(NODES.textNode("2026-02-30"));
        values.add(NODES.textNode("+999999999-12-31T23:59:59Z"));
        values.add(NODES.textNode("+999999999-12-31"));
        values.add(NODES.textNode("-999999999-01-01"));
        values.add(NODES.textNode("-1"));
        values.add(NODES.numberNode(-1));
        values.add(NODES.numberNode(0));
        values.add(NODES.numberNode(1.5));
        values.add(NODES.numberNode(2147483648L));
        values.add(NODES.numberNode(new java.math.BigInteger("123456789012345678901234567890")));
        values.add(NODES.numberNode(new java.math.BigDecimal("1e400")));
        values.add(NODES.numberNode(-1e308));
        values.add(NODES.booleanNode(true));
        values.add(NODES.objectNode().put("a", 1));
        values.add(NODES.arrayNode());
        ArrayNode many = NODES.arrayNode();
        for (int i = 0; i < 5000; i++) {
            many.add("MICROWAVE");
        }
        values.add(many);
        values.add(NODES.arrayNode().add(NODES.nullNode()));
        return values;
    }

    private static void collect(JsonNode node, List<Object> at, List<List<Object>> out, int depth) {
        if (depth > 4) {
            return;
        }
        if (node.isObject()) {
            node.fieldNames().forEachRemaining(name -> {
                List<Object> next = new ArrayList<>(at);
                next.add(name);
                out.add(next);
                collect(node.get(name), next, out, depth + 1);
            });
        } else if (node.isArray() && node.size() > 0) {
            List<Object> next = new ArrayList<>(at);
            next.add(0);
            out.add(next);
            collect(node.get(0), next, out, depth + 1);
        }
    }

    private static boolean replace(JsonNode root, List<Object> pointer, JsonNode value) {
        JsonNode parent = root;
        for (int i = 0; i < pointer.size() - 1; i++) {
            Object step = pointer.get(i);
            parent = step instanceof Integer n ? parent.get(n) : parent.get((String) step);
            if (parent == null) {
                return false;
            }
        }
        Object last = pointer.get(pointer.size() - 1);
        if (last instanceof Integer n && parent instanceof ArrayNode array) {
            array.set(n, value);
            return true;
        }
        if (last instanceof String name && parent instanceof ObjectNode object) {
            object.set(name, value);
            return true;
        }
        return false;
    }

    private String pathValue(String name, JsonNode schema) {
        return switch (name) {
            case "id" -> stationId;
            case "year" -> String.valueOf(LocalDate.now(BEIJING).getYear());
            case "subject" -> MANAGER;
            case "amenity" -> "TOILET";
            case "service" -> "station-service";
            default -> "uuid".equals(schema.path("format").asText()) ? UUID.randomUUID().toString() : "1";
        };
    }

    /** A value for {@code schema}: its example, else one made from its type, with places far from other tests. */
    private JsonNode example(JsonNode doc, JsonNode schema, String name, int depth) {
        JsonNode s = resolve(doc, schema);
        if (name.equals("latitude") || name.equals("lat")) {
            return NODES.numberNode(47.5);
        }
        if (name.equals("longitude") || name.equals("lon")) {
            return NODES.numberNode(87.5);
        }
        if (name.equals("district")) {
            return NODES.textNode("刁难测试区");
        }
        if (s.has("example") && !s.path("example").isNull() && !"object".equals(type(s))) {
            return s.get("example");
        }
        if (s.has("enum") && s.path("enum").size() > 0) {
            return s.path("enum").get(0);
        }
        switch (type(s)) {
            case "object" -> {
                ObjectNode object = NODES.objectNode();
                if (depth < 5) {
                    s.path("properties").fields().forEachRemaining(p ->
                            object.set(p.getKey(), example(doc, p.getValue(), p.getKey(), depth + 1)));
                }
                return object;
            }
            case "array" -> {
                ArrayNode array = NODES.arrayNode();
                if (depth < 5) {
                    array.add(example(doc, s.path("items"), name, depth + 1));
                }
                return array;
            }
            case "integer" -> {
                return NODES.numberNode(s.path("minimum").asLong(1));
            }
            case "number" -> {
                return NODES.numberNode(s.path("minimum").asDouble(1.0));
            }
            case "boolean" -> {
                return NODES.booleanNode(false);
            }
            default -> {
                return NODES.textNode(switch (s.path("format").asText()) {
                    case "date" -> LocalDate.now(BEIJING).toString();
                    case "date-time" -> java.time.Instant.now().toString();
                    case "uuid" -> UUID.randomUUID().toString();
                    default -> "测试";
                });
            }
        }
    }

    private static String type(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (!"null".equals(t.asText())) {
                    return t.asText();
                }
            }
        }
        if (type.isTextual()) {
            return type.asText();
        }
        return schema.has("properties") ? "object" : "string";
    }

    /** Follows $ref, and the first schema of allOf / anyOf / oneOf merged with its siblings. */
    private static JsonNode resolve(JsonNode doc, JsonNode node) {
        for (int i = 0; i < 10 && node != null && !node.isMissingNode(); i++) {
            if (node.has("$ref")) {
                String ref = node.get("$ref").asText();
                JsonNode target = doc.at(ref.substring(1));
                if (node.size() > 1 && target.isObject()) {
                    ObjectNode merged = ((ObjectNode) target).deepCopy();
                    node.fields().forEachRemaining(f -> {
                        if (!f.getKey().equals("$ref")) {
                            merged.set(f.getKey(), f.getValue());
                        }
                    });
                    node = merged;
                } else {
                    node = target;
                }
                continue;
            }
            for (String combinator : List.of("allOf", "anyOf", "oneOf")) {
                if (node.has(combinator) && node.get(combinator).size() > 0) {
                    ObjectNode merged = resolve(doc, node.get(combinator).get(0)).deepCopy();
                    node.fields().forEachRemaining(f -> {
                        if (!f.getKey().equals(combinator)) {
                            merged.set(f.getKey(), f.getValue());
                        }
                    });
                    return merged;
                }
            }
            return node;
        }
        return node == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : node;
    }

    private static String text(JsonNode value) {
        return value.isTextual() ? value.asText() : value.toString();
    }

    private static Call with(Call base, String token, String what) {
        return new Call(base.method(), base.path(), base.pathParams(), base.query(), base.headers(), base.contentType(),
                base.body(), token, what);
    }

    private static Call withBody(Call base, String contentType, String body, String what) {
        return new Call(base.method(), base.path(), base.pathParams(), base.query(), base.headers(), contentType, body,
                base.token(), what);
    }

    private void send(Call call) {
        calls++;
        // Every answer, refusals included, must be one the document declares. The requests are hostile on
        // purpose, and the validator cannot read all of them (q=1.5 is a number to it): answers only.
        RequestSpecification request = given().noFilters().filter(OpenApiContractFilter.answersOnly())
                .config(RestAssuredConfig.config().encoderConfig(EncoderConfig.encoderConfig()
                        .appendDefaultContentCharsetToContentTypeIfUndefined(false)
                        .encodeContentTypeAs("multipart/form-data", ContentType.TEXT)
                        .encodeContentTypeAs("application/octet-stream", ContentType.TEXT)))
                .auth().oauth2(call.token()).pathParams(call.pathParams());
        call.query().forEach(request::queryParam);
        call.headers().forEach(request::header);
        if (call.contentType() != null) {
            request.contentType(call.contentType());
        }
        if (call.body() != null) {
            request.body(call.body());
        }
        String label = call.method() + " " + call.path() + " (" + call.what() + ")";
        try {
            Response response = request.request(call.method(), call.path());
            String answer = response.asString();
            if (response.statusCode() >= 500) {
                failures.add(label + " -> " + response.statusCode() + " " + shorten(answer));
            } else if (answer != null && LEAK.matcher(answer).find()) {
                failures.add(label + " leaked: " + shorten(answer));
            }
        } catch (AssertionError e) {
            failures.add(label + " broke the contract: " + shorten(e.getMessage()));
        } catch (RuntimeException e) {
            failures.add(label + " got no answer: " + e);
        }
    }

    private static String shorten(String text) {
        if (text == null) {
            return "null";
        }
        String one = text.replace('\n', ' ').replace("\u0000", "\\u0000");
        return one.length() > 160 ? one.substring(0, 160) + "…(" + one.length() + ")" : one;
    }
}
