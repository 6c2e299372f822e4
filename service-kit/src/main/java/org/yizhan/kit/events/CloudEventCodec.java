package org.yizhan.kit.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.core.format.EventFormat;
import io.cloudevents.core.provider.EventFormatProvider;
import io.cloudevents.jackson.JsonFormat;
import jakarta.enterprise.context.ApplicationScoped;
import org.yizhan.kit.time.AppClock;
import org.yizhan.kit.tracing.EventTraceContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.ZoneOffset;
import java.util.UUID;

/** Writes and reads CloudEvents 1.0 in structured JSON mode, with our payloads as {@code data}. */
@ApplicationScoped
public class CloudEventCodec {

    /** Content type of a structured CloudEvent, also sent as the Kafka {@code content-type} header. */
    public static final String CONTENT_TYPE = JsonFormat.CONTENT_TYPE;

    private final ObjectMapper json;
    private final EventFormat format;
    private final AppClock clock;

    public CloudEventCodec(ObjectMapper json, AppClock clock) {
        this.json = json;
        this.clock = clock;
        this.format = EventFormatProvider.getInstance().resolveFormat(JsonFormat.CONTENT_TYPE);
    }

    /**
     * A new event with a fresh id and the current time, carrying the current trace context
     * ({@code traceparent}/{@code tracestate}, see {@link EventTraceContext}).
     */
    public CloudEvent create(URI source, String type, String subject, Object data) {
        try {
            return EventTraceContext.inject(CloudEventBuilder.v1()
                    .withId(UUID.randomUUID().toString())
                    .withSource(source)
                    .withType(type)
                    .withSubject(subject)
                    .withTime(clock.now().atOffset(ZoneOffset.UTC))
                    .withDataContentType("application/json")
                    .withData(json.writeValueAsBytes(data)))
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public byte[] serialize(CloudEvent event) {
        return format.serialize(event);
    }

    /** Parses a structured CloudEvent; throws {@link IllegalArgumentException} if it is not one. */
    public CloudEvent deserialize(byte[] bytes) {
        try {
            return format.deserialize(bytes);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a structured JSON CloudEvent", e);
        }
    }

    /** The event's data read as {@code type}. */
    public <T> T data(CloudEvent event, Class<T> type) {
        if (event.getData() == null) {
            throw new IllegalArgumentException("event " + event.getId() + " has no data");
        }
        try {
            return json.readValue(event.getData().toBytes(), type);
        } catch (IOException e) {
            throw new IllegalArgumentException("event " + event.getId() + " data is not a " + type.getSimpleName(), e);
        }
    }
}
