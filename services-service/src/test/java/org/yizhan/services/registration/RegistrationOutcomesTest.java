package org.yizhan.services.registration;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.yizhan.localstack.testing.YizhanTestResource;

import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.yizhan.services.registration.RegistrationFixtures.newWorker;
import static org.yizhan.services.registration.RegistrationFixtures.published;
import static org.yizhan.services.registration.RegistrationFixtures.worker;

/** Registrations are counted by outcome (yizhan_activity_registrations_total), refusals too. */
@QuarkusTest
@WithTestResource(value = YizhanTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "yizhan_services"))
class RegistrationOutcomesTest {

    private static final String[] OUTCOMES = {"registered", "waitlisted", "already_registered", "refused_not_found"};

    @Inject
    MeterRegistry registry;

    @Test
    void eachRegistrationCountsItsOutcome() {
        Map<String, Double> before = counts();
        String activity = published(1, 3 * 24 * 60);
        String first = newWorker();
        String second = newWorker();
        register(activity, first, 201);
        register(activity, second, 201);
        register(activity, second, 200);
        register(UUID.randomUUID().toString(), first, 404);

        Map<String, Double> after = counts();
        for (String outcome : OUTCOMES) {
            assertEquals(before.get(outcome) + 1, after.get(outcome), outcome);
        }
    }

    private static void register(String activity, String subject, int status) {
        worker(subject).body("{\"occupation\":\"COURIER\"}")
                .when().post("/api/v1/activities/" + activity + "/registrations").then().statusCode(status);
    }

    private Map<String, Double> counts() {
        return Stream.of(OUTCOMES).collect(Collectors.toMap(Function.identity(), outcome -> {
            Counter counter = registry.find("yizhan.activity.registrations").tag("outcome", outcome).counter();
            return counter == null ? 0.0 : counter.count();
        }));
    }
}
