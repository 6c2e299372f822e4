package org.yizhan.kit.health;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.yizhan.kit.inbox.ConsumerStatus;
import org.yizhan.kit.inbox.Failures;
import org.yizhan.kit.inbox.KafkaEventConsumer;
import org.yizhan.kit.inbox.PartitionStall;
import org.yizhan.kit.outbox.OutboxBacklog;
import org.yizhan.kit.outbox.OutboxRelay;
import org.yizhan.kit.outbox.OutboxRows;
import org.yizhan.kit.time.AppClock;

import java.time.Duration;
import java.time.Instant;

/**
 * The event flow as readiness shows it: the relay's backlog (pending messages, the oldest one's
 * age, parked messages and what waits behind them) and the consumer's last poll and stalled
 * partitions. It is always UP (ADR 0011): Kafka being away or a partition stalled does not make
 * this instance's API wrong, and the outbox exists so that writes go on meanwhile; a stall is
 * reported here for monitoring, and the database's own check covers the database.
 */
@Readiness
@ApplicationScoped
public class EventsReadiness implements HealthCheck {

    /** The check's name. */
    public static final String NAME = "Kafka events (outbox relay and consumer)";

    private final OutboxRelay relay;
    private final OutboxRows outbox;
    private final KafkaEventConsumer consumer;
    private final AppClock clock;

    public EventsReadiness(OutboxRelay relay, OutboxRows outbox, KafkaEventConsumer consumer, AppClock clock) {
        this.relay = relay;
        this.outbox = outbox;
        this.consumer = consumer;
        this.clock = clock;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder health = HealthCheckResponse.named(NAME).up();
        Instant now = clock.now();
        relay(health, now);
        consumer(health, consumer.status());
        return health.build();
    }

    private void relay(HealthCheckResponseBuilder health, Instant now) {
        health.withData("relay", relay.enabled() ? (relay.alive() ? "running" : "dead") : "disabled");
        try {
            OutboxBacklog backlog = QuarkusTransaction.requiringNew().timeout(5).call(outbox::backlog);
            health.withData("relayPending", backlog.pending());
            health.withData("relayOldestPendingAgeSeconds", backlog.oldestPendingAt() == null ? 0
                    : Math.max(0, Duration.between(backlog.oldestPendingAt(), now).toSeconds()));
            health.withData("relayParked", backlog.parked());
            health.withData("relayWaitingBehindParked", backlog.waitingBehindParked());
        } catch (RuntimeException e) {
            health.withData("relayBacklog", "unknown: " + Failures.rootType(e));
        }
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
