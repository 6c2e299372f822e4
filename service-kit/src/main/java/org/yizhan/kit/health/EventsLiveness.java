package org.yizhan.kit.health;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.yizhan.kit.inbox.ConsumerStatus;
import org.yizhan.kit.inbox.KafkaEventConsumer;

/**
 * DOWN only when the consumer's thread died: nothing in the process would consume any more, and
 * only a restart repairs that. A Kafka or database outage keeps the thread alive and retrying, so
 * it is never a reason to restart.
 */
@Liveness
@ApplicationScoped
public class EventsLiveness implements HealthCheck {

    private final KafkaEventConsumer consumer;

    public EventsLiveness(KafkaEventConsumer consumer) {
        this.consumer = consumer;
    }

    @Override
    public HealthCheckResponse call() {
        ConsumerStatus status = consumer.status();
        boolean consumerDead = status.enabled() && !status.alive();
        return HealthCheckResponse.named("Kafka event threads")
                .status(!consumerDead)
                .withData("consumer", status.enabled() ? (consumerDead ? "dead" : "running") : "disabled")
                .build();
    }
}
