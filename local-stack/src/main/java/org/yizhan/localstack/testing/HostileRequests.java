package org.yizhan.localstack.testing;

import io.restassured.RestAssured;
import io.restassured.config.LogConfig;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.yizhan.localstack.testing.openapi.OpenApiContractFilter;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;


/**
 * Sends hostile variants of every operation of the service's own OpenAPI document ({@code /q/openapi}):
 * wrong types, huge and odd Unicode strings, boundary numbers, broken JSON, wrong content types,
 * bad If-Match and Idempotency-Key headers, unknown enum values. A failure is an answer that is a
 * 5xx, carries a stack trace or an exception's class name, has a status the document does not declare for the operation, or
 * does not match the document (OpenApiContractFilter, answers only).
 * Bodies carry one property at a time, with a value its schema refuses (a free-text property is not
 * sent a text it takes), so no hostile request is a valid write.
 *
 * <pre>{@code
 * HostileRequests.Result result = new HostileRequests(tokens, Map.of("id", campaignId)).sendAll();
 * assertEquals(List.of(), result.failures());
 * }</pre>
 */
public final class HostileRequests {

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
    static final Pattern STACK_FRAME = Pattern.compile(
            "\\bat [\\w$]+(\\.[\\w$<>]+)+\\((?:[\\w$]+\\.java:\\d+|Unknown Source|Native Method)\\)");

    /** A Java exception's class name, as a stack trace or a careless message would show it. */
    static final Pattern EXCEPTION_CLASS = Pattern.compile(
            "\\b(?:java|javax|jakarta|org|io|com|net)(?:\\.[a-z_$][\\w$]*)+\\.[A-Z][\\w$]*(?:Exception|Error)\\b");

    /**
     * What was sent, what failed (distinct, at most 40), and the writes (POST, PUT, DELETE) answered
     * 2xx (at most 40): a caller that expects nothing to change says which request changed something.
     */
    public record Result(int operations, int requests, List<String> failures, List<String> acceptedWrites) {
    }

    /** The service's own document, at the base address rest-assured is configured with. */
    private static final String OWN_DOCUMENT = "/q/openapi";

    private final List<String> tokens;
    private final Map<String, String> ids;
    private final String baseUrl;
    private final String document;
    private final List<Probe> probes = new ArrayList<>();
    private final List<String> failures = Collections.synchronizedList(new ArrayList<>());
    private final List<String> acceptedWrites = Collections.synchronizedList(new ArrayList<>());
    private Set<String> declared = Set.of();

    /**
     * Senders at once for {@link #sendAll()}: one sender leaves a core idle while the service answers.
     * A test that may accept a hostile write sends one at a time instead ({@link #sendAll(int)}).
     */
    static final int SENDERS = Integer.getInteger("yizhan.hostile.senders", 3);

    /** One request to send, with the token it goes with and the statuses its operation declares. */
    private record Probe(String method, String path, Map<String, String> query, Map<String, String> headers,
                         String contentType, Object body, boolean checkAnswer, String token, Set<String> declared) {
    }

    /**
     * @param tokens each request goes with the next of these, so that every role meets every shape somewhere
     * @param ids    values for path parameters by name (e.g. {@code id}); others are filled with {@code 1}
     */
    public HostileRequests(List<String> tokens, Map<String, String> ids) {
        this(tokens, ids, null, OWN_DOCUMENT);
    }

    private HostileRequests(List<String> tokens, Map<String, String> ids, String baseUrl, String document) {
        this.tokens = Collections.unmodifiableList(new ArrayList<>(tokens));
        this.ids = Map.copyOf(ids);
        this.baseUrl = baseUrl;
        this.document = document;
    }

    /**
     * The same requests sent to {@code baseUrl} (a gateway) instead, for the operations of the
     * document at {@code documentPath} there; a null among the tokens sends a request without one.
     */
    public static HostileRequests through(String baseUrl, String documentPath, List<String> tokens,
                                          Map<String, String> ids) {
        return new HostileRequests(tokens, ids, baseUrl, documentPath);
    }

    private RequestSpecification given() {
        RequestSpecification request = RestAssured.given();
        return baseUrl == null ? request : request.baseUri(baseUrl);
    }

    /**
     * Exercises every GET, POST, PUT and DELETE operation of the document, several requests at once:
     * for a caller that expects no hostile request to change anything, so that none depends on the
     * order the others are answered in.
     */
    public Result sendAll() {
        return sendAll(SENDERS);
    }

