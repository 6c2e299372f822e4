package org.yizhan.kit.inbox;

import io.cloudevents.CloudEvent;
import io.quarkus.arc.All;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.yizhan.kit.config.EventsConfig;

import java.util.List;
import java.util.Optional;

/**
 * The one path by which an event reaches a handler, for the consumer and for a replayed dead
 * letter alike: the event id goes into the inbox and the handler applies the event in the same
 * transaction, so that an event is applied at most once however often it arrives.
 */
@ApplicationScoped
public class EventApplier {

    private final List<EventHandler> handlers;
    private final Inbox inbox;
    private final EventsConfig config;

    public EventApplier(@All List<EventHandler> handlers, Inbox inbox, EventsConfig config) {
        this.handlers = handlers;
        this.inbox = inbox;
        this.config = config;
    }

    /** Whether this service has any handler, i.e. consumes anything. */
    public boolean hasHandlers() {
        return !handlers.isEmpty();
    }

    /** The topics the handlers read. */
    public List<String> topics() {
        return handlers.stream().map(EventHandler::topic).distinct().sorted().toList();
    }

    /** The handler of {@code type} on {@code topic}; empty for a type this service does not need. */
    public Optional<EventHandler> handlerFor(String topic, String type) {
        return handlers.stream().filter(h -> h.topic().equals(topic) && h.types().contains(type)).findFirst();
    }

    /**
     * Applies {@code event} in the caller's transaction.
     *
     * @return {@code true} if applied now, {@code false} if the inbox shows it was applied before
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean apply(EventHandler handler, CloudEvent event) {
        if (!inbox.firstDelivery(config.consumer().groupId(), event.getId(), event.getType())) {
            return false;
        }
        handler.handle(event);
        return true;
    }

    /** Applies {@code event} in a transaction of its own, committed before this returns. */
    public boolean applyInNewTransaction(EventHandler handler, CloudEvent event) {
        return QuarkusTransaction.requiringNew()
                .timeout((int) Math.max(1, config.consumer().transactionTimeout().toSeconds()))
                .call(() -> apply(handler, event));
    }
}
