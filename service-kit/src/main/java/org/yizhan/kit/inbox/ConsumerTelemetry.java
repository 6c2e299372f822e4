package org.yizhan.kit.inbox;

import io.cloudevents.CloudEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.yizhan.kit.tracing.EventTraceContext;

import java.util.Collection;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the consumer tells about itself (ADR 0023): a CONSUMER span per handled event, child of
 * the span that wrote it (the event's {@code traceparent}); events handled per outcome; and the lag
 * of each assigned partition, read from the consumer's own fetch position and the partition's end
 * without a call to the broker. Tags are the group, topic, partition and outcome only.
 */
final class ConsumerTelemetry {

    /** What became of an event, as the {@code outcome} tag. */
    enum Outcome {
        APPLIED, DEAD_LETTERED, RETRIED;

        String tag() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final Tracer tracer;
    private final MeterRegistry registry;
    private final String group;
    private final Map<TopicPartition, AtomicLong> lag = new ConcurrentHashMap<>();
    private final Map<TopicPartition, Gauge> lagGauges = new ConcurrentHashMap<>();
    private final Map<String, Counter> outcomes = new ConcurrentHashMap<>();

    ConsumerTelemetry(Tracer tracer, MeterRegistry registry, String group) {
        this.tracer = tracer;
        this.registry = registry;
        this.group = group;
    }

    /** Starts the span of handling {@code event}; the caller makes it current and ends it. */
    Span start(ConsumerRecord<String, byte[]> record, CloudEvent event) {
        return tracer.spanBuilder(record.topic() + " process")
                .setSpanKind(SpanKind.CONSUMER)
                .setParent(EventTraceContext.extract(event))
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.operation.type", "process")
                .setAttribute("messaging.destination.name", record.topic())
                .setAttribute("messaging.destination.partition.id", String.valueOf(record.partition()))
                .setAttribute("messaging.kafka.offset", record.offset())
                .setAttribute("messaging.consumer.group.name", group)
                .setAttribute("messaging.message.id", event.getId())
                .setAttribute("cloudevents.event_type", event.getType())
                .startSpan();
    }

    /** Records the outcome on the span (if any) and in the counters. */
    void finished(Span span, String topic, Outcome outcome, Throwable failure) {
        if (span != null) {
            span.setAttribute("yizhan.event.outcome", outcome.tag());
            // Only the error's type: an exception's message may hold personal data.
            if (outcome != Outcome.APPLIED) {
                span.setStatus(StatusCode.ERROR, failure == null ? outcome.tag() : Failures.rootType(failure));
            }
        }
        outcomes.computeIfAbsent(topic + '\u0000' + outcome.tag(), k -> Counter.builder("yizhan.events.consumed")
                .description("Events this consumer handled, by outcome (retried: tried again later)")
                .tags(Tags.of("group", group, "topic", topic, "outcome", outcome.tag()))
                .register(registry)).increment();
    }

    /** Reads the lag of every assigned partition; called on the consumer's thread after a poll. */
    void readLag(Consumer<?, ?> consumer) {
        for (TopicPartition partition : consumer.assignment()) {
            OptionalLong current = consumer.currentLag(partition);
            if (current.isPresent()) {
                lagOf(partition).set(current.getAsLong());
            }
        }
    }

    /** Partitions that left this consumer no longer report a lag here. */
    void forget(Collection<TopicPartition> partitions) {
        for (TopicPartition partition : partitions) {
            lag.remove(partition);
            Gauge gauge = lagGauges.remove(partition);
            if (gauge != null) {
                registry.remove(gauge);
            }
        }
    }

    private AtomicLong lagOf(TopicPartition partition) {
        return lag.computeIfAbsent(partition, p -> {
            AtomicLong value = new AtomicLong();
            lagGauges.put(p, Gauge.builder("yizhan.events.consumer.lag", value, AtomicLong::get)
                    .description("Records of the partition not yet consumed by this group (end offset - position)")
                    .tags(Tags.of("group", group, "topic", p.topic(), "partition", String.valueOf(p.partition())))
                    .strongReference(true).register(registry));
            return value;
        });
    }
}
