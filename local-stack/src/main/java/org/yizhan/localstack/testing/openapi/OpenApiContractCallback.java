package org.yizhan.localstack.testing.openapi;

import io.quarkus.test.junit.callback.QuarkusTestBeforeClassCallback;
import io.restassured.RestAssured;

/**
 * Puts {@link OpenApiContractFilter} in front of every rest-assured call of a module's
 * {@code @QuarkusTest} classes, when the module asks for it with a test resource named
 * {@value #MARKER}. Quarkus loads this callback in the test's class loader, so the filter reaches
 * the same rest-assured the tests use.
 */
public class OpenApiContractCallback implements QuarkusTestBeforeClassCallback {

    /** The classpath resource by which a module's tests ask for the contract check. */
    public static final String MARKER = "yizhan-openapi-contract.properties";

    @Override
    public void beforeClass(Class<?> testClass) {
        ClassLoader loader = testClass.getClassLoader();
        if (loader.getResource(MARKER) == null) {
            return;
        }
        try {
            Class.forName("io.vertx.openapi.contract.OpenAPIContract", false, loader);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(MARKER + " asks for the OpenAPI contract check: add io.vertx:vertx-openapi"
                    + " to the module's test dependencies");
        }
        synchronized (RestAssured.class) {
            if (RestAssured.filters().stream().noneMatch(OpenApiContractFilter.class::isInstance)) {
                RestAssured.filters(new OpenApiContractFilter());
            }
        }
    }
}
