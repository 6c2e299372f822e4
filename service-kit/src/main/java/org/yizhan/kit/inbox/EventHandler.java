package org.yizhan.kit.inbox;

import io.cloudevents.CloudEvent;

import java.util.Set;

/**
 * Applies another service's events to this service's state. Implementations are CDI beans;
 * {@link KafkaEventConsumer} calls {@link #handle} inside the transaction that also records the
 * event id, so a redelivered event is never applied twice.
 */
public interface EventHandler {

    /** The topic this handler reads. */
    String topic();

    /** The CloudEvent types it applies; other types on the topic are skipped. */
    Set<String> types();

    /** Applies one event; throwing rolls back and retries, then dead-letters the event. */
    void handle(CloudEvent event);
}
