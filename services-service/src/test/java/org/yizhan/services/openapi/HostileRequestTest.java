package org.yizhan.services.openapi;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import org.yizhan.localstack.testing.TestTokens;
import org.yizhan.localstack.testing.YizhanTestResource;
import org.yizhan.services.activity.ActivityFixtures;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Sends hostile variants of every operation of the service's own OpenAPI document: wrong types,
 * huge and odd Unicode strings, boundary numbers, broken JSON, wrong content types, bad If-Match
 * and Idempotency-Key headers, unknown enum values. No answer may be a 5xx, carry a stack trace,
 * or have a status the document does not declare for the operation.
 */
@QuarkusTest
@WithTestResource(value = YizhanTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "yizhan_services"))
class HostileRequestTest {

    static final String HUGE = "驿".repeat(5_000) + "\uD83D\uDE00".repeat(500);
    /** Long, but within what an HTTP server takes in a request line or header (4 KB). */
    static final String LONG = "驿".repeat(300) + "\uD83D\uDE00".repeat(20);
    static final List<String> TEXTS = List.of("", " ", "not-a-uuid", LONG, "\uD83D\uDE00\u202E\uFEFF", "%00", "' or 1=1 --",
            "-1", "0", "2147483648", "-2147483649", "1e309", "NaN", "Infinity", "9999-99-99T99:99:99Z", "+999999-01-01",
            "UNKNOWN_VALUE", ",", ",,", "a,b,,c", "[]", "{}", "null", "true");
    static final List<Object> VALUES = List.of("x", 12, -1, 2_147_483_648L, 1e308, true, List.of(), Map.of(),
            HUGE, "2026-13-45T25:61:00Z", "UNKNOWN_VALUE", List.of(HUGE, 7, Map.of()));
    static final List<String> BODIES = List.of("{", "[]", "null", "\"text\"", "42", "{\"a\":", "{\"x\":\"" + HUGE + "\"}",
            "[" + "[".repeat(2_000) + "]".repeat(2_000) + "]", "\uFEFF{}", "{\"records\":[{\"participants\":[{\"id\":{}}]}]}");

    /** A line of a Java stack trace: {@code at org.example.Type.method(Type.java:42)}. */
    static final java.util.regex.Pattern STACK_FRAME = java.util.regex.Pattern.compile(
            "\\bat [\\w$]+(\\.[\\w$<>]+)+\\((?:[\\w$]+\\.java:\\d+|Unknown Source|Native Method)\\)");

    @Inject
    EntityManager em;

    /** Each request goes with the next of these, so that every role meets every shape somewhere. */
    final List<String> tokens = List.of(TestTokens.token("admin-1", "union-admin"),
            TestTokens.partnerToken("youth-system", "youth-league"), TestTokens.token("rider-1", "worker"));
    final List<String> failures = new ArrayList<>();
    int requests;

