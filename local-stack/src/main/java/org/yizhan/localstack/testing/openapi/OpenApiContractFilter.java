package org.yizhan.localstack.testing.openapi;

import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.contract.Operation;
import io.vertx.openapi.validation.RequestValidator;
import io.vertx.openapi.validation.ResponseValidator;
import io.vertx.openapi.validation.SchemaValidationException;
import io.vertx.openapi.validation.ValidatableResponse;
import io.vertx.openapi.validation.ValidatorException;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Checks every request a test sends with rest-assured, and the service's answer, against the
 * service's own OpenAPI document (served at {@code /q/openapi}), with Eclipse Vert.x OpenAPI's
 * validators (OpenAPI 3.0 and 3.1, JSON Schema 2020-12). The test fails with the validator's
 * message when:
 * <ul>
 *   <li>an answer does not match the schema, status or content type the document declares for the
 *       operation (any status, errors included);</li>
 *   <li>the service accepted (2xx) a request the document forbids, or answered 2xx on a path and
 *       method the document does not describe.</li>
 * </ul>
 * A request the document forbids that the service refuses (4xx) is what bad-input tests do, and
 * passes. Paths under {@code /q/} (health, metrics, the document itself) and under {@code /test/}
 * (endpoints that exist only in a module's tests, hidden from the document) are not checked.
 * <p>
 * {@link #answersOnly()} checks the answers alone, for tests that send hostile requests on purpose:
 * the validator reads a query value that looks like JSON as JSON ({@code q=1.5} is a number to it,
 * {@code q=\} cannot be read), so it cannot judge such requests, while every answer must still be
 * one the document declares.
 */
public final class OpenApiContractFilter implements Filter {

    private static final Vertx VERTX = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1));
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Map<String, Contract> CONTRACTS = new ConcurrentHashMap<>();

    private record Contract(OpenAPIContract document, MediaTypes mediaTypes, RequestValidator requests,
                            ResponseValidator responses) {
    }

    /** Where a service serves its own document. */
    private static final String OWN_DOCUMENT = "/q/openapi";

    private final boolean checkRequests;
    private final String document;

    /** Checks requests the service accepted and every answer. */
    public OpenApiContractFilter() {
        this(true, OWN_DOCUMENT);
    }

    private OpenApiContractFilter(boolean checkRequests, String document) {
        this.checkRequests = checkRequests;
        this.document = document;
    }

    /** A filter that checks only the answers (status, content type, body) against the document. */
    public static OpenApiContractFilter answersOnly() {
        return answersOnly(OWN_DOCUMENT);
    }

    /**
     * The same, against the document at {@code documentPath} of the address the request goes to
     * (a service's document as the gateway publishes it, {@code /api-docs/<service>.json}).
     */
    public static OpenApiContractFilter answersOnly(String documentPath) {
        return new OpenApiContractFilter(false, documentPath);
    }

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification responseSpec,
                           FilterContext context) {
        Response response = context.next(request, responseSpec);
        URI uri = URI.create(request.getURI());
        if (uri.getRawPath().startsWith("/q/") || uri.getRawPath().startsWith("/test/")) {
            return response;
        }
        check(contractOf(uri, document), request, uri, response, checkRequests);
        return response;
    }

    private static void check(Contract contract, FilterableRequestSpecification request, URI uri, Response response,
                              boolean checkRequests) {
        HttpMethod method = HttpMethod.valueOf(request.getMethod());
        Operation operation = contract.document().findOperation(uri.getRawPath(), method);
        int status = response.statusCode();
        String call = method + " " + uri.getRawPath() + " -> " + status;
        if (operation == null) {
            if (status < 300) {
                throw new AssertionError("Undocumented operation answered " + call);
            }
            return;
        }
        String contentType = response.getContentType() == null || response.getContentType().isBlank()
                ? null : MediaTypes.bare(response.getContentType());
        var declared = contract.mediaTypes().declaredFor(method.name(), operation.getOpenAPIPath(), status);
        if (declared == null) {
            throw new AssertionError("The OpenAPI document declares no answer " + status + " for " + call
                    + " (" + operation.getOperationId() + ")");
        }
        if (contentType != null && !declared.isEmpty() && !declared.contains(contentType)) {
            throw new AssertionError("The answer's content type " + contentType + " is not one the OpenAPI document"
                    + " declares (" + declared + "): " + call + " (" + operation.getOperationId() + ")");
        }
        if (status < 300 && checkRequests) {
            String requestProblem = problemOf(() -> contract.requests()
                    .validate(ClientRequests.validatable(request, uri, operation), operation.getOperationId()));
            if (requestProblem != null) {
                throw new AssertionError("The service accepted a request its OpenAPI document forbids: " + call
                        + " (" + operation.getOperationId() + "): " + requestProblem);
            }
        }
        if (response.asByteArray().length > 0 && MediaTypes.forValidator(response.getContentType()) == null) {
            return; // a body the validator cannot read (CSV): its status and content type were checked above
        }
        String responseProblem = problemOf(() -> contract.responses().validate(validatable(response),
                operation.getOperationId()));
        if (responseProblem != null) {
            throw new AssertionError("The answer does not match the OpenAPI document: " + call + " ("
                    + operation.getOperationId() + "): " + responseProblem + "\nBody: " + abbreviated(response.asString()));
        }
    }

    private static ValidatableResponse validatable(Response response) {
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        response.getHeaders().forEach(h -> headers.putIfAbsent(h.getName(), h.getValue()));
        byte[] body = response.asByteArray();
        String contentType = MediaTypes.forValidator(response.getContentType());
        if (body.length == 0 || contentType == null) {
            return ValidatableResponse.create(response.statusCode(), headers);
        }
        return ValidatableResponse.create(response.statusCode(), headers, Buffer.buffer(body), contentType);
    }

    /** The validator's complaint, or null when the call matches. */
    private static String problemOf(ValidationCall call) {
        try {
            call.run().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
            return null;
        } catch (java.util.concurrent.ExecutionException e) {
            return describe(e.getCause());
        } catch (ValidatorException e) {
            return describe(e);
        } catch (Exception e) {
            throw new AssertionError("OpenAPI validation could not run: " + e, e);
        }
    }

    private static String describe(Throwable e) {
        if (e instanceof SchemaValidationException schema && schema.getOutputUnit() != null) {
            return e.getMessage() + " " + schema.getOutputUnit().toJson().encode();
        }
        return String.valueOf(e.getMessage());
    }

    private interface ValidationCall {
        Future<?> run();
    }

    private static Contract contractOf(URI uri, String document) {
        return CONTRACTS.computeIfAbsent(uri.getScheme() + "://" + uri.getAuthority() + document,
                OpenApiContractFilter::load);
    }

    private static Contract load(String location) {
        try {
            HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(location + "?format=json"))
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new AssertionError("No OpenAPI document at " + location + " (" + answer.statusCode() + ")");
            }
            MediaTypes mediaTypes = new MediaTypes(new JsonObject(answer.body()));
            OpenAPIContract document = OpenAPIContract.from(VERTX, mediaTypes.validatorDocument())
                    .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
            return new Contract(document, mediaTypes, RequestValidator.create(VERTX, document),
                    ResponseValidator.create(VERTX, document));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted while reading the OpenAPI document", e);
        } catch (Exception e) {
            throw new AssertionError("The OpenAPI document at " + location + " cannot be read: " + e.getMessage(), e);
        }
    }

    private static String abbreviated(String text) {
        return text.length() > 2_000 ? text.substring(0, 2_000) + "..." : text;
    }
}
