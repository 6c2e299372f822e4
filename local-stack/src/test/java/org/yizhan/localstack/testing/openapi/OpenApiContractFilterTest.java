package org.yizhan.localstack.testing.openapi;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The contract check against a small real HTTP server whose answers a test chooses by query. */
class OpenApiContractFilterTest {

    private static final String DOCUMENT = """
            {"openapi": "3.1.0", "info": {"title": "t", "version": "1"},
             "paths": {"/things/{id}": {"get": {"operationId": "thing",
                 "parameters": [
                   {"name": "id", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}},
                   {"name": "q", "in": "query", "schema": {"type": "string", "maxLength": 3}},
                   {"name": "answer", "in": "query", "schema": {"type": "string"}}],
                 "responses": {
                   "200": {"description": "ok", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Thing"}},
                       "text/csv": {"schema": {"type": "string"}}}},
                   "400": {"description": "bad", "content": {"application/problem+json": {"schema": {"type": "object",
                       "required": ["status"], "properties": {"status": {"type": "integer"}}}}}}}}}},
             "components": {"schemas": {"Thing": {"type": "object", "required": ["id"],
                 "properties": {"id": {"type": "string"}, "name": {"type": "string"}}}}}}
            """;
    private static final String ID = "5f0c8a3e-1d2b-4c5d-8e9f-0a1b2c3d4e5f";

    private static Vertx vertx;
    private static HttpServer server;

    @BeforeAll
    static void start() throws Exception {
        vertx = Vertx.vertx();
        server = vertx.createHttpServer().requestHandler(OpenApiContractFilterTest::answer).listen(0)
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @AfterAll
    static void stop() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private static void answer(HttpServerRequest request) {
        if (request.path().equals("/q/openapi")) {
            request.response().putHeader("content-type", "application/json").end(DOCUMENT);
            return;
        }
        String answer = request.getParam("answer", "good");
        var response = request.response();
        switch (answer) {
            case "good" -> response.putHeader("content-type", "application/json").end("{\"id\":\"x\",\"name\":\"n\"}");
            case "null" -> response.putHeader("content-type", "application/json").end("{\"id\":\"x\",\"name\":null}");
            case "missing" -> response.putHeader("content-type", "application/json").end("{\"name\":\"n\"}");
            case "problem" -> response.setStatusCode(400).putHeader("content-type", "application/problem+json")
                    .end("{\"status\":400}");
            case "undeclared" -> response.setStatusCode(409).putHeader("content-type", "application/problem+json")
                    .end("{\"status\":409}");
            case "notfound" -> response.setStatusCode(404).end();
            case "csv" -> response.putHeader("content-type", "text/csv; charset=UTF-8").end("id,name\nx,n\n");
            case "text" -> response.putHeader("content-type", "text/plain").end("x");
            default -> response.setStatusCode(500).end();
        }
    }

    private static RequestSpecification given() {
        return RestAssured.given().port(server.actualPort()).filter(new OpenApiContractFilter());
    }

    @Test
    void aMatchingCallPasses() {
        assertDoesNotThrow(() -> given().queryParam("q", "abc").get("/things/" + ID).then().statusCode(200));
    }

    @Test
    void anAnswerInAnotherDeclaredMediaTypePassesAndAnUndeclaredOneFails() {
        assertDoesNotThrow(() -> given().queryParam("answer", "csv").get("/things/" + ID).then().statusCode(200));
        AssertionError e = assertThrows(AssertionError.class, () -> given().queryParam("answer", "text").get("/things/" + ID));
        assertTrue(e.getMessage().contains("text/plain"), e.getMessage());
    }

    @Test
    void aNullWhereTheSchemaSaysStringFails() {
        AssertionError e = assertThrows(AssertionError.class, () -> given().queryParam("answer", "null").get("/things/" + ID));
        assertTrue(e.getMessage().contains("does not match"), e.getMessage());
    }

    @Test
    void aMissingRequiredFieldFails() {
        assertThrows(AssertionError.class, () -> given().queryParam("answer", "missing").get("/things/" + ID));
    }

    @Test
    void anUndeclaredStatusFails() {
        assertThrows(AssertionError.class, () -> given().queryParam("answer", "undeclared").get("/things/" + ID));
    }

    @Test
    void aForbiddenRequestMayBeRefusedButNotAccepted() {
        assertDoesNotThrow(() -> given().queryParam("q", "toolong").queryParam("answer", "problem").get("/things/" + ID));
        AssertionError e = assertThrows(AssertionError.class, () -> given().queryParam("q", "toolong").get("/things/" + ID));
        assertTrue(e.getMessage().contains("forbids"), e.getMessage());
        assertThrows(AssertionError.class, () -> given().get("/things/not-a-uuid"));
    }

    @Test
    void anUndocumentedOperationMayOnlyFail() {
        assertThrows(AssertionError.class, () -> given().get("/other"));
        assertDoesNotThrow(() -> given().queryParam("answer", "notfound").get("/other").then().statusCode(404));
        assertThrows(AssertionError.class, () -> given().post("/things/" + ID));
    }
}
