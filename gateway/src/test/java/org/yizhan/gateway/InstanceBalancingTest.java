package org.yizhan.gateway;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.yizhan.localstack.Ports;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.yizhan.gateway.TestSupport.assertProblem;
import static org.yizhan.gateway.TestSupport.json;

/**
 * station-service runs as two instances (a and b), each with an API port and a management port of its
 * own; the gateway checks their readiness every 300 ms, and gives up on a check after 500 ms. Requests
 * are spread over the instances in rotation, an instance that fails its readiness, leaves it
 * unanswered twice or stops leaves rotation and comes back when it is ready again, and a GET never
 * meets the stopped one.
 */
@QuarkusTest
@TestProfile(InstanceBalancingTest.TwoStationInstances.class)
@WithTestResource(value = GatewayTestResource.class,
        initArgs = @ResourceArg(name = GatewayTestResource.OWN, value = "station-service"))
class InstanceBalancingTest {

    private static final String STATIONS = "/api/v1/stations";

    public static class TwoStationInstances implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "yizhan.gateway.station-service-url",
                    "http://127.0.0.1:" + port("a") + ",http://127.0.0.1:" + port("b"),
                    "yizhan.gateway.station-service-management-url",
                    "http://127.0.0.1:" + port("a-management") + ",http://127.0.0.1:" + port("b-management"),
                    "yizhan.gateway.health-check.interval", "300ms",
                    "yizhan.gateway.health-check.timeout", "500ms",
                    "yizhan.gateway.health-check.failures", "2",
                    "yizhan.gateway.rate-limit.enabled", "false");
        }
    }

    /**
     * A free port per role, chosen once per JVM and kept as a system property: the profile and the test
     * may be loaded by different class loaders. It is bound only after the gateway has started and
     * begun checking it, so it comes from below the range the system takes ports for outgoing
     * connections from; otherwise one of those checks' own connections may hold it by then.
     */
    static synchronized int port(String role) {
        String key = "org.yizhan.gateway.test.balancing." + role;
        String port = System.getProperty(key);
        if (port == null) {
            port = Integer.toString(Ports.free());
            System.setProperty(key, port);
        }
        return Integer.parseInt(port);
    }

    private static Vertx vertx;
    private static StubInstance a;
    private static StubInstance b;

    @BeforeAll
    static void startInstances() throws Exception {
        vertx = Vertx.vertx();
        a = new StubInstance(vertx, "a", port("a"), port("a-management"));
        b = new StubInstance(vertx, "b", port("b"), port("b-management"));
        a.start();
        b.start();
    }

    @AfterAll
    static void stopInstances() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @BeforeEach
    void bothInRotation() throws Exception {
        for (StubInstance instance : List.of(a, b)) {
            instance.ready(true);
            instance.hang(false);
            if (!instance.running()) {
                instance.start();
            }
        }
        awaitInRotation(a, true);
        awaitInRotation(b, true);
    }

    @Test
    void theRequestsAreSharedByTheInstancesInTurn() {
        Map<String, Integer> served = send(20);
        assertEquals(Map.of("a", 10, "b", 10), served);
    }

    @Test
    void anInstanceThatFailsItsReadinessLeavesRotationAndComesBackWhenReady() {
        b.ready(false);
        awaitInRotation(b, false);
        JsonObject readiness = readiness();
        assertEquals("in rotation", readiness.getString("station-service " + a.id()));
        assertEquals("out of rotation", readiness.getString("station-service " + b.id()));
        assertEquals("reachable", readiness.getString("station-service"));
        assertEquals(Map.of("a", 10), send(10));

        b.ready(true);
        awaitInRotation(b, true);
        assertEquals(Map.of("a", 5, "b", 5), send(10));
    }

    @Test
    void anInstanceThatLeavesItsChecksUnansweredLeavesRotationAndComesBackWhenItAnswers() {
        b.hang(true);
        awaitInRotation(b, false);
        assertEquals(Map.of("a", 10), send(10));
        b.hang(false);
        awaitInRotation(b, true);
        assertEquals(Map.of("a", 5, "b", 5), send(10));
    }

    @Test
    void aStoppedInstanceCostsTheReadsNoErrorAndServesAgainOnceRestarted() throws Exception {
        b.stop();
        // At once, before a readiness round can have noticed: b's turn comes within the first two
        // requests, its connection is refused, and the request is sent to a instead.
        Map<String, Integer> served = send(30);
        assertEquals(Map.of("a", 30), served);
        assertEquals(0.0, instanceUp(b));
        assertEquals(1.0, instanceUp(a));

        b.start();
        awaitInRotation(b, true);
        assertEquals(Map.of("a", 5, "b", 5), send(10));
    }

    @Test
    void withEveryInstanceOutOfRotationTheAnswerIsAServiceUnavailableProblemWithRetryAfter() throws Exception {
        a.stop();
        b.stop();
        awaitInRotation(a, false);
        awaitInRotation(b, false);

        Response refused = given().header("Accept-Language", "en").get(STATIONS);
        JsonObject problem = assertProblem(refused, 503, "service-unavailable", STATIONS);
        assertEquals("No instance of station-service is ready now. Retry in 1 s.", problem.getString("detail"));
        // One readiness period (300 ms), in whole seconds.
        assertEquals("1", refused.header("Retry-After"));
        assertEquals("unreachable", readiness().getString("station-service"));

        a.start();
        awaitInRotation(a, true);
        Response served = given().get(STATIONS);
        assertEquals(200, served.statusCode(), served.asString());
        assertEquals("a", served.header(StubInstance.HEADER));
    }

    /** Sends {@code count} public GETs one after the other; every one must be answered 200. Counts them per instance. */
    private static Map<String, Integer> send(int count) {
        Map<String, Integer> served = new HashMap<>();
        for (int i = 0; i < count; i++) {
            Response response = given().get(STATIONS + "?page=" + i);
            assertEquals(200, response.statusCode(), response.asString());
            served.merge(response.header(StubInstance.HEADER), 1, Integer::sum);
        }
        return served;
    }

    private static void awaitInRotation(StubInstance instance, boolean inRotation) {
        // Generous: on a loaded machine the first scrape of a freshly started gateway takes seconds.
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                .until(() -> instanceUp(instance) == (inRotation ? 1.0 : 0.0));
    }

    /** The instance's {@code gateway_upstream_instance_up} sample. */
    private static double instanceUp(StubInstance instance) {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines()
                .filter(line -> line.startsWith("gateway_upstream_instance_up{")
                        && line.contains("instance=\"" + instance.id() + "\"")
                        && line.contains("service=\"station-service\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no gateway_upstream_instance_up for " + instance.id()));
    }

    private static JsonObject readiness() {
        return UpstreamDownTest.upstreamsCheck(json(given().get("/q/health/ready")).getJsonArray("checks"))
                .getJsonObject("data");
    }
}
