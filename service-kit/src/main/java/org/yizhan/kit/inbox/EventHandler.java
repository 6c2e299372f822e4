package org.yizhan.kit.inbox;

import io.cloudevents.CloudEvent;

import java.util.Set;

/**
 * Applies another service's events to this service's state. Implementations are CDI beans;
 * {@link KafkaEventConsumer} (and a replay of a dead letter) calls {@link #handle} inside the
 * transaction that also records the event id, so a redelivered event is never applied twice.
 */
public interface EventHandler {

    /** The topic this handler reads. */
    String topic();

    /** The CloudEvent types it applies; other types on the topic are skipped. */
    Set<String> types();

    /**
     * Applies one event. Throwing rolls the transaction back; what follows depends on the exception
     * (ADR 0011): {@link IllegalArgumentException} means the event breaks the contract and is
     * dead-lettered at once, with the message as the reason (so the message must never quote
     * personal data); a database or Kafka failure is retried for as long as it takes; anything
     * else is tried a few times, then dead-lettered.
     */
    void handle(CloudEvent event);
}
