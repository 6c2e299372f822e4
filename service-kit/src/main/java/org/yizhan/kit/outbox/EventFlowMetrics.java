package org.yizhan.kit.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;
import org.yizhan.kit.inbox.DeadLetterStore;
import org.yizhan.kit.inbox.Failures;
import org.yizhan.kit.time.AppClock;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.ToDoubleFunction;

/**
 * The event flow's database side as gauges (ADR 0023): the outbox backlog, the age of its oldest
 * unpublished message, parked messages and what waits behind them, and dead letters not yet
 * replayed. The figures are read every {@code yizhan.metrics.event-flow.every} (default 15s) on a
 * worker thread, not while the metrics are scraped, so a scrape never waits for the database; a
 * gauge is NaN while the database cannot be read. The reading only reads, so it runs on every
 * instance without a job lock (ADR 0025): each instance shows the same database-wide figures.
 */
@ApplicationScoped
public class EventFlowMetrics {

    private static final Logger LOG = Logger.getLogger(EventFlowMetrics.class);

    /** One reading of the figures. */
    public record Reading(OutboxBacklog backlog, long deadLetters, Instant at) {
    }

    private final OutboxRows outbox;
    private final DeadLetterStore deadLetters;
    private final AppClock clock;
    private final MeterRegistry registry;
    private final AtomicReference<Reading> last = new AtomicReference<>();

    public EventFlowMetrics(OutboxRows outbox, DeadLetterStore deadLetters, AppClock clock, MeterRegistry registry) {
        this.outbox = outbox;
        this.deadLetters = deadLetters;
        this.clock = clock;
        this.registry = registry;
    }

    void register(@Observes StartupEvent ignored) {
        gauge("yizhan.outbox.pending", "Outbox messages not yet published (parked ones included)", null,
                r -> r.backlog().pending());
        gauge("yizhan.outbox.oldest.pending.age", "Age of the oldest unpublished outbox message; 0 when none",
                "seconds", r -> r.backlog().oldestPendingAt() == null ? 0
                        : Math.max(0, Duration.between(r.backlog().oldestPendingAt(), r.at()).toMillis() / 1000.0));
        gauge("yizhan.outbox.parked", "Outbox messages parked after Kafka refused them for good", null,
                r -> r.backlog().parked());
        gauge("yizhan.outbox.waiting.behind.parked", "Outbox messages held behind a parked message of their key",
                null, r -> r.backlog().waitingBehindParked());
        gauge("yizhan.events.dead.letters", "Dead letters not yet replayed or discarded by an operator", null,
                Reading::deadLetters);
    }

    private void gauge(String name, String description, String unit, ToDoubleFunction<Reading> value) {
        Gauge.builder(name, last, ref -> ref.get() == null ? Double.NaN : value.applyAsDouble(ref.get()))
                .description(description).baseUnit(unit).strongReference(true).register(registry);
    }

    @Scheduled(every = "${yizhan.metrics.event-flow.every:15s}", delayed = "2s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        refresh();
    }

    /** Reads the figures now; the gauges show them until the next reading. */
    public Reading refresh() {
        try {
            Reading reading = QuarkusTransaction.requiringNew().timeout(5).call(
                    () -> new Reading(outbox.backlog(), deadLetters.waiting(), clock.now()));
            last.set(reading);
            return reading;
        } catch (RuntimeException e) {
            LOG.warnf("Event flow figures not read (%s)", Failures.rootType(e));
            last.set(null);
            return null;
        }
    }
}
