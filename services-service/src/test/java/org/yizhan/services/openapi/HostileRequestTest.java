package org.yizhan.services.openapi;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import org.yizhan.localstack.testing.HostileRequests;
import org.yizhan.localstack.testing.TestTokens;
import org.yizhan.localstack.testing.YizhanTestResource;
import org.yizhan.services.activity.ActivityFixtures;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Sends hostile variants of every operation of the service's own OpenAPI document (local-stack
 * {@link HostileRequests}): no answer may be a 5xx, carry a stack trace, or have a status the
 * document does not declare for the operation.
 */
@QuarkusTest
@WithTestResource(value = YizhanTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "yizhan_services"))
class HostileRequestTest {

    @Inject
    EntityManager em;

    @Test
    void noRequestShapeIsAnsweredWithA5xxOrAStackTrace() {
        List<String> tokens = List.of(TestTokens.token("admin-1", "union-admin"),
                TestTokens.partnerToken("youth-system", "youth-league"), TestTokens.token("rider-1", "worker"));
        UUID station = ActivityFixtures.venue(em, "ACTIVE", 39.72, 116.34);
        String activity = ActivityFixtures.published(tokens.get(0), ActivityFixtures.body(station, "恶意请求测试", 5, null));
        // One request at a time: some variants are valid writes here (a cancellation with any free-text
        // reason, a partner push answered record by record), and what follows depends on them.
        HostileRequests.Result result = new HostileRequests(tokens, Map.of("id", activity, "stationId", station.toString(),
                "recordId", "r-1", "partner", "youth-league", "service", "services-service")).sendAll(1);
        assertTrue(result.operations() >= 20, "operations: " + result.operations());
        assertTrue(result.requests() > 1_000, "requests: " + result.requests());
        assertEquals(List.of(), result.failures());
    }
}
