package org.yizhan.kit.health;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.yizhan.kit.inbox.ConsumerStatus;
import org.yizhan.kit.inbox.KafkaEventConsumer;
import org.yizhan.kit.inbox.PartitionStall;

/**
 * The event flow as readiness shows it: the consumer's last poll and stalled partitions. It is
 * always UP (ADR 0011): a partition stalled does not make this instance's API wrong; a stall is
 * reported here for monitoring, and the database's own check covers the database.
 */
@Readiness
@ApplicationScoped
public class EventsReadiness implements HealthCheck {

    /** The check's name. */
    public static final String NAME = "Kafka events (outbox relay and consumer)";

    private final KafkaEventConsumer consumer;

    public EventsReadiness(KafkaEventConsumer consumer) {
        this.consumer = consumer;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder health = HealthCheckResponse.named(NAME).up();
        consumer(health, consumer.status());
        return health.build();
    }

    private static void consumer(HealthCheckResponseBuilder health, ConsumerStatus status) {
        health.withData("consumer", status.enabled() ? (status.alive() ? "running" : "dead") : "disabled");
        if (status.lastPollAt() != null) {
            health.withData("consumerLastPollAt", status.lastPollAt().toString());
        }
        health.withData("consumerStalledPartitions", status.stalled().size());
        for (PartitionStall stall : status.stalled()) {
            health.withData("stalled " + stall.topic() + "-" + stall.partition(),
                    "since " + stall.since() + " at offset " + stall.offset() + ", " + stall.attempts()
                            + " attempts, " + stall.kind() + " " + stall.errorType() + ", next try " + stall.retryAt());
        }
    }
}
