package org.yizhan.services.registration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.yizhan.localstack.testing.TopicProbe;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Predicate;

/**
 * Reads yizhan.activity.v1 from the moment it is opened and keeps what it read, so that several
 * events that arrive in one poll can each be awaited in turn.
 */
final class ActivityTopic implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final TopicProbe probe = TopicProbe.open("yizhan.activity.v1");
    private final List<TopicProbe.Message> unread = new ArrayList<>();

    /** The data of the next unread event of {@code type} about {@code activityId} whose data matches. */
    JsonNode await(String activityId, String type, Predicate<JsonNode> data) {
        Instant deadline = Instant.now().plusSeconds(30);
        while (true) {
            for (Iterator<TopicProbe.Message> it = unread.iterator(); it.hasNext(); ) {
                TopicProbe.Message m = it.next();
                JsonNode event = read(m.value());
                if (activityId.equals(m.key()) && type.equals(event.path("type").asText())
                        && data.test(event.path("data"))) {
                    it.remove();
                    return event.path("data");
                }
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("no " + type + " event for " + activityId);
            }
            unread.addAll(probe.drain(Duration.ofMillis(500)));
        }
    }

    private static JsonNode read(String value) {
        try {
            return JSON.readTree(value);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + value, e);
        }
    }

    @Override
    public void close() {
        probe.close();
    }
}