    /** As {@link #sendAll()}, with {@code senders} requests at once (1: in the order they are planned). */
    public Result sendAll(int senders) {
        probes.clear();
        failures.clear();
        acceptedWrites.clear();
        JsonPath doc = given().queryParam("format", "json").when().get(document).then().statusCode(200)
                .extract().jsonPath();
        Map<String, Map<String, Map<String, Object>>> paths = doc.getMap("paths");
        int operations = 0;
        for (var path : paths.entrySet()) {
            for (var op : path.getValue().entrySet()) {
                if (List.of("get", "post", "put", "delete").contains(op.getKey())) {
                    operations++;
                    exercise(doc, path.getKey(), op.getKey(), op.getValue());
                }
            }
        }
        sendConcurrently(senders);
        return new Result(operations, probes.size(), failures.stream().distinct().sorted().limit(40).toList(),
                acceptedWrites.stream().sorted().limit(40).toList());
    }

    private void sendConcurrently(int threads) {
        ExecutorService senders = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> sent = new ArrayList<>();
            for (Probe probe : probes) {
                sent.add(senders.submit(() -> send(probe)));
            }
            for (Future<?> one : sent) {
                one.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending the hostile requests", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a hostile request could not be sent", e.getCause());
        } finally {
            senders.shutdownNow();
        }
    }

    @SuppressWarnings("unchecked")
    private void exercise(JsonPath doc, String path, String method, Map<String, Object> op) {
        declared = ((Map<String, Object>) op.get("responses")).keySet();
        List<Map<String, Object>> parameters = op.get("parameters") == null ? List.of()
                : (List<Map<String, Object>>) op.get("parameters");
        String validPath = withIds(path);
        // Path parameters: every hostile text in every position.
        for (Map<String, Object> p : parameters) {
            if ("path".equals(p.get("in"))) {
                for (String text : TEXTS) {
                    if (!text.isEmpty()) { // an empty segment is another path (answered 404 or 405 there)
                        // The path then matches no operation for the validator: the status alone is checked.
                        plan(method, withIds(path.replace("{" + p.get("name") + "}", encode(text))), Map.of(), Map.of(),
                                null, null, false);
                    }
                }
            }
        }
        // Query parameters and headers: one hostile value at a time.
        for (Map<String, Object> p : parameters) {
            String in = (String) p.get("in");
            if ("query".equals(in) || "header".equals(in)) {
                for (String text : TEXTS) {
                    Map<String, String> one = Map.of((String) p.get("name"), text);
                    plan(method, validPath, "query".equals(in) ? one : Map.of(), "header".equals(in) ? one : Map.of(),
                            null, null);
                }
            }
        }
        for (String header : List.of("If-Match", "Idempotency-Key")) {
            for (String text : List.of("", "*", "\"-1\"", "\"99999999999\"", "W/\"1\"", "\"1\", \"2\"", "x".repeat(1_000),
                    "键 值", "\"abc\"")) {
                plan(method, validPath, Map.of(), Map.of(header, text), null, null);
            }
        }
        if (op.get("requestBody") == null) {
            if (!"get".equals(method)) {
                plan(method, validPath, Map.of(), Map.of(), "application/json", "{\"unexpected\":true}");
            }
            return;
        }
        Map<String, Object> content = (Map<String, Object>) ((Map<String, Object>) op.get("requestBody")).get("content");
        for (String mediaType : content.keySet()) {
            exerciseBody(doc, method, validPath, mediaType,
                    (Map<String, Object>) ((Map<String, Object>) content.get(mediaType)).get("schema"));
        }
    }

    @SuppressWarnings("unchecked")
    private void exerciseBody(JsonPath doc, String method, String path, String mediaType, Map<String, Object> schema) {
        for (String body : BODIES) {
            plan(method, path, Map.of(), Map.of(), mediaType, body);
        }
        plan(method, path, Map.of(), Map.of(), mediaType, "");
        for (String wrong : List.of("text/plain", "application/xml", "application/x-www-form-urlencoded",
                "multipart/form-data; boundary=x", "application/json; charset=latin1")) {
            plan(method, path, Map.of(), Map.of(), wrong, "a=b");
        }
        Map<String, Object> resolved = resolve(doc, schema);
        Map<String, Object> properties = resolved == null ? null : (Map<String, Object>) resolved.get("properties");
        if (properties == null || !mediaType.contains("json")) {
            return;
        }
        // Every property with every wrongly typed or extreme value, the others left out.
        for (String property : properties.keySet()) {
            Map<String, Object> propertySchema = resolve(doc, (Map<String, Object>) properties.get(property));
            for (Object value : VALUES) {
                if (fitsFreeText(value, propertySchema)) {
                    continue; // a valid value: the request might be a valid write
                }
                Map<String, Object> body = new LinkedHashMap<>();
                body.put(property, value);
                plan(method, path, Map.of(), Map.of(), mediaType, body);
            }
        }
    }

    /** A text that a free-text property (no enum, format or pattern) takes within its length bounds. */
    static boolean fitsFreeText(Object value, Map<String, Object> schema) {
        if (!(value instanceof String text) || schema == null || !"string".equals(schema.get("type"))
                || schema.containsKey("enum") || schema.containsKey("format") || schema.containsKey("pattern")) {
            return false;
        }
        int length = text.codePointCount(0, text.length());
        return length >= ((Number) schema.getOrDefault("minLength", 0)).intValue()
                && length <= ((Number) schema.getOrDefault("maxLength", Integer.MAX_VALUE)).intValue();
    }

    private String withIds(String path) {
        String filled = path;
        for (var id : ids.entrySet()) {
            filled = filled.replace("{" + id.getKey() + "}", id.getValue());
        }
        return filled.replaceAll("\\{[^}]+}", "1");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> resolve(JsonPath doc, Map<String, Object> schema) {
        if (schema == null || schema.get("$ref") == null) {
            return schema;
        }
        String name = ((String) schema.get("$ref")).substring("#/components/schemas/".length());
        return (Map<String, Object>) doc.getMap("components.schemas").get(name);
    }

    private void plan(String method, String path, Map<String, String> query, Map<String, String> headers,
                      String contentType, Object body) {
        plan(method, path, query, headers, contentType, body, true);
    }

    /** Plans one request; {@code checkAnswer}: also hold the answer to the document (not only its status). */
    private void plan(String method, String path, Map<String, String> query, Map<String, String> headers,
                      String contentType, Object body, boolean checkAnswer) {
        probes.add(new Probe(method, path, query, headers, contentType, body, checkAnswer,
                tokens.get(probes.size() % tokens.size()), declared));
    }

    private void send(Probe probe) {
        String method = probe.method();
        String path = probe.path();
        Map<String, String> query = probe.query();
        Map<String, String> headers = probe.headers();
        String contentType = probe.contentType();
        Object body = probe.body();
        String token = probe.token();
        // Every answer, refusals included, must be one the document declares (status, content type, body).
        // The requests are hostile on purpose and the validator cannot read all of them: answers only.
        // Without the copy of each request that Quarkus' tests keep for a failed then(): this class
        // reports its own failures, and pretty-printing thousands of huge bodies took a quarter of the
        // test's CPU.
        RequestSpecification request = given().noFilters().urlEncodingEnabled(false)
                .config(RestAssured.config().logConfig(new LogConfig()));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (probe.checkAnswer()) {
            request.filter(OpenApiContractFilter.answersOnly(document));
        }
        query.forEach((k, v) -> request.queryParam(k, encode(v)));
        headers.forEach(request::header);
        if (contentType != null) {
            request.contentType(contentType).body(body);
        }
        String label = method.toUpperCase() + " " + abbreviated(path) + " " + query + headers.keySet() + " "
                + abbreviated(String.valueOf(body));
        Response response;
        try {
            response = request.request(method.toUpperCase(), path);
        } catch (AssertionError e) {
            failures.add(label + " broke the contract: " + abbreviated(e.getMessage()));
            return;
        } catch (Exception e) {
            return; // the client itself refused to send it (an illegal header or URI)
        }
        String answer = response.asString();
        if (!"get".equals(method) && response.statusCode() / 100 == 2) {
            acceptedWrites.add((token == null ? "[no token] " : "") + label + " -> " + response.statusCode());
        }
        if (response.statusCode() >= 500 || !probe.declared().contains(String.valueOf(response.statusCode()))
                || STACK_FRAME.matcher(answer).find() || answer.contains("Caused by:")
                || EXCEPTION_CLASS.matcher(answer).find()) {
            failures.add(label + " -> " + response.statusCode() + " " + abbreviated(answer));
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String abbreviated(String text) {
        return text == null ? "null" : text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }
}
