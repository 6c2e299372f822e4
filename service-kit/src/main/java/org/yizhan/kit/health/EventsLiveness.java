package org.yizhan.kit.health;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.yizhan.kit.inbox.ConsumerStatus;
import org.yizhan.kit.inbox.KafkaEventConsumer;
import org.yizhan.kit.outbox.OutboxRelay;

/**
 * DOWN only when the outbox relay's or the consumer's thread died: nothing in the process would
 * publish or consume any more, and only a restart repairs that. A Kafka or database outage keeps
 * both threads alive and retrying, so it is never a reason to restart.
 */
@Liveness
@ApplicationScoped
public class EventsLiveness implements HealthCheck {

    private final OutboxRelay relay;
    private final KafkaEventConsumer consumer;

    public EventsLiveness(OutboxRelay relay, KafkaEventConsumer consumer) {
        this.relay = relay;
        this.consumer = consumer;
    }

    @Override
    public HealthCheckResponse call() {
        ConsumerStatus status = consumer.status();
        boolean relayDead = relay.enabled() && !relay.alive();
        boolean consumerDead = status.enabled() && !status.alive();
        return HealthCheckResponse.named("Kafka event threads")
                .status(!relayDead && !consumerDead)
                .withData("relay", relay.enabled() ? (relayDead ? "dead" : "running") : "disabled")
                .withData("consumer", status.enabled() ? (consumerDead ? "dead" : "running") : "disabled")
                .build();
    }
}
