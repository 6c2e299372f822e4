package org.yizhan.kit.tracing;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapSetter;

import java.util.List;

/**
 * The trace context that rides in a CloudEvent: the CloudEvents distributed-tracing extension
 * attributes {@code traceparent} and {@code tracestate} (W3C Trace Context). An event takes the
 * context of the code that wrote it, so the consumer's span joins the writer's trace even though
 * the outbox relay publishes it later on another thread (ADR 0023).
 */
public final class EventTraceContext {

    /** The extension attribute with the W3C {@code traceparent}. */
    public static final String TRACEPARENT = "traceparent";
    /** The extension attribute with the W3C {@code tracestate}, present only when not empty. */
    public static final String TRACESTATE = "tracestate";

    private static final W3CTraceContextPropagator W3C = W3CTraceContextPropagator.getInstance();

    private static final TextMapSetter<CloudEventBuilder> SETTER = (builder, key, value) -> {
        if (builder != null && value != null && !value.isEmpty()) {
            builder.withExtension(key, value);
        }
    };

    private static final TextMapGetter<CloudEvent> GETTER = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(CloudEvent event) {
            return List.of(TRACEPARENT, TRACESTATE);
        }

        @Override
        public String get(CloudEvent event, String key) {
            if (event == null) {
                return null;
            }
            Object value = event.getExtension(key);
            return value == null ? null : value.toString();
        }
    };

    private EventTraceContext() {
    }

    /** Adds the current span's context to {@code builder}; nothing when no span is recording or sampled. */
    public static CloudEventBuilder inject(CloudEventBuilder builder) {
        W3C.inject(Context.current(), builder, SETTER);
        return builder;
    }

    /**
     * The context {@code event} was written in, as the parent of the span that handles it; the
     * root context if it carries none (or a malformed one, which is ignored).
     */
    public static Context extract(CloudEvent event) {
        return W3C.extract(Context.root(), event, GETTER);
    }
}
