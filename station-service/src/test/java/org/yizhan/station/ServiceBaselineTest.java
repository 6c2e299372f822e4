package org.yizhan.station;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.yizhan.localstack.testing.YizhanTestResource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The service starts on real PostgreSQL and Kafka, migrates its database, reports its health and
 * serves an OpenAPI document in which every string, integer and array is bounded.
 */
@QuarkusTest
@WithTestResource(value = YizhanTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "yizhan_station"))
class ServiceBaselineTest extends org.yizhan.localstack.testing.ServiceBaselineTest {

    @Override
    protected String serviceName() {
        return "station-service";
    }

    /** The inherited checks run against this service: the application under test is the one named. */
    @Test
    void theApplicationUnderTestIsThisService() {
        assertEquals(serviceName(), ConfigProvider.getConfig().getValue("quarkus.application.name", String.class));
    }
}