    @Test
    void noRequestShapeIsAnsweredWithA5xxOrAStackTrace() {
        UUID station = ActivityFixtures.venue(em, "ACTIVE", 39.72, 116.34);
        String activity = ActivityFixtures.published(tokens.get(0), ActivityFixtures.body(station, "恶意请求测试", 5, null));
        Map<String, String> ids = Map.of("id", activity, "stationId", station.toString(), "recordId", "r-1",
                "partner", "youth-league", "service", "services-service");
        JsonPath doc = given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200)
                .extract().jsonPath();
        Map<String, Map<String, Map<String, Object>>> paths = doc.getMap("paths");
        int operations = 0;
        for (var path : paths.entrySet()) {
            for (var op : path.getValue().entrySet()) {
                if (!List.of("get", "post", "put", "delete").contains(op.getKey())) {
                    continue;
                }
                operations++;
                exercise(doc, path.getKey(), op.getKey(), op.getValue(), ids);
            }
        }
        assertTrue(operations >= 20, "operations: " + operations);
        assertTrue(requests > 1_000, "requests: " + requests);
        assertEquals(List.of(), failures.stream().distinct().limit(40).toList());
    }

    /** The statuses the operation being exercised declares. */
    java.util.Set<String> declared = java.util.Set.of();

    @SuppressWarnings("unchecked")
    void exercise(JsonPath doc, String path, String method, Map<String, Object> op, Map<String, String> ids) {
        declared = ((Map<String, Object>) op.get("responses")).keySet();
        List<Map<String, Object>> parameters = op.get("parameters") == null ? List.of()
                : (List<Map<String, Object>>) op.get("parameters");
        String validPath = path;
        for (var id : ids.entrySet()) {
            validPath = validPath.replace("{" + id.getKey() + "}", id.getValue());
        }
        validPath = validPath.replaceAll("\\{[^}]+}", "1");
        // Path parameters: every hostile text in every position.
        for (Map<String, Object> p : parameters) {
            if ("path".equals(p.get("in"))) {
                for (String text : TEXTS) {
                    if (text.isEmpty()) {
                        continue; // an empty segment is another path (answered 404 or 405 there)
                    }
                    String hostile = path.replace("{" + p.get("name") + "}", encode(text));
                    for (var id : ids.entrySet()) {
                        hostile = hostile.replace("{" + id.getKey() + "}", id.getValue());
                    }
                    hostile = hostile.replaceAll("\\{[^}]+}", "1");
                    send(method, hostile, Map.of(), Map.of(), null, null);
                }
            }
        }
        // Query parameters and headers: one hostile value at a time.
        for (Map<String, Object> p : parameters) {
            String in = (String) p.get("in");
            if (!"query".equals(in) && !"header".equals(in)) {
                continue;
            }
            for (String text : TEXTS) {
                Map<String, String> one = Map.of((String) p.get("name"), text);
                send(method, validPath, "query".equals(in) ? one : Map.of(), "header".equals(in) ? one : Map.of(), null, null);
            }
        }
        for (String header : List.of("If-Match", "Idempotency-Key")) {
            for (String text : List.of("", "*", "\"-1\"", "\"99999999999\"", "W/\"1\"", "\"1\", \"2\"", "x".repeat(1_000), "键 值", "\"abc\"")) {
                send(method, validPath, Map.of(), Map.of(header, text), null, null);
            }
        }
        if (op.get("requestBody") == null) {
            if (!"get".equals(method)) {
                send(method, validPath, Map.of(), Map.of(), "application/json", "{\"unexpected\":true}");
            }
            return;
        }
        Map<String, Object> content = (Map<String, Object>) ((Map<String, Object>) op.get("requestBody")).get("content");
        for (String mediaType : content.keySet()) {
            for (String body : BODIES) {
                send(method, validPath, Map.of(), Map.of(), mediaType, body);
            }
            send(method, validPath, Map.of(), Map.of(), mediaType, "");
            for (String wrong : List.of("text/plain", "application/xml", "application/x-www-form-urlencoded",
                    "multipart/form-data; boundary=x", "application/json; charset=latin1")) {
                send(method, validPath, Map.of(), Map.of(), wrong, "a=b");
            }
            Map<String, Object> schema = resolve(doc, (Map<String, Object>) ((Map<String, Object>) content.get(mediaType))
                    .get("schema"));
            Map<String, Object> properties = schema == null ? null : (Map<String, Object>) schema.get("properties");
            if (properties == null || !mediaType.contains("json")) {
                continue;
            }
            // Every property with every wrongly typed or extreme value, the others left out.
            for (String property : properties.keySet()) {
                for (Object value : VALUES) {
                    Map<String, Object> body = new LinkedHashMap<>();
                    body.put(property, value);
                    send(method, validPath, Map.of(), Map.of(), mediaType, body);
                }
            }
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> resolve(JsonPath doc, Map<String, Object> schema) {
        if (schema == null || schema.get("$ref") == null) {
            return schema;
        }
        String name = ((String) schema.get("$ref")).substring("#/components/schemas/".length());
        return (Map<String, Object>) doc.getMap("components.schemas").get(name);
    }

    void send(String method, String path, Map<String, String> query, Map<String, String> headers, String contentType,
              Object body) {
        {
            String token = tokens.get(requests % tokens.size());
            // Without the contract filter: it would also refuse what the hostile request itself breaks; the
            // answer's status is held to the document below.
            RequestSpecification request = given().noFilters().header("Authorization", "Bearer " + token)
                    .urlEncodingEnabled(false);
            query.forEach((k, v) -> request.queryParam(k, encode(v)));
            headers.forEach(request::header);
            if (contentType != null) {
                request.contentType(contentType).body(body);
            }
            Response response;
            try {
                response = request.request(method.toUpperCase(), path);
            } catch (Exception e) {
                requests++;
                return; // the client itself refused to send it (an illegal header or URI)
            }
            requests++;
            String answer = response.asString();
            if (response.statusCode() >= 500 || !declared.contains(String.valueOf(response.statusCode()))
                    || STACK_FRAME.matcher(answer).find() || answer.contains("Caused by:")) {
                failures.add(method.toUpperCase() + " " + abbreviated(path) + " " + query + headers.keySet() + " "
                        + abbreviated(String.valueOf(body)) + " -> " + response.statusCode() + " " + abbreviated(answer));
            }
        }
    }

    static String encode(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }

    static String abbreviated(String text) {
        return text == null ? "null" : text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }
}
